"""Junta los informes de varias tandas (grupos de pytest-split, máquinas), cada escenario una vez:

    python -m cupos_conformidad.informes.unir --cucumber a.json b.json -o todo.json
    python -m cupos_conformidad.informes.unir --junit a.xml b.xml -o todo.xml
"""

from __future__ import annotations

import argparse
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

Datos = dict[str, Any]


def unir_cucumber(informes: Iterable[list[Datos]]) -> list[Datos]:
    """Una característica por uri; un escenario por (uri, id, línea): el id lleva el ejemplo. Gana el último."""
    caracteristicas: dict[str, Datos] = {}
    elementos: dict[str, dict[tuple[str, int], Datos]] = {}
    for informe in informes:
        for caracteristica in informe:
            uri = caracteristica["uri"]
            caracteristicas.setdefault(uri, caracteristica)
            for elemento in caracteristica.get("elements", []):
                elementos.setdefault(uri, {})[(elemento.get("id", ""), elemento.get("line", 0))] = elemento
    return [caracteristicas[uri] | {"elements": sorted(elementos.get(uri, {}).values(),
                                                          key=lambda e: int(e.get("line", 0)))}
            for uri in caracteristicas]


def unir_junit(arboles: Iterable[ET.ElementTree[ET.Element]]) -> ET.ElementTree[ET.Element]:
    """Un <testsuite> por nombre, cada <testcase> (clase, nombre, archivo, línea) una vez; gana el último."""
    suites: dict[str, ET.Element] = {}
    casos: dict[str, dict[tuple[str | None, ...], ET.Element]] = {}
    for arbol in arboles:
        raiz = arbol.getroot()
        for suite in [raiz] if raiz.tag == "testsuite" else raiz.iter("testsuite"):
            nombre = suite.get("name", "pytest")
            if nombre not in suites:
                suites[nombre] = ET.Element("testsuite", {k: v for k, v in suite.attrib.items()})
                suites[nombre].extend(suite.findall("properties"))
            elif suite.get("timestamp", "") < suites[nombre].get("timestamp", ""):
                suites[nombre].set("timestamp", suite.get("timestamp", ""))
            for caso in suite.findall("testcase"):
                identidad = tuple(caso.get(atributo) for atributo in ("classname", "name", "file", "line"))
                casos.setdefault(nombre, {})[identidad] = caso
    raiz = ET.Element("testsuites", name="pytest tests")
    totales = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    tiempo_total = 0.0
    for nombre, suite in suites.items():
        propios = list(casos.get(nombre, {}).values())
        suite.extend(propios)
        cuentas = {"tests": len(propios), "failures": _con(propios, "failure"), "errors": _con(propios, "error"),
                   "skipped": _con(propios, "skipped")}
        tiempo = sum(float(caso.get("time", "0")) for caso in propios)
        for clave, valor in cuentas.items():
            suite.set(clave, str(valor))
            totales[clave] += valor
        suite.set("time", f"{tiempo:.3f}")
        tiempo_total += tiempo
        raiz.append(suite)
    for clave, valor in totales.items():
        raiz.set(clave, str(valor))
    raiz.set("time", f"{tiempo_total:.3f}")
    return ET.ElementTree(raiz)


def _con(casos: list[ET.Element], etiqueta: str) -> int:
    return sum(1 for caso in casos if caso.find(etiqueta) is not None)


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(prog="python -m cupos_conformidad.informes.unir", description=__doc__)
    tipo = analizador.add_mutually_exclusive_group(required=True)
    tipo.add_argument("--cucumber", nargs="+", type=Path, metavar="JSON", help="informes Cucumber JSON")
    tipo.add_argument("--junit", nargs="+", type=Path, metavar="XML", help="informes JUnit XML")
    analizador.add_argument("-o", "--salida", required=True, type=Path, help="el informe unido")
    argumentos = analizador.parse_args(argv)
    argumentos.salida.parent.mkdir(parents=True, exist_ok=True)
    if argumentos.cucumber:
        unido = unir_cucumber(json.loads(ruta.read_text(encoding="utf-8")) for ruta in argumentos.cucumber)
        argumentos.salida.write_text(json.dumps(unido, ensure_ascii=False), encoding="utf-8")
    else:
        unir_junit(ET.parse(ruta) for ruta in argumentos.junit).write(
            argumentos.salida, encoding="utf-8", xml_declaration=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
