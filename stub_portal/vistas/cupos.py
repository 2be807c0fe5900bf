"""Consulta de cupos: lo que publica la ficha informativa de cada cupo, y su saldo del año."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from sqlalchemy import select

from stub_portal import saldos
from stub_portal.modelo import Cupo
from stub_portal.permisos import SOLICITANTES
from stub_portal.vistas.comun import ahora, db, requiere

bp = Blueprint("cupos", __name__, url_prefix="/cupos")


@bp.get("")
@requiere(*SOLICITANTES)
def lista() -> str:
    return render_template("cupos/lista.html", cupos=db().scalars(select(Cupo).order_by(Cupo.nombre)))


@bp.get("/<clave>")
@requiere(*SOLICITANTES)
def ficha(clave: str) -> str:
    cupo = db().scalars(select(Cupo).where(Cupo.clave == clave)).first()
    if cupo is None:
        abort(404)
    anio = ahora().year
    return render_template("cupos/ficha.html", cupo=cupo, anio=anio,
                           saldo=saldos.saldo_del_cupo(db(), cupo, anio),
                           por_asignar=saldos.por_asignar(db(), cupo, anio))
