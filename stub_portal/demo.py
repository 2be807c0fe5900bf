"""Datos de demostración: el cupo de quesos del catálogo, dos de licitación pública y otro de primero en
tiempo, dos solicitantes con asignaciones y certificados, los funcionarios y las e.firmas de todos.

Además de credentials.json, escribe perfil.toml: el perfil de un ambiente aprovisionado que describe estos
datos, para probar la conformidad de un despliegue de la demostración sin la API de pruebas
(`pytest --objetivo demo/perfil.toml --portal-url …`)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli_w
from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sat_pruebas import AutoridadCertificadora, Representante
from stub_portal import catalogo, resoluciones, tramites_cupo
from stub_portal.efirma import Firmante, abrir_efirma
from stub_portal.firma_documentos import FirmaDeLaSecretaria
from stub_portal.modelo import Asignacion, AutoridadConfiable, Certificado, Cupo, DiaInhabil, Solicitud, Usuario
from stub_portal.reglas_cupos import VENTANILLA_UNICA, ZONA_CENTRO
from stub_portal.reloj import Reloj, hora_real
from stub_portal.tramites_cupo import DOCUMENTOS_DE_TRANSPORTE

CONTRASENA = "demo12345"
# Personas ficticias; el RFC y la CURP tienen forma válida pero no son de nadie.
USUARIOS = [
    ("solicitante", "LAC010203AB1", "Lácteos del Altiplano, S.A. de C.V.", "compras@lacteos-altiplano.example"),
    ("solicitante", "QSU990817KJ4", "Quesos del Sureste, S. de R.L. de C.V.", "tramites@quesos-sureste.example"),
    ("dictaminador", "MORA800101QW2", "Adriana Morales Quintero", "dictaminador@economia.example"),
    ("dictaminador", "RIBT830610PL7", "Tomás Ríos Beltrán", "dictaminador.carne@economia.example"),
    ("nivel_central", "VEGS750505TR3", "Saúl Vega Íñiguez", "nivel.central@economia.example"),
    # Para CUP-06: una persona física, una empresa cuyo RFC no es mexicano (mes 13) y otra con domicilio
    # fiscal fuera de México.
    ("solicitante", "MEPA850312HX4", "Alberto Mendoza Peralta", "alberto.mendoza@correo.example"),
    ("solicitante", "EXT011301AB2", "Exportadora del Istmo, S.A.", "tramites@exportadora-istmo.example"),
    ("solicitante", "DGU050607QW1", "Distribuidora de Lácteos de Occidente, S.A.",
     "compras@lacteos-occidente.example"),
    # A ésta las pruebas de conformidad le autorizan asignaciones de 0.005 t en el cupo de carne (PRO-01).
    ("solicitante", "IPB040404MN5", "Importadora de Pruebas del Bajío, S.A. de C.V.",
     "tramites@importadora-bajio.example"),
]
SOLICITANTE_DE_ASIGNACIONES = "IPB040404MN5"
# Domicilio fiscal fuera de México: país, código postal y departamento.
DOMICILIOS_EN_EL_EXTRANJERO = {"DGU050607QW1": ("Guatemala", "01001", "Guatemala")}
# Lo que el SAT pone además en la e.firma: de una empresa, su representante legal; de una persona, su CURP.
REPRESENTANTES = {"LAC010203AB1": Representante("GAMA700312KL5", "GAMA700312MJCRRN04"),
                  "QSU990817KJ4": Representante("SOTE820915UV8", "SOTE820915HYNTRR02"),
                  "EXT011301AB2": Representante("LOAR790101AB3", "LOAR790101HOCPRL01"),
                  "DGU050607QW1": Representante("PECM810202CD4", "PECM810202MNENRR07"),
                  "IPB040404MN5": Representante("RUVE770707GH6", "RUVE770707HGTZLN02")}
CURPS = {"MORA800101QW2": "MORA800101MDFRNN09", "VEGS750505TR3": "VEGS750505HDFGXL08",
         "RIBT830610PL7": "RIBT830610HJCSLM05", "MEPA850312HX4": "MEPA850312HDFNRL03"}


def _de_la_omc(clave: str, nombre: str, producto: str, subproducto: str, *fracciones: str) -> dict[str, Any]:
    """Un cupo de importación de la OMC, por licitación pública, que se tramita en la Ciudad de México."""
    return {"clave": clave, "nombre": nombre, "regimen": "Importación", "mecanismo": "Licitación Pública",
            "tratado": "Organización Mundial del Comercio (OMC)",
            "pais_origen": "Cualquier país miembro de la OMC", "producto": producto, "subproducto": subproducto,
            "representacion_federal": "Representación Federal en la Ciudad de México",
            "fracciones": list(fracciones)}


# Los cupos que la demostración agrega al catálogo, con quién los dictamina.
CUPOS_DEMO: list[tuple[dict[str, Any], str]] = [
    (_de_la_omc("SE-CUPO-OMC-LECHE", "Leche en polvo (OMC)", "Leche", "Leche en polvo o en pastillas",
                "0402.10.01", "0402.21.01"), "MORA800101QW2"),
    (_de_la_omc("SE-CUPO-OMC-QUESO", "Quesos (OMC)", "Quesos", "Quesos frescos y madurados", "0406.10.01",
                "0406.90.99"), "MORA800101QW2"),
    ({"clave": "SE-CUPO-NI-CARNE", "nombre": "Carne de bovino de Nicaragua", "regimen": "Importación",
      "mecanismo": "Primero en Tiempo, Primero en Derecho",
      "tratado": "Acuerdo de Complementación Económica con Nicaragua", "pais_origen": "República de Nicaragua",
      "producto": "Carne de bovino", "subproducto": "Carne de bovino deshuesada, congelada",
      "representacion_federal": "Representación Federal en Jalisco",
      "fracciones": ["0202.30.01"]}, "RIBT830610PL7"),
]
CUPO_DE_SOLICITUDES = "SE-CUPO-NI-CARNE"
# Dos cupos a los que otra empresa ya les usó casi todo o todo el saldo del año (CRT-01: el saldo del cupo
# como término del certificado); la empresa de la corrida tiene ahí una asignación de 1 t.
CUPOS_CON_POCO_SALDO: list[tuple[dict[str, Any], str]] = [
    (_de_la_omc("SE-CUPO-OMC-LACTOSUERO", "Lactosuero (OMC)", "Lactosuero", "Lactosuero en polvo", "0404.10.01"),
     "0.002"),
    (_de_la_omc("SE-CUPO-OMC-YOGUR", "Yogur (OMC)", "Yogur", "Yogur natural", "0403.20.01"), "0"),
]
SALDOS = {datos["clave"]: saldo for datos, saldo in CUPOS_CON_POCO_SALDO}
MONTO_DE_LOS_CUPOS_CON_POCO_SALDO = Decimal(500)
# Uno al que otra empresa ya le tiene asignado casi todo el año (CUP-07: la siguiente solicitud recibe sólo
# lo que queda por asignar); la corrida lo agota.
CUPO_CASI_ASIGNADO: dict[str, Any] = {
    "clave": "SE-CUPO-NI-CAFE", "nombre": "Café de Nicaragua", "regimen": "Importación",
    "mecanismo": "Primero en Tiempo, Primero en Derecho",
    "tratado": "Acuerdo de Complementación Económica con Nicaragua", "pais_origen": "República de Nicaragua",
    "producto": "Café", "subproducto": "Café sin tostar, sin descafeinar",
    "representacion_federal": "Representación Federal en Jalisco", "fracciones": ["0901.11.01"]}
POR_ASIGNAR_DEL_CASI_ASIGNADO = Decimal("0.008")
# Un cupo que tuvo monto el año pasado y no tiene este año (CUP-01): no recibe solicitudes.
CUPO_DEL_ANIO_PASADO = _de_la_omc("SE-CUPO-OMC-MANTEQUILLA", "Mantequilla (OMC)", "Mantequilla",
                                  "Mantequilla con un contenido de grasa inferior o igual al 85%", "0405.10.01")
# (folio, titular, expedido, ejercido, estado); el primero es el certificado de la corrida.
DE_MONTOS_CONOCIDOS = [
    ("SE-NI-0001", "LAC010203AB1", "100", "20", "vigente"),
    ("SE-NI-0002", "QSU990817KJ4", "50", "0", "vigente"),
    ("SE-NI-0003", "LAC010203AB1", "50", "0", "vencido"),
    ("SE-NI-0004", "LAC010203AB1", "50", "0", "cancelado"),
    ("SE-NI-0005", "LAC010203AB1", "50", "50", "vigente"),
]
# Solicitudes que se presentaron en 2021 en el cupo de mantequilla (el que tuvo monto el año pasado) y
# siguen pendientes: su fecha límite muestra el calendario (PLZ-01) en casos que la hora del portal no da
# (un viernes, a las 23:30, antes de un festivo, a fin de año, antes de un día inhábil del DOF).
ANIO_DE_LAS_HISTORICAS, FIN_DE_LAS_DE_2021 = 2021, date(2022, 1, 4)  # la última vence el 04/01/2022
SOLICITUDES_HISTORICAS = [
    ("asignacion", "2021-06-02T12:00:00"), ("asignacion", "2021-06-04T12:00:00"),
    ("asignacion", "2021-09-13T12:00:00"), ("asignacion", "2021-06-03T23:30:00"),
    ("asignacion", "2021-10-04T12:00:00"),
    ("expedicion", "2021-06-04T23:59:00"), ("expedicion", "2021-11-10T12:00:00"),
    ("expedicion", "2021-12-28T12:00:00"),
]
_COPIA = tramites_cupo.Archivo.pdf_con_texto("copia.pdf", "Copia de la demostración")
# Y dos de certificado que el dictaminador autorizó (EXP-02): una el mismo 28 de diciembre, otra ya en 2022.
# Se resuelven antes de presentar las pendientes: las de un cupo se atienden en el orden en que llegaron.
SOLICITUDES_RESUELTAS = [("2021-12-28T11:00:00", "2021-12-28T13:00:00"),
                         ("2021-12-28T11:30:00", "2022-01-03T10:00:00")]
DIAS_INHABILES_DEMO = {date(2021, 10, 6): "Día inhábil publicado en el DOF (demostración)"}
_CAMPOS_DEL_PERFIL = ("clave", "nombre", "regimen", "mecanismo", "tratado", "producto", "subproducto",
                      "representacion_federal")
_DATOS_DEL_SOLICITANTE = ("curp", "telefono", "calle", "numero_exterior", "colonia", "codigo_postal",
                          "municipio", "entidad_federativa", "pais")


def sembrar(sesiones: sessionmaker[Session], reloj: Reloj, carpeta: Path) -> Path:
    """Siembra la base (si está vacía) y escribe las e.firmas y credentials.json en la carpeta."""
    ac = AutoridadCertificadora("AC de pruebas del portal (demostración)")
    hoy, firma = reloj.ahora(), FirmaDeLaSecretaria.cargar(sesiones)
    with sesiones.begin() as sesion:
        if sesion.scalars(select(Usuario)).first() is not None:
            raise SystemExit("La base ya tiene datos: la demostración necesita una base vacía.")
        sesion.add(AutoridadConfiable(certificado_pem=ac.certificado_pem, por_la_api=False))
        usuarios, credenciales = {}, []
        for perfil, rfc, nombre, correo in USUARIOS:
            pais, codigo_postal, entidad = DOMICILIOS_EN_EL_EXTRANJERO.get(rfc, ("México", "06000",
                                                                                 "Ciudad de México"))
            usuario = Usuario(
                rfc=rfc, perfil=perfil, nombre=nombre, correo=correo, telefono="5555555555",
                curp=CURPS.get(rfc, ""), calle="Avenida de la Industria", numero_exterior="120", colonia="Centro",
                pais=pais,
                codigo_postal=codigo_postal, municipio="Cuauhtémoc", entidad_federativa=entidad,
            )
            usuarios[rfc] = usuario
            sesion.add(usuario)
            credencial = ac.emitir(rfc, nombre, CONTRASENA, CURPS.get(rfc, ""), desde=hoy - timedelta(days=730),
                                   hasta=max(hoy, datetime.now(UTC)) + timedelta(days=4 * 365),
                                   representante=REPRESENTANTES.get(rfc), correo=correo)
            cer, key = credencial.guardar(carpeta, rfc)
            credenciales.append({"rol": perfil, "rfc": rfc, "nombre": nombre, "correo": correo,
                                 "cer": str(cer), "key": str(key), "contrasena": CONTRASENA})
            if rfc == USUARIOS[0][1]:  # la primera empresa tiene otra e.firma vigente (CAN-11)
                otra = ac.emitir(rfc, nombre, CONTRASENA, "", desde=hoy - timedelta(days=30),
                                 hasta=max(hoy, datetime.now(UTC)) + timedelta(days=4 * 365),
                                 representante=REPRESENTANTES.get(rfc), correo=correo)
                otra_cer, otra_key = otra.guardar(carpeta, f"{rfc}-otra")
                credenciales[-1].update({"otra_cer": str(otra_cer), "otra_key": str(otra_key)})
        queso = sesion.scalars(select(Cupo).where(Cupo.clave == "SE-CUPO-GT-QUESO")).one()
        queso.dictaminador = usuarios["MORA800101QW2"]
        cupos = {queso.clave: queso}
        for datos, dictaminador in CUPOS_DEMO:
            cupo = catalogo.guardar_cupo(sesion, {**datos, "montos": {str(hoy.year): "80000"},
                                                  "inicio_de_recepcion": f"{hoy.year}-01-02"})
            cupo.dictaminador = usuarios[dictaminador]
            cupos[cupo.clave] = cupo
        # Con el reloj de la demostración (2022), el año pasado es el de las solicitudes de 2021.
        historicas = hoy.date() > FIN_DE_LAS_DE_2021 and hoy.year - 1 == ANIO_DE_LAS_HISTORICAS
        pasado = catalogo.guardar_cupo(sesion, {**CUPO_DEL_ANIO_PASADO, "montos": {str(hoy.year - 1): "1000"},
                                                "inicio_de_recepcion": f"{hoy.year - 1}-01-04"})
        pasado.dictaminador = usuarios["MORA800101QW2"]
        cupos[pasado.clave] = pasado
        con_poco_saldo = []
        for datos, saldo in CUPOS_CON_POCO_SALDO:
            cupo = catalogo.guardar_cupo(sesion, {
                **datos, "montos": {str(hoy.year): str(MONTO_DE_LOS_CUPOS_CON_POCO_SALDO)},
                "inicio_de_recepcion": f"{hoy.year}-01-02"})
            cupo.dictaminador = usuarios["MORA800101QW2"]
            cupos[cupo.clave] = cupo
            con_poco_saldo.append((cupo, Decimal(saldo)))
        cafe = catalogo.guardar_cupo(sesion, {
            **CUPO_CASI_ASIGNADO, "montos": {str(hoy.year): str(MONTO_DE_LOS_CUPOS_CON_POCO_SALDO)},
            "inicio_de_recepcion": f"{hoy.year}-01-02"})
        cafe.dictaminador = usuarios["RIBT830610PL7"]
        cupos[cafe.clave] = cafe
        leche = cupos["SE-CUPO-OMC-LECHE"]
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
        # En el cupo de carne, sólo la segunda empresa tiene asignación (la primera pide la suya en las pruebas).
        carne = cupos[CUPO_DE_SOLICITUDES]
        de_carne = Asignacion(folio=f"CA-{hoy.year}-0003", cupo=carne, titular=quesos, anio=hoy.year,
                              monto=Decimal(100), fecha=desde, lugar=carne.representacion_federal)
        sesion.add(de_carne)
        de_la_corrida = usuarios[SOLICITANTE_DE_ASIGNACIONES]
        con_saldo_asignado = []
        for numero, (poco, le_queda) in enumerate(con_poco_saldo, start=4):
            sesion.add(Certificado(
                folio=f"SE-{poco.producto[:2].upper()}-0001", cupo=poco, titular=quesos,
                monto_expedido=MONTO_DE_LOS_CUPOS_CON_POCO_SALDO - le_queda, monto_ejercido=Decimal(0),
                fecha_expedicion=desde, vigencia_hasta=fin))
            asignada = Asignacion(folio=f"CA-{hoy.year}-{numero:04d}", cupo=poco, titular=de_la_corrida,
                                  anio=hoy.year, monto=Decimal(1), fecha=desde, lugar=poco.representacion_federal)
            sesion.add(asignada)
            con_saldo_asignado.append(asignada)
        de_cafe = Asignacion(folio=f"CA-{hoy.year}-0006", cupo=cafe, titular=quesos, anio=hoy.year,
                             monto=MONTO_DE_LOS_CUPOS_CON_POCO_SALDO - POR_ASIGNAR_DEL_CASI_ASIGNADO, fecha=desde,
                             lugar=VENTANILLA_UNICA)
        sesion.add(de_cafe)
        certificados = [
            ("SE-GT-0001", queso, lacteos, "40", "10.5"),
            ("SE-GT-0002", queso, lacteos, "25", "0"),
            ("SE-OMC-0001", leche, lacteos, "1500", "200"),
            ("SE-GT-0003", queso, quesos, "30", "5"),
            ("SE-OMC-0002", cupos["SE-CUPO-OMC-QUESO"], lacteos, "500", "0"),  # CAN-07: de otro cupo
        ]
        for folio, cupo, titular, expedido, ejercido in certificados:
            sesion.add(Certificado(
                folio=folio, cupo=cupo, titular=titular, monto_expedido=Decimal(expedido),
                monto_ejercido=Decimal(ejercido), fecha_expedicion=desde, vigencia_hasta=fin,
                asignacion=asignaciones.get(titular.rfc) if cupo is queso else None,
            ))
        # En el cupo de carne, certificados de montos conocidos para CAN-07 y CAN-17: el de la corrida (sus
        # cancelaciones se rechazan al terminar cada escenario) y los que sólo se leen.
        for folio, rfc, expedido, ejercido, estado in DE_MONTOS_CONOCIDOS:
            expedicion = _expedicion(estado, desde)
            sesion.add(Certificado(
                folio=folio, cupo=carne, titular=usuarios[rfc], monto_expedido=Decimal(expedido),
                monto_ejercido=Decimal(ejercido), fecha_expedicion=expedicion,
                vigencia_hasta=date(expedicion.year, 12, 31),
                estado="cancelado" if estado == "cancelado" else "vigente",
                monto_cancelado=Decimal(expedido) - Decimal(ejercido) if estado == "cancelado" else Decimal(0)))
        sesion.add_all(DiaInhabil(fecha=dia, descripcion=texto) for dia, texto in DIAS_INHABILES_DEMO.items())
        de_mantequilla = Asignacion(folio=f"CA-{hoy.year - 1}-0001", cupo=pasado, titular=lacteos,
                                    anio=hoy.year - 1, monto=Decimal(100), fecha=date(hoy.year - 1, 3, 1),
                                    lugar=VENTANILLA_UNICA)
        sesion.add(de_mantequilla)
        sesion.flush()
        resuelve = usuarios["MORA800101QW2"], functools.partial(
            _firmante, carpeta, "MORA800101QW2", x509.load_pem_x509_certificate(ac.certificado_pem.encode()))
        solicitudes = _presentar_las_historicas(sesion, firma, quesos, lacteos, pasado.clave,
                                                de_mantequilla.folio, resuelve) if historicas else []
        descripcion = _perfil(credenciales, list(usuarios.values()), list(cupos.values()), certificados,
                              [*asignaciones.values(), de_carne, de_mantequilla, *con_saldo_asignado, de_cafe],
                              solicitudes, desde)
    archivo = carpeta / "credentials.json"
    archivo.write_text(json.dumps(credenciales, ensure_ascii=False, indent=2), encoding="utf-8")
    (carpeta / "perfil.toml").write_text(
        "# El ambiente de la demostración, para pytest --objetivo perfil.toml --portal-url …\n"
        "# (ver docs/perfiles.md).\n"
        "# Los .cer y .key están junto a este archivo.\n" + tomli_w.dumps(descripcion), encoding="utf-8")
    return archivo


def _expedicion(estado: str, desde: date) -> date:
    """La de un certificado de montos conocidos: el vencido, del 28 de diciembre del año anterior."""
    return date(desde.year - 1, 12, 28) if estado == "vencido" else desde


def _la_hora(hora: datetime) -> datetime:
    return hora


def _presentar_las_historicas(sesion: Session, firma: FirmaDeLaSecretaria, sin_asignacion: Usuario,
                              titular: Usuario, cupo: str, asignacion: str,
                              dictaminador: tuple[Usuario, Callable[[], Firmante]]) -> list[Solicitud]:
    """Las presenta el portal mismo, cada una a su hora (su fecha límite es la que el portal calcula): las
    de asignación, quien no tiene una en el cupo; las de certificado, el titular de `asignacion`. Las que
    se resuelven, las resuelve el portal con la e.firma del dictaminador, a su hora."""
    def contexto(quien: Usuario, hora: datetime) -> tramites_cupo.Contexto:
        return tramites_cupo.Contexto(quien, None, functools.partial(_la_hora, hora), catalogo.leer(), firma)

    def certificado(hora: datetime) -> Solicitud:
        return tramites_cupo.presentar_expedicion(
            sesion, contexto(titular, hora), asignacion, VENTANILLA_UNICA, "10", f"F-DEMO-{hora:%m%d%H%M}", "10",
            DOCUMENTOS_DE_TRANSPORTE[0], _COPIA, _COPIA)

    presentadas = []
    funcionario, firmante = dictaminador
    for presentada, autorizada in SOLICITUDES_RESUELTAS:
        solicitud = certificado(_hora(presentada))
        momento = _hora(autorizada)
        presentadas.append(resoluciones.resolver(sesion, solicitud, resoluciones.Resolucion(
            True, "", funcionario, firmante(), momento, firma)))
    for tramite, presentada in SOLICITUDES_HISTORICAS:
        hora = _hora(presentada)
        if tramite == "asignacion":
            presentadas.append(tramites_cupo.presentar_asignacion(sesion, contexto(sin_asignacion, hora), cupo,
                                                                  VENTANILLA_UNICA, "10"))
        else:
            presentadas.append(certificado(hora))
    return presentadas


def _firmante(carpeta: Path, rfc: str, autoridad: x509.Certificate) -> Firmante:
    """La e.firma que la demostración le dio (en la carpeta), abierta como la abre el portal: su vigencia,
    con la hora real, aunque firme con la hora del trámite."""
    return abrir_efirma((carpeta / f"{rfc}.cer").read_bytes(), (carpeta / f"{rfc}.key").read_bytes(), CONTRASENA,
                        [autoridad], hora_real())


def _hora(texto: str) -> datetime:
    return datetime.fromisoformat(texto).replace(tzinfo=ZONA_CENTRO)


def _perfil(credenciales: list[dict[str, str]], usuarios: list[Usuario], cupos: list[Cupo],
            certificados: list[tuple[str, Cupo, Usuario, str, str]],
            asignaciones: list[Asignacion], solicitudes: list[Solicitud], desde: date) -> dict[str, Any]:
    """El perfil aprovisionado (fixtures/objetivo.py) que describe los datos sembrados."""
    por_rfc = {usuario.rfc: usuario for usuario in usuarios}
    actores = []
    for credencial in credenciales:
        usuario = por_rfc[credencial["rfc"]]
        actor: dict[str, Any] = {"rol": usuario.perfil, "rfc": usuario.rfc, "nombre": usuario.nombre,
                                 "correo": usuario.correo, "cer": Path(credencial["cer"]).name,
                                 "key": Path(credencial["key"]).name, "contrasena": CONTRASENA}
        if usuario.rfc == SOLICITANTE_DE_ASIGNACIONES:
            actor["asignaciones_de_la_corrida"] = True
        if "otra_cer" in credencial:
            actor.update(otra_cer=Path(credencial["otra_cer"]).name, otra_key=Path(credencial["otra_key"]).name)
        if usuario.perfil == "solicitante":
            actor["datos"] = {campo: getattr(usuario, campo) for campo in _DATOS_DEL_SOLICITANTE}
        dictamina = [cupo.clave for cupo in cupos if cupo.dictaminador is usuario]
        if dictamina:
            actor["cupos"] = dictamina
        actores.append(actor)
    return {
        "datos": {"modo": "aprovisionado"},
        "actores": actores,
        "cupos": [_cupo_del_perfil(cupo) for cupo in cupos],
        "certificados": [{"folio": folio, "cupo": cupo.clave, "titular": titular.rfc,
                          "por_cancelar": str(Decimal(expedido) - Decimal(ejercido)), "expedicion": desde}
                         for folio, cupo, titular, expedido, ejercido in certificados] + [
            {"folio": folio, "cupo": CUPO_DE_SOLICITUDES, "titular": titular, "expedido": expedido,
             "ejercido": ejercido, "estado": estado, "de_la_corrida": indice == 0,
             "expedicion": _expedicion(estado, desde)}
            for indice, (folio, titular, expedido, ejercido, estado) in enumerate(DE_MONTOS_CONOCIDOS)],
        "asignaciones": [{"folio": a.folio, "cupo": a.cupo.clave, "titular": a.titular.rfc,
                          "otorgado": str(a.monto), "lugar": a.lugar} for a in asignaciones],
        "solicitudes": [{"folio": s.folio, "tramite": s.tramite, "cupo": s.cupo.clave,
                         "solicitante": s.solicitante.rfc, "presentada": _local(s.recibida_en),
                         **({"autorizada": _local(s.resuelta_en)} if s.resuelta_en else {})}
                        for s in solicitudes if s.cupo is not None and s.recibida_en is not None],
        "calendario": {"dias_inhabiles": {f"{dia:%Y-%m-%d}": texto for dia, texto in DIAS_INHABILES_DEMO.items()}},
    }


def _local(momento: datetime) -> datetime:
    """La hora del centro, sin zona: como la escribe el perfil (la base la devuelve ya sin zona, del centro)."""
    return momento if momento.tzinfo is None else momento.astimezone(ZONA_CENTRO).replace(tzinfo=None)


def _cupo_del_perfil(cupo: Cupo) -> dict[str, Any]:
    """Lo que el perfil dice de un cupo; la corrida presenta (y rechaza) sus solicitudes pequeñas en el que
    nadie tiene asignación."""
    declarado: dict[str, Any] = {campo: getattr(cupo, campo) for campo in _CAMPOS_DEL_PERFIL}
    if cupo.inicio_de_recepcion is not None:
        declarado["primer_dia"] = cupo.inicio_de_recepcion
    if cupo.clave == CUPO_DE_SOLICITUDES:
        declarado["solicitudes"] = True
    if cupo.clave in SALDOS:
        declarado["saldo"] = SALDOS[cupo.clave]
    if cupo.clave == CUPO_CASI_ASIGNADO["clave"]:
        declarado["por_asignar"] = str(POR_ASIGNAR_DEL_CASI_ASIGNADO)
    if cupo.clave == CUPO_DEL_ANIO_PASADO["clave"]:
        declarado["montos"] = {str(monto.anio): str(monto.monto) for monto in cupo.montos}
    return declarado
