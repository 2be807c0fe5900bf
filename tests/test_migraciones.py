"""Las migraciones de Alembic son el esquema: aplicadas a una base vacía dan exactamente el modelo,
y una base de una versión anterior sube a la última sin perder datos."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from stub_portal import base_de_datos
from stub_portal.modelo import Base


def test_las_migraciones_dan_exactamente_el_modelo(url_de_base: str) -> None:
    base_de_datos.migrar(url_de_base)
    motor = create_engine(url_de_base, poolclass=NullPool)
    try:
        with motor.connect() as conexion:
            diferencias = compare_metadata(MigrationContext.configure(conexion), Base.metadata)
    finally:
        motor.dispose()
    assert diferencias == []


def test_una_base_de_la_version_anterior_sube_sin_perder_sus_solicitudes(url_de_base: str) -> None:
    from alembic import command

    configuracion = base_de_datos._configuracion_alembic()
    motor = create_engine(url_de_base, poolclass=NullPool)
    try:
        with motor.begin() as conexion:
            configuracion.attributes["connection"] = conexion
            command.upgrade(configuracion, "0001")
            conexion.execute(text("INSERT INTO usuarios (rfc, perfil, nombre, correo, curp, telefono, calle, "
                                  "numero_exterior, numero_interior, colonia, codigo_postal, municipio, "
                                  "entidad_federativa, pais) VALUES ('AAA010101AAA', 'solicitante', 'A', "
                                  "'a@x.example', '', '', '', '', '', '', '', '', '', 'México')"))
            conexion.execute(text("INSERT INTO solicitudes (version, tramite, estado, solicitante_id, folio, "
                                  "motivo, cadena_original, sello, numero_certificado_firmante, lugar, "
                                  "numero_factura, documento_transporte, criterio, motivo_rechazo, "
                                  "documento_folio, resolucion_cadena, resolucion_sello, acuse_pdf) VALUES "
                                  "(0, 'cancelacion', 'pendiente', 1, 'F1', '', '||x||', 's', '', '', '', '', "
                                  "'', '', '', '', '', :pdf)"), {"pdf": b"%PDF-1.4"})
        base_de_datos.migrar(url_de_base)
        with motor.connect() as conexion:
            fila = conexion.execute(text("SELECT folio, acuse_pdf, acuse_json FROM solicitudes")).one()
    finally:
        motor.dispose()
    assert (fila.folio, bytes(fila.acuse_pdf), fila.acuse_json) == ("F1", b"%PDF-1.4", "")
