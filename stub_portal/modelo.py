"""Las tablas del portal (SQLAlchemy 2). Montos y toneladas son Decimal de punta a punta."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator, TypeEngine

from stub_portal.reglas import monto_canonico

DIGITOS_DE_MONTO, DECIMALES_DE_MONTO = 18, 3  # hasta 15 enteros y 3 decimales (reglas.leer_monto)


class Monto(TypeDecorator[Decimal]):
    """Un Decimal exacto: NUMERIC en PostgreSQL; en SQLite, que no tiene decimales exactos, texto
    decimal (un REAL perdería precisión)."""

    impl = String(40)
    cache_ok = True

    def load_dialect_impl(self, dialecto: Dialect) -> TypeEngine[Any]:
        tipo: TypeEngine[Any] = (String(40) if dialecto.name == "sqlite"
                                 else Numeric(DIGITOS_DE_MONTO, DECIMALES_DE_MONTO, asdecimal=True))
        return dialecto.type_descriptor(tipo)

    def process_bind_param(self, valor: Decimal | None, dialecto: Dialect) -> str | Decimal | None:
        if valor is None:
            return None
        canonico = monto_canonico(Decimal(valor))
        return str(canonico) if dialecto.name == "sqlite" else canonico

    def process_result_value(self, valor: object, dialecto: Dialect) -> Decimal | None:
        return None if valor is None else monto_canonico(Decimal(str(valor)))


class Base(DeclarativeBase):
    pass


class Ajuste(Base):
    """Ajustes del portal que cambian en marcha, como el reloj fijado por las pruebas."""

    __tablename__ = "ajustes"
    clave: Mapped[str] = mapped_column(String(40), primary_key=True)
    valor: Mapped[str] = mapped_column(Text)


class AutoridadConfiable(Base):
    """Una AC de e.firmas guardada en la base: la de la demostración (al prepararla) o una que registró la
    API de pruebas, que sólo vale mientras la API está encendida (las de la carpeta de la configuración no
    se guardan: valen siempre)."""

    __tablename__ = "autoridades_confiables"
    id: Mapped[int] = mapped_column(primary_key=True)
    certificado_pem: Mapped[str] = mapped_column(Text, unique=True)
    por_la_api: Mapped[bool] = mapped_column(default=True)


class Usuario(Base):
    """Solicitantes y funcionarios (dictaminador o nivel central); se identifican por su RFC."""

    __tablename__ = "usuarios"
    id: Mapped[int] = mapped_column(primary_key=True)
    rfc: Mapped[str] = mapped_column(String(13), unique=True)
    perfil: Mapped[str] = mapped_column(String(20))  # solicitante | dictaminador | nivel_central
    nombre: Mapped[str] = mapped_column(String(200))
    correo: Mapped[str] = mapped_column(String(200))
    curp: Mapped[str] = mapped_column(String(18), default="")
    telefono: Mapped[str] = mapped_column(String(30), default="")
    calle: Mapped[str] = mapped_column(String(200), default="")
    numero_exterior: Mapped[str] = mapped_column(String(20), default="")
    numero_interior: Mapped[str] = mapped_column(String(20), default="")
    colonia: Mapped[str] = mapped_column(String(200), default="")
    codigo_postal: Mapped[str] = mapped_column(String(10), default="")
    municipio: Mapped[str] = mapped_column(String(200), default="")
    entidad_federativa: Mapped[str] = mapped_column(String(100), default="")
    pais: Mapped[str] = mapped_column(String(100), default="México")


class Cupo(Base):
    """Un cupo del catálogo (ficha informativa) y a quién le toca dictaminarlo."""

    __tablename__ = "cupos"
    id: Mapped[int] = mapped_column(primary_key=True)
    clave: Mapped[str] = mapped_column(String(40), unique=True)
    nombre: Mapped[str] = mapped_column(String(300))
    regimen: Mapped[str] = mapped_column(String(40))
    mecanismo: Mapped[str] = mapped_column(String(80))
    tratado: Mapped[str] = mapped_column(String(120))
    pais_origen: Mapped[str] = mapped_column(String(120))
    producto: Mapped[str] = mapped_column(String(200))
    subproducto: Mapped[str] = mapped_column(String(200))
    representacion_federal: Mapped[str] = mapped_column(String(120))
    fracciones_json: Mapped[str] = mapped_column(Text, default="[]")  # [[fracción, descripción]]
    unidad: Mapped[str] = mapped_column(String(40), default="Toneladas métricas")
    periodo: Mapped[str] = mapped_column(String(20), default="Anual")
    periodicidad: Mapped[str] = mapped_column(Text, default="")
    beneficiarios: Mapped[str] = mapped_column(Text, default="")
    distribucion: Mapped[str] = mapped_column(Text, default="")
    fundamento_legal: Mapped[str] = mapped_column(Text, default="")
    inicio_de_recepcion: Mapped[date | None] = mapped_column(Date)
    dictaminador_id: Mapped[int | None] = mapped_column(ForeignKey("usuarios.id"))
    dictaminador: Mapped[Usuario | None] = relationship()
    montos: Mapped[list[MontoAnual]] = relationship(
        cascade="all, delete-orphan", order_by="MontoAnual.anio")

    @property
    def fracciones_arancelarias(self) -> list[tuple[str, str]]:
        return [(f, d) for f, d in json.loads(self.fracciones_json)]

    @property
    def fracciones(self) -> str:
        return ", ".join(f for f, _ in self.fracciones_arancelarias)

    def monto_del_anio(self, anio: int) -> Decimal | None:
        return next((m.monto for m in self.montos if m.anio == anio), None)


class MontoAnual(Base):
    __tablename__ = "montos_anuales"
    __table_args__ = (UniqueConstraint("cupo_id", "anio"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cupo_id: Mapped[int] = mapped_column(ForeignKey("cupos.id"))
    anio: Mapped[int]
    monto: Mapped[Decimal] = mapped_column(Monto())


class DiaInhabil(Base):
    """Días inhábiles que la dependencia agrega a los festivos oficiales (DOF)."""

    __tablename__ = "dias_inhabiles"
    fecha: Mapped[date] = mapped_column(Date, primary_key=True)
    descripcion: Mapped[str] = mapped_column(String(200))


class Asignacion(Base):
    """Una constancia de asignación: cuánto del cupo le toca a un beneficiario en un año."""

    __tablename__ = "asignaciones"
    id: Mapped[int] = mapped_column(primary_key=True)
    folio: Mapped[str] = mapped_column(String(40), unique=True)
    cupo_id: Mapped[int] = mapped_column(ForeignKey("cupos.id"))
    titular_id: Mapped[int] = mapped_column(ForeignKey("usuarios.id"))
    anio: Mapped[int]
    monto: Mapped[Decimal] = mapped_column(Monto())
    fecha: Mapped[date] = mapped_column(Date)
    lugar: Mapped[str] = mapped_column(String(120))  # Ventanilla Única o la Representación Federal
    cupo: Mapped[Cupo] = relationship()
    titular: Mapped[Usuario] = relationship()


class Certificado(Base):
    __tablename__ = "certificados"
    id: Mapped[int] = mapped_column(primary_key=True)
    folio: Mapped[str] = mapped_column(String(40), unique=True)
    cupo_id: Mapped[int] = mapped_column(ForeignKey("cupos.id"))
    titular_id: Mapped[int] = mapped_column(ForeignKey("usuarios.id"))
    monto_expedido: Mapped[Decimal] = mapped_column(Monto())
    monto_ejercido: Mapped[Decimal] = mapped_column(Monto(), default=Decimal(0))
    monto_cancelado: Mapped[Decimal] = mapped_column(Monto(), default=Decimal(0))
    fecha_expedicion: Mapped[date] = mapped_column(Date)
    vigencia_hasta: Mapped[date] = mapped_column(Date)
    estado: Mapped[str] = mapped_column(String(20), default="vigente")  # vigente | cancelado
    asignacion_id: Mapped[int | None] = mapped_column(ForeignKey("asignaciones.id"))
    cupo: Mapped[Cupo] = relationship()
    titular: Mapped[Usuario] = relationship()
    asignacion: Mapped[Asignacion | None] = relationship()


class SesionDeUsuario(Base):
    """Una sesión abierta. La cookie lleva el testigo; aquí sólo su SHA-256. Cerrar la sesión borra
    el renglón, así que una copia de la cookie deja de servir."""

    __tablename__ = "sesiones"
    huella: Mapped[str] = mapped_column(String(64), primary_key=True)
    usuario_id: Mapped[int] = mapped_column(ForeignKey("usuarios.id", ondelete="CASCADE"), index=True)
    numero_certificado: Mapped[str] = mapped_column(String(40))
    abierta_en: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Con una e.firma que sólo una AC de la API de pruebas emitió: sin la API, la sesión ya no vale.
    por_la_api: Mapped[bool] = mapped_column(default=True)
    usuario: Mapped[Usuario] = relationship()


class IntentoDeAcceso(Base):
    """Un intento de iniciar sesión que no salió (o que está en curso), por certificado o por dirección del
    cliente: lo que cuentan los frenos de stub_portal/intentos.py. Con la hora real, no la del portal."""

    __tablename__ = "intentos_de_acceso"
    id: Mapped[int] = mapped_column(primary_key=True)
    clave: Mapped[str] = mapped_column(String(80))  # «certificado:<número>» o «direccion:<ip>»
    momento: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (Index("ix_intentos_de_acceso_clave_momento", "clave", "momento"),)


class Solicitud(Base):
    """Un trámite. En captura es un borrador del solicitante; al firmarse recibe folio y acuse, y
    queda pendiente hasta que un funcionario lo resuelve con otra firma.

    Cada cambio del borrador sube su versión: la firma sella la versión que el solicitante vio, y
    nada se le agrega después. Un solicitante tiene a lo más un borrador por trámite, y una clave de
    envío sólo produce una solicitud (el doble envío de un formulario no duplica nada).
    """

    __tablename__ = "solicitudes"
    __table_args__ = (
        UniqueConstraint("solicitante_id", "clave_envio"),
        Index("un_borrador_por_tramite", "solicitante_id", "tramite", unique=True,
              sqlite_where=text("estado = 'borrador'"), postgresql_where=text("estado = 'borrador'")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0)
    clave_envio: Mapped[str | None] = mapped_column(String(64))
    tramite: Mapped[str] = mapped_column(String(40))  # asignacion | expedicion | cancelacion
    estado: Mapped[str] = mapped_column(String(20), default="borrador")
    # borrador | pendiente | autorizada | rechazada
    solicitante_id: Mapped[int] = mapped_column(ForeignKey("usuarios.id"))
    folio: Mapped[str | None] = mapped_column(String(40), unique=True)
    motivo: Mapped[str] = mapped_column(Text, default="")
    recibida_en: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    vence_el: Mapped[date | None] = mapped_column(Date)
    cadena_original: Mapped[str] = mapped_column(Text, default="")
    sello: Mapped[str] = mapped_column(Text, default="")
    numero_certificado_firmante: Mapped[str] = mapped_column(String(40), default="")
    # El acuse se describe al firmar (acuse_json) y se dibuja y firma en PDF la primera vez que se
    # pide: la firma de la solicitud no espera al PDF, y el PDF sale siempre igual de lo guardado.
    acuse_json: Mapped[str] = mapped_column(Text, default="")
    acuse_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Asignación y expedición
    cupo_id: Mapped[int | None] = mapped_column(ForeignKey("cupos.id"))
    anio: Mapped[int | None]
    lugar: Mapped[str] = mapped_column(String(120), default="")
    monto_solicitado: Mapped[Decimal | None] = mapped_column(Monto())
    monto_factura: Mapped[Decimal | None] = mapped_column(Monto())
    numero_factura: Mapped[str] = mapped_column(String(60), default="")
    documento_transporte: Mapped[str] = mapped_column(String(60), default="")
    asignacion_id: Mapped[int | None] = mapped_column(ForeignKey("asignaciones.id"))
    # Resolución
    resuelta_en: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    funcionario_id: Mapped[int | None] = mapped_column(ForeignKey("usuarios.id"))
    monto_otorgado: Mapped[Decimal | None] = mapped_column(Monto())
    criterio: Mapped[str] = mapped_column(String(120), default="")
    motivo_rechazo: Mapped[str] = mapped_column(Text, default="")
    documento_folio: Mapped[str] = mapped_column(String(40), default="")
    resolucion_cadena: Mapped[str] = mapped_column(Text, default="")
    resolucion_sello: Mapped[str] = mapped_column(Text, default="")
    resolucion_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    solicitante: Mapped[Usuario] = relationship(foreign_keys=[solicitante_id])
    funcionario: Mapped[Usuario | None] = relationship(foreign_keys=[funcionario_id])
    cupo: Mapped[Cupo | None] = relationship()
    asignacion: Mapped[Asignacion | None] = relationship()
    partidas: Mapped[list[Partida]] = relationship(
        back_populates="solicitud", cascade="all, delete-orphan", order_by="Partida.id"
    )
    adjuntos: Mapped[list[Adjunto]] = relationship(cascade="all, delete-orphan", order_by="Adjunto.id")
    pedimentos: Mapped[list[PedimentoAcreditado]] = relationship(
        cascade="all, delete-orphan", order_by="PedimentoAcreditado.id")


class Adjunto(Base):
    """Una copia adjunta a la solicitud: la factura comercial o el documento de transporte."""

    __tablename__ = "adjuntos"
    id: Mapped[int] = mapped_column(primary_key=True)
    solicitud_id: Mapped[int] = mapped_column(ForeignKey("solicitudes.id"))
    tipo: Mapped[str] = mapped_column(String(60))
    nombre: Mapped[str] = mapped_column(String(200))
    contenido: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))


class PedimentoAcreditado(Base):
    """Un pedimento con que el solicitante acredita el ejercicio de su asignación anterior."""

    __tablename__ = "pedimentos"
    id: Mapped[int] = mapped_column(primary_key=True)
    solicitud_id: Mapped[int] = mapped_column(ForeignKey("solicitudes.id"))
    numero: Mapped[str] = mapped_column(String(15))
    cantidad: Mapped[Decimal] = mapped_column(Monto())


class Partida(Base):
    """Un certificado a cancelar dentro de una solicitud, con su monto a favor."""

    __tablename__ = "partidas"
    __table_args__ = (UniqueConstraint("solicitud_id", "certificado_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    solicitud_id: Mapped[int] = mapped_column(ForeignKey("solicitudes.id"))
    certificado_id: Mapped[int] = mapped_column(ForeignKey("certificados.id"))
    monto: Mapped[Decimal] = mapped_column(Monto())
    solicitud: Mapped[Solicitud] = relationship(back_populates="partidas")
    certificado: Mapped[Certificado] = relationship()


class Aviso(Base):
    """Bandeja de salida del correo: se escribe en la misma transacción que el trámite.

    Un cartero reclama el aviso (reclamado_por, reclamado_hasta) antes de enviarlo, así que dos
    carteros nunca envían el mismo; luego queda enviado, pendiente con su próximo intento o fallido.
    Las horas del reparto (enviado_en, proximo_intento_en, reclamado_hasta) son reales, en UTC;
    creado_en es la hora del portal. Las reglas están en correo.py.
    """

    __tablename__ = "avisos"
    __table_args__ = (Index("avisos_por_entregar", "estado", "proximo_intento_en"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    id_mensaje: Mapped[str] = mapped_column(String(200), unique=True)  # Message-ID, el mismo al reenviar
    destinatarios: Mapped[str] = mapped_column(Text)  # separados por coma
    asunto: Mapped[str] = mapped_column(String(300))
    cuerpo: Mapped[str] = mapped_column(Text)
    cuerpo_html: Mapped[str] = mapped_column(Text, default="")
    estado: Mapped[str] = mapped_column(String(10), default="pendiente", server_default="pendiente")
    # pendiente | enviado | fallido (no se reintenta más)
    creado_en: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    enviado_en: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    intentos: Mapped[int] = mapped_column(default=0)
    ultimo_error: Mapped[str] = mapped_column(Text, default="")
    proximo_intento_en: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reclamado_por: Mapped[str | None] = mapped_column(String(100))
    reclamado_hasta: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

