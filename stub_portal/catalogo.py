"""Los catálogos que el portal carga de stub_portal/datos: cupos (fichas informativas),
Representaciones Federales, aduanas y días inhábiles de la dependencia."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from stub_portal.modelo import Cupo, DiaInhabil, MontoAnual
from stub_portal.reglas_cupos import (
    VENTANILLA_UNICA,
    VUCEM,
    Calendario,
    LugarDePresentacion,
    representacion_federal,
)

DATOS = Path(__file__).parent / "datos"
_CAMPOS_DE_CUPO = ("nombre", "regimen", "mecanismo", "tratado", "pais_origen", "producto",
                   "subproducto", "representacion_federal", "unidad", "periodo", "periodicidad",
                   "beneficiarios", "distribucion", "fundamento_legal")


def _leer(nombre: str) -> Any:
    return json.loads((DATOS / nombre).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Catalogos:
    representaciones: dict[str, LugarDePresentacion]
    aduanas: dict[str, str]

    @property
    def lugares(self) -> list[str]:
        return [VENTANILLA_UNICA, *self.representaciones]

    def lugar(self, nombre: str) -> LugarDePresentacion | None:
        return VUCEM if nombre == VENTANILLA_UNICA else self.representaciones.get(nombre)


def guardar_cupo(sesion: Session, datos: dict[str, Any]) -> Cupo:
    """Crea o actualiza un cupo con los datos de su ficha (la clave lo identifica)."""
    cupo = sesion.scalars(select(Cupo).where(Cupo.clave == datos["clave"])).first()
    if cupo is None:
        cupo = Cupo(clave=datos["clave"])
        sesion.add(cupo)
    for campo in _CAMPOS_DE_CUPO:
        if campo in datos:
            setattr(cupo, campo, datos[campo])
    if "fracciones" in datos:
        pares = [f if isinstance(f, list | tuple) else [f, ""] for f in datos["fracciones"]]
        cupo.fracciones_json = json.dumps(pares, ensure_ascii=False)
    if datos.get("inicio_de_recepcion"):
        cupo.inicio_de_recepcion = date.fromisoformat(datos["inicio_de_recepcion"])
    for anio, monto in sorted(datos.get("montos", {}).items()):
        # Se actualiza el monto de cada año en su lugar: volver a cargar la ficha no lo duplica.
        existente = next((m for m in cupo.montos if m.anio == int(anio)), None)
        if existente is None:
            cupo.montos.append(MontoAnual(anio=int(anio), monto=Decimal(str(monto))))
        else:
            existente.monto = Decimal(str(monto))
    return cupo


def cargar(sesiones: sessionmaker[Session]) -> None:
    """Carga en la base los cupos y los días inhábiles de los archivos; repetirlo no duplica nada."""
    with sesiones.begin() as sesion:
        for datos in _leer("cupos.json")["cupos"]:
            guardar_cupo(sesion, datos)
        for fecha, descripcion in _leer("dias_inhabiles.json")["dias"].items():
            sesion.merge(DiaInhabil(fecha=date.fromisoformat(fecha), descripcion=descripcion))


def leer() -> Catalogos:
    """Las Representaciones Federales y las aduanas, que el portal lee de sus archivos."""
    return Catalogos(
        representaciones={nombre: representacion_federal(nombre, zona)
                           for nombre, zona in _leer("representaciones.json")["representaciones"]},
        aduanas=_leer("aduanas.json")["aduanas"],
    )


def calendario(sesion: Session) -> Calendario:
    return Calendario({d.fecha: d.descripcion for d in sesion.scalars(select(DiaInhabil))})
