"""Reglas del negocio como funciones puras: sin Flask, sin base de datos, sin reloj propio."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

MECANISMO_LICITACION = "Licitación Pública"
MOTIVO_CANCELACION = "Cancelación de certificado de cupo a petición del interesado."
# Sólo dígitos ASCII: \d de Python también acepta "１２３" o "١٢٣", que Decimal convierte sin avisar.
_NUMERO = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,3})?")


class ErrorCaptura(ValueError):
    """Un dato capturado que no se acepta; el mensaje, en español, es el que ve el usuario."""


def leer_monto(texto: str, que: str = "el monto a favor") -> Decimal:
    """Convierte lo capturado en un Decimal positivo de hasta tres decimales (CAN-17).

    La única gramática de cantidades del portal (montos y cantidades de pedimentos): dígitos ASCII,
    a lo más 15 enteros y tres decimales; ni exponentes, ni NaN, ni Infinity.
    """
    limpio, nombre = (texto or "").strip(), que[0].upper() + que[1:]
    if not limpio:
        raise ErrorCaptura(f"Capture {que}.")
    if limpio.startswith("-"):
        raise ErrorCaptura(f"{nombre} debe ser mayor que cero.")
    if not _NUMERO.fullmatch(limpio):
        raise ErrorCaptura(f"{nombre} debe ser un número, con punto decimal y hasta tres decimales.")
    monto = Decimal(limpio)
    if monto <= 0:
        raise ErrorCaptura(f"{nombre} debe ser mayor que cero.")
    return monto


def sin_ejercer(expedido: Decimal, ejercido: Decimal, cancelado: Decimal) -> Decimal:
    """Lo que un certificado no ha ejercido ni cancelado: lo único que aún puede cancelarse."""
    return expedido - ejercido - cancelado


def validar_misma_efirma(certificado_de_la_sesion: str | None, certificado_del_firmante: str) -> None:
    """CAN-11: se firma con la misma e.firma con que se inició la sesión."""
    if certificado_de_la_sesion != certificado_del_firmante:
        raise ErrorCaptura("La e.firma no corresponde a la que usó para iniciar la sesión. Firme con los "
                           "mismos datos con que inició la sesión.")


def validar_monto_a_favor(monto: Decimal, saldo_por_cancelar: Decimal) -> None:
    """El monto a favor no puede exceder lo que el certificado tiene sin ejercer ni cancelar."""
    if monto > saldo_por_cancelar:
        raise ErrorCaptura(
            f"El monto a favor ({formato_monto(monto)}) excede el saldo por cancelar del "
            f"certificado ({formato_monto(saldo_por_cancelar)})."
        )


def formato_monto(monto: Decimal) -> str:
    """Un monto para leerse: separador de miles y los decimales que tenga, al menos uno."""
    normal = monto.quantize(Decimal("0.001")).normalize()
    if normal == normal.to_integral():
        normal = normal.quantize(Decimal("0.1"))
    return f"{normal:,f}"


def folio_de_tramite(recibida_en: datetime, consecutivo: int) -> str:
    """25 dígitos, como los de la Ventanilla Única: dependencia, fecha y consecutivo."""
    return f"0402{recibida_en:%Y%m%d}{consecutivo:013d}"


def monto_canonico(monto: Decimal) -> Decimal:
    """El mismo valor escrito siempre igual, sin ceros de sobra ni exponente: 10.000 y 10 son «10».
    Así la cadena original no depende de cómo lo guarda cada base (NUMERIC(18,3) o texto)."""
    normal = monto.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def _campo(valor: object) -> str:
    texto = str(monto_canonico(valor)) if isinstance(valor, Decimal) else str(valor)
    return " ".join(texto.replace("|", "/").split())


def cadena_original(campos: Iterable[object]) -> str:
    """||campo|campo|…||, cada campo en un renglón y sin el separador dentro."""
    return "||" + "|".join(_campo(c) for c in campos) + "||"


def destinatarios_aviso_cancelacion(
    solicitante: str, dictaminadores: Iterable[str], mecanismos: Iterable[str],
    nivel_central: Iterable[str],
) -> list[str]:
    """CAN-14: al solicitante y al dictaminador; a Nivel Central si hay Licitación Pública."""
    correos = [solicitante, *dictaminadores]
    if MECANISMO_LICITACION in set(mecanismos):
        correos += list(nivel_central)
    return list(dict.fromkeys(c for c in correos if c))
