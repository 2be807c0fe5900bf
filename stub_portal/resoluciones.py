"""El lado del funcionario: la bandeja, el orden de prelación y las resoluciones firmadas
(EXP-03, CUP-07, CRT-01, EXP-02, CAN-15)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from stub_portal import reglas, saldos
from stub_portal.acuses import NOMBRES
from stub_portal.base_de_datos import bloquear
from stub_portal.documentos import Documento, generar_pdf
from stub_portal.efirma import Firmante, sellar
from stub_portal.firma_documentos import FirmaDeLaSecretaria
from stub_portal.modelo import Asignacion, Certificado, Cupo, Solicitud, Usuario
from stub_portal.permisos import atiende, cupos_de
from stub_portal.reglas import ErrorCaptura, formato_monto
from stub_portal.reglas_cupos import Otorgamiento, monto_a_otorgar, vigencia_del_certificado

TITULOS = {
    ("asignacion", True): "Constancia de asignación de cupo",
    ("expedicion", True): "Certificado de cupo",
    ("cancelacion", True): "Resolución de cancelación de certificados",
}
QUE_CONSUMEN_CUPO = ("asignacion", "expedicion")


def bandeja(sesion: Session, funcionario: Usuario) -> list[Solicitud]:
    """Las pendientes que le tocan, en el orden en que llegaron (CUP-07)."""
    pendientes = sesion.scalars(select(Solicitud).where(Solicitud.estado == "pendiente")
                                .order_by(Solicitud.recibida_en, Solicitud.id))
    return [s for s in pendientes if atiende(funcionario, s)]


def anterior_pendiente(sesion: Session, solicitud: Solicitud) -> Solicitud | None:
    """CUP-07: la solicitud del mismo cupo que llegó antes y sigue sin resolver, si la hay."""
    if solicitud.tramite not in QUE_CONSUMEN_CUPO or solicitud.recibida_en is None:
        return None
    antes = sesion.scalars(select(Solicitud).where(
        Solicitud.estado == "pendiente", Solicitud.cupo_id == solicitud.cupo_id,
        Solicitud.tramite.in_(QUE_CONSUMEN_CUPO), Solicitud.id != solicitud.id,
    ).order_by(Solicitud.recibida_en, Solicitud.id)).first()
    if antes is None or antes.recibida_en is None:
        return None
    return antes if (antes.recibida_en, antes.id) < (solicitud.recibida_en, solicitud.id) else None


def propuesta(sesion: Session, solicitud: Solicitud) -> Otorgamiento | None:
    """CRT-01: el monto que se otorgaría al autorizar, y qué término lo limitó."""
    if solicitud.tramite not in QUE_CONSUMEN_CUPO or solicitud.cupo is None:
        return None
    assert solicitud.monto_solicitado is not None and solicitud.anio is not None
    terminos = {"la cantidad solicitada": solicitud.monto_solicitado}
    if solicitud.tramite == "asignacion":
        terminos["lo que queda del cupo por asignar"] = (
            saldos.por_asignar(sesion, solicitud.cupo, solicitud.anio) or Decimal(0))
    else:
        terminos["el saldo del cupo"] = saldos.saldo_del_cupo(sesion, solicitud.cupo, solicitud.anio) or Decimal(0)
    if solicitud.tramite == "expedicion":
        assert solicitud.monto_factura is not None and solicitud.asignacion is not None
        terminos["la factura comercial y el documento de transporte"] = solicitud.monto_factura
        terminos["el saldo de la asignación"] = saldos.saldo_de_la_asignacion(sesion, solicitud.asignacion)
    return monto_a_otorgar(terminos)


@dataclass(frozen=True)
class Resolucion:
    autorizar: bool
    motivo: str
    funcionario: Usuario
    firmante: Firmante
    ahora: datetime
    firma_se: FirmaDeLaSecretaria


def bloquear_para_resolver(sesion: Session, solicitud: Solicitud) -> Solicitud:
    """Bloquea lo que la resolución va a leer y cambiar, siempre en el mismo orden (cupos,
    solicitud, certificados): dos funcionarios que resuelven a la vez se forman, y el segundo ve lo
    que dejó el primero."""
    bloquear(sesion, Cupo, *(c.id for c in cupos_de(solicitud)))
    [bloqueada] = bloquear(sesion, Solicitud, solicitud.id)
    bloquear(sesion, Certificado, *(p.certificado_id for p in bloqueada.partidas))
    return bloqueada


def resolver(sesion: Session, solicitud: Solicitud, resolucion: Resolucion) -> Solicitud:
    """Autoriza o rechaza la solicitud, con la firma del funcionario y su documento en PDF."""
    solicitud = bloquear_para_resolver(sesion, solicitud)
    if solicitud.estado != "pendiente":
        raise ErrorCaptura(f"La solicitud {solicitud.folio} ya fue resuelta.")
    antes = anterior_pendiente(sesion, solicitud)
    if antes is not None:
        raise ErrorCaptura(
            f"Las solicitudes se atienden en el orden en que llegaron: resuelva primero la "
            f"{antes.folio}, que llegó antes al mismo cupo.")
    if not resolucion.autorizar and not resolucion.motivo.strip():
        raise ErrorCaptura("Escriba el motivo del rechazo.")
    ahora = resolucion.ahora
    renglones: list[str] = []
    if resolucion.autorizar:
        renglones = _autorizar(sesion, solicitud, ahora)
    solicitud.estado = "autorizada" if resolucion.autorizar else "rechazada"
    solicitud.motivo_rechazo = "" if resolucion.autorizar else resolucion.motivo.strip()
    solicitud.resuelta_en, solicitud.funcionario = ahora, resolucion.funcionario
    sentido = "AUTORIZADA" if resolucion.autorizar else "RECHAZADA"
    solicitud.resolucion_cadena = reglas.cadena_original([
        "RESOLUCION", solicitud.folio, solicitud.tramite.upper(), sentido,
        ahora.isoformat(timespec="seconds"), resolucion.funcionario.rfc,
        resolucion.firmante.numero_certificado, solicitud.solicitante.rfc,
        solicitud.documento_folio, solicitud.monto_otorgado or "", solicitud.motivo_rechazo,
    ])
    solicitud.resolucion_sello = sellar(resolucion.firmante.clave, solicitud.resolucion_cadena)
    documento = _documento(solicitud, resolucion, renglones)
    solicitud.resolucion_pdf = resolucion.firma_se.firmar(generar_pdf(documento), documento.titulo, ahora)
    return solicitud


def _autorizar(sesion: Session, solicitud: Solicitud, ahora: datetime) -> list[str]:
    if solicitud.tramite == "cancelacion":
        renglones = []
        for partida in solicitud.partidas:
            certificado = partida.certificado
            sin_ejercer = reglas.sin_ejercer(certificado.monto_expedido, certificado.monto_ejercido,
                                             certificado.monto_cancelado)
            if partida.monto > sin_ejercer:
                raise ErrorCaptura(
                    f"El certificado {certificado.folio} ya no tiene {formato_monto(partida.monto)} sin "
                    f"ejercer ni cancelar (le quedan {formato_monto(sin_ejercer)}): la solicitud sólo "
                    "puede rechazarse.")
            certificado.monto_cancelado += partida.monto
            if reglas.sin_ejercer(certificado.monto_expedido, certificado.monto_ejercido,
                                  certificado.monto_cancelado) <= 0:
                certificado.estado = "cancelado"
            renglones.append(f"Certificado: {certificado.folio}    Monto cancelado: "
                             f"{formato_monto(partida.monto)} {certificado.cupo.unidad.lower()}")
        return renglones
    otorgamiento = propuesta(sesion, solicitud)
    assert otorgamiento is not None and solicitud.cupo is not None and solicitud.anio is not None
    if otorgamiento.monto <= 0:
        raise ErrorCaptura(
            f"No hay monto que otorgar: {otorgamiento.criterio} es cero. La solicitud sólo puede "
            "rechazarse.")
    solicitud.monto_otorgado, solicitud.criterio = otorgamiento.monto, otorgamiento.criterio
    cupo, hoy = solicitud.cupo, ahora.date()
    if solicitud.tramite == "asignacion":
        solicitud.documento_folio = f"CA-{solicitud.anio}-{solicitud.id:06d}"
        sesion.add(Asignacion(folio=solicitud.documento_folio, cupo=cupo, titular=solicitud.solicitante,
                              anio=solicitud.anio, monto=otorgamiento.monto, fecha=hoy,
                              lugar=solicitud.lugar))
        return [f"Constancia de asignación: {solicitud.documento_folio}",
                f"Monto asignado: {formato_monto(otorgamiento.monto)} {cupo.unidad.lower()}"]
    solicitud.documento_folio = f"CC-{hoy.year}-{solicitud.id:06d}"
    vigencia = vigencia_del_certificado(hoy)
    sesion.add(Certificado(folio=solicitud.documento_folio, cupo=cupo, titular=solicitud.solicitante,
                           monto_expedido=otorgamiento.monto, fecha_expedicion=hoy,
                           vigencia_hasta=vigencia, asignacion=solicitud.asignacion))
    return [f"Certificado de cupo: {solicitud.documento_folio}",
            f"Monto expedido: {formato_monto(otorgamiento.monto)} {cupo.unidad.lower()}",
            f"Vigencia: del {hoy:%d/%m/%Y} al {vigencia:%d/%m/%Y}"]


def _documento(solicitud: Solicitud, resolucion: Resolucion, renglones: list[str]) -> Documento:
    ahora, funcionario = resolucion.ahora, resolucion.funcionario
    titulo = TITULOS.get((solicitud.tramite, resolucion.autorizar), "Resolución de rechazo")
    campos = [
        ("Número de folio de trámite", solicitud.folio or ""),
        ("Resolución", "Autorizada" if resolucion.autorizar else "Rechazada"),
        ("Fecha de resolución", f"{ahora:%d/%m/%Y}"),
        ("Hora de resolución", f"{ahora:%H:%M:%S} (hora del centro de México)"),
        ("RFC del solicitante", solicitud.solicitante.rfc),
        ("Nombre o razón social", solicitud.solicitante.nombre),
        ("Resuelve", f"{funcionario.nombre} (RFC {funcionario.rfc}), Secretaría de Economía"),
    ]
    if solicitud.cupo is not None:
        campos.append(("Cupo", solicitud.cupo.nombre))
    if solicitud.monto_solicitado is not None:
        campos.append(("Monto solicitado", formato_monto(solicitud.monto_solicitado)))
    if solicitud.monto_otorgado is not None:
        campos += [("Monto otorgado", formato_monto(solicitud.monto_otorgado)),
                   ("Criterio aplicado", f"el menor de los términos: {solicitud.criterio}")]
    if solicitud.motivo_rechazo:
        campos.append(("Motivo del rechazo", solicitud.motivo_rechazo))
    return Documento(
        titulo=titulo, tramite=NOMBRES[solicitud.tramite], campos=campos,
        secciones=[("Resolutivo", renglones)] if renglones else [],
        numero_certificado=resolucion.firmante.numero_certificado,
        cadena_original=solicitud.resolucion_cadena, sello=solicitud.resolucion_sello,
        quien_sella="del funcionario",
    )
