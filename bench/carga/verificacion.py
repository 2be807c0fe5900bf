"""Lo que la ráfaga dejó, revisado en la base y por HTTP: cada solicitud guardada una vez, el orden de
llegada que registró el portal (recibida_en y, en empate, el id que da la base: el consecutivo del
folio), la resolución del dictaminador en ese orden y el reparto del cupo (CUP-07, CRT-01)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from bench.carga.escenario import Escenario
from tests.navegador_http import UsuarioHttp

MOTIVO_SIN_SALDO = "No queda monto del cupo por asignar: se atendieron antes las solicitudes que llegaron primero."
_RECIBIDAS = text("""
    SELECT s.id, s.folio, s.recibida_en, s.estado, s.monto_solicitado, s.monto_otorgado, u.rfc
    FROM solicitudes s JOIN cupos c ON c.id = s.cupo_id JOIN usuarios u ON u.id = s.solicitante_id
    WHERE c.clave = :cupo AND s.tramite = 'asignacion' AND s.estado <> 'borrador'
    ORDER BY s.recibida_en, s.id""")
_ASIGNADO = text("""SELECT a.monto FROM asignaciones a JOIN cupos c ON c.id = a.cupo_id
                    WHERE c.clave = :cupo AND a.anio = :anio""")


@dataclass(frozen=True)
class Recibida:
    id: int
    folio: str
    recibida_en: Any
    estado: str
    pedido: Decimal
    otorgado: Decimal
    rfc: str


def _decimal(valor: object) -> Decimal:
    return Decimal(0) if valor is None else Decimal(str(valor))


def _consultar(base: str, consulta: Any, **parametros: object) -> list[Any]:
    motor = create_engine(base, poolclass=NullPool)
    try:
        with motor.connect() as conexion:
            return list(conexion.execute(consulta, parametros).all())
    finally:
        motor.dispose()


def recibidas(base: str, cupo: str) -> list[Recibida]:
    """Las solicitudes de asignación del cupo, en el orden de llegada que registró el portal."""
    return [Recibida(r.id, r.folio, r.recibida_en, r.estado, _decimal(r.monto_solicitado),
                     _decimal(r.monto_otorgado), r.rfc) for r in _consultar(base, _RECIBIDAS, cupo=cupo)]


def asignado(base: str, cupo: str, anio: int) -> Decimal:
    return sum((_decimal(r.monto) for r in _consultar(base, _ASIGNADO, cupo=cupo, anio=anio)), Decimal(0))


def revisar_registro(guardadas: list[Recibida], folios_del_cliente: dict[str, str], usuarios: int,
                     folios_de_la_bandeja: list[str]) -> list[str]:
    """Una solicitud guardada por usuario, con el folio que recibió; un solo orden de llegada."""
    problemas = []
    if len(guardadas) != usuarios:
        problemas.append(f"se guardaron {len(guardadas)} solicitudes de {usuarios}")
    por_rfc: dict[str, list[str]] = {}
    for g in guardadas:
        por_rfc.setdefault(g.rfc, []).append(g.folio)
    if repetidos := {rfc: f for rfc, f in por_rfc.items() if len(f) > 1}:
        problemas.append(f"{len(repetidos)} solicitantes con más de una solicitud: {list(repetidos.items())[:3]}")
    distintos = {rfc: (folio, por_rfc.get(rfc)) for rfc, folio in folios_del_cliente.items()
                 if por_rfc.get(rfc) != [folio]}
    if distintos:
        problemas.append(f"{len(distintos)} folios recibidos que la base no tiene así: "
                         f"{list(distintos.items())[:3]}")
    if desfasados := [g.folio for g in guardadas if int(g.folio[-13:]) != g.id]:
        problemas.append(f"{len(desfasados)} folios cuyo consecutivo no es el id: {desfasados[:3]}")
    en_orden = [g.folio for g in guardadas]
    if invertidas := [(a, b) for a, b in zip(guardadas, guardadas[1:], strict=False) if a.folio > b.folio]:
        a, b = invertidas[0]
        problemas.append(
            f"el orden (recibida_en, id) no es el de los folios en {len(invertidas)} pares seguidos; p. ej. "
            f"{a.folio} recibida {a.recibida_en} va antes que {b.folio} recibida {b.recibida_en}")
    if folios_de_la_bandeja != en_orden:
        problemas.append("la bandeja del dictaminador no muestra las solicitudes en el orden de llegada")
    return problemas


def resolver_en_orden(dictaminador: UsuarioHttp, folios: list[str]) -> list[str]:
    """El dictaminador autoriza cada una en orden de llegada; si ya no hay monto, la rechaza."""
    problemas = []
    for folio in folios:
        respuesta = dictaminador.resolver(folio, "autorizar")
        if respuesta.status_code == 422 and "No hay monto que otorgar" in respuesta.text:
            respuesta = dictaminador.resolver(folio, "rechazar", MOTIVO_SIN_SALDO)
        if respuesta.status_code != 302:
            problemas.append(f"{folio}: la resolución respondió {respuesta.status_code}")
    return problemas


@dataclass(frozen=True)
class Reparto:
    otorgado: Decimal
    sobreasignacion: Decimal
    fuera_de_orden: int  # otorgadas que llegaron después de una que recibió menos de lo pedido
    distintas_del_ideal: list[str]  # folios cuyo monto no es min(pedido, lo que quedaba) en orden
    completas: int
    parciales: int
    sin_monto: int


def repartir(resueltas: list[Recibida], anual: Decimal, asignado_en_la_base: Decimal) -> Reparto:
    """Lo que se otorgó contra lo que da «primero en tiempo, primero en derecho» en orden de llegada."""
    otorgado = sum((r.otorgado for r in resueltas), Decimal(0))
    queda, distintas, fuera, hubo_corta = anual, [], 0, False
    for r in resueltas:
        ideal = min(r.pedido, max(queda, Decimal(0)))
        queda -= r.otorgado
        if r.otorgado != ideal:
            distintas.append(r.folio)
        fuera += hubo_corta and r.otorgado > 0
        hubo_corta = hubo_corta or r.otorgado < r.pedido
    excedido = max(otorgado, asignado_en_la_base) - anual
    return Reparto(otorgado, max(excedido, Decimal(0)), fuera, distintas,
                   completas=sum(r.otorgado == r.pedido for r in resueltas),
                   parciales=sum(0 < r.otorgado < r.pedido for r in resueltas),
                   sin_monto=sum(r.otorgado == 0 for r in resueltas))


def revisar_todo(escenario: Escenario, base: str, folios_del_cliente: dict[str, str]
                 ) -> tuple[list[str], Reparto | None]:
    """Registro y orden; luego la resolución en orden por HTTP y el reparto. Devuelve los problemas."""
    dictaminador = UsuarioHttp(escenario.url, escenario.dictaminador)
    try:
        if dictaminador.entrar("/funcionarios/ingresar").status_code != 302:
            return ["el dictaminador no pudo entrar"], None
        guardadas = recibidas(base, escenario.cupo)
        problemas = revisar_registro(guardadas, folios_del_cliente, len(escenario.solicitantes),
                                     dictaminador.folios_de_la_bandeja())
        problemas += resolver_en_orden(dictaminador, [g.folio for g in guardadas])
    finally:
        dictaminador.cerrar()
    resueltas = recibidas(base, escenario.cupo)
    if pendientes := [r.folio for r in resueltas if r.estado == "pendiente"]:
        problemas.append(f"{len(pendientes)} solicitudes quedaron pendientes")
    reparto = repartir(resueltas, escenario.monto_anual,
                       asignado(base, escenario.cupo, escenario.apertura.year))
    if reparto.sobreasignacion:
        problemas.append(f"se asignaron {reparto.sobreasignacion} de más sobre {escenario.monto_anual}")
    if reparto.fuera_de_orden or reparto.distintas_del_ideal:
        problemas.append(f"reparto fuera del orden de llegada: {reparto.fuera_de_orden} otorgadas después de "
                         f"una corta; montos distintos de los debidos en {reparto.distintas_del_ideal[:5]}")
    return problemas, reparto
