"""Reglas del negocio como funciones puras: sin Flask, sin base de datos, sin reloj propio."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal, InvalidOperation

MECANISMO_LICITACION = "Licitación Pública"
MOTIVO_CANCELACION = "Cancelación de certificado de cupo a petición del interesado."
_NUMERO = re.compile(r"^\d{1,15}(\.\d{1,3})?$")


class ErrorCaptura(ValueError):
    """Un dato capturado que no se acepta; el mensaje, en español, es el que ve el usuario."""


def leer_monto(texto: str) -> Decimal:
    """Convierte lo capturado en un Decimal positivo de hasta tres decimales (CAN-17)."""
    limpio = (texto or "").strip()
    if not limpio:
        raise ErrorCaptura("Capture el monto a favor.")
    if limpio.startswith("-"):
        raise ErrorCaptura("El monto a favor debe ser mayor que cero.")
    if not _NUMERO.match(limpio):
        raise ErrorCaptura(
            "El monto a favor debe ser un número, con punto decimal y hasta tres decimales."
        )
    try:
        monto = Decimal(limpio)
    except InvalidOperation:  # pragma: no cover - la expresión regular ya lo impide
        raise ErrorCaptura("El monto a favor debe ser un número.") from None
    if monto <= 0:
        raise ErrorCaptura("El monto a favor debe ser mayor que cero.")
    return monto


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


def _campo(valor: object) -> str:
    return " ".join(str(valor).replace("|", "/").split())


def cadena_original_cancelacion(
    folio: str,
    recibida_en: datetime,
    rfc: str,
    nombre: str,
    numero_certificado: str,
    partidas: Iterable[tuple[str, Decimal]],
    motivo: str,
) -> str:
    """||CANCELACION|folio|fecha y hora|RFC|nombre|no. de certificado|folio|monto|…|motivo||"""
    campos: list[object] = [
        "CANCELACION", folio, recibida_en.isoformat(timespec="seconds"), rfc, nombre,
        numero_certificado,
    ]
    for folio_certificado, monto in partidas:
        campos += [folio_certificado, monto]
    campos.append(motivo)
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
