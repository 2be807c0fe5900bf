"""Cómo se escriben los informes de resultados (cupos_conformidad/informes/resultados.py los junta): el
Cucumber JSON de cada escenario recogido y los nombres del .feature en el JUnit de pytest."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Datos = dict[str, Any]
# Une el <testcase> del JUnit con su escenario; se quita al reescribir el archivo.
PROPIEDAD_NODO = "escenario_bdd"


@dataclass
class EscenarioRecogido:
    datos: Datos
    errores: dict[str, str] = field(default_factory=dict)  # fase de pytest -> mensaje
    duraciones: dict[str, float] = field(default_factory=dict)
    capturas: list[str] = field(default_factory=list)
    repetido: bool = False  # este intento falló y pytest-rerunfailures lo repite
    intento_anterior: str | None = None  # el error del intento que falló, si al repetirlo pasó algo más


def cucumber_json(escenarios: Iterable[EscenarioRecogido]) -> list[Datos]:
    caracteristicas: dict[str, Datos] = {}
    for escenario in sorted(escenarios, key=lambda e: (e.datos["caracteristica"]["uri"], e.datos["line"],
                                                       e.datos["fila"])):
        propia = escenario.datos["caracteristica"]
        if propia["uri"] not in caracteristicas:
            caracteristicas[propia["uri"]] = {
                "keyword": propia["keyword"], "uri": propia["uri"], "name": propia["name"] or propia["uri"],
                "id": _identificador(propia["name"] or propia["uri"]), "line": propia["line"],
                "description": propia["description"], "language": propia["language"],
                "tags": _etiquetas(propia["tags"], propia["line"]), "elements": [],
            }
        caracteristicas[propia["uri"]]["elements"].append(_elemento(escenario))
    return list(caracteristicas.values())


def _elemento(escenario: EscenarioRecogido) -> Datos:
    datos = escenario.datos
    pasos: list[Datos] = [
        {"keyword": paso["keyword"], "name": paso["name"], "line": paso["line"], "match": {"location": ""},
         "result": {"status": paso["status"], "duration": _nanosegundos(paso["duration"])},
         **{clave: paso[clave] for clave in ("doc_string", "rows") if clave in paso}}
        for paso in datos["steps"]
    ]
    elemento: Datos = {"keyword": datos["keyword"], "id": datos["id"], "name": datos["name"],
                       "line": datos["line"], "description": datos["description"],
                       "tags": _etiquetas(datos["tags"], datos["line"]), "type": "scenario", "steps": pasos}
    culpable = next((p for p in pasos if p["result"]["status"] in ("failed", "undefined")), None)
    if escenario.intento_anterior is not None:
        elemento["before"] = [_gancho("intento anterior", "failed", None,
                                      "Falló y se repitió con la traza completa; el resultado de abajo es el de "
                                      f"la repetición.\n{escenario.intento_anterior}")]
    for fase, gancho in (("setup", "before"), ("call", "after"), ("teardown", "after")):
        if (mensaje := escenario.errores.get(fase)) is None:
            continue
        if fase == "call" and culpable is not None:
            culpable["result"]["error_message"] = mensaje
            continue
        elemento.setdefault(gancho, []).append(_gancho(fase, "failed", escenario.duraciones.get(fase), mensaje))
    if escenario.capturas:
        fallidos = [g for clave in ("before", "after") for g in elemento.get(clave, [])]
        destino = culpable or next(iter(fallidos), None) or (pasos[-1] if pasos else None)
        if destino is None:
            destino = _gancho("teardown", "passed", escenario.duraciones.get("teardown"), None)
            elemento["after"] = [destino]
        destino["embeddings"] = [{"mime_type": "image/png", "data": dato} for dato in escenario.capturas]
    return elemento


def _gancho(fase: str, estado: str, duracion: float | None, mensaje: str | None) -> Datos:
    resultado: Datos = {"status": estado, "duration": _nanosegundos(duracion or 0.0)}
    if mensaje is not None:
        resultado["error_message"] = mensaje
    return {"match": {"location": f"pytest:{fase}"}, "result": resultado}


def _nanosegundos(segundos: float) -> int:
    return math.floor(segundos * 10**9)


def _identificador(texto: str) -> str:
    return texto.lower().replace(" ", "-")


def _etiquetas(etiquetas: list[str], linea: int) -> list[Datos]:
    return [{"name": f"@{etiqueta}", "line": linea - 1} for etiqueta in etiquetas]


def nombrar_junit(ruta: Path, escenarios: dict[str, EscenarioRecogido]) -> None:
    """Cada <testcase> de un escenario: la característica por clase, el escenario por nombre, el .feature."""
    arbol = ET.parse(ruta)
    for caso in arbol.iter("testcase"):
        propiedades = caso.find("properties")
        if propiedades is None:
            continue
        for propiedad in propiedades.findall("property"):
            if propiedad.get("name") != PROPIEDAD_NODO:
                continue
            propiedades.remove(propiedad)
            if (escenario := escenarios.get(propiedad.get("value", ""))) is not None:
                datos = escenario.datos
                caso.set("classname", datos["caracteristica"]["name"] or datos["caracteristica"]["uri"])
                caso.set("name", datos["nombre_junit"])
                caso.set("file", datos["caracteristica"]["uri"])
                caso.set("line", str(datos["line"]))
        if len(propiedades) == 0:
            caso.remove(propiedades)
    arbol.write(ruta, encoding="utf-8", xml_declaration=True)
