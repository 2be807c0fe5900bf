"""Los dos trámites del beneficiario (PRO-01): la solicitud de asignación de cupo y la solicitud de
expedición de certificado de cupo. Validan, registran y dejan la solicitud pendiente."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from stub_portal import acuses, adjuntos, reglas, saldos
from stub_portal.base_de_datos import bloquear
from stub_portal.catalogo import Catalogos, calendario
from stub_portal.efirma import Firmante
from stub_portal.firma_documentos import FirmaDeLaSecretaria
from stub_portal.modelo import Adjunto, Asignacion, Cupo, PedimentoAcreditado, Solicitud, Usuario
from stub_portal.reglas import ErrorCaptura
from stub_portal.reglas_cupos import (
    VENTANILLA_UNICA,
    LugarDePresentacion,
    leer_pedimentos,
    mensaje_de_horario,
    proxima_apertura,
    validar_ejercicio_anterior,
    validar_establecido_en_mexico,
)

DOCUMENTOS_DE_TRANSPORTE = ("Conocimiento de embarque", "Carta de porte", "Guía aérea")
# Lo que cabe en la columna: PostgreSQL rechaza un texto más largo (un error 500), SQLite lo guarda.
LARGO_MAXIMO_DE_NUMERO_DE_FACTURA: int = Solicitud.__table__.c.numero_factura.type.length  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Archivo:
    nombre: str
    contenido: bytes

    @classmethod
    def pdf_con_texto(cls, nombre: str, texto: str) -> Archivo:
        """Una copia que pasa la revisión de adjuntos: un PDF de una página con ese texto (la API de
        pruebas y la demostración)."""
        return cls(nombre, adjuntos.pdf_de_una_pagina(texto))


@dataclass(frozen=True)
class Contexto:
    """Lo que todo trámite necesita del portal: quién, cuándo y con qué firma."""

    solicitante: Usuario
    firmante: Firmante | None
    reloj: Callable[[], datetime]  # se lee ya con el cupo bloqueado: la hora sigue el orden de llegada
    catalogos: Catalogos
    firma_se: FirmaDeLaSecretaria


def _adjunto(tipo: str, archivo: Archivo) -> Adjunto:
    return Adjunto(tipo=tipo, nombre=archivo.nombre, contenido=archivo.contenido,
                   sha256=hashlib.sha256(archivo.contenido).hexdigest())


def _validar_copias(copias: Iterable[Archivo]) -> None:
    """Cada copia adjunta es un PDF con páginas y sin JavaScript (adjuntos.validar_copia). Se revisa antes
    de bloquear el cupo: leer un PDF no hace esperar a las demás solicitudes."""
    for copia in copias:
        adjuntos.validar_copia(copia.nombre, copia.contenido)


def _lugar(catalogos: Catalogos, nombre: str) -> LugarDePresentacion:
    lugar = catalogos.lugar(nombre)
    if lugar is None:
        raise ErrorCaptura("Seleccione el lugar de presentación: la Ventanilla Única o una "
                           "Representación Federal.")
    return lugar


def presentar_asignacion(sesion: Session, contexto: Contexto, clave_cupo: str, lugar: str,
                         monto: str, pedimentos: str = "", copias: Sequence[Archivo] = ()) -> Solicitud:
    """ASG-01/02, CUP-06, HOR-01/02: la solicitud de asignación de cupo; con los pedimentos que acreditan
    la asignación anterior, la copia de cada uno (ASG-02: «adjuntando copia de los pedimentos»)."""
    cupo = sesion.scalars(select(Cupo).where(Cupo.clave == clave_cupo)).first()
    if cupo is None:
        raise ErrorCaptura("Seleccione el cupo.")
    copias = [copia for copia in copias if copia.contenido]  # un campo sin archivo llega vacío
    _validar_copias(copias)
    # CUP-07: con el cupo bloqueado, la hora de recepción y el consecutivo se toman en el mismo orden.
    bloquear(sesion, Cupo, cupo.id)
    donde, ahora, solicitante = _lugar(contexto.catalogos, lugar), contexto.reloj(), contexto.solicitante
    if cupo.inicio_de_recepcion is not None:
        apertura = proxima_apertura(donde, cupo.inicio_de_recepcion, calendario(sesion), ahora)
        if apertura is not None:
            raise ErrorCaptura(mensaje_de_horario(donde, apertura))
    validar_establecido_en_mexico(solicitante.rfc, solicitante.pais, solicitante.codigo_postal)
    if cupo.monto_del_anio(ahora.year) is None:
        raise ErrorCaptura(f"El cupo no tiene monto para {ahora.year}: no recibe solicitudes.")
    cantidad = reglas.leer_monto(monto, "el monto solicitado")
    acreditados = leer_pedimentos(pedimentos, contexto.catalogos.aduanas, ahora.year)
    anterior = saldos.asignacion_anterior(sesion, solicitante, cupo, ahora.year)
    if anterior is not None:
        validar_ejercicio_anterior(acreditados, anterior.monto)
    if len(copias) < len(acreditados):
        raise ErrorCaptura(f"Adjunte la copia de cada pedimento: declaró {len(acreditados)} y adjuntó "
                           f"{len(copias)}.")
    solicitud = Solicitud(
        tramite="asignacion", solicitante=solicitante, cupo=cupo, anio=ahora.year, lugar=donde.nombre,
        monto_solicitado=cantidad,
        pedimentos=[PedimentoAcreditado(numero=p.numero, cantidad=p.cantidad) for p in acreditados],
        adjuntos=[_adjunto(f"Pedimento {p.numero}", copia) for p, copia in zip(acreditados, copias, strict=False)],
    )
    campos: list[tuple[str, object]] = [
        ("Cupo", cupo.nombre), ("Año", ahora.year), ("Lugar de presentación", donde.nombre),
        ("Monto solicitado", f"{reglas.formato_monto(cantidad)} {cupo.unidad.lower()}"),
    ]
    campos += [("Pedimento", f"{p.numero} por {reglas.formato_monto(p.cantidad)}") for p in acreditados]
    campos += [(f"Copia adjunta ({a.tipo})", f"{a.nombre}, SHA-256 {a.sha256}") for a in solicitud.adjuntos]
    return acuses.registrar(sesion, solicitud, contexto.firmante, ahora, calendario(sesion),
                            contexto.firma_se, campos)


def presentar_expedicion(
    sesion: Session, contexto: Contexto, folio_asignacion: str, lugar: str, monto: str,
    numero_factura: str, monto_factura: str, documento_transporte: str,
    factura: Archivo | None, transporte: Archivo | None,
) -> Solicitud:
    """EXP-01: la solicitud de expedición de certificado, con la factura y el documento de
    transporte adjuntos, en la Ventanilla Única o en la RF donde se obtuvo la asignación."""
    asignacion = sesion.scalars(select(Asignacion).where(
        Asignacion.folio == folio_asignacion,
        Asignacion.titular_id == contexto.solicitante.id)).first()
    if asignacion is None:
        raise ErrorCaptura("Seleccione una de sus constancias de asignación.")
    donde = _lugar(contexto.catalogos, lugar)
    if donde.nombre not in (VENTANILLA_UNICA, asignacion.lugar):
        raise ErrorCaptura(
            "La solicitud de expedición se presenta en la Ventanilla Única o en la Representación "
            f"Federal donde obtuvo la asignación ({asignacion.lugar}).")
    cantidad = reglas.leer_monto(monto, "el monto solicitado")
    if not numero_factura.strip():
        raise ErrorCaptura("Capture el número de la factura comercial.")
    if len(numero_factura.strip()) > LARGO_MAXIMO_DE_NUMERO_DE_FACTURA:
        raise ErrorCaptura("El número de la factura comercial admite a lo más "
                           f"{LARGO_MAXIMO_DE_NUMERO_DE_FACTURA} caracteres.")
    en_factura = reglas.leer_monto(monto_factura, "la cantidad de la factura comercial")
    if documento_transporte not in DOCUMENTOS_DE_TRANSPORTE:
        raise ErrorCaptura("Indique si adjunta conocimiento de embarque, carta de porte o guía aérea.")
    if factura is None or not factura.contenido:
        raise ErrorCaptura("Adjunte la copia de la factura comercial.")
    if transporte is None or not transporte.contenido:
        raise ErrorCaptura(f"Adjunte la copia del documento de transporte ({documento_transporte.lower()}).")
    _validar_copias((factura, transporte))
    cupo = asignacion.cupo
    bloquear(sesion, Cupo, cupo.id)  # CUP-07, como en la asignación
    ahora = contexto.reloj()
    solicitud = Solicitud(
        tramite="expedicion", solicitante=contexto.solicitante, cupo=cupo, anio=asignacion.anio,
        lugar=donde.nombre, asignacion=asignacion, monto_solicitado=cantidad,
        monto_factura=en_factura, numero_factura=numero_factura.strip(),
        documento_transporte=documento_transporte,
        adjuntos=[_adjunto(tipo, archivo)
                  for tipo, archivo in (("Factura comercial", factura), (documento_transporte, transporte))],
    )
    unidad = cupo.unidad.lower()
    campos: list[tuple[str, object]] = [
        ("Cupo", cupo.nombre), ("Constancia de asignación", asignacion.folio),
        ("Lugar de presentación", donde.nombre),
        ("Monto solicitado", f"{reglas.formato_monto(cantidad)} {unidad}"),
        ("Factura comercial", numero_factura.strip()),
        ("Cantidad en la factura y el documento de transporte", f"{reglas.formato_monto(en_factura)} {unidad}"),
        ("Documento de transporte", documento_transporte),
    ]
    campos += [(f"Copia adjunta ({a.tipo})", f"{a.nombre}, SHA-256 {a.sha256}") for a in solicitud.adjuntos]
    return acuses.registrar(sesion, solicitud, contexto.firmante, ahora, calendario(sesion),
                            contexto.firma_se, campos)
