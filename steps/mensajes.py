"""Los avisos con que el portal rechaza lo que se le pide, dichos por lo que significan.

El manual y la ficha dicen qué se rechaza, no con qué palabras: cada frase de aquí nombra un mensaje
del catálogo (fixtures/mensajes.py), que el despliegue escribe a su manera o que se revisa por su
sentido. Los mensajes que nombran un valor (un monto, un folio, un parámetro) tienen su propio paso,
con su concepto.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then

from fixtures.mensajes import Mensajes
from pages.cancelacion import AcuseDeRecepcion

AVISOS = {
    "agregue al menos un certificado a cancelar": "sin_certificados_para_firmar",
    "capture el monto a favor": "monto_vacio",
    "el monto a favor debe ser mayor que cero": "monto_no_positivo",
    "el monto a favor debe ser un número": "monto_no_numerico",
    "el monto a favor admite a lo más tres decimales": "monto_con_mas_de_tres_decimales",
    "la e.firma no es la de la sesión": "efirma_distinta",
    "la contraseña de la clave privada es incorrecta": "contrasena_incorrecta",
    "el certificado no es de una autoridad certificadora reconocida": "autoridad_desconocida",
    "el certificado no está vigente": "certificado_vencido",
    "la clave privada no corresponde al certificado": "clave_de_otro_certificado",
    "el .cer no es un certificado de e.firma": "cer_invalido",
    "el .key no es una clave privada": "key_invalida",
    "sólo pueden solicitar personas establecidas en México": "no_establecido_en_mexico",
    "debe acreditar el 70% de la asignación anterior": "setenta_por_ciento",
    "falta la copia de la factura comercial": "falta_copia_factura",
    "falta la constancia de asignación": "falta_constancia",
    "no hay saldo del cupo que otorgar": "saldo_cero",
    "falta el motivo del rechazo": "motivo_de_rechazo_requerido",
}
_AVISO = "(?P<aviso>" + "|".join(re.escape(aviso) for aviso in AVISOS) + ")"


def _ve(page: Page, mensajes: Mensajes, aviso: str) -> None:
    expect(mensajes.en(page, AVISOS[aviso])).to_be_visible()


@then(parsers.re(rf"se le avisa que {_AVISO}$"))
def se_le_avisa(page: Page, mensajes: Mensajes, aviso: str) -> None:
    _ve(page, mensajes, aviso)


@then(parsers.re(rf"la solicitud se rechaza porque {_AVISO}$"))
def se_rechaza_porque(page: Page, mensajes: Mensajes, aviso: str) -> None:
    _ve(page, mensajes, aviso)
    expect(AcuseDeRecepcion(page).folio).to_have_count(0)


@then(parsers.re(rf"el dictaminador ve que {_AVISO}$"))
def dictaminador_ve(pagina_del_funcionario: Page, mensajes: Mensajes, aviso: str) -> None:
    _ve(pagina_del_funcionario, mensajes, aviso)
