"""El trámite de cancelación de certificados a petición del interesado, sobre la base de datos."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stub_portal import acuses, reglas
from stub_portal.base_de_datos import bloquear
from stub_portal.efirma import Firmante
from stub_portal.firma_documentos import FirmaDeLaSecretaria
from stub_portal.modelo import Certificado, Cupo, Partida, Solicitud, Usuario
from stub_portal.reglas import ErrorCaptura
from stub_portal.reglas_cupos import Calendario

TRAMITE = "cancelacion"
PARAMETROS = {  # nombre del campo: (etiqueta, requerido) — CAN-05
    "regimen": ("Régimen Aduanero", True),
    "mecanismo": ("Mecanismo de Asignación", True),
    "tratado": ("Tratado o Bloque Comercial", False),
    "producto": ("Producto", False),
    "subproducto": ("Subproducto", False),
    "representacion_federal": ("Representación Federal", False),
}


@dataclass(frozen=True)
class CertificadoDisponible:
    certificado: Certificado
    por_cancelar: Decimal


def opciones_de_busqueda(sesion: Session) -> dict[str, list[str]]:
    """Los valores de cada parámetro de búsqueda, tomados de los cupos registrados."""
    return {
        campo: sorted(set(sesion.scalars(select(getattr(Cupo, campo))).all()))
        for campo in PARAMETROS
    }


def buscar_cupos(sesion: Session, parametros: dict[str, str]) -> list[Cupo]:
    """CAN-05/06: exige los parámetros requeridos y devuelve los cupos que coinciden."""
    faltan = [etiqueta for campo, (etiqueta, requerido) in PARAMETROS.items()
              if requerido and not parametros.get(campo)]
    if faltan:
        raise ErrorCaptura("Seleccione los parámetros requeridos: " + ", ".join(faltan) + ".")
    consulta = select(Cupo).order_by(Cupo.nombre)
    for campo in PARAMETROS:
        if parametros.get(campo):
            consulta = consulta.where(getattr(Cupo, campo) == parametros[campo])
    return list(sesion.scalars(consulta))


def por_cancelar(sesion: Session, certificado: Certificado) -> Decimal:
    """Lo que el certificado no ha ejercido ni cancelado, menos lo ya pedido en solicitudes firmadas."""
    apartado = sum(
        sesion.scalars(
            select(Partida.monto)
            .join(Solicitud)
            .where(Partida.certificado_id == certificado.id, Solicitud.estado == "pendiente")
        ),
        Decimal(0),
    )
    return reglas.sin_ejercer(certificado.monto_expedido, certificado.monto_ejercido,
                              certificado.monto_cancelado) - apartado


def certificados_disponibles(
    sesion: Session, solicitante: Usuario, cupo: Cupo, hoy: date
) -> list[CertificadoDisponible]:
    """CAN-07: sólo los del solicitante, vigentes hoy, no cancelados y con saldo por cancelar."""
    certificados = sesion.scalars(
        select(Certificado)
        .where(
            Certificado.cupo_id == cupo.id,
            Certificado.titular_id == solicitante.id,
            Certificado.estado == "vigente",
            Certificado.fecha_expedicion <= hoy,
            Certificado.vigencia_hasta >= hoy,
        )
        .order_by(Certificado.folio)
    )
    disponibles = [CertificadoDisponible(c, por_cancelar(sesion, c)) for c in certificados]
    return [d for d in disponibles if d.por_cancelar > 0]


def borrador(sesion: Session, solicitante: Usuario) -> Solicitud | None:
    """La solicitud en captura del solicitante, si ya agregó algo; verla no crea nada."""
    return sesion.scalars(select(Solicitud).where(
        Solicitud.solicitante_id == solicitante.id, Solicitud.tramite == TRAMITE,
        Solicitud.estado == "borrador")).first()


def _borrador_para_cambiar(sesion: Session, solicitante: Usuario) -> Solicitud:
    """El borrador, bloqueado hasta el fin de la transacción; se crea si no hay (uno por trámite)."""
    solicitud = borrador(sesion, solicitante)
    if solicitud is None:
        try:
            with sesion.begin_nested():
                solicitud = Solicitud(tramite=TRAMITE, solicitante=solicitante,
                                      motivo=reglas.MOTIVO_CANCELACION)
                sesion.add(solicitud)
        except IntegrityError:  # otra pestaña lo creó en este instante: se usa ése
            solicitud = borrador(sesion, solicitante)
            if solicitud is None:
                raise
    [bloqueado] = bloquear(sesion, Solicitud, solicitud.id)
    if bloqueado.estado != "borrador":
        raise ErrorCaptura("La solicitud ya se firmó: ya no se le pueden agregar ni quitar certificados.")
    bloqueado.version += 1
    return bloqueado


def _disponible(sesion: Session, solicitante: Usuario, folio: str, hoy: date) -> CertificadoDisponible:
    certificado = sesion.scalars(select(Certificado).where(Certificado.folio == folio)).first()
    if certificado is not None:
        for disponible in certificados_disponibles(sesion, solicitante, certificado.cupo, hoy):
            if disponible.certificado.id == certificado.id:
                return disponible
    raise ErrorCaptura(f"El certificado {folio} no está disponible para cancelar.")


def agregar_certificado(
    sesion: Session, solicitante: Usuario, folio: str, monto_capturado: str, hoy: date
) -> Partida:
    """CAN-08/17: agrega el certificado a «Certificados a cancelar» con su monto a favor."""
    disponible = _disponible(sesion, solicitante, folio, hoy)
    monto = reglas.leer_monto(monto_capturado)
    reglas.validar_monto_a_favor(monto, disponible.por_cancelar)
    solicitud = _borrador_para_cambiar(sesion, solicitante)
    if any(p.certificado_id == disponible.certificado.id for p in solicitud.partidas):
        raise ErrorCaptura(f"El certificado {folio} ya está en los certificados a cancelar.")
    partida = Partida(certificado=disponible.certificado, monto=monto)
    solicitud.partidas.append(partida)
    return partida


def quitar_certificado(sesion: Session, solicitante: Usuario, folio: str) -> None:
    actual = borrador(sesion, solicitante)
    if actual is None or all(p.certificado.folio != folio for p in actual.partidas):
        raise ErrorCaptura(f"El certificado {folio} no está en los certificados a cancelar.")
    solicitud = _borrador_para_cambiar(sesion, solicitante)
    solicitud.partidas[:] = [p for p in solicitud.partidas if p.certificado.folio != folio]


def validar_lista_para_firmar(solicitud: Solicitud | None) -> Solicitud:
    """CAN-10: a la firma sólo con al menos un certificado a cancelar."""
    if solicitud is None or not solicitud.partidas:
        raise ErrorCaptura("Agregue al menos un certificado a cancelar antes de continuar.")
    return solicitud


def firmar(sesion: Session, solicitante: Usuario, id_borrador: int, version: int, firmante: Firmante,
           ahora: datetime, calendario: Calendario, firma_se: FirmaDeLaSecretaria) -> Solicitud:
    """Sella el borrador tal como el solicitante lo vio (su número y su versión), le da folio y
    acuse, y lo deja pendiente de resolver. Un segundo envío de la misma firma no firma dos veces.

    Los montos se validan otra vez, con los certificados bloqueados: pudieron cambiar desde la
    captura (otra solicitud firmada o resuelta).
    """
    bloqueadas = bloquear(sesion, Solicitud, id_borrador)
    if not bloqueadas or bloqueadas[0].solicitante_id != solicitante.id or bloqueadas[0].tramite != TRAMITE:
        raise ErrorCaptura("No hay una solicitud de cancelación en captura que firmar.")
    solicitud = bloqueadas[0]
    if solicitud.estado != "borrador":
        raise acuses.SolicitudYaPresentada(solicitud)
    if solicitud.version != version:
        raise ErrorCaptura("La solicitud cambió mientras la firmaba (se agregó o se quitó un "
                           "certificado). Revise los certificados a cancelar y firme de nuevo.")
    validar_lista_para_firmar(solicitud)
    bloquear(sesion, Certificado, *(p.certificado_id for p in solicitud.partidas))
    for partida in solicitud.partidas:
        disponible = _disponible(sesion, solicitante, partida.certificado.folio, ahora.date())
        reglas.validar_monto_a_favor(partida.monto, disponible.por_cancelar)
    campos: list[tuple[str, object]] = []
    renglones = []
    for partida in solicitud.partidas:
        campos += [("", partida.certificado.folio), ("", partida.monto)]
        unidad = partida.certificado.cupo.unidad.lower()
        renglones.append(f"Certificado: {partida.certificado.folio}    "
                         f"Monto a favor: {reglas.formato_monto(partida.monto)} {unidad}")
    campos.append(("Motivo de cancelación", solicitud.motivo))
    return acuses.registrar(sesion, solicitud, firmante, ahora, calendario, firma_se, campos,
                            [("Certificados a cancelar", renglones)])


def destinatarios_del_aviso(sesion: Session, solicitud: Solicitud) -> list[str]:
    cupos = {p.certificado.cupo for p in solicitud.partidas}
    nivel_central = sesion.scalars(select(Usuario.correo).where(Usuario.perfil == "nivel_central"))
    return reglas.destinatarios_aviso_cancelacion(
        solicitud.solicitante.correo,
        [c.dictaminador.correo for c in cupos if c.dictaminador is not None],
        [c.mecanismo for c in cupos],
        nivel_central,
    )
