"""Correcto con muchos a la vez, en SQLite y en PostgreSQL: nada se pierde ni se duplica.

Las carreras son de verdad: varios hilos, cada uno con su cliente y su conexión, arrancan juntos
en una barrera. Lo que se revisa es el resultado, que no depende del orden en que ganen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import TypeVar

from flask.testing import FlaskClient
from sqlalchemy import func, select

from stub_portal.modelo import Aviso, Certificado, Partida, Solicitud
from tests.mundo import DICTAMINADOR, EMPRESA_A, Mundo, csrf_de

T = TypeVar("T")


def a_la_vez(*tareas: Callable[[], T]) -> list[T]:
    """Corre las tareas en hilos que salen juntos de una barrera; devuelve sus resultados."""
    barrera = threading.Barrier(len(tareas))

    def correr(tarea: Callable[[], T]) -> T:
        barrera.wait(timeout=30)
        return tarea()

    with ThreadPoolExecutor(len(tareas)) as hilos:
        return list(hilos.map(correr, tareas))


def _avisos(mundo: Mundo) -> int:
    return mundo.consultar(lambda s: s.scalar(select(func.count()).select_from(Aviso)))


def test_dos_autorizaciones_a_la_vez_nunca_cancelan_mas_de_lo_que_el_certificado_tiene(mundo: Mundo) -> None:
    # SE-A: 100 expedidas, 20 ejercidas: 80 por cancelar, repartidas en dos solicitudes de 40.
    empresa = mundo.cliente(EMPRESA_A)
    folios = [mundo.firmar(empresa, EMPRESA_A, "SE-A", "40") for _ in range(2)]
    funcionarios = [mundo.cliente(DICTAMINADOR) for _ in folios]
    formularios = [mundo.formulario_de_resolucion(f, DICTAMINADOR, folio)
                   for f, folio in zip(funcionarios, folios, strict=True)]
    respuestas = a_la_vez(*(
        (lambda f=f, folio=folio, datos=datos: mundo.resolver(f, folio, datos))
        for f, folio, datos in zip(funcionarios, folios, formularios, strict=True)))
    assert [r.status_code for r in respuestas] == [302, 302]
    assert mundo.cancelado("SE-A") == Decimal(80)
    # Ya no queda nada por cancelar: una tercera solicitud no se acepta.
    tercera = mundo.agregar(empresa, "SE-A", "1")
    assert tercera.status_code == 422
    assert "no está disponible para cancelar" in tercera.text


def test_lo_que_se_agrega_desde_otra_pestana_mientras_se_firma_no_entra_en_lo_firmado(mundo: Mundo) -> None:
    pestana_1 = mundo.cliente(EMPRESA_A)
    pestana_2 = mundo.otra_pestana(pestana_1)
    assert mundo.agregar(pestana_1, "SE-A", "10").status_code == 302
    formulario = mundo.formulario_de_firma(pestana_1, EMPRESA_A)
    api = mundo.api()
    assert api.post("/_pruebas/certificados", json={
        "folio": "SE-A2", "cupo": "C1", "titular_rfc": EMPRESA_A, "monto_expedido": "50"}).status_code == 201
    assert mundo.agregar(pestana_2, "SE-A2", "7").status_code == 302
    respuesta = mundo.enviar_firma(pestana_1, formulario)
    assert respuesta.status_code == 422
    assert "La solicitud cambió mientras la firmaba" in respuesta.text
    assert mundo.solicitudes("pendiente") == []
    # Firmada de nuevo, contiene exactamente lo que se vio al firmar, y lo dice su cadena original.
    folio = mundo.enviar_firma(pestana_1, mundo.formulario_de_firma(pestana_1, EMPRESA_A)).headers["Location"]
    [firmada] = mundo.solicitudes("pendiente")
    assert folio.endswith(firmada.folio or "-")
    partidas = mundo.consultar(lambda s: sorted(
        (p.certificado.folio, p.monto)
        for p in s.scalars(select(Partida).where(Partida.solicitud_id == firmada.id))))
    assert partidas == [("SE-A", Decimal(10)), ("SE-A2", Decimal(7))]
    assert "|SE-A|10|" in firmada.cadena_original and "|SE-A2|7|" in firmada.cadena_original


def test_agregar_y_firmar_a_la_vez_deja_una_solicitud_firmada_igual_a_su_cadena(mundo: Mundo) -> None:
    api = mundo.api()
    for n in range(6):
        assert api.post("/_pruebas/certificados", json={
            "folio": f"SE-X{n}", "cupo": "C1", "titular_rfc": EMPRESA_A, "monto_expedido": "50",
        }).status_code == 201
    cliente = mundo.cliente(EMPRESA_A)
    assert mundo.agregar(cliente, "SE-A", "10").status_code == 302
    formulario = mundo.formulario_de_firma(cliente, EMPRESA_A)
    pestanas = [mundo.otra_pestana(cliente) for _ in range(6)]
    a_la_vez(lambda: mundo.enviar_firma(cliente, formulario),
             *((lambda n=n: mundo.agregar(pestanas[n], f"SE-X{n}", "1")) for n in range(6)))
    for firmada in mundo.solicitudes("pendiente"):
        partidas = mundo.consultar(lambda s, i=firmada.id: list(s.scalars(
            select(Partida).where(Partida.solicitud_id == i))))
        folios_en_la_cadena = firmada.cadena_original.count("|SE-")
        assert len(partidas) == folios_en_la_cadena


def test_el_doble_envio_de_la_firma_da_un_folio_y_un_aviso(mundo: Mundo) -> None:
    cliente = mundo.cliente(EMPRESA_A)
    assert mundo.agregar(cliente, "SE-A", "10").status_code == 302
    formulario = mundo.formulario_de_firma(cliente, EMPRESA_A)
    primera = mundo.enviar_firma(cliente, formulario)
    segunda = mundo.enviar_firma(cliente, formulario)
    assert primera.status_code == segunda.status_code == 302
    assert primera.headers["Location"] == segunda.headers["Location"]
    [firmada] = mundo.solicitudes("pendiente")
    aviso = cliente.get(segunda.headers["Location"])
    assert f"Esta solicitud ya se había presentado con el folio {firmada.folio}" in aviso.text
    assert _avisos(mundo) == 1


def test_cinco_envios_a_la_vez_de_la_firma_dan_un_folio_y_un_aviso(mundo: Mundo) -> None:
    cliente = mundo.cliente(EMPRESA_A)
    assert mundo.agregar(cliente, "SE-A", "10").status_code == 302
    formulario = mundo.formulario_de_firma(cliente, EMPRESA_A)
    pestanas = [mundo.otra_pestana(cliente) for _ in range(5)]
    respuestas = a_la_vez(*((lambda p=p: mundo.enviar_firma(p, formulario)) for p in pestanas))
    assert {r.status_code for r in respuestas} == {302}
    assert len({r.headers["Location"] for r in respuestas}) == 1
    assert len(mundo.solicitudes("pendiente")) == 1
    assert _avisos(mundo) == 1


def test_la_doble_autorizacion_resuelve_una_vez_y_avisa_una_vez(mundo: Mundo) -> None:
    folio = mundo.firmar(mundo.cliente(EMPRESA_A), EMPRESA_A, "SE-A", "30")
    funcionario = mundo.cliente(DICTAMINADOR)
    formulario = mundo.formulario_de_resolucion(funcionario, DICTAMINADOR, folio)
    avisos_antes = _avisos(mundo)
    pestanas = [mundo.otra_pestana(funcionario) for _ in range(3)]
    respuestas = a_la_vez(*((lambda p=p: mundo.resolver(p, folio, formulario)) for p in pestanas))
    assert sorted(r.status_code for r in respuestas) == [302, 422, 422]
    assert all("ya fue resuelta" in r.text for r in respuestas if r.status_code == 422)
    assert mundo.cancelado("SE-A") == Decimal(30)
    assert _avisos(mundo) == avisos_antes + 1


def test_el_doble_envio_de_una_asignacion_da_un_folio(mundo: Mundo) -> None:
    cliente = mundo.cliente(EMPRESA_A)
    pagina = cliente.get("/asignacion")
    envio = pagina.text.split('name="envio" value="')[1].split('"')[0]
    datos = {"cupo": "C1", "lugar": "Ventanilla Única", "monto": "10", "pedimentos": "",
             "envio": envio, "csrf_token": csrf_de(pagina)}

    def enviar(pestana: FlaskClient) -> int:
        respuesta = pestana.post("/asignacion", data={**datos, **mundo.efirma(EMPRESA_A)},
                                 content_type="multipart/form-data")
        return respuesta.status_code

    pestanas = [mundo.otra_pestana(cliente) for _ in range(3)]
    assert a_la_vez(*((lambda p=p: enviar(p)) for p in pestanas)) == [302, 302, 302]
    assert len(mundo.solicitudes("pendiente")) == 1
    assert mundo.consultar(lambda s: s.scalar(select(func.count()).select_from(Solicitud))) == 1


def test_las_asignaciones_reparten_el_cupo_en_orden_de_llegada_sin_pasarse(mundo: Mundo) -> None:
    api = mundo.api()
    folios = []
    for rfc in (EMPRESA_A, "BBB010101BBB"):
        respuesta = api.post("/_pruebas/solicitudes/asignacion",
                             json={"solicitante_rfc": rfc, "cupo": "C1", "monto": "400"})
        assert respuesta.status_code == 201, respuesta.json
        folios.append(respuesta.json["folio"])
    funcionario = mundo.cliente(DICTAMINADOR)
    for folio in folios:
        formulario = mundo.formulario_de_resolucion(funcionario, DICTAMINADOR, folio)
        assert mundo.resolver(funcionario, folio, formulario).status_code == 302
    otorgados = {s.folio: s.monto_otorgado for s in mundo.solicitudes("autorizada")}
    assert otorgados == {folios[0]: Decimal(400), folios[1]: Decimal(180)}  # 580 en el año
    tercera_empresa = {"rfc": "CCC010101CCC", "perfil": "solicitante", "nombre": "C", "correo": "c@x.example",
                       "codigo_postal": "06000"}
    assert api.post("/_pruebas/usuarios", json=tercera_empresa).status_code == 201
    tercera = api.post("/_pruebas/solicitudes/asignacion", json={"solicitante_rfc": "CCC010101CCC", "cupo": "C1",
                                                                "monto": "1"}).json["folio"]
    formulario = mundo.formulario_de_resolucion(funcionario, DICTAMINADOR, tercera)
    respuesta = mundo.resolver(funcionario, tercera, formulario)
    assert respuesta.status_code == 422
    assert "No hay monto que otorgar: lo que queda del cupo por asignar es cero" in respuesta.text


def test_la_doble_autorizacion_de_un_certificado_expide_uno_solo(mundo: Mundo) -> None:
    api = mundo.api()
    asignacion = api.post("/_pruebas/asignaciones", json={"cupo": "C1", "titular_rfc": EMPRESA_A, "monto": "50"})
    folio = api.post("/_pruebas/solicitudes/expedicion", json={
        "solicitante_rfc": EMPRESA_A, "asignacion": asignacion.json["folio"], "monto": "5",
        "monto_factura": "5"}).json["folio"]
    funcionario = mundo.cliente(DICTAMINADOR)
    formulario = mundo.formulario_de_resolucion(funcionario, DICTAMINADOR, folio)
    pestanas = [mundo.otra_pestana(funcionario) for _ in range(3)]
    respuestas = a_la_vez(*((lambda p=p: mundo.resolver(p, folio, formulario)) for p in pestanas))
    assert sorted(r.status_code for r in respuestas) == [302, 422, 422]
    certificados = mundo.consultar(lambda s: list(s.scalars(
        select(Certificado.folio).where(Certificado.asignacion_id.is_not(None)))))
    assert len(certificados) == 1
