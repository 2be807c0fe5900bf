"""Las reglas puras de la cancelación: montos a favor, cadena original, destinatarios del aviso."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from stub_portal import reglas
from stub_portal.reglas import ErrorCaptura


@pytest.mark.parametrize(("texto", "esperado"), [
    ("30.5", Decimal("30.5")), (" 80 ", Decimal("80")), ("0.001", Decimal("0.001")),
    ("999999999999999.999", Decimal("999999999999999.999")),
])
def test_leer_monto_acepta_decimales_positivos(texto: str, esperado: Decimal) -> None:
    monto = reglas.leer_monto(texto)
    assert monto == esperado and isinstance(monto, Decimal)


@pytest.mark.parametrize(("texto", "mensaje"), [
    ("", "Capture el monto a favor."),
    ("0", "mayor que cero"),
    ("0.000", "mayor que cero"),
    ("-5", "mayor que cero"),
    ("diez", "debe ser un número"),
    ("1e3", "debe ser un número"),
    ("NaN", "debe ser un número"),
    ("1.2345", "hasta tres decimales"),
    ("1,000", "debe ser un número"),
    ("１２３", "debe ser un número"),  # dígitos de ancho completo
    ("١٢٣", "debe ser un número"),  # dígitos arábigo-índicos
    ("٣.٥", "debe ser un número"),
    ("1E3", "debe ser un número"),
    ("Infinity", "debe ser un número"),
    ("-Infinity", "mayor que cero"),
    ("1\x00", "debe ser un número"),
    ("1234567890123456", "debe ser un número"),  # 16 dígitos enteros
])
def test_leer_monto_rechaza_lo_que_no_es_un_monto(texto: str, mensaje: str) -> None:
    with pytest.raises(ErrorCaptura, match=mensaje):
        reglas.leer_monto(texto)


def test_el_monto_a_favor_puede_llegar_al_saldo_pero_no_pasarlo() -> None:
    reglas.validar_monto_a_favor(Decimal("80"), Decimal("80"))
    with pytest.raises(ErrorCaptura, match=r"\(80.001\) excede .* \(80.0\)"):
        reglas.validar_monto_a_favor(Decimal("80.001"), Decimal("80"))


@pytest.mark.parametrize(("monto", "texto"), [
    (Decimal("80"), "80.0"), (Decimal("0.001"), "0.001"), (Decimal("1234.5"), "1,234.5"),
    (Decimal("20.000"), "20.0"),
])
def test_formato_monto(monto: Decimal, texto: str) -> None:
    assert reglas.formato_monto(monto) == texto


def test_folio_de_tramite_tiene_25_digitos() -> None:
    folio = reglas.folio_de_tramite(datetime(2026, 3, 10, 12, 0), 42)
    assert folio == "0402202603100000000000042" and len(folio) == 25


def test_cadena_original_lleva_cada_certificado_y_limpia_los_separadores() -> None:
    momento = datetime(2026, 3, 10, 12, 30, 15, tzinfo=ZoneInfo("America/Mexico_City"))
    cadena = reglas.cadena_original([
        "CANCELACION", "0402", momento.isoformat(), "AAA010101AAA", "Quesos | Leches   S.A.",
        "00001", "SE-1", Decimal("25"), "SE-2", Decimal("0.5"), "Motivo",
    ])
    assert cadena == (
        "||CANCELACION|0402|2026-03-10T12:30:15-06:00|AAA010101AAA|Quesos / Leches S.A.|00001"
        "|SE-1|25|SE-2|0.5|Motivo||"
    )


def test_aviso_va_a_nivel_central_solo_con_licitacion_publica() -> None:
    primero = reglas.destinatarios_aviso_cancelacion(
        "a@x.example", ["d@se.example"], ["Primero en Tiempo, Primero en Derecho"],
        ["nc@se.example"])
    licitacion = reglas.destinatarios_aviso_cancelacion(
        "a@x.example", ["d@se.example", "d@se.example"], [reglas.MECANISMO_LICITACION],
        ["nc@se.example"])
    assert primero == ["a@x.example", "d@se.example"]
    assert licitacion == ["a@x.example", "d@se.example", "nc@se.example"]


def test_la_firma_debe_ser_con_la_misma_efirma_de_la_sesion() -> None:
    from stub_portal.reglas import validar_misma_efirma

    validar_misma_efirma("30001000000500003415", "30001000000500003415")
    for sesion in ("30001000000500003416", None):
        with pytest.raises(ErrorCaptura, match="no corresponde a la que usó para iniciar la sesión"):
            validar_misma_efirma(sesion, "30001000000500003415")


def test_lo_sin_ejercer_descuenta_lo_ejercido_y_lo_cancelado() -> None:
    from stub_portal.reglas import sin_ejercer

    assert sin_ejercer(Decimal("100"), Decimal("20.5"), Decimal("30")) == Decimal("49.5")
