"""Los cuerpos y las respuestas de la API de pruebas, como modelos de pydantic: validan cada petición
y dan los esquemas del documento OpenAPI.

Los textos caben en su columna (PostgreSQL rechazaría uno más largo) y no llevan caracteres de
control; los montos van como texto decimal (exacto, sin pasar por un número de coma flotante); las
fechas y horas, del año 2000 al 2099, lo que admite el reloj del portal.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from sqlalchemy.orm import InstrumentedAttribute

from stub_portal.modelo import Asignacion, Certificado, Cupo, DiaInhabil, Usuario
from stub_portal.reglas_cupos import VENTANILLA_UNICA
from stub_portal.tramites_cupo import DOCUMENTOS_DE_TRANSPORTE, LARGO_MAXIMO_DE_NUMERO_DE_FACTURA

# Sin C0 (salvo tabulador, LF y CR), DEL ni C1, como stub_portal.entrada para lo capturado en pantalla.
SIN_CONTROL = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
MONTO = r"^[0-9]{1,15}(\.[0-9]{1,3})?$"  # la gramática de reglas.leer_monto: 15 enteros, 3 decimales
PRIMER_ANIO, ULTIMO_ANIO = 2000, 2099  # los de ANIO, _FECHA y _HORA
ANIO = r"^20[0-9]{2}$"
_FECHA = r"20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_HORA = r"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
PEM = r"^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\r?\n?$"
TEXTO_LARGO = 10_000
Perfil = Literal["solicitante", "dictaminador", "nivel_central"]
DocumentoDeTransporte = Literal["Conocimiento de embarque", "Carta de porte", "Guía aérea"]
assert get_args(DocumentoDeTransporte) == DOCUMENTOS_DE_TRANSPORTE


def largo(columna: InstrumentedAttribute[Any]) -> int:
    """Cuántos caracteres admite una columna de texto del modelo."""
    return int(columna.property.columns[0].type.length)


def texto(maximo: int, por_omision: str | None = None, minimo: int = 0, descripcion: str | None = None) -> Any:
    """Un campo de texto sin caracteres de control; sin `por_omision`, obligatorio."""
    return Field(... if por_omision is None else por_omision, min_length=minimo, max_length=maximo,
                 pattern=SIN_CONTROL, description=descripcion)


def opcional(maximo: int, descripcion: str | None = None) -> Any:
    """Un texto que puede faltar (o ser null), y entonces el portal pone el suyo."""
    return Field(None, min_length=1, max_length=maximo, pattern=SIN_CONTROL, description=descripcion)


def clave(columna: InstrumentedAttribute[Any], descripcion: str) -> Any:
    """Un RFC, una clave o un folio: obligatorio y no vacío."""
    return texto(largo(columna), minimo=1, descripcion=descripcion)


def _leer_con(patron: str, leer: Any, que: str) -> BeforeValidator:
    exacto = re.compile(patron)

    def validar(valor: object) -> object:
        if not isinstance(valor, str) or not exacto.fullmatch(valor):
            raise ValueError(f"Debe ser {que}.")
        try:
            return leer(valor)
        except ValueError:
            raise ValueError(f"No es {que}: la fecha no existe en el calendario.") from None

    return BeforeValidator(validar)


Fecha = Annotated[date, _leer_con(_FECHA, date.fromisoformat, "una fecha AAAA-MM-DD de 2000 a 2099"),
                  WithJsonSchema({"type": "string", "format": "date", "pattern": f"^{_FECHA}$"})]
FechaHora = Annotated[datetime, _leer_con(f"{_FECHA}T{_HORA}", datetime.fromisoformat,
                                          "una fecha y hora RFC 3339 con zona, de 2000 a 2099"),
                      WithJsonSchema({"type": "string", "format": "date-time", "pattern": f"^{_FECHA}T{_HORA}$"})]
# Un año como número; en JSON Schema 2024.0 también es un «integer» (en pydantic estricto, no).
AnioEntero = Annotated[int, BeforeValidator(lambda v: int(v) if isinstance(v, float) and v.is_integer() else v),
                       Field(ge=PRIMER_ANIO, le=ULTIMO_ANIO),
                       WithJsonSchema({"type": "integer", "minimum": PRIMER_ANIO, "maximum": ULTIMO_ANIO})]
Monto = Annotated[str, Field(pattern=MONTO, description="Decimal con punto, hasta 15 enteros y 3 decimales.")]
Anio = Annotated[str, Field(pattern=ANIO)]
Montos = Annotated[dict[Anio, Monto], WithJsonSchema({
    "type": "object", "propertyNames": {"pattern": ANIO},
    "additionalProperties": {"type": "string", "pattern": MONTO}, "description": "El monto de cada año (AAAA)."})]


class Cuerpo(BaseModel):
    """Estricto: ni campos de más ni conversiones implícitas ("5" no es 5)."""

    model_config = ConfigDict(strict=True, extra="forbid")


class AutoridadNueva(Cuerpo):
    certificado_pem: str = Field(max_length=TEXTO_LARGO, pattern=PEM, description=(
        "El certificado X.509 de la AC, en PEM. Uno con esa forma que no sea un certificado: 422."))


class AutoridadRegistrada(BaseModel):
    id: int


class UsuarioNuevo(Cuerpo):
    rfc: str = clave(Usuario.rfc, "RFC de 12 (moral) o 13 (física) caracteres.")
    perfil: Perfil
    nombre: str = texto(largo(Usuario.nombre), minimo=1)
    correo: str = texto(largo(Usuario.correo), minimo=1)
    curp: str = texto(largo(Usuario.curp), "")
    telefono: str = texto(largo(Usuario.telefono), "")
    calle: str = texto(largo(Usuario.calle), "")
    numero_exterior: str = texto(largo(Usuario.numero_exterior), "")
    numero_interior: str = texto(largo(Usuario.numero_interior), "")
    colonia: str = texto(largo(Usuario.colonia), "")
    codigo_postal: str = texto(largo(Usuario.codigo_postal), "")
    municipio: str = texto(largo(Usuario.municipio), "")
    entidad_federativa: str = texto(largo(Usuario.entidad_federativa), "")
    pais: str = texto(largo(Usuario.pais), "México")


class UsuarioCreado(BaseModel):
    id: int
    rfc: str


class CupoNuevo(Cuerpo):
    """Un cupo como los de la ficha informativa. Sin `montos`, `monto_total` (o cero) es el monto del
    año en curso según el reloj del portal."""

    clave: str = clave(Cupo.clave, "La clave que identifica al cupo.")
    nombre: str = texto(largo(Cupo.nombre), minimo=1)
    regimen: str = texto(largo(Cupo.regimen), minimo=1)
    mecanismo: str = texto(largo(Cupo.mecanismo), minimo=1, descripcion="P. ej. «Licitación Pública».")
    tratado: str = texto(largo(Cupo.tratado), minimo=1)
    pais_origen: str = texto(largo(Cupo.pais_origen), minimo=1)
    producto: str = texto(largo(Cupo.producto), minimo=1)
    subproducto: str = texto(largo(Cupo.subproducto), minimo=1)
    representacion_federal: str = texto(largo(Cupo.representacion_federal), minimo=1)
    fracciones: list[Annotated[str, Field(min_length=1, max_length=20, pattern=SIN_CONTROL)]] = Field(
        [], max_length=50, description="Fracciones arancelarias.")
    unidad: str | None = opcional(largo(Cupo.unidad))
    periodo: str | None = opcional(largo(Cupo.periodo))
    periodicidad: str | None = opcional(TEXTO_LARGO)
    beneficiarios: str | None = opcional(TEXTO_LARGO)
    distribucion: str | None = opcional(TEXTO_LARGO)
    fundamento_legal: str | None = opcional(TEXTO_LARGO)
    inicio_de_recepcion: Fecha | None = None
    montos: Montos = {}
    monto_total: Monto | None = None
    dictaminador_rfc: str | None = opcional(largo(Usuario.rfc), "RFC de quien lo dictamina.")


class CupoCreado(BaseModel):
    id: int
    clave: str


class CertificadoNuevo(Cuerpo):
    """Un certificado de cupo ya expedido. Sin fechas: expedido hoy (reloj del portal) y vigente hasta
    el 31 de diciembre de ese año."""

    folio: str = clave(Certificado.folio, "P. ej. SE-0000-000000.")
    cupo: str = clave(Cupo.clave, "Clave del cupo.")
    titular_rfc: str = clave(Usuario.rfc, "RFC del titular.")
    monto_expedido: Monto
    monto_ejercido: Monto = "0"
    monto_cancelado: Monto = "0"
    fecha_expedicion: Fecha | None = None
    vigencia_hasta: Fecha | None = None
    estado: Literal["vigente", "cancelado"] = "vigente"
    asignacion: str | None = opcional(largo(Asignacion.folio), "Folio de la constancia de asignación de origen.")


class CertificadoCreado(BaseModel):
    id: int
    folio: str


class AsignacionNueva(Cuerpo):
    """Una constancia de asignación ya otorgada; sin folio, uno nuevo; sin año, el del reloj."""

    cupo: str = clave(Cupo.clave, "Clave del cupo.")
    titular_rfc: str = clave(Usuario.rfc, "RFC del titular.")
    monto: Monto
    folio: str | None = opcional(largo(Asignacion.folio))
    anio: AnioEntero | None = None
    lugar: str = texto(largo(Asignacion.lugar), VENTANILLA_UNICA)


class AsignacionCreada(BaseModel):
    id: int
    folio: str


class DiaInhabilNuevo(Cuerpo):
    fecha: Fecha
    descripcion: str = texto(largo(DiaInhabil.descripcion), "Día inhábil")


class DiaInhabilDeclarado(BaseModel):
    fecha: date
    descripcion: str


class SolicitudDeAsignacionNueva(Cuerpo):
    solicitante_rfc: str = clave(Usuario.rfc, "RFC de quien la presenta.")
    cupo: str = clave(Cupo.clave, "Clave del cupo.")
    monto: Monto
    lugar: str = texto(largo(Asignacion.lugar), VENTANILLA_UNICA,
                       descripcion="La Ventanilla Única o una Representación Federal.")
    pedimentos: str = texto(TEXTO_LARGO, "", descripcion="Un pedimento por renglón: número y cantidad.")


class SolicitudDeExpedicionNueva(Cuerpo):
    solicitante_rfc: str = clave(Usuario.rfc, "RFC de quien la presenta (el titular de la asignación).")
    asignacion: str = clave(Asignacion.folio, "Folio de la constancia de asignación.")
    monto: Monto
    monto_factura: Monto
    lugar: str = texto(largo(Asignacion.lugar), VENTANILLA_UNICA)
    numero_factura: str = texto(LARGO_MAXIMO_DE_NUMERO_DE_FACTURA, "F-PRUEBA")
    documento_transporte: DocumentoDeTransporte = "Carta de porte"


class SolicitudPresentada(BaseModel):
    folio: str
    vence_el: date | None = Field(description="Último día del plazo de resolución.")


class RelojFijado(Cuerpo):
    ahora: FechaHora
    corre: bool = Field(False, description="Si el reloj corre desde ese momento o se queda quieto.")


class HoraDelPortal(BaseModel):
    ahora: AwareDatetime


class CorreoEntregado(BaseModel):
    enviados: int = Field(ge=0)
