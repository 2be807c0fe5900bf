"""Datos de demostración: el cupo de quesos del catálogo y uno de licitación pública, dos
solicitantes con asignaciones y certificados, los funcionarios y las e.firmas de todos."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sat_pruebas import AutoridadCertificadora, Representante
from stub_portal import catalogo
from stub_portal.modelo import Asignacion, AutoridadConfiable, Certificado, Cupo, Usuario
from stub_portal.reloj import Reloj

CONTRASENA = "demo12345"
# Personas ficticias; el RFC y la CURP tienen forma válida pero no son de nadie.
USUARIOS = [
    ("solicitante", "LAC010203AB1", "Lácteos del Altiplano, S.A. de C.V.", "compras@lacteos-altiplano.example"),
    ("solicitante", "QSU990817KJ4", "Quesos del Sureste, S. de R.L. de C.V.", "tramites@quesos-sureste.example"),
    ("dictaminador", "MORA800101QW2", "Adriana Morales Quintero", "dictaminador@economia.example"),
    ("nivel_central", "VEGS750505TR3", "Saúl Vega Íñiguez", "nivel.central@economia.example"),
]
# Lo que el SAT pone además en la e.firma: de una empresa, su representante legal; de una persona, su CURP.
REPRESENTANTES = {"LAC010203AB1": Representante("GAMA700312KL5", "GAMA700312MJCRRN04"),
                  "QSU990817KJ4": Representante("SOTE820915UV8", "SOTE820915HYNTRR02")}
CURPS = {"MORA800101QW2": "MORA800101MDFRNN09", "VEGS750505TR3": "VEGS750505HDFGXL08"}


def sembrar(sesiones: sessionmaker[Session], reloj: Reloj, carpeta: Path) -> Path:
    """Siembra la base (si está vacía) y escribe las e.firmas y credentials.json en la carpeta."""
    ac = AutoridadCertificadora("AC de pruebas del portal (demostración)")
    hoy = reloj.ahora()
    with sesiones.begin() as sesion:
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
            credencial = ac.emitir(rfc, nombre, CONTRASENA, CURPS.get(rfc, ""), desde=hoy - timedelta(days=730),
                                   hasta=max(hoy, datetime.now(UTC)) + timedelta(days=4 * 365),
                                   representante=REPRESENTANTES.get(rfc), correo=correo)
            cer, key = credencial.guardar(carpeta, rfc)
            credenciales.append({"rol": perfil, "rfc": rfc, "nombre": nombre, "correo": correo,
                                 "cer": str(cer), "key": str(key), "contrasena": CONTRASENA})
        dictaminador = usuarios["MORA800101QW2"]
        queso = sesion.scalars(select(Cupo).where(Cupo.clave == "SE-CUPO-GT-QUESO")).one()
        queso.dictaminador = dictaminador
        leche = catalogo.guardar_cupo(sesion, {
            "clave": "SE-CUPO-OMC-LECHE", "nombre": "Leche en polvo (OMC)", "regimen": "Importación",
            "mecanismo": "Licitación Pública", "tratado": "Organización Mundial del Comercio (OMC)",
            "pais_origen": "Cualquier país miembro de la OMC", "producto": "Leche",
            "subproducto": "Leche en polvo o en pastillas",
            "representacion_federal": "Representación Federal en la Ciudad de México",
            "fracciones": ["0402.10.01", "0402.21.01"], "montos": {str(hoy.year): "80000"},
        })
        leche.dictaminador = dictaminador
        desde = hoy.date() - timedelta(days=min(30, hoy.timetuple().tm_yday - 1))
        fin = desde.replace(month=12, day=31)
        lacteos, quesos = usuarios["LAC010203AB1"], usuarios["QSU990817KJ4"]
        asignaciones = {
            titular.rfc: Asignacion(folio=folio, cupo=queso, titular=titular, anio=hoy.year,
                                    monto=Decimal(monto), fecha=desde,
                                    lugar="Representación Federal en Chiapas")
            for folio, titular, monto in [(f"CA-{hoy.year}-0001", lacteos, "100"),
                                          (f"CA-{hoy.year}-0002", quesos, "50")]
        }
        sesion.add_all(asignaciones.values())
        for folio, cupo, titular, expedido, ejercido in [
            ("SE-GT-0001", queso, lacteos, "40", "10.5"),
            ("SE-GT-0002", queso, lacteos, "25", "0"),
            ("SE-OMC-0001", leche, lacteos, "1500", "200"),
            ("SE-GT-0003", queso, quesos, "30", "5"),
        ]:
            sesion.add(Certificado(
                folio=folio, cupo=cupo, titular=titular, monto_expedido=Decimal(expedido),
                monto_ejercido=Decimal(ejercido), fecha_expedicion=desde, vigencia_hasta=fin,
                asignacion=asignaciones.get(titular.rfc) if cupo is queso else None,
            ))
    archivo = carpeta / "credentials.json"
    archivo.write_text(json.dumps(credenciales, ensure_ascii=False, indent=2), encoding="utf-8")
    return archivo
