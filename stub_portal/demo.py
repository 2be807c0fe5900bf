"""Datos de demostración: los cupos del ejemplo, dos solicitantes, funcionarios y sus e.firmas."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from sat_pruebas import AutoridadCertificadora
from stub_portal.modelo import AutoridadConfiable, Certificado, Cupo, Usuario
from stub_portal.vistas.comun import Portal

CONTRASENA = "demo12345"
FRACCIONES_QUESO = ["0406.10.01", "0406.90.01", "0406.90.02", "0406.90.03", "0406.90.04",
                    "0406.90.05", "0406.90.06", "0406.90.99"]
# Personas ficticias; el RFC y la CURP tienen forma válida pero no son de nadie.
USUARIOS = [
    ("solicitante", "LAC010203AB1", "Lácteos del Altiplano, S.A. de C.V.", "compras@lacteos-altiplano.example"),
    ("solicitante", "QSU990817KJ4", "Quesos del Sureste, S. de R.L. de C.V.", "tramites@quesos-sureste.example"),
    ("dictaminador", "MORA800101QW2", "Adriana Morales Quintero", "dictaminador@economia.example"),
    ("nivel_central", "VEGS750505TR3", "Saúl Vega Íñiguez", "nivel.central@economia.example"),
]


def sembrar(portal: Portal, carpeta: Path) -> Path:
    """Siembra la base (si está vacía) y escribe las e.firmas y credentials.json en la carpeta."""
    ac = AutoridadCertificadora("AC de pruebas del SAT (demostración)")
    hoy = portal.reloj.ahora()
    with portal.sesiones.begin() as sesion:
        if sesion.scalars(select(Usuario)).first() is not None:
            raise SystemExit("La base ya tiene datos: la demostración necesita una base vacía.")
        sesion.add(AutoridadConfiable(certificado_pem=ac.certificado_pem))
        usuarios, credenciales = {}, []
        for perfil, rfc, nombre, correo in USUARIOS:
            usuario = Usuario(
                rfc=rfc, perfil=perfil, nombre=nombre, correo=correo, telefono="5555555555",
                calle="Avenida de la Industria", numero_exterior="120", colonia="Centro",
                codigo_postal="06000", municipio="Cuauhtémoc", entidad_federativa="Ciudad de México",
            )
            usuarios[rfc] = usuario
            sesion.add(usuario)
            cer, key = ac.emitir(rfc, nombre, CONTRASENA).guardar(carpeta, rfc)
            credenciales.append({"rol": perfil, "rfc": rfc, "nombre": nombre, "correo": correo,
                                 "cer": str(cer), "key": str(key), "contrasena": CONTRASENA})
        dictaminador = usuarios["MORA800101QW2"]
        queso = Cupo(
            clave="SE-CUPO-GT-QUESO", nombre="Queso fresco y los demás quesos de Guatemala",
            regimen="Importación", mecanismo="Primero en Tiempo, Primero en Derecho",
            tratado="Tratado de Libre Comercio entre México y Centroamérica",
            pais_origen="República de Guatemala", producto="Quesos",
            subproducto="Queso fresco (sin madurar), incluido el del lactosuero, y requesón; y los demás quesos",
            representacion_federal="Representación Federal en Chiapas",
            fracciones=", ".join(FRACCIONES_QUESO), monto_total=Decimal("580"),
            dictaminador=dictaminador,
        )
        leche = Cupo(
            clave="SE-CUPO-OMC-LECHE", nombre="Leche en polvo (OMC)", regimen="Importación",
            mecanismo="Licitación Pública", tratado="Organización Mundial del Comercio (OMC)",
            pais_origen="Cualquier país miembro de la OMC", producto="Leche",
            subproducto="Leche en polvo o en pastillas",
            representacion_federal="Representación Federal en la Ciudad de México",
            fracciones="0402.10.01, 0402.21.01", monto_total=Decimal("80000"),
            dictaminador=dictaminador,
        )
        desde = hoy.date() - timedelta(days=min(30, hoy.timetuple().tm_yday - 1))
        fin = desde.replace(month=12, day=31)
        lacteos, quesos = usuarios["LAC010203AB1"], usuarios["QSU990817KJ4"]
        for folio, cupo, titular, expedido, ejercido in [
            ("SE-GT-0001", queso, lacteos, "40", "10.5"),
            ("SE-GT-0002", queso, lacteos, "25", "0"),
            ("SE-OMC-0001", leche, lacteos, "1500", "200"),
            ("SE-GT-0003", queso, quesos, "30", "5"),
        ]:
            sesion.add(Certificado(
                folio=folio, cupo=cupo, titular=titular, monto_expedido=Decimal(expedido),
                monto_ejercido=Decimal(ejercido), fecha_expedicion=desde, vigencia_hasta=fin,
            ))
    archivo = carpeta / "credentials.json"
    archivo.write_text(json.dumps(credenciales, ensure_ascii=False, indent=2), encoding="utf-8")
    return archivo
