"""Registrar una solicitud firmada: folio, plazo, cadena original, sello y acuse de recepción."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from stub_portal import reglas
from stub_portal.base_de_datos import Sesiones
from stub_portal.documentos import Documento, generar_pdf
from stub_portal.efirma import Firmante, sellar
from stub_portal.firma_documentos import FirmaDeLaSecretaria
from stub_portal.modelo import Solicitud
from stub_portal.reglas import ErrorCaptura
from stub_portal.reglas_cupos import Calendario, fecha_limite

NOMBRES = {
    "asignacion": "Solicitud de asignación de cupo",
    "expedicion": "Solicitud de expedición de certificado de cupo",
    "cancelacion": "Cancelación de Certificados a Petición del Interesado",
}


class SolicitudYaPresentada(ErrorCaptura):
    """El mismo envío llegó dos veces (doble clic, otra pestaña): la solicitud ya tiene folio."""

    def __init__(self, solicitud: Solicitud) -> None:
        super().__init__(f"Esta solicitud ya se había presentado con el folio {solicitud.folio}: "
                         "no se presentó otra vez.")
        self.folio = solicitud.folio or ""


def registrar(
    sesion: Session, solicitud: Solicitud, firmante: Firmante | None, ahora: datetime,
    calendario: Calendario, firma_se: FirmaDeLaSecretaria,
    campos: list[tuple[str, object]], secciones: list[tuple[str, list[str]]] | None = None,
) -> Solicitud:
    """Deja la solicitud pendiente con su folio y su acuse. Los campos van, en orden, a la cadena
    original y al acuse. Sin firmante (sólo la API de pruebas) no hay sello."""
    sesion.add(solicitud)
    sesion.flush()
    solicitante = solicitud.solicitante
    solicitud.recibida_en = ahora
    solicitud.folio = reglas.folio_de_tramite(ahora, solicitud.id)
    solicitud.vence_el = fecha_limite(calendario, ahora)
    solicitud.numero_certificado_firmante = firmante.numero_certificado if firmante else ""
    solicitud.cadena_original = reglas.cadena_original([
        solicitud.tramite.upper(), solicitud.folio, ahora.isoformat(timespec="seconds"),
        solicitante.rfc, solicitante.nombre, solicitud.numero_certificado_firmante,
        *(valor for _, valor in campos),
    ])
    solicitud.sello = sellar(firmante.clave, solicitud.cadena_original) if firmante else ""
    solicitud.estado = "pendiente"
    documento = Documento(
        titulo="Acuse de recepción de trámite",
        tramite=NOMBRES[solicitud.tramite],
        campos=[
            ("Número de folio de trámite", solicitud.folio),
            ("Fecha de recepción", f"{ahora:%d/%m/%Y}"),
            ("Hora de recepción", f"{ahora:%H:%M:%S} (hora del centro de México)"),
            ("RFC del solicitante", solicitante.rfc),
            ("Nombre o razón social", solicitante.nombre),
            ("Fecha límite de resolución", f"{solicitud.vence_el:%d/%m/%Y}"),
            *((etiqueta, str(valor)) for etiqueta, valor in campos if etiqueta),
        ],
        secciones=secciones or [],
        numero_certificado=solicitud.numero_certificado_firmante,
        cadena_original=solicitud.cadena_original,
        sello=solicitud.sello,
    )
    solicitud.acuse_json = documento.a_json()
    return solicitud


def acuse_en_pdf(sesiones: Sesiones, solicitud: Solicitud, firma_se: FirmaDeLaSecretaria) -> bytes:
    """El acuse en PDF, firmado por la Secretaría con la hora de recepción. Se dibuja la primera vez
    que se pide y se guarda; si dos lo piden a la vez, se guarda el primero y ambos reciben ése."""
    if solicitud.acuse_pdf is not None:
        return solicitud.acuse_pdf
    assert solicitud.recibida_en is not None and solicitud.acuse_json
    documento = Documento.de_json(solicitud.acuse_json)
    pdf = firma_se.firmar(generar_pdf(documento), documento.titulo, solicitud.recibida_en)
    with sesiones.escritura.begin() as sesion:
        sesion.execute(update(Solicitud).where(Solicitud.id == solicitud.id, Solicitud.acuse_pdf.is_(None))
                       .values(acuse_pdf=pdf))
        guardado = sesion.scalar(select(Solicitud.acuse_pdf).where(Solicitud.id == solicitud.id))
    assert guardado is not None
    return guardado
