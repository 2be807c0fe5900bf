"""El catálogo de mensajes de un despliegue y la revisión por sentido (fixtures/mensajes.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from fixtures import objetivo
from fixtures.mensajes import REFERENCIA, CatalogoInvalido, Mensajes, Momento, leer_catalogo
from fixtures.sentidos import SENTIDOS

POR_SENTIDO = Mensajes(None)


def _catalogo(tmp_path: Path, texto: str) -> Path:
    ruta = tmp_path / "mensajes.toml"
    ruta.write_text(texto, encoding="utf-8")
    return ruta


def _completo(**cambios: str) -> str:
    """Un catálogo válido (el de referencia) con algunos renglones cambiados o quitados ("" lo quita)."""
    renglones = {nombre: renglon for renglon in REFERENCIA.read_text(encoding="utf-8").splitlines()
                 if (nombre := renglon.partition(" = ")[0]) in SENTIDOS}
    renglones.update({nombre: f"{nombre} = {valor}" for nombre, valor in cambios.items() if valor})
    return "\n".join(r for nombre, r in renglones.items() if cambios.get(nombre) != "")


def test_el_catalogo_de_referencia_tiene_cada_mensaje() -> None:
    assert set(leer_catalogo(REFERENCIA)) == set(SENTIDOS)


@pytest.mark.parametrize(("cambio", "dice"), [
    ({"bienvenida": ""}, "falta «bienvenida» (el título de la pantalla de inicio, con el nombre)"),
    ({"otro_mensaje": '"hola"'}, "«otro_mensaje» no es un mensaje que el arnés conozca"),
    ({"monto_excede_saldo": '"Excede {monto} y {limite}"'},
     "«monto_excede_saldo»: usa {limite}, que este mensaje no tiene (tiene: {monto}, {saldo})"),
    ({"monto_excede_saldo": '"Excede {monto}"'},
     "«monto_excede_saldo»: no nombra {saldo}: el mensaje tiene que decir de qué valor se trata"),
    ({"saldo_cero": '{ patron = "(sin saldo" }'}, "«saldo_cero»: no es una expresión regular válida"),
    ({"saldo_cero": "3"}, '«saldo_cero»: debe ser un texto o { patron = "…" }'),
    ({"saldo_cero": '"  "'}, "«saldo_cero»: está vacío"),
])
def test_un_catalogo_con_problemas_dice_cada_uno_por_su_nombre(tmp_path: Path, cambio: dict[str, str],
                                                               dice: str) -> None:
    ruta = _catalogo(tmp_path, _completo(**cambio))
    with pytest.raises(CatalogoInvalido) as error:
        leer_catalogo(ruta)
    assert dice in str(error.value) and str(ruta) in str(error.value)


def test_un_catalogo_que_no_es_toml_o_no_existe(tmp_path: Path) -> None:
    with pytest.raises(CatalogoInvalido, match="no es TOML válido"):
        leer_catalogo(_catalogo(tmp_path, "esto no = = toml"))
    with pytest.raises(CatalogoInvalido, match="No existe el catálogo de mensajes"):
        leer_catalogo(tmp_path / "no-esta.toml")


def test_el_texto_del_catalogo_se_busca_con_sus_valores_por_sentido() -> None:
    mensajes = Mensajes(leer_catalogo(REFERENCIA))
    patron = mensajes.patron("monto_excede_saldo", monto=Decimal("20.001"), saldo=Decimal("20"))
    assert patron is not None
    assert patron.search("El monto a favor (20.001) excede el saldo por cancelar del certificado (20.0).")
    assert patron.search("El monto a favor (20.0010) excede el saldo   por cancelar del certificado (20).")
    assert not patron.search("El monto a favor (20.001) excede el saldo por cancelar del certificado (21.0).")
    assert not patron.search("El monto a favor excede el saldo por cancelar del certificado.")


def test_por_sentido_el_mensaje_nombra_los_valores_y_las_palabras_de_los_documentos() -> None:
    excede = POR_SENTIDO.patron("monto_excede_saldo", monto=Decimal("20.001"), saldo=Decimal("20"))
    assert excede is not None
    assert excede.search("No se puede: pidió 20.001 t y al certificado le quedan 20.000 t por cancelar.")
    assert excede.search("Saldo disponible: 20 toneladas; monto capturado: 20.001.")
    assert not excede.search("Pidió 20.001 t; le quedan 19.5 t.")  # el saldo equivocado
    assert not excede.search("Pidió 120.001 t; le quedan 20 t.")  # parte de otro número
    assert not excede.search("El monto no es válido.")
    parametro = POR_SENTIDO.patron("parametro_requerido", parametro="Mecanismo de Asignación")
    assert parametro is not None and parametro.search("Falta elegir: mecanismo de asignación")
    assert not parametro.search("Falta elegir: Régimen Aduanero")
    vacio = POR_SENTIDO.patron("monto_vacio")
    assert vacio is not None and vacio.search("Escriba el Monto a favor") and not vacio.search("Escriba un valor")


def test_por_sentido_un_mensaje_de_lista_vacia_no_tiene_nada_que_buscar() -> None:
    assert POR_SENTIDO.patron("sin_certificados_a_cancelar") is None


@pytest.mark.parametrize(("texto", "momento", "cumple", "no_cumple"), [
    ("01/06/2022 a las 11:00", Momento(date(2022, 6, 1), "11:00"),
     "Podrá presentarla a partir del 01/06/2022 a las 11:00 (hora del centro).", "a partir del 01/06/2022."),
    ("02/06/2022 a las 09:00 (hora local)", Momento(date(2022, 6, 2), "09:00", local=True),
     "Reabre el 2/6/2022, 9:00 h, hora local.", "Reabre el 02/06/2022 a las 09:00 (hora del centro)."),
])
def test_un_momento_se_lee_de_la_caracteristica_y_se_busca_con_fecha_hora_y_zona(
        texto: str, momento: Momento, cumple: str, no_cumple: str) -> None:
    assert Momento.leer(texto) == momento
    patron = POR_SENTIDO.patron("fuera_de_horario", reabre=momento)
    assert patron is not None and patron.search(cumple) and not patron.search(no_cumple)


def test_el_perfil_apunta_a_su_catalogo_relativo_a_su_carpeta(tmp_path: Path) -> None:
    _catalogo(tmp_path, _completo())
    perfil = tmp_path / "perfil.toml"
    perfil.write_text('[mensajes]\ncatalogo = "mensajes.toml"\n', encoding="utf-8")
    assert objetivo.cargar(perfil).opciones()["mensajes"] == str(tmp_path / "mensajes.toml")
    perfil.write_text('[mensajes]\ncatalogo = "otro.toml"\n', encoding="utf-8")
    with pytest.raises(objetivo.PerfilInvalido, match=r"mensajes\.catalogo: no existe el archivo .*otro\.toml"):
        objetivo.cargar(perfil)
    perfil.write_text('[mensajes]\ncatalogo = "sentido"\n', encoding="utf-8")
    assert objetivo.cargar(perfil).opciones()["mensajes"] == "sentido"
