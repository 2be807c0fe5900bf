"""Reglas puras de la ficha: días hábiles y plazos, horarios, criterios, pedimentos, beneficiarios."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stub_portal.reglas import ErrorCaptura
from stub_portal.reglas_cupos import (
    VUCEM,
    ZONA_CENTRO,
    Calendario,
    Pedimento,
    fecha_limite,
    leer_pedimentos,
    monto_a_otorgar,
    proxima_apertura,
    representacion_federal,
    validar_ejercicio_anterior,
    validar_establecido_en_mexico,
    validar_pedimento,
    vigencia_del_certificado,
)

CALENDARIO = Calendario({date(2022, 4, 14): "Jueves Santo", date(2022, 4, 15): "Viernes Santo"})
INICIO = date(2013, 8, 28)
ADUANAS = {"20": "México", "43": "Veracruz"}
montos = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False)


def centro(texto: str) -> datetime:
    return datetime.fromisoformat(texto).replace(tzinfo=ZONA_CENTRO)


@pytest.mark.parametrize(("recibida", "vence"), [
    ("2022-06-01T10:00", date(2022, 6, 8)),   # miércoles → miércoles siguiente
    ("2022-06-03T10:00", date(2022, 6, 10)),  # viernes: cruza el fin de semana
    ("2022-06-04T10:00", date(2022, 6, 10)),  # sábado: cuenta desde el lunes
    ("2022-09-12T10:00", date(2022, 9, 20)),  # cruza el 16 de septiembre
    ("2022-04-11T10:00", date(2022, 4, 20)),  # cruza los días inhábiles de la dependencia
])
def test_fecha_limite_cinco_dias_habiles(recibida: str, vence: date) -> None:
    assert fecha_limite(CALENDARIO, centro(recibida)) == vence


@given(st.dates(min_value=date(2013, 1, 1), max_value=date(2030, 12, 31)))
def test_la_fecha_limite_siempre_es_dia_habil_y_posterior(dia: date) -> None:
    vence = fecha_limite(CALENDARIO, datetime.combine(dia, time(12), ZONA_CENTRO))
    assert CALENDARIO.es_habil(vence)
    habiles = sum(CALENDARIO.es_habil(dia + timedelta(days=n)) for n in range(1, (vence - dia).days + 1))
    assert habiles == 5


@pytest.mark.parametrize(("momento", "abre"), [
    ("2013-08-28T10:59", "2013-08-28T11:00"),
    ("2013-08-28T11:00", None),
    ("2022-06-04T13:00", "2022-06-06T00:00"),  # sábado
    ("2022-06-06T00:00", None),
    ("2022-09-16T12:00", "2022-09-19T00:00"),  # día festivo
])
def test_horario_de_la_ventanilla_unica(momento: str, abre: str | None) -> None:
    apertura = proxima_apertura(VUCEM, INICIO, CALENDARIO, centro(momento))
    assert apertura == (centro(abre) if abre else None)


@pytest.mark.parametrize(("momento", "abierta"), [
    ("2022-06-01T08:59", False), ("2022-06-01T09:00", True),
    ("2022-06-01T14:30", True), ("2022-06-01T14:31", False),
])
def test_horario_de_una_representacion_federal(momento: str, abierta: bool) -> None:
    chiapas = representacion_federal("RF en Chiapas", "America/Mexico_City")
    assert (proxima_apertura(chiapas, INICIO, CALENDARIO, centro(momento)) is None) is abierta


def test_la_representacion_federal_usa_su_hora_local() -> None:
    tijuana = representacion_federal("RF en Baja California", "America/Tijuana")
    # 15:30 en el centro son las 13:30 en Tijuana (junio de 2022): abierta.
    assert proxima_apertura(tijuana, INICIO, CALENDARIO, centro("2022-06-01T15:30")) is None
    # 10:30 en el centro son las 8:30 en Tijuana: abre a las 9:00 locales.
    apertura = proxima_apertura(tijuana, INICIO, CALENDARIO, centro("2022-06-01T10:30"))
    assert apertura is not None and apertura.hour == 9 and str(apertura.tzinfo) == "America/Tijuana"


@given(montos, montos, montos)
def test_el_monto_otorgado_no_excede_ningun_termino(pedido: Decimal, factura: Decimal, saldo: Decimal) -> None:
    terminos = {"la cantidad solicitada": pedido, "la factura": factura, "el saldo del cupo": saldo}
    otorgado = monto_a_otorgar(terminos)
    assert all(otorgado.monto <= valor for valor in terminos.values())
    assert otorgado.monto == terminos[otorgado.criterio]


def test_el_criterio_dice_que_termino_fue_el_menor() -> None:
    assert monto_a_otorgar({"a": Decimal(5), "b": Decimal(3), "c": Decimal(4)}).criterio == "b"


@pytest.mark.parametrize(("numero", "mensaje"), [
    ("2220345612345", "15 dígitos"),
    ("272034561234567", "posterior al año en curso"),
    ("229934562123456", "aduana 99"),
    ("222000002123456", "patente"),
    ("222034563123456", "último dígito del año"),
    ("２２２０３４５６２１２３４５６", "15 dígitos"),  # dígitos de ancho completo
    ("٢٢٢٠٣٤٥٦٢١٢٣٤٥٦", "15 dígitos"),  # dígitos arábigo-índicos
])
def test_pedimentos_invalidos(numero: str, mensaje: str) -> None:
    with pytest.raises(ErrorCaptura, match=mensaje):
        validar_pedimento(numero, ADUANAS, 2022)


def test_pedimento_valido_con_espacios() -> None:
    assert validar_pedimento("22 20 3456 2123456", ADUANAS, 2022) == "222034562123456"


def test_leer_pedimentos_rechaza_repetidos() -> None:
    assert leer_pedimentos("222034562123456 40\n224334562000001 30.5", ADUANAS, 2022) == [
        Pedimento("222034562123456", Decimal("40")), Pedimento("224334562000001", Decimal("30.5"))]
    with pytest.raises(ErrorCaptura, match="repetido"):
        leer_pedimentos("222034562123456 40\n222034562123456 1", ADUANAS, 2022)


@pytest.mark.parametrize(("cantidad", "mensaje"), [
    ("1e30", "debe ser un número, con punto decimal y hasta tres decimales"),
    ("9" * 40, "debe ser un número"),
    ("1.23456", "debe ser un número, con punto decimal y hasta tres decimales"),
    ("NaN", "debe ser un número"),
    ("sNaN", "debe ser un número"),
    ("Infinity", "debe ser un número"),
    ("１２", "debe ser un número"),
    ("0", "debe ser mayor que cero"),
    ("-5", "debe ser mayor que cero"),
])
def test_la_cantidad_del_pedimento_es_un_monto_como_cualquier_otro(cantidad: str, mensaje: str) -> None:
    with pytest.raises(ErrorCaptura, match=f"^La cantidad del pedimento 222034562123456 {mensaje}"):
        leer_pedimentos(f"222034562123456 {cantidad}", ADUANAS, 2022)


def test_la_cantidad_del_pedimento_admite_quince_enteros_y_tres_decimales() -> None:
    assert leer_pedimentos("222034562123456; 999999999999999.999", ADUANAS, 2022) == [
        Pedimento("222034562123456", Decimal("999999999999999.999"))]


def test_setenta_por_ciento_de_la_asignacion_anterior() -> None:
    validar_ejercicio_anterior([Pedimento("222034562123456", Decimal("70"))], Decimal("100"))
    with pytest.raises(ErrorCaptura, match="al menos el 70%"):
        validar_ejercicio_anterior([Pedimento("222034562123456", Decimal("69.999"))], Decimal("100"))


@pytest.mark.parametrize(("rfc", "pais", "cp", "acepta"), [
    ("LAC010203AB1", "México", "06000", True),
    ("GODE561231GR8", "México", "06000", True),
    ("XEXX010101000", "México", "06000", False),
    ("LAC011303AB1", "México", "06000", False),  # mes 13
    ("LAC010203AB1", "Guatemala", "01001", False),
    ("LAC０１０２０３AB1", "México", "06000", False),  # dígitos de ancho completo
    ("ſAC010203AB1", "México", "06000", False),  # "ſ".upper() es "S"
    ("LAC010203AB1\n", "México", "06000", False),
    ("LAC010203AB1", "México", "０６０００", False),
    ("MUÑ010203AB1", "México", "06000", True),
])
def test_solo_personas_establecidas_en_mexico(rfc: str, pais: str, cp: str, acepta: bool) -> None:
    if acepta:
        validar_establecido_en_mexico(rfc, pais, cp)
    else:
        with pytest.raises(ErrorCaptura, match="establecidas en México"):
            validar_establecido_en_mexico(rfc, pais, cp)


@given(st.dates(min_value=date(2013, 1, 1), max_value=date(2030, 12, 31)))
def test_la_vigencia_llega_al_31_de_diciembre(expedicion: date) -> None:
    vigencia = vigencia_del_certificado(expedicion)
    assert vigencia == date(expedicion.year, 12, 31) and vigencia >= expedicion
