"""Los avisos con que el portal rechaza lo que se le pide, dichos por lo que significan.

El manual y la ficha dicen qué se rechaza, no con qué palabras: cada frase de aquí nombra un mensaje
del catálogo (fixtures/mensajes.py), que el despliegue escribe a su manera o que se revisa por su
sentido. Una frase que nombra un valor (un monto, un folio, un parámetro, un pedimento) lo lleva en un
grupo con nombre, y su renglón de AVISOS dice qué valores tiene el mensaje. Tres pasos los usan: lo que
se le avisa a quien pide, la solicitud que se rechaza (y no queda registrada) y lo que ve el dictaminador.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then

from fixtures.hora_del_portal import anio_del_portal
from fixtures.mensajes import Mensajes, Momento, Valor
from pages.cancelacion import AcuseDeRecepcion
from steps.frases import Frases

# Lo que un renglón necesita del escenario: un fixture por su nombre, y la página donde está el aviso.
Pedir = Callable[[str], Any]
Resolver = Callable[[Pedir, Page, dict[str, str]], tuple[str, dict[str, Valor]]]


def _solo(nombre: str) -> Resolver:
    return lambda pedir, pagina, grupos: (nombre, {})


def _cupo_sin_monto(pedir: Pedir, pagina: Page, grupos: dict[str, str]) -> tuple[str, dict[str, Valor]]:
    cupo, anio = pedir("cupo"), anio_del_portal(pagina)
    if cupo.anios_con_monto is not None and anio in cupo.anios_con_monto:
        pytest.skip(f"No se corre: el cupo {cupo.clave} tiene monto para {anio}, el año del portal.")
    return "cupo_sin_monto", {"anio": str(anio)}


def _falta_copia_de(pedir: Pedir, pagina: Page, grupos: dict[str, str]) -> tuple[str, dict[str, Valor]]:
    if grupos["documento"] == "Factura comercial":
        return "falta_copia_factura", {}
    return "falta_copia_transporte", {"documento": grupos["documento"]}


_FALLAS_DEL_PEDIMENTO: dict[str, Callable[[str], tuple[str, dict[str, Valor]]]] = {
    "no tiene 15 dígitos": lambda digitos: ("pedimento_longitud", {"pedimento": digitos}),
    "indica una aduana que no existe": lambda digitos: ("pedimento_aduana", {"aduana": digitos[2:4]}),
    "no indica una patente aduanal válida": lambda digitos: ("pedimento_patente", {"pedimento": digitos}),
    "no empieza con el último dígito del año": lambda digitos: (
        "pedimento_digito_del_anio", {"pedimento": digitos, "digito": digitos[1]}),
    "es de un año posterior al año en curso": lambda digitos: ("pedimento_anio_posterior", {"pedimento": digitos}),
}

AVISOS: Frases[Resolver] = Frases({
    "agregue al menos un certificado a cancelar": _solo("sin_certificados_para_firmar"),
    "capture el monto a favor": _solo("monto_vacio"),
    "el monto a favor debe ser mayor que cero": _solo("monto_no_positivo"),
    "el monto a favor debe ser un número": _solo("monto_no_numerico"),
    "el monto a favor admite a lo más tres decimales": _solo("monto_con_mas_de_tres_decimales"),
    r"el monto a favor de (?P<monto>[\d.]+) excede el saldo por cancelar de (?P<saldo>[\d.]+)":
        lambda pedir, pagina, grupos: ("monto_excede_saldo", {"monto": Decimal(grupos["monto"]),
                                                              "saldo": Decimal(grupos["saldo"])}),
    r'el certificado "(?P<alias>[^"]+)" ya está en los certificados a cancelar':
        lambda pedir, pagina, grupos: ("certificado_ya_agregado",
                                       {"folio": pedir("certificados")[grupos["alias"]].folio}),
    r'falta el parámetro requerido "(?P<parametro>[^"]+)"':
        lambda pedir, pagina, grupos: ("parametro_requerido", {"parametro": grupos["parametro"]}),
    "la e.firma no es la de la sesión": _solo("efirma_distinta"),
    "la contraseña de la clave privada es incorrecta": _solo("contrasena_incorrecta"),
    "el certificado no es de una autoridad certificadora reconocida": _solo("autoridad_desconocida"),
    "el certificado no está vigente": _solo("certificado_vencido"),
    "la clave privada no corresponde al certificado": _solo("clave_de_otro_certificado"),
    r"el \.cer no es un certificado de e\.firma": _solo("cer_invalido"),
    r"el \.key no es una clave privada": _solo("key_invalida"),
    "su RFC no está registrado":
        lambda pedir, pagina, grupos: ("usuario_sin_registro", {"rfc": pedir("sin_registro").rfc}),
    "sólo pueden solicitar personas establecidas en México": _solo("no_establecido_en_mexico"),
    "debe acreditar el 70% de la asignación anterior": _solo("setenta_por_ciento"),
    r'está fuera del horario de recepción, que reabre el "(?P<reabre>[^"]+)"':
        lambda pedir, pagina, grupos: ("fuera_de_horario", {"reabre": Momento.leer(grupos["reabre"])}),
    "el cupo no tiene monto para el año del portal": _cupo_sin_monto,
    "se presenta donde obtuvo la asignación, la Representación Federal del cupo":
        lambda pedir, pagina, grupos: ("otra_representacion_federal",
                                       {"representacion": pedir("cupo").representacion_federal}),
    "falta la copia de la factura comercial": _solo("falta_copia_factura"),
    "falta la copia de los pedimentos": _solo("falta_copia_pedimentos"),
    r'falta la copia de "(?P<documento>[^"]+)"': _falta_copia_de,
    "falta la constancia de asignación": _solo("falta_constancia"),
    r'el pedimento "(?P<numero>[\d ]+)" (?P<falla>' + "|".join(map(re.escape, _FALLAS_DEL_PEDIMENTO)) + ")":
        lambda pedir, pagina, grupos: _FALLAS_DEL_PEDIMENTO[grupos["falla"]](grupos["numero"].replace(" ", "")),
    "no hay saldo del cupo que otorgar": _solo("saldo_cero"),
    "falta el motivo del rechazo": _solo("motivo_de_rechazo_requerido"),
})
_AVISO = AVISOS.patron("aviso")


def _aviso(request: pytest.FixtureRequest, pagina: Page, mensajes: Mensajes, aviso: str) -> None:
    """El mensaje que la frase nombra, con sus valores, visible en la página."""
    resolver, grupos = AVISOS.elegir(aviso)
    nombre, valores = resolver(request.getfixturevalue, pagina, grupos)
    expect(mensajes.en(pagina, nombre, **valores)).to_be_visible()


@then(parsers.re(rf"se le avisa que {_AVISO}$"))
def se_le_avisa(request: pytest.FixtureRequest, page: Page, mensajes: Mensajes, aviso: str) -> None:
    _aviso(request, page, mensajes, aviso)


@then(parsers.re(rf"la solicitud se rechaza porque {_AVISO}$"))
def se_rechaza_porque(request: pytest.FixtureRequest, page: Page, mensajes: Mensajes, aviso: str) -> None:
    """El aviso, y la solicitud no queda registrada: no hay folio de trámite en la pantalla."""
    _aviso(request, page, mensajes, aviso)
    expect(AcuseDeRecepcion(page).folio).to_have_count(0)


@then(parsers.re(rf"el dictaminador ve que {_AVISO}$"))
def dictaminador_ve(request: pytest.FixtureRequest, pagina_del_funcionario: Page, mensajes: Mensajes,
                    aviso: str) -> None:
    _aviso(request, pagina_del_funcionario, mensajes, aviso)
