"""Las pruebas de conformidad contra despliegues del portal de referencia (gunicorn, su base, su cartero y el
servicio de buzón): el mismo despliegue con la API de pruebas, que prueba todas las reglas; una copia con una
regla rota, contra todas las características; un sábado de la demostración, y tres fallas de la ficha, cada
una contra las características de su regla. La demostración aprovisionada sin API la prueba el arnés
instalado (tests/test_arnes_instalado.py), con `revisar_la_demostracion_aprovisionada`.

Son largas: se corren con --despliegues (scripts/probar lo hace, después de la batería). La evidencia de
cada corrida queda en resultados/despliegue-<modo>/.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from cupos_conformidad.informes.conformidad_informe import lados
from fixtures.conformidad_de_despliegues import RAIZ, Corrida, correr

pytestmark = pytest.mark.despliegue
# Por completo (todos sus escenarios corrieron y pasaron): 24; las demás quedan probadas en parte, porque
# sus escenarios de reloj fijo o de montos exactos necesitan la API de pruebas.
MINIMO_SIN_API = 33
PARTE_CORRIDA_SIN_API = Decimal("0.8")  # de los resultados por regla
CONSUMO_MAXIMO = Decimal("0.01")  # el de la demostración ([datos] consumo_maximo)
REGLAS = 35


def _salida(modo: str) -> Path:
    return RAIZ / "resultados" / f"despliegue-{modo}"


def revisar_la_demostracion_aprovisionada(corrida: Corrida) -> None:
    """Lo que la prueba aprovisionada de la demostración, sin API de pruebas, tiene que decir: sus reglas
    probadas, las que quedan en parte con su motivo, nada fallido y sólo consumos pequeños. La corre el arnés
    instalado de su rueda (tests/test_arnes_instalado.py), como la correría un equipo de QA."""
    veredictos = corrida.veredictos()
    assert corrida.codigo == 0, (corrida.salida / "pytest.log").read_text(encoding="utf-8")[-3000:]
    cuenta = corrida.conformidad["cuenta"]
    assert cuenta["probadas"] >= MINIMO_SIN_API
    assert Decimal(cuenta["resultados_corridos"]) >= PARTE_CORRIDA_SIN_API * cuenta["resultados"], cuenta
    en_parte = [r for r in corrida.conformidad["reglas"] if r["veredicto"] == "probada en parte"]
    assert en_parte and all(r["cuenta"]["sin_correr"] and r["motivos"] for r in en_parte), en_parte
    assert "falló" not in veredictos.values()
    omitidos = [e for r in corrida.conformidad["reglas"] for e in r["escenarios"] if e["resultado"] == "omitido"]
    assert omitidos  # y cada uno dice qué le falta al despliegue para correrlo
    assert all("el despliegue tendría que ofrecer" in e["motivo"] for e in omitidos), omitidos
    consumos = [c for r in corrida.conformidad["reglas"] for e in r["escenarios"] for c in e["consumo"]]
    # Sólo montos pequeños (consumo_maximo de la demostración), salvo del certificado de la corrida, que se
    # devuelve: el dictaminador rechaza sus cancelaciones al terminar.
    devueltos = [c for c in consumos if "del certificado de la corrida" in c and "se devuelve" in c]
    assert devueltos, consumos
    assert all(Decimal(c.split()[0]) <= CONSUMO_MAXIMO for c in consumos if c not in devueltos), consumos
    assert {c.split()[3] for c in consumos} == {"certificado", "cupo"}, consumos  # cancelar; un certificado
    assert "## Saldo consumido del ambiente" in (corrida.salida / "conformidad.md").read_text(encoding="utf-8")


def test_con_la_api_de_pruebas_el_mismo_despliegue_prueba_todas_las_reglas() -> None:
    corrida = correr("api", _salida("api"), "--conformidad-minimo", str(REGLAS))
    assert corrida.codigo == 0, (corrida.salida / "pytest.log").read_text(encoding="utf-8")[-3000:]
    assert set(corrida.veredictos().values()) == {"probada"}
    assert corrida.conformidad["cuenta"]["probadas"] == REGLAS


def test_un_despliegue_con_una_regla_rota_falla_en_esa_regla_y_solo_en_ella() -> None:
    corrida = correr("roto", _salida("roto"))
    veredictos = corrida.veredictos()
    assert corrida.codigo == 1
    assert {regla for regla, veredicto in veredictos.items() if veredicto == "falló"} == {"CAN-14"}
    fallidos = [e["nombre"] for r in corrida.conformidad["reglas"] for e in r["escenarios"]
                if e["resultado"] == "fallido"]
    assert fallidos == ["En un cupo de Licitación Pública el aviso llega también a Nivel Central"]


HORARIOS = ("features/horarios_a_la_hora_del_portal.feature",)


def test_un_sabado_los_horarios_se_prueban_del_lado_de_fuera_y_el_plazo_no_se_corre() -> None:
    """El reloj de la demostración empieza un sábado y corre: ni la Ventanilla Única ni la Representación
    reciben, cada una dice cuándo reabre, y lo que necesita una solicitud recibida no se corre, con su motivo."""
    corrida = correr("aprovisionado", _salida("sabado"), reloj="2022-03-05T10:00", caracteristicas=HORARIOS)
    assert corrida.codigo == 0, (corrida.salida / "pytest.log").read_text(encoding="utf-8")[-3000:]
    veredictos = corrida.veredictos()
    assert (veredictos["HOR-01"], veredictos["HOR-02"]) == ("probada", "probada")
    assert (veredictos["PLZ-01"], veredictos["EXP-03"]) == ("no se corrió", "no se corrió")
    mostrados = dict(lados(corrida.conformidad["reglas"]))
    assert mostrados["HOR-01"].startswith("fuera del horario de la Ventanilla Única (sábado 05/03/2022 10:0")
    assert mostrados["HOR-02"].startswith("fuera del horario de la Representación Federal en Jalisco (sábado")
    omitidos = [e["motivo"] for regla in corrida.conformidad["reglas"] if regla["regla"] == "PLZ-01"
                for e in regla["escenarios"]]
    assert omitidos and all("la Ventanilla Única no recibe solicitudes" in motivo for motivo in omitidos), omitidos


# Fallas de la ficha, una por copia del portal: la demostración sin API de pruebas (su reloj corre) falla en la
# regla de la falla y sólo en ella.
FALLAS_DE_LA_FICHA = {
    "PLZ-01": ("stub_portal/reglas_cupos.py", "        if dia.weekday() >= 5:\n",
               "        if dia.weekday() >= 6:  # roto a propósito: el sábado cuenta como día hábil\n"),
    "EXP-02": ("stub_portal/reglas_cupos.py", "    return date(expedicion.year, 12, 31)\n",
               "    return date(expedicion.year + 1, 12, 31)  # roto a propósito: el 31/12 del año siguiente\n"),
    "ASG-02": ("stub_portal/tramites_cupo.py", "        validar_ejercicio_anterior(acreditados, anterior.monto)\n",
               "        validar_ejercicio_anterior(acreditados, cantidad)  # roto: el 70% de lo pedido\n"),
}


def caracteristicas_de(regla: str) -> tuple[str, ...]:
    """Las características que llevan la etiqueta de la regla (en la característica o en un escenario)."""
    etiqueta = re.compile(rf"@{re.escape(regla)}\b")
    return tuple(f"features/{ruta.name}" for ruta in sorted((RAIZ / "features").glob("*.feature"))
                 if etiqueta.search(ruta.read_text(encoding="utf-8")))


@pytest.mark.parametrize("regla", sorted(FALLAS_DE_LA_FICHA))
def test_una_falla_de_la_ficha_falla_en_su_regla_y_en_ninguna_otra_de_sus_caracteristicas(regla: str) -> None:
    """Las características que prueban la regla (la corrida completa la hace el despliegue roto de CAN-14)."""
    caracteristicas = caracteristicas_de(regla)
    assert caracteristicas
    corrida = correr("aprovisionado", _salida(f"roto-{regla}"), rotura=FALLAS_DE_LA_FICHA[regla],
                     caracteristicas=caracteristicas)
    assert corrida.codigo == 1, (corrida.salida / "pytest.log").read_text(encoding="utf-8")[-3000:]
    assert {r for r, veredicto in corrida.veredictos().items() if veredicto == "falló"} == {regla}
