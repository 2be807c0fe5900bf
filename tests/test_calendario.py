"""El calendario del arnés contra los ejemplos de la especificación: cada renglón de los Ejemplos de HOR-01,
HOR-02 y PLZ-01 en features/, leído de los archivos, tiene que salir igual del cálculo del arnés (que es el
que juzga a un despliegue cuyo reloj corre). Y los casos de DOMAIN.md que ningún ejemplo dice."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler

from fixtures.calendario import CENTRO, VENTANILLA_UNICA, Calendario, CalendarioInvalido, calendario
from fixtures.mensajes import Momento

CARACTERISTICAS = Path(__file__).resolve().parents[1] / "features"
_RELOJ = re.compile(r'que el reloj del portal marca el "([^"]+)"')
_PRIMER_DIA = re.compile(r'que empieza a recibir solicitudes el "([^"]+)"')
_LUGAR = re.compile(r'solicita la asignación de .* en la "([^"]+)"')
_REABRE = re.compile(r'que reabre el "([^"]+)"')
_INHABIL = re.compile(r'que la Secretaría declaró inhábil el "([^"]+)"')
_VENCE = re.compile(r'fecha límite de resolución "([^"]+)"')
_PRESENTO = re.compile(r"que la empresa presentó una solicitud")
_PRESENTADA = re.compile(r'una solicitud de \w+ presentada el "([^"]+)"')


@dataclass(frozen=True)
class Ejemplo:
    nombre: str
    pasos: tuple[str, ...]

    def ultimo(self, patron: re.Pattern[str], antes_de: re.Pattern[str] | None = None) -> str | None:
        """El último valor del patrón en los pasos (los que van antes del primer paso con `antes_de`)."""
        pasos = self.pasos
        if antes_de is not None:
            corte = next((i for i, paso in enumerate(pasos) if antes_de.search(paso)), len(pasos))
            pasos = pasos[:corte]
        hallados = [hallado.group(1) for paso in pasos if (hallado := patron.search(paso))]
        return hallados[-1] if hallados else None


def ejemplos(regla: str) -> list[Ejemplo]:
    """Los escenarios ya compilados (un renglón de Ejemplos, uno) de la regla, en todas las características."""
    hallados = []
    for archivo in sorted(CARACTERISTICAS.glob("*.feature")):
        documento = Parser().parse(archivo.read_text(encoding="utf-8"))
        for pickle in Compiler().compile({**documento, "uri": str(archivo)}):
            if f"@{regla}" in {etiqueta["name"] for etiqueta in pickle["tags"]}:
                hallados.append(Ejemplo(pickle["name"], tuple(paso["text"] for paso in pickle["steps"])))
    return hallados


def _momento(texto: str) -> datetime:
    return datetime.fromisoformat(texto).replace(tzinfo=CENTRO)


def _horarios() -> list[Ejemplo]:
    return [e for regla in ("HOR-01", "HOR-02") for e in ejemplos(regla) if e.ultimo(_LUGAR) and e.ultimo(_RELOJ)]


@pytest.mark.parametrize("ejemplo", _horarios(), ids=lambda e: f"{e.ultimo(_LUGAR)} {e.ultimo(_RELOJ)}")
def test_el_horario_de_recepcion_es_el_de_los_ejemplos(ejemplo: Ejemplo) -> None:
    momento, lugar, primer_dia = ejemplo.ultimo(_RELOJ), ejemplo.ultimo(_LUGAR), ejemplo.ultimo(_PRIMER_DIA)
    assert momento and lugar and primer_dia
    recepcion = calendario().recepcion(lugar, _momento(momento), date.fromisoformat(primer_dia))
    reabre = ejemplo.ultimo(_REABRE)
    if reabre is None:
        assert recepcion.recibe, recepcion
        assert recepcion.lado.startswith(f"dentro del horario de la {lugar}")
    else:
        esperado = Momento.leer(reabre)
        assert recepcion.reabre is not None, recepcion
        assert (recepcion.reabre.date(), f"{recepcion.reabre:%H:%M}") == (esperado.fecha, esperado.hora)
        assert recepcion.lado.startswith(f"fuera del horario de la {lugar}")


def test_los_ejemplos_de_horario_cubren_los_dos_lados_de_los_dos_lugares() -> None:
    lados = {(e.ultimo(_LUGAR) == VENTANILLA_UNICA, e.ultimo(_REABRE) is None) for e in _horarios()}
    assert lados == {(True, True), (True, False), (False, True), (False, False)}


def _plazos() -> list[Ejemplo]:
    return [e for e in ejemplos("PLZ-01") if e.ultimo(_VENCE)]


def _presentada(ejemplo: Ejemplo) -> str | None:
    """La hora de la presentación: la que el paso dice, o la del reloj al presentar (un escenario lo mueve
    después)."""
    return ejemplo.ultimo(_PRESENTADA) or ejemplo.ultimo(_RELOJ, _PRESENTO)


@pytest.mark.parametrize("ejemplo", _plazos(), ids=lambda e: f"{_presentada(e)} {e.ultimo(_VENCE)}")
def test_la_fecha_limite_es_la_de_los_ejemplos(ejemplo: Ejemplo) -> None:
    presentada, vence = _presentada(ejemplo), ejemplo.ultimo(_VENCE)
    assert presentada and vence
    declarado = ejemplo.ultimo(_INHABIL)
    dias = {declarado: "declarado en el escenario"} if declarado else {}
    limite = calendario(dias_inhabiles=dias).fecha_limite(_momento(presentada))
    assert f"{limite:%d/%m/%Y}" == vence


def test_hay_ejemplos_de_plazo_con_fin_de_semana_festivo_dof_fin_de_anio_y_hora_tardia() -> None:
    assert len(_plazos()) >= 8
    assert any(e.ultimo(_INHABIL) for e in _plazos())


def test_los_dias_inhabiles_segun_domain() -> None:
    """Sábados, domingos, descanso obligatorio (16 de septiembre, tercer lunes de noviembre), y los del DOF
    de la tabla del arnés (2 de noviembre)."""
    cal = calendario()
    assert cal.inhabil(date(2022, 6, 4)) == "sábado" and cal.inhabil(date(2022, 6, 5)) == "domingo"
    assert cal.inhabil(date(2022, 9, 16)) and cal.inhabil(date(2022, 11, 21))
    assert cal.inhabil(date(2022, 11, 2)) == "Día de Muertos"
    assert cal.habil(date(2022, 6, 1)) and cal.habil(date(2022, 11, 3))
    # Sin la tabla del DOF, el 2 de noviembre es un día como cualquier otro.
    assert Calendario().habil(date(2022, 11, 2))


def test_la_hora_de_presentacion_cuenta_en_el_centro_aunque_en_utc_ya_sea_otro_dia() -> None:
    tarde = datetime(2022, 6, 2, 23, 30, tzinfo=CENTRO)  # 3 de junio en UTC
    assert calendario().fecha_limite(tarde) == date(2022, 6, 9)


def test_la_vigencia_termina_el_31_de_diciembre_del_anio_de_expedicion() -> None:
    assert Calendario.vigencia(date(2022, 12, 28)) == date(2022, 12, 31)
    assert Calendario.vigencia(date(2023, 1, 2)) == date(2023, 12, 31)


def test_el_perfil_extiende_las_tablas() -> None:
    cal = calendario(dias_inhabiles={"2022-06-08": "Día declarado por el perfil"},
                     zonas={"Representación Federal en Yucatán": "America/Merida"})
    assert cal.inhabil(date(2022, 6, 8)) == "Día declarado por el perfil"
    assert cal.fecha_limite(_momento("2022-06-01T12:00:00")) == date(2022, 6, 9)
    recepcion = cal.recepcion("Representación Federal en Yucatán", _momento("2022-06-02T15:00:00"),
                              date(2022, 6, 1))
    assert not recepcion.recibe and recepcion.reabre == datetime(2022, 6, 3, 9, 0, tzinfo=cal.zonas[
        "Representación Federal en Yucatán"])


@pytest.mark.parametrize(("dias", "zonas", "dice"), [
    ({"2022-13-01": "x"}, {}, "«2022-13-01» no es una fecha"),
    ({}, {"R": "America/Nowhere"}, "«America/Nowhere» no es una zona horaria"),
    ({}, {"R": "../etc"}, "«../etc» no es una zona horaria"),
])
def test_una_tabla_que_no_se_entiende_se_dice(dias: dict[str, str], zonas: dict[str, str], dice: str) -> None:
    with pytest.raises(CalendarioInvalido, match=dice):
        calendario(dias_inhabiles=dias, zonas=zonas)


def test_una_representacion_sin_zona_se_dice() -> None:
    with pytest.raises(CalendarioInvalido, match="Representación Federal en Marte"):
        calendario().recepcion("Representación Federal en Marte", _momento("2022-06-02T10:00:00"),
                               date(2022, 6, 1))
