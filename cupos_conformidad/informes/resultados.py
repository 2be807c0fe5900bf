"""Informes para personas y para Jenkins: Cucumber JSON completo con pytest-xdist y JUnit con nombres del .feature.

pytest-bdd 9 guarda lo que pasó en cada escenario en un registro del proceso, que con `-n` se queda en
el trabajador: su `--cucumberjson` sale vacío. Aquí cada trabajador copia los datos del escenario a un
atributo del reporte (datos JSON, que xdist lleva al controlador con el resto del reporte) y el
controlador escribe el Cucumber JSON él mismo y reescribe los nombres del `--junitxml`.

Los de varias tandas los junta cupos_conformidad/informes/unir.py.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from cupos_conformidad.informes.anexos import anexar, anexo
from cupos_conformidad.informes.bdd import (
    ScenarioReport,
    ScenarioTemplate,
    StepDefinitionNotFoundError,
    ejemplo_de,
    nombre_del_escenario,
    plantilla_de,
    reporte_de,
)
from cupos_conformidad.informes.formatos import PROPIEDAD_NODO, EscenarioRecogido, cucumber_json, nombrar_junit

Datos = dict[str, Any]
ATRIBUTO_ESCENARIO = "escenario_bdd"
REPETIDO = "rerun"
ATRIBUTO_CAPTURAS = "capturas_bdd"


# --- En el trabajador (o en la corrida sin -n): los datos viajan en el reporte ---

@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    # tryfirst: la parte tras el yield corre al final, cuando pytest-playwright ya guardó sus capturas.
    informe: pytest.TestReport = yield
    plantilla = plantilla_de(item)
    if plantilla is None or not _pide_informes(item.config):
        return informe
    if informe.when == "setup" and (PROPIEDAD_NODO, item.nodeid) not in item.user_properties:
        item.user_properties.append((PROPIEDAD_NODO, item.nodeid))  # llega al JUnit con el reporte final
    if informe.when == "call" or (informe.when == "setup" and not informe.passed):
        indefinido = call.excinfo is not None and call.excinfo.errisinstance(StepDefinitionNotFoundError)
        anexar(informe, ATRIBUTO_ESCENARIO, _datos_del_escenario(item, plantilla, informe, indefinido))
    if informe.when == "teardown" and (capturas := _capturas(item, informe)):
        anexar(informe, ATRIBUTO_CAPTURAS, capturas)
    return informe


_PIDE_INFORMES = pytest.StashKey[bool]()


def _pide_informes(config: pytest.Config) -> bool:
    return config.stash.get(_PIDE_INFORMES, False)


def _datos_del_escenario(item: pytest.Item, plantilla: ScenarioTemplate, informe: pytest.TestReport,
                         indefinido: bool) -> Datos:
    ejemplo, fila = ejemplo_de(item)
    # Si la preparación falló, pytest-bdd no llegó a abrir su reporte: se arma de la plantilla, sin pasos.
    reporte = (reporte_de(item) if informe.when == "call" else None) or ScenarioReport(plantilla.render(ejemplo))
    datos = reporte.serialize()
    caracteristica = datos["feature"]
    nombre_para_junit = nombre_del_escenario(plantilla, ejemplo)
    return {
        "caracteristica": {
            "keyword": caracteristica["keyword"], "name": caracteristica["name"],
            "uri": Path(os.path.relpath(caracteristica["filename"], item.config.rootpath)).as_posix(),
            "line": caracteristica["line_number"], "description": caracteristica["description"],
            "language": caracteristica["language"], "tags": caracteristica["tags"],
        },
        "keyword": datos["keyword"], "name": datos["name"], "nombre_junit": nombre_para_junit,
        "id": item.name, "line": datos["line_number"], "description": datos["description"],
        "tags": datos["tags"], "fila": fila,
        "steps": _pasos(reporte, informe, indefinido),
    }


def _pasos(reporte: ScenarioReport, informe: pytest.TestReport, indefinido: bool) -> list[Datos]:
    """Cada paso del escenario con su estado como lo dice Cucumber: tras el que falla, los demás se omiten."""
    pasos: list[Datos] = []
    hubo_falla = False
    for indice, paso in enumerate(reporte.scenario.steps):
        registro = reporte.step_reports[indice] if indice < len(reporte.step_reports) else None
        if registro is None:  # no se llegó a él; si faltaba su definición, es el culpable
            estado = "undefined" if indefinido and not hubo_falla else "skipped"
        elif hubo_falla:
            estado = "skipped"  # pytest-bdd marca como fallidos los pasos que ya no corrieron
        elif registro.failed:
            estado = "failed"
        elif registro.stopped is not None:
            estado = "passed"
        else:  # interrumpido a medias: pytest.skip() dentro del paso, o algo peor
            estado = "skipped" if informe.skipped else "failed"
        hubo_falla = hubo_falla or estado in ("failed", "undefined")
        datos: Datos = {"keyword": paso.keyword, "name": paso.name, "line": paso.line_number,
                        "status": estado, "duration": registro.duration if registro else 0.0}
        if paso.docstring is not None:
            datos["doc_string"] = {"value": paso.docstring, "content_type": "", "line": paso.line_number + 1}
        if paso.datatable is not None:
            datos["rows"] = [{"cells": [str(celda) for celda in fila]} for fila in paso.datatable.raw()]
        pasos.append(datos)
    return pasos


def _capturas(item: pytest.Item, informe: pytest.TestReport) -> list[str]:
    """Las capturas que pytest-playwright dejó para esta prueba, en base64."""
    inicio = item.config.invocation_params.dir
    rutas = [inicio / str(valor) for nombre, valor in informe.user_properties if nombre == "playwright_screenshot"]
    salida = item.config.getoption("--output", None)
    if not rutas and salida:  # versiones de pytest-playwright que no anuncian sus capturas en el reporte
        from slugify import slugify

        rutas = sorted((inicio / str(salida) / slugify(item.nodeid)).glob("test-*.png"))
    return [base64.b64encode(ruta.read_bytes()).decode("ascii") for ruta in rutas if ruta.is_file()]


# --- En el controlador (o en la corrida sin -n): juntar y escribir ---

class Recolector:
    """Junta, por nodo, lo que traen los reportes; vale el último intento de cada prueba, pero un
    intento que falló y se repitió (pytest-rerunfailures) no se pierde: queda como gancho fallido, con
    su captura, así que un escenario intermitente no aparece como aprobado."""

    def __init__(self, cucumber: Path | None, junit: Path | None) -> None:
        self.cucumber, self.junit = cucumber, junit
        self.escenarios: dict[str, EscenarioRecogido] = {}
        self._por_repetir: dict[str, EscenarioRecogido] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        datos = anexo(report, ATRIBUTO_ESCENARIO)
        if report.when == "setup":
            anterior = self.escenarios.pop(report.nodeid, None)
            if anterior is not None and anterior.repetido and isinstance(datos, dict):
                self.escenarios[report.nodeid] = EscenarioRecogido(
                    datos, capturas=anterior.capturas, intento_anterior="\n".join(anterior.errores.values()))
            elif anterior is not None and anterior.repetido:
                self._por_repetir[report.nodeid] = anterior
        if isinstance(datos, dict):
            if (anterior := self._por_repetir.pop(report.nodeid, None)) is not None:
                self.escenarios[report.nodeid] = EscenarioRecogido(
                    datos, capturas=anterior.capturas, intento_anterior="\n".join(anterior.errores.values()))
            self.escenarios.setdefault(report.nodeid, EscenarioRecogido(datos)).datos = datos
        escenario = self.escenarios.get(report.nodeid)
        if escenario is None:
            return
        escenario.duraciones[report.when] = report.duration
        repetido = str(report.outcome) == REPETIDO  # pytest-rerunfailures agrega ese resultado
        if report.failed or repetido:
            escenario.errores[report.when] = report.longreprtext
            escenario.repetido = escenario.repetido or repetido
        escenario.capturas.extend(anexo(report, ATRIBUTO_CAPTURAS) or [])

    @pytest.hookimpl(wrapper=True)
    def pytest_sessionfinish(self) -> Generator[None, None, None]:
        # pytest-bdd no crea la carpeta, y pytest-playwright borra la de --output al empezar.
        for ruta in (self.cucumber, self.junit):
            if ruta is not None:
                ruta.parent.mkdir(parents=True, exist_ok=True)
        # Tras el yield ya escribieron pytest-bdd (vacío con -n) y el JUnit de pytest: se reescriben.
        yield
        if self.cucumber is not None:
            self.cucumber.write_text(json.dumps(cucumber_json(self.escenarios.values()), ensure_ascii=False),
                                     encoding="utf-8")
        if self.junit is not None and self.junit.is_file():
            nombrar_junit(self.junit, self.escenarios)

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.cucumber is not None:
            terminalreporter.write_sep("-", f"Cucumber JSON: {self.cucumber}")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    cucumber = config.getoption("cucumber_json_path", None)
    config.stash[_PIDE_INFORMES] = bool(cucumber or config.getoption("xmlpath", None))
    # El Cucumber JSON lo escribe el Recolector, completo también con -n. Se le quita la ruta a
    # pytest-bdd antes de que configure su propio registro, que sobra (con -n sale vacío) y que no
    # conoce el resultado «rerun» de pytest-rerunfailures.
    config.option.cucumber_json_path = None
    if hasattr(config, "workerinput") or not _pide_informes(config):
        return

    def ruta(valor: str | None) -> Path | None:
        return Path(os.path.abspath(os.path.expanduser(os.path.expandvars(valor)))) if valor else None

    config.pluginmanager.register(Recolector(ruta(cucumber), ruta(config.getoption("xmlpath", None))),
                                  "informes-bdd")
