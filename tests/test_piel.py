"""La piel alternativa del portal (stub_portal/pieles): cómo se elige, que cambia todo el HTML y cada
mensaje sin cambiar el trámite, y que sus pantallas no tienen violaciones de accesibilidad (axe-core)."""

from __future__ import annotations

import ast
import importlib
import logging
import re
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from playwright.sync_api import Page, expect, sync_playwright
from sqlalchemy import select

import stub_portal
from cupos_conformidad.informes.axe import mensaje_de_falla, revisar_pagina
from cupos_conformidad.informes.pantallas_revisadas import Revisadas
from fixtures.api import ApiPruebas
from fixtures.correo import BuzonSmtp
from fixtures.navegador_remoto import chromium_del_sistema
from fixtures.portal import PortalBajoPrueba, arrancar_portal_de_referencia
from sat_pruebas import AutoridadCertificadora
from stub_portal import base_de_datos
from stub_portal.__main__ import main as arrancar_por_la_linea_de_ordenes
from stub_portal.app import create_app
from stub_portal.configuracion import ErrorDeConfiguracion, del_entorno
from stub_portal.modelo import Aviso
from stub_portal.pieles.alternativa import CARPETA_DE_PLANTILLAS
from stub_portal.pieles.alternativa.mensajes import TABLA, cantidad, estado, para_pantalla, reescribir
from stub_portal.reglas_cupos import VUCEM, mensaje_de_horario, representacion_federal
from tests.mundo import CLAVE_SECRETA, DICTAMINADOR, EMPRESA_A, REPRESENTANTE, Mundo, csrf_de

PORTAL = Path(stub_portal.__file__).parent
PLANTILLAS_DE_REFERENCIA = PORTAL / "templates"
ASUNTO_DEL_AVISO = "Aviso de Certificados de Exportación por Solicitud pendientes por Cancelar"
BUSQUEDA = ("/cancelacion?pestana=cancelacion&buscar=1&regimen=Importación"
            "&mecanismo=Primero+en+Tiempo%2C+Primero+en+Derecho")


# --- Cómo se elige ---

@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('piel') / 'portal.sqlite3'}"
    base_de_datos.preparar(url)
    return url


@pytest.mark.parametrize(("piel", "hoja"), [(None, "estilo.css"), ("referencia", "estilo.css"),
                                            ("alternativa", "alternativa.css")])
def test_la_piel_se_elige_en_la_configuracion(base: str, piel: str | None, hoja: str) -> None:
    configuracion = {"BASE_DE_DATOS": base, "SECRET_KEY": CLAVE_SECRETA} | ({"PIEL": piel} if piel else {})
    app = create_app(configuracion)
    try:
        pagina = app.test_client().get("/ingresar")
        hoja_con_huella = re.search(rf'href="(/static/{re.escape(hoja)}\?v=[0-9a-f]+)"', pagina.text)
        assert hoja_con_huella, pagina.text[:500]
        with app.test_client().get(hoja_con_huella.group(1)) as estilo:
            assert estilo.status_code == 200
    finally:
        app.extensions["portal"].sesiones.cerrar()


def test_una_piel_que_no_existe_no_deja_arrancar_y_dice_cuales_hay(base: str) -> None:
    with pytest.raises(ErrorDeConfiguracion, match="«azul».*PIEL.*«referencia».*«alternativa»"):
        create_app({"BASE_DE_DATOS": base, "SECRET_KEY": CLAVE_SECRETA, "PIEL": "azul"})


def test_la_piel_de_un_despliegue_viene_de_cupos_piel() -> None:
    entorno = {"CUPOS_BASE_DE_DATOS": "sqlite://", "CUPOS_CLAVE_SECRETA": CLAVE_SECRETA}
    assert del_entorno(entorno)["PIEL"] == "referencia"
    assert del_entorno(entorno | {"CUPOS_PIEL": "alternativa"})["PIEL"] == "alternativa"
    with pytest.raises(ErrorDeConfiguracion, match="«Alternativa» \\(CUPOS_PIEL\\)"):
        del_entorno(entorno | {"CUPOS_PIEL": "Alternativa"})


def test_la_linea_de_ordenes_rechaza_una_piel_antes_de_tocar_la_base(tmp_path: Path) -> None:
    base = tmp_path / "no-se-crea.sqlite3"
    with pytest.raises(SystemExit) as salida:
        arrancar_por_la_linea_de_ordenes(["--piel", "azul", "--db", f"sqlite:///{base}"])
    assert "No existe la piel «azul» (--piel)" in str(salida.value.code)
    assert not base.exists()


# --- Las plantillas ---

def _plantillas(carpeta: Path) -> set[str]:
    return {p.relative_to(carpeta).as_posix() for p in carpeta.rglob("*") if p.suffix in (".html", ".txt")}


def test_cada_plantilla_de_referencia_tiene_otra_version_en_la_piel() -> None:
    """Todas, salvo el marco de los correos (correo/base.html), que no tiene texto propio."""
    referencia, alternativa = _plantillas(PLANTILLAS_DE_REFERENCIA), _plantillas(CARPETA_DE_PLANTILLAS)
    assert referencia - alternativa == {"correo/base.html"}
    iguales = [nombre for nombre in referencia & alternativa
               if (PLANTILLAS_DE_REFERENCIA / nombre).read_text() == (CARPETA_DE_PLANTILLAS / nombre).read_text()]
    assert iguales == []


def test_la_piel_no_usa_data_testid_ni_nombres_que_repiten_la_fila() -> None:
    for nombre in _plantillas(CARPETA_DE_PLANTILLAS):
        texto = (CARPETA_DE_PLANTILLAS / nombre).read_text()
        assert "data-testid" not in texto, nombre
        assert "aria-current=\"step\"" not in texto and "Pasos del trámite" not in texto, nombre
        assert not re.search(r'aria-label="(Seleccionar|Eliminar|Atender|Ficha)', texto), nombre


# --- Las pantallas por HTTP ---

# Los campos ocultos cuyo valor depende de la sesión o de los datos (el testigo CSRF, la clave del envío, el
# borrador y su versión): se comparan por su nombre, no por su valor.
VALORES_DE_CADA_VEZ = ("csrf_token", "envio", "solicitud", "version")


class _Estructura(HTMLParser):
    """Lo que importa de una pantalla: sus formularios (lo que envían) y sus marcas."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.formularios: list[tuple[Any, ...]] = []
        self.etiquetas: list[tuple[str, dict[str, str]]] = []
        self._dentro_de_main = False
        self.estado_fuera_de_main = False
        self._opciones: list[str] | None = None
        self._campos: list[tuple[str, ...]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.etiquetas.append((tag, a))
        self._dentro_de_main |= tag == "main"
        if a.get("role") == "status" and not self._dentro_de_main:
            self.estado_fuera_de_main = True
        if tag == "form":
            self._campos = []
            self.formularios.append((a.get("method", "get").lower(), a.get("action", ""),
                                     a.get("enctype", ""), self._campos))
        elif tag in ("input", "textarea") and a.get("name"):
            variable = a["name"] in VALORES_DE_CADA_VEZ or a.get("type") not in ("hidden", "radio")
            self._campos.append((a["name"], a.get("type", tag), "" if variable else a.get("value", "")))
        elif tag == "select":
            self._opciones = []
            self._campos.append((a["name"], "select"))
        elif tag == "option" and self._opciones is not None:
            self._opciones.append(a.get("value", "\0"))

    def handle_data(self, data: str) -> None:
        if self._opciones is not None and self._opciones and self._opciones[-1] == "\0":
            self._opciones[-1] = data.strip()

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._opciones is not None:
            self._campos[-1] += tuple(self._opciones)
            self._opciones = None

    def que_envian(self) -> list[tuple[Any, ...]]:
        return sorted((metodo, accion, tipo, tuple(sorted(campos))) for metodo, accion, tipo, campos
                      in self.formularios)

    def cuantas(self, tag: str) -> int:
        return sum(1 for t, _ in self.etiquetas if t == tag)


@pytest.fixture(scope="module")
def mundos(tmp_path_factory: pytest.TempPathFactory, ac: AutoridadCertificadora) -> Iterator[dict[str, Mundo]]:
    """El mismo portal con cada piel, cada uno con su base (SQLite) y los mismos datos."""
    carpeta = tmp_path_factory.mktemp("pieles")
    hechos = {piel: Mundo(f"sqlite:///{carpeta / piel}.sqlite3", ac, PIEL=piel)
              for piel in ("referencia", "alternativa")}
    yield hechos
    for mundo in hechos.values():
        mundo.cerrar()


def _recorrido(mundo: Mundo) -> dict[str, str]:
    """Las pantallas del trámite, en el mismo orden en cada piel: dirección → HTML."""
    anonimo, empresa = mundo.app.test_client(), mundo.cliente(EMPRESA_A)
    pantallas = {ruta: anonimo.get(ruta).text for ruta in ("/ingresar", "/funcionarios/ingresar", "/nada")}
    seleccion = f"{BUSQUEDA}&cupo=C1&certificado=SE-A"
    for ruta in ("/inicio", "/tramites", "/tramites/SE", "/tramites/SE/Cancelaciones",
                 "/cancelacion?pestana=solicitante", seleccion, "/cupos", "/cupos/C1", "/asignacion",
                 "/expedicion", "/cancelacion?pestana=cancelacion&buscar=1"):
        pantallas[ruta] = empresa.get(ruta).text
    assert mundo.agregar(empresa, "SE-A", "12.5").status_code == 302
    pantallas["con un certificado a cancelar"] = empresa.get(seleccion).text
    pantallas["/cancelacion/firma"] = empresa.get("/cancelacion/firma").text
    folio = _firmar(mundo, empresa)
    pantallas["/cancelacion/acuse"] = empresa.get(f"/cancelacion/acuse/{folio}").text
    pantallas["/solicitudes"] = empresa.get("/solicitudes").text
    pantallas["/solicitudes/folio"] = empresa.get(f"/solicitudes/{folio}").text
    dictaminador = mundo.cliente(DICTAMINADOR)
    pantallas["/funcionario/bandeja"] = dictaminador.get("/funcionario/bandeja").text
    pantallas["/funcionario/solicitudes/folio"] = dictaminador.get(f"/funcionario/solicitudes/{folio}").text
    return pantallas


def _firmar(mundo: Mundo, empresa: FlaskClient) -> str:
    respuesta = mundo.enviar_firma(empresa, mundo.formulario_de_firma(empresa, EMPRESA_A))
    assert respuesta.status_code == 302, respuesta.text
    return respuesta.headers["Location"].rsplit("/", 1)[1]


@pytest.fixture(scope="module")
def pantallas(mundos: dict[str, Mundo]) -> dict[str, dict[str, str]]:
    return {piel: _recorrido(mundo) for piel, mundo in mundos.items()}


def test_los_formularios_envian_lo_mismo_a_las_mismas_rutas(pantallas: dict[str, dict[str, str]]) -> None:
    """Los mismos campos (nombre, tipo, valor fijo y opciones de cada lista), al mismo destino."""
    for ruta, html in pantallas["referencia"].items():
        assert _Estructura(pantallas["alternativa"][ruta]).que_envian() == _Estructura(html).que_envian(), ruta


def test_cada_pantalla_tiene_un_h1_pie_y_aviso_permanente_fuera_de_main(
        pantallas: dict[str, dict[str, str]]) -> None:
    for ruta, html in pantallas["alternativa"].items():
        estructura = _Estructura(html)
        assert estructura.cuantas("h1") == 1, ruta
        assert estructura.cuantas("footer") == 1 and "Aviso de privacidad" in html, ruta
        assert estructura.estado_fuera_de_main and "Mantenimiento programado:" in html, ruta
        for liga in re.findall(r'href="(#[^"]+)"', html):
            assert f'id="{liga[1:]}"' in html, (ruta, liga)
        nombres = [a["aria-label"] for _, a in estructura.etiquetas if "aria-label" in a]
        assert not [n for n in nombres if re.search(r"SE-A|Queso|0402", n)], (ruta, nombres)
        assert "data-testid" not in html and 'aria-current="step"' not in html, ruta


def test_los_pasos_marcan_el_actual_con_texto_oculto(pantallas: dict[str, dict[str, str]]) -> None:
    captura = pantallas["alternativa"]["con un certificado a cancelar"]
    assert re.search(r"Captura de la Solicitud <span class=\"oculto\">\(paso actual\)</span>", captura)
    assert "Tratado o bloque Comercial" in captura and "Tratado o Bloque Comercial" not in captura
    assert re.search(r"Firmar Solicitud <span class=\"oculto\">\(paso actual\)</span>",
                     pantallas["alternativa"]["/cancelacion/firma"])


def test_los_mensajes_se_muestran_con_las_palabras_de_la_piel(mundos: dict[str, Mundo]) -> None:
    mundo = mundos["alternativa"]
    empresa = mundo.cliente("BBB010101BBB")
    sin_parametros = empresa.get("/cancelacion?pestana=cancelacion&buscar=1")
    assert ('role="alert">Faltan parámetros marcados con *: Régimen Aduanero, Mecanismo de Asignación.</div>'
            in sin_parametros.text)
    excede = mundo.agregar(empresa, "SE-B", "1000")
    assert excede.status_code == 422
    assert ("No se puede: el monto a favor de 1,000.000 es mayor que lo que le queda por cancelar al "
            "certificado, 80.000.") in excede.text
    assert "Sin certificados disponibles" not in excede.text
    agregado = empresa.get(mundo.agregar(empresa, "SE-B", "5").headers["Location"])
    assert 'role="status">Listo: el certificado SE-B ya está en Certificados a cancelar.</div>' in agregado.text
    salida = empresa.post("/salir", data={"csrf_token": csrf_de(agregado)}, follow_redirects=True)
    assert "Salió del portal: su sesión ya está cerrada." in salida.text


def test_el_aviso_de_resolucion_cambia_de_asunto_y_el_de_cancelacion_no(mundos: dict[str, Mundo]) -> None:
    mundo = mundos["alternativa"]
    empresa = mundo.cliente(EMPRESA_A)
    assert mundo.agregar(empresa, "SE-A", "2").status_code == 302
    folio = _firmar(mundo, empresa)
    dictaminador = mundo.cliente(DICTAMINADOR)
    formulario = mundo.formulario_de_resolucion(dictaminador, DICTAMINADOR, folio, "rechazar")
    assert mundo.resolver(dictaminador, folio, formulario).status_code == 302
    avisos = [a for a in mundo.consultar(lambda s: list(s.scalars(select(Aviso))))
              if folio in a.cuerpo]
    asuntos = {a.asunto: a for a in avisos}
    assert ASUNTO_DEL_AVISO in asuntos
    resolucion = next(a for asunto, a in asuntos.items() if asunto != ASUNTO_DEL_AVISO)
    assert folio in resolucion.asunto and not resolucion.asunto.startswith("Resolución de su solicitud")
    assert "Sentido de la resolución: se rechazó" in resolucion.cuerpo
    assert "Razón del rechazo: No procede." in resolucion.cuerpo
    assert "Motivo del rechazo" not in resolucion.cuerpo


# --- Cada mensaje del portal, reescrito ---

SIN_PANTALLA = {"pruebas.py", "pruebas_esquemas.py", "contrato.py"}  # la API de pruebas responde en JSON
LLAMADAS = {"ErrorCaptura", "ErrorEfirma", "flash", "__init__"}  # __init__: super().__init__(mensaje)
PALABRAS = {"error", "mensaje", "description"}  # render_template(…, error=…), abort(…, description=…)


def _nombre(funcion: ast.expr) -> str:
    return funcion.id if isinstance(funcion, ast.Name) else getattr(funcion, "attr", "")


def _expresiones(nodo: ast.AST) -> Iterator[ast.expr]:
    if isinstance(nodo, ast.Call):
        if nodo.args and _nombre(nodo.func) in LLAMADAS:
            yield nodo.args[0]
        yield from (palabra.value for palabra in nodo.keywords if palabra.arg in PALABRAS)
    elif isinstance(nodo, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "mensaje" for t in nodo.targets):
        yield nodo.value


def _es_mensaje(expresion: ast.expr) -> bool:
    """Un texto, un texto armado, una constante MENSAJE_… o una función que lo arma; no lo que sólo pasa
    un mensaje ya hecho (str(error), una variable) ni un constructor."""
    if isinstance(expresion, ast.Constant):
        return isinstance(expresion.value, str)
    if isinstance(expresion, ast.Name):
        return expresion.id.isupper()
    if isinstance(expresion, ast.Call):
        nombre = _nombre(expresion.func)
        return nombre != "str" and nombre[:1].islower()
    return isinstance(expresion, ast.JoinedStr | ast.BinOp)


def _forma(expresion: ast.expr, modulo: str) -> str:
    """La expresión regular de lo que la expresión puede decir: sus textos fijos, y cualquier cosa en sus
    huecos o en lo que arma una función."""
    if isinstance(expresion, ast.Constant):
        return re.escape(str(expresion.value))
    if isinstance(expresion, ast.JoinedStr):
        return "".join(_forma(parte, modulo) for parte in expresion.values)
    if isinstance(expresion, ast.BinOp):
        return _forma(expresion.left, modulo) + _forma(expresion.right, modulo)
    if isinstance(expresion, ast.Name) and expresion.id.isupper():
        return re.escape(str(getattr(importlib.import_module(modulo), expresion.id)))
    return ".+"


def _mensajes_del_portal() -> dict[str, str]:
    """Cada expresión del portal que da un mensaje a una pantalla: su código → su forma."""
    hallados: dict[str, str] = {}
    for archivo in sorted(PORTAL.rglob("*.py")):
        if {"migraciones", "pieles"} & set(archivo.parts) or archivo.name in SIN_PANTALLA:
            continue
        modulo = ".".join(["stub_portal", *archivo.relative_to(PORTAL).with_suffix("").parts])
        for nodo in ast.walk(ast.parse(archivo.read_text(encoding="utf-8"))):
            for expresion in filter(_es_mensaje, _expresiones(nodo)):
                hallados[ast.unparse(expresion)] = _forma(expresion, modulo)
    return hallados


HORARIO = datetime.fromisoformat("2022-03-02T09:00:00-06:00")
CHIAPAS = representacion_federal("Representación Federal en Chiapas", "America/Mexico_City")
P = "224334562000001"
# El código de cada mensaje (ast.unparse) → ejemplos: el mensaje de referencia y los valores que el
# mensaje de la piel conserva (los montos, ya con tres decimales).
EJEMPLOS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "f'Esta solicitud ya se había presentado con el folio {solicitud.folio}: no se presentó otra vez.'": [
        ("Esta solicitud ya se había presentado con el folio 0402202203010000000000007: no se presentó otra "
         "vez.", ("0402202203010000000000007",))],
    "MENSAJE_CARACTERES_DE_CONTROL": [
        ("El texto capturado o el nombre de un archivo contiene caracteres no permitidos.", ("caracteres",))],
    "MENSAJE_CSRF": [("El formulario venció o no se envió desde el portal. Vuelva a cargar la página e intente "
                      "de nuevo; no se guardó ningún cambio.", ("formulario",))],
    "f'El certificado {folio} no está disponible para cancelar.'": [
        ("El certificado SE-B no está disponible para cancelar.", ("SE-B", "certificados disponibles"))],
    "'Seleccione los parámetros requeridos: ' + ', '.join(faltan) + '.'": [
        ("Seleccione los parámetros requeridos: Régimen Aduanero, Mecanismo de Asignación.",
         ("Régimen Aduanero, Mecanismo de Asignación", "*")),
        ("Seleccione los parámetros requeridos: Mecanismo de Asignación.", ("Mecanismo de Asignación",))],
    "'La solicitud ya se firmó: ya no se le pueden agregar ni quitar certificados.'": [
        ("La solicitud ya se firmó: ya no se le pueden agregar ni quitar certificados.",
         ("certificados a cancelar",))],
    "f'El certificado {folio} ya está en los certificados a cancelar.'": [
        ("El certificado SE-A ya está en los certificados a cancelar.", ("SE-A", "Certificados a cancelar"))],
    "f'El certificado {folio} no está en los certificados a cancelar.'": [
        ("El certificado SE-A no está en los certificados a cancelar.", ("SE-A", "Certificados a cancelar"))],
    "'Agregue al menos un certificado a cancelar antes de continuar.'": [
        ("Agregue al menos un certificado a cancelar antes de continuar.",
         ("certificados a cancelar", "Siguiente"))],
    "'No hay una solicitud de cancelación en captura que firmar.'": [
        ("No hay una solicitud de cancelación en captura que firmar.", ("solicitud de cancelación",))],
    "'La solicitud cambió mientras la firmaba (se agregó o se quitó un certificado). Revise los certificados a "
    "cancelar y firme de nuevo.'": [
        ("La solicitud cambió mientras la firmaba (se agregó o se quitó un certificado). Revise los certificados "
         "a cancelar y firme de nuevo.", ("certificados a cancelar",))],
    "'Seleccione el archivo del certificado (.cer).'": [
        ("Seleccione el archivo del certificado (.cer).", ("certificado (.cer)",))],
    "'Seleccione el archivo de la clave privada (.key).'": [
        ("Seleccione el archivo de la clave privada (.key).", ("clave privada (.key)",))],
    "'Escriba la contraseña de la clave privada.'": [
        ("Escriba la contraseña de la clave privada.", ("contraseña de la clave privada",))],
    "'El certificado no fue emitido por una autoridad certificadora reconocida por la Ventanilla Única.'": [
        ("El certificado no fue emitido por una autoridad certificadora reconocida por la Ventanilla Única.",
         ("autoridad certificadora",))],
    "'El certificado no está vigente.'": [("El certificado no está vigente.", ("certificado",))],
    "'La clave privada no corresponde al certificado.'": [
        ("La clave privada no corresponde al certificado.", ("clave privada", "certificado"))],
    "'El certificado no contiene un RFC.'": [("El certificado no contiene un RFC.", ("RFC",))],
    "'La clave privada debe estar protegida con contraseña.'": [
        ("La clave privada debe estar protegida con contraseña.", ("contraseña",))],
    "'La clave privada debe ser RSA.'": [("La clave privada debe ser RSA.", ("RSA",))],
    "'La clave privada está cifrada con un método que la Ventanilla Única no admite; use la clave privada (.key) "
    "que le entregó el SAT.'": [
        ("La clave privada está cifrada con un método que la Ventanilla Única no admite; use la clave privada "
         "(.key) que le entregó el SAT.", (".key", "SAT"))],
    "f'La clave privada está cifrada con más de {MAX_ITERACIONES_CLAVE:,} iteraciones y la Ventanilla Única no "
    "la abre; use la clave privada (.key) que le entregó el SAT.'": [
        ("La clave privada está cifrada con más de 100,000 iteraciones y la Ventanilla Única no la abre; use la "
         "clave privada (.key) que le entregó el SAT.", ("100,000", ".key", "SAT"))],
    "'El archivo .cer no es un certificado de e.firma válido.'": [
        ("El archivo .cer no es un certificado de e.firma válido.", (".cer",))],
    "'El archivo .key no es una clave privada válida.'": [
        ("El archivo .key no es una clave privada válida.", (".key",))],
    "'La contraseña de la clave privada es incorrecta.'": [
        ("La contraseña de la clave privada es incorrecta.", ("contraseña",))],
    "'El certificado no es de una e.firma: sus usos no incluyen la firma digital y el no repudio. Use el "
    "certificado (.cer) de su e.firma.'": [
        ("El certificado no es de una e.firma: sus usos no incluyen la firma digital y el no repudio. Use el "
         "certificado (.cer) de su e.firma.", (".cer", "e.firma"))],
    "intento.mensaje()": [  # acceso.py: el de un freno (intentos.Freno.mensaje, abajo)
        ("Hubo demasiados intentos fallidos con esta e.firma. Por seguridad, espere 1 min y vuelva a "
         "intentarlo.", ("1 min",))],
    "f'Hubo demasiados intentos fallidos con esta e.firma. Por seguridad, espere {minutos} min y vuelva a "
    "intentarlo.'": [
        ("Hubo demasiados intentos fallidos con esta e.firma. Por seguridad, espere 15 min y vuelva a "
         "intentarlo.", ("15 min", "e.firma"))],
    "f'Hubo demasiados intentos fallidos desde esta conexión. Por seguridad, espere {minutos} min y vuelva a "
    "intentarlo.'": [
        ("Hubo demasiados intentos fallidos desde esta conexión. Por seguridad, espere 3 min y vuelva a "
         "intentarlo.", ("3 min", "conexión"))],
    "f'Capture {que}.'": [
        ("Capture el monto a favor.", ("el monto a favor",)),
        ("Capture el monto solicitado.", ("el monto solicitado",)),
        ("Capture la cantidad de la factura comercial.", ("la cantidad de la factura comercial",)),
        (f"Capture la cantidad del pedimento {P}.", (P,))],
    "f'{nombre} debe ser mayor que cero.'": [
        ("El monto a favor debe ser mayor que cero.", ("el monto a favor",)),
        (f"La cantidad del pedimento {P} debe ser mayor que cero.", (f"la cantidad del pedimento {P}",))],
    "f'{nombre} debe ser un número, con punto decimal y hasta tres decimales.'": [
        ("El monto solicitado debe ser un número, con punto decimal y hasta tres decimales.",
         ("el monto solicitado",))],
    "'La e.firma no corresponde a la que usó para iniciar la sesión. Firme con los mismos datos con que inició la "
    "sesión.'": [
        ("La e.firma no corresponde a la que usó para iniciar la sesión. Firme con los mismos datos con que "
         "inició la sesión.", ("los mismos datos con que se inició la sesión",))],
    "f'El monto a favor ({formato_monto(monto)}) excede el saldo por cancelar del certificado "
    "({formato_monto(saldo_por_cancelar)}).'": [
        ("El monto a favor (1,020.5) excede el saldo por cancelar del certificado (80.0).",
         ("1,020.500", "80.000", "monto a favor"))],
    "f'El pedimento {numero} debe tener 15 dígitos.'": [
        ("El pedimento 22 43 3456 200 debe tener 15 dígitos.", ("22 43 3456 200", "15 dígitos"))],
    "f'El pedimento {limpio} es de un año posterior al año en curso.'": [
        (f"El pedimento {P} es de un año posterior al año en curso.", (P,))],
    "f'El pedimento {limpio} indica la aduana {aduana}, que no existe.'": [
        ("El pedimento 229934562000001 indica la aduana 99, que no existe.", ("229934562000001", "99"))],
    "f'El pedimento {limpio} no indica una patente aduanal válida.'": [
        ("El pedimento 224300002000001 no indica una patente aduanal válida.", ("224300002000001",))],
    "f'El consecutivo del pedimento {limpio} debe empezar con el último dígito del año ({anio[1]}).'": [
        ("El consecutivo del pedimento 224334561000001 debe empezar con el último dígito del año (2).",
         ("224334561000001", "2"))],
    "f'Para una nueva asignación debe acreditar el ejercicio de al menos el 70% de la asignación anterior "
    "({formato_monto(minimo)} de {formato_monto(asignacion_anterior)}); los pedimentos suman "
    "{formato_monto(ejercido)}.'": [
        ("Para una nueva asignación debe acreditar el ejercicio de al menos el 70% de la asignación anterior "
         "(70.0 de 100.0); los pedimentos suman 40.0.", ("70.000", "100.000", "40.000", "70%"))],
    "f'Sólo pueden solicitar el cupo personas establecidas en México: el RFC {rfc} no es un RFC mexicano "
    "válido.'": [
        ("Sólo pueden solicitar el cupo personas establecidas en México: el RFC XAXX010101000 no es un RFC "
         "mexicano válido.", ("XAXX010101000",))],
    "'Sólo pueden solicitar el cupo personas establecidas en México: su domicilio fiscal debe estar en "
    "México.'": [
        ("Sólo pueden solicitar el cupo personas establecidas en México: su domicilio fiscal debe estar en "
         "México.", ("domicilio fiscal",))],
    "f'Indique el número y la cantidad del pedimento en «{renglon}».'": [
        (f"Indique el número y la cantidad del pedimento en «{P}».", (f"«{P}»",))],
    "f'El pedimento {limpio} está repetido.'": [(f"El pedimento {P} está repetido.", (P,))],
    "f'La solicitud {solicitud.folio} ya fue resuelta.'": [
        ("La solicitud 0402202203010000000000007 ya fue resuelta.", ("0402202203010000000000007",))],
    "f'Las solicitudes se atienden en el orden en que llegaron: resuelva primero la {antes.folio}, que llegó "
    "antes al mismo cupo.'": [
        ("Las solicitudes se atienden en el orden en que llegaron: resuelva primero la "
         "0402202203010000000000003, que llegó antes al mismo cupo.", ("0402202203010000000000003",))],
    "'Escriba el motivo del rechazo.'": [("Escriba el motivo del rechazo.", ("motivo del rechazo",))],
    "f'No hay monto que otorgar: {otorgamiento.criterio} es cero. La solicitud sólo puede rechazarse.'": [
        ("No hay monto que otorgar: el saldo del cupo es cero. La solicitud sólo puede rechazarse.",
         ("el saldo del cupo",))],
    "f'El certificado {certificado.folio} ya no tiene {formato_monto(partida.monto)} sin ejercer ni cancelar "
    "(le quedan {formato_monto(sin_ejercer)}): la solicitud sólo puede rechazarse.'": [
        ("El certificado SE-A ya no tiene 30.0 sin ejercer ni cancelar (le quedan 12.5): la solicitud sólo "
         "puede rechazarse.", ("SE-A", "30.000", "12.500"))],
    "'Seleccione el lugar de presentación: la Ventanilla Única o una Representación Federal.'": [
        ("Seleccione el lugar de presentación: la Ventanilla Única o una Representación Federal.",
         ("lugar de presentación",))],
    "'Seleccione el cupo.'": [("Seleccione el cupo.", ("cupo",))],
    "f'El cupo no tiene monto para {ahora.year}: no recibe solicitudes.'": [
        ("El cupo no tiene monto para 2024: no recibe solicitudes.", ("2024",))],
    "'Seleccione una de sus constancias de asignación.'": [
        ("Seleccione una de sus constancias de asignación.", ("constancia de asignación",))],
    "f'La solicitud de expedición se presenta en la Ventanilla Única o en la Representación Federal donde "
    "obtuvo la asignación ({asignacion.lugar}).'": [
        ("La solicitud de expedición se presenta en la Ventanilla Única o en la Representación Federal donde "
         "obtuvo la asignación (Representación Federal en Chiapas).", ("Representación Federal en Chiapas",))],
    "'Capture el número de la factura comercial.'": [
        ("Capture el número de la factura comercial.", ("número de la factura comercial",))],
    "f'El número de la factura comercial admite a lo más {LARGO_MAXIMO_DE_NUMERO_DE_FACTURA} caracteres.'": [
        ("El número de la factura comercial admite a lo más 60 caracteres.", ("60",))],
    "'Indique si adjunta conocimiento de embarque, carta de porte o guía aérea.'": [
        ("Indique si adjunta conocimiento de embarque, carta de porte o guía aérea.",
         ("conocimiento de embarque, carta de porte o guía aérea",))],
    "f'Adjunte la copia de cada pedimento: declaró {len(acreditados)} y adjuntó {len(copias)}.'": [
        ("Adjunte la copia de cada pedimento: declaró 2 y adjuntó 1.", ("2", "1", "pedimento"))],
    "'Adjunte la copia de la factura comercial.'": [
        ("Adjunte la copia de la factura comercial.", ("copia de la factura comercial",))],
    "f'Adjunte la copia del documento de transporte ({documento_transporte.lower()}).'": [
        ("Adjunte la copia del documento de transporte (guía aérea).", ("guía aérea",))],
    "f'El archivo «{nombre}» no es un PDF: adjunte la copia del documento en PDF.'": [
        ("El archivo «factura.html» no es un PDF: adjunte la copia del documento en PDF.", ("«factura.html»",))],
    "f'El archivo «{nombre}» está dañado o incompleto y no se puede abrir como PDF: adjunte otra copia del "
    "documento.'": [
        ("El archivo «guía aérea.pdf» está dañado o incompleto y no se puede abrir como PDF: adjunte otra copia "
         "del documento.", ("«guía aérea.pdf»",))],
    "f'El archivo «{nombre}» está cifrado o protegido con contraseña y no se puede revisar: adjunte un PDF sin "
    "protección.'": [
        ("El archivo «factura.pdf» está cifrado o protegido con contraseña y no se puede revisar: adjunte un PDF "
         "sin protección.", ("«factura.pdf»", "contraseña"))],
    "f'El archivo «{nombre}» es un PDF sin páginas: adjunte la copia completa del documento.'": [
        ("El archivo «pedimento-1.pdf» es un PDF sin páginas: adjunte la copia completa del documento.",
         ("«pedimento-1.pdf»", "sin páginas"))],
    "f'El archivo «{nombre}» tiene más de {MAXIMO_DE_OBJETOS:,} objetos y no se puede revisar: adjunte una copia "
    "más sencilla del documento.'": [
        ("El archivo «factura.pdf» tiene más de 20,000 objetos y no se puede revisar: adjunte una copia más "
         "sencilla del documento.", ("«factura.pdf»", "20,000"))],
    "f'El archivo «{nombre}» contiene JavaScript; adjunte un PDF sin código.'": [
        ("El archivo «x.pdf» contiene JavaScript; adjunte un PDF sin código.", ("«x.pdf»", "JavaScript"))],
    "f'El archivo «{nombre}» contiene acciones que abren programas o envían datos, o archivos incrustados; "
    "adjunte un PDF sin ellos.'": [
        ("El archivo «x.pdf» contiene acciones que abren programas o envían datos, o archivos incrustados; "
         "adjunte un PDF sin ellos.", ("«x.pdf»", "programas"))],
    "mensaje_de_horario(donde, apertura)": [
        (mensaje_de_horario(VUCEM, HORARIO.replace(hour=11)), ("Ventanilla Única", "02/03/2022", "11:00",
                                                               "las 24 horas en días hábiles", "hora del centro")),
        (mensaje_de_horario(CHIAPAS, HORARIO), ("Representación Federal en Chiapas", "02/03/2022", "09:00",
                                                "de 9:00 a 14:30, hora local, en días hábiles", "hora local"))],
    "f'El RFC {firmante.rfc} no está registrado como {quien} de la Ventanilla Única.'": [
        ("El RFC AAA010101AAA no está registrado como usuario de la Ventanilla Única.",
         ("AAA010101AAA", "usuario")),
        ("El RFC AAA010101AAA no está registrado como funcionario de la Ventanilla Única.",
         ("AAA010101AAA", "funcionario"))],
    "'La sesión se cerró.'": [("La sesión se cerró.", ("sesión",))],
    "f'Se agregó el certificado {folio} a los certificados a cancelar.'": [
        ("Se agregó el certificado SE-A a los certificados a cancelar.", ("SE-A", "Certificados a cancelar"))],
    "f'Se quitó el certificado {folio} de los certificados a cancelar.'": [
        ("Se quitó el certificado SE-A de los certificados a cancelar.", ("SE-A", "Certificados a cancelar"))],
    "'El formulario de firma está incompleto: vuelva a abrir la firma de la solicitud.'": [
        ("El formulario de firma está incompleto: vuelva a abrir la firma de la solicitud.",
         ("Firmar Solicitud",))],
    "f'La solicitud {solicitud.folio} quedó {solicitud.estado}.'": [
        ("La solicitud 0402202203010000000000007 quedó autorizada.", ("0402202203010000000000007", "se autorizó")),
        ("La solicitud 0402202203010000000000007 quedó rechazada.", ("0402202203010000000000007", "se rechazó"))],
    "'Indique si autoriza o rechaza la solicitud.'": [
        ("Indique si autoriza o rechaza la solicitud.", ("Autorizar", "Rechazar"))],
    "'El formulario está incompleto: vuelva a abrirlo y capture la solicitud.'": [
        ("El formulario está incompleto: vuelva a abrirlo y capture la solicitud.", ("formulario",))],
}


def test_cada_mensaje_del_portal_tiene_ejemplos_con_su_forma() -> None:
    """Un mensaje nuevo en el portal, sin ejemplo aquí (ni renglón en la tabla de la piel), hace fallar
    esta prueba: así ninguno llega a la piel alternativa con las palabras de la referencia."""
    mensajes = _mensajes_del_portal()
    assert sorted(set(mensajes) - set(EJEMPLOS)) == [], "mensajes del portal sin ejemplo en EJEMPLOS"
    assert sorted(set(EJEMPLOS) - set(mensajes)) == [], "ejemplos de mensajes que el portal ya no tiene"
    for codigo, ejemplos in EJEMPLOS.items():
        for ejemplo, _ in ejemplos:
            assert re.fullmatch(mensajes[codigo], ejemplo), (codigo, ejemplo)


@pytest.mark.parametrize(("ejemplo", "valores"), [e for ejemplos in EJEMPLOS.values() for e in ejemplos])
def test_cada_mensaje_de_referencia_se_reescribe_y_conserva_sus_valores(ejemplo: str,
                                                                        valores: tuple[str, ...]) -> None:
    reescrito = reescribir(ejemplo)
    assert reescrito is not None, f"la tabla de la piel no tiene el mensaje «{ejemplo}»"
    assert reescrito != ejemplo
    for valor in valores:
        assert valor in reescrito, f"«{reescrito}» perdió «{valor}»"


def test_un_mensaje_sin_renglon_se_muestra_tal_cual_y_queda_en_la_bitacora(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert para_pantalla("Un mensaje que nadie escribió.") == "Un mensaje que nadie escribió."
    assert "Un mensaje que nadie escribió." in caplog.text


def test_montos_y_estados_con_las_palabras_de_la_piel() -> None:
    assert [cantidad(Decimal("20")), cantidad("1,234.5"), cantidad(Decimal("0.125"))] == [
        "20.000", "1,234.500", "0.125"]
    assert [estado("pendiente"), estado("autorizada"), estado("rechazada")] == [
        "En espera de resolución", "Resuelta: se autorizó", "Resuelta: se rechazó"]


def test_mensajes_md_lista_cada_renglon_de_la_tabla() -> None:
    documento = (CARPETA_DE_PLANTILLAS.parent / "mensajes.md").read_text(encoding="utf-8")
    faltan = [m.referencia for m in TABLA
              if f"`{m.referencia}`" not in documento or f"`{m.alternativa}`" not in documento]
    assert faltan == []


# --- En el navegador: axe-core en las pantallas principales, desde `python -m stub_portal --piel alternativa` ---

@pytest.fixture(scope="module")
def portal_alternativo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalBajoPrueba]:
    carpeta = tmp_path_factory.mktemp("piel-en-navegador")
    buzon = BuzonSmtp().iniciar()
    arrancado = arrancar_portal_de_referencia(carpeta, buzon.direccion, None, "--piel", "alternativa")
    try:
        yield PortalBajoPrueba(arrancado.url, ApiPruebas(arrancado.url, arrancado.token))
    finally:
        arrancado.proceso.terminate()
        arrancado.proceso.wait(timeout=10)
        arrancado.lector.join(timeout=10)
        buzon.detener()


def test_la_linea_de_ordenes_arranca_la_piel_alternativa(portal_alternativo: PortalBajoPrueba) -> None:
    with urllib.request.urlopen(f"{portal_alternativo.url}/ingresar") as respuesta:
        assert "alternativa.css" in respuesta.read().decode()


@pytest.fixture(scope="module")
def pagina() -> Iterator[Page]:
    ejecutable = chromium_del_sistema(con_ventana=False)
    with sync_playwright() as playwright:
        navegador = playwright.chromium.launch(executable_path=str(ejecutable) if ejecutable else None)
        yield navegador.new_context(locale="es-MX").new_page()
        navegador.close()


def _preparar_datos(api: ApiPruebas, carpeta: Path) -> dict[str, tuple[Path, Path]]:
    """Una empresa con certificados y constancia, un dictaminador con su bandeja; sus e.firmas en archivos."""
    ac = AutoridadCertificadora()
    api.confiar_en_autoridad(ac.certificado_pem)
    archivos = {}
    for rfc, perfil in [(EMPRESA_A, "solicitante"), (DICTAMINADOR, "dictaminador")]:
        credencial = ac.emitir(rfc, f"Persona {rfc}", "secreta",
                               representante=REPRESENTANTE if perfil == "solicitante" else None)
        archivos[rfc] = credencial.guardar(carpeta, rfc)
        api.crear_usuario(rfc, perfil, f"Persona {rfc}", f"{rfc.lower()}@x.example", codigo_postal="06000",
                          calle="Avenida Uno", colonia="Centro", municipio="Cuauhtémoc",
                          entidad_federativa="Ciudad de México", numero_exterior="10")
    anio = api.ahora().year
    api.crear_cupo("C1", "Queso", "Importación", "Primero en Tiempo, Primero en Derecho", "TLC", "Guatemala",
                   "Quesos", "Fresco", "Representación Federal en Chiapas", fracciones=["0406.10.01"],
                   montos={anio: Decimal(580)}, dictaminador_rfc=DICTAMINADOR)
    api.crear_certificado("SE-A", "C1", EMPRESA_A, Decimal(100), monto_ejercido=Decimal(20))
    constancia = api.crear_asignacion("C1", EMPRESA_A, Decimal(100)).folio
    pedimento = f"{anio % 100:02d}43 3456 {anio % 10}000001"  # aduana 43, patente 3456
    api.presentar_asignacion(EMPRESA_A, "C1", Decimal(50), pedimentos=f"{pedimento} 80")
    api.presentar_expedicion(EMPRESA_A, constancia, Decimal(30), Decimal(30))
    return archivos


def _entrar(pagina: Page, url: str, archivos: tuple[Path, Path], revisadas: Revisadas) -> None:
    pagina.goto(url)
    revisar_pagina(pagina, revisadas)
    pagina.get_by_label("Certificado (.cer)").set_input_files(archivos[0])
    pagina.get_by_label("Clave privada (.key)").set_input_files(archivos[1])
    pagina.get_by_label("Contraseña de la clave privada").fill("secreta")
    pagina.get_by_role("button", name="Ingresar").click()
    expect(pagina.get_by_role("button", name="Cerrar la sesión")).to_be_visible()


def test_las_pantallas_de_la_piel_no_tienen_violaciones_de_accesibilidad(
        portal_alternativo: PortalBajoPrueba, pagina: Page, tmp_path: Path) -> None:
    url, revisadas = portal_alternativo.url, Revisadas()
    archivos = _preparar_datos(portal_alternativo.api, tmp_path)
    main = pagina.get_by_role("main")

    def revisar(ruta: str | None = None, aparte: bool = False) -> None:
        """Revisa la pantalla; `aparte`, aunque su clave sea la de otra ya revisada (otra solicitud)."""
        if ruta:
            pagina.goto(url + ruta)
        pantalla = revisar_pagina(pagina, Revisadas() if aparte else revisadas)
        if aparte and pantalla is not None:
            revisadas[f"{pantalla['clave']} #{len(revisadas)}"] = pantalla

    _entrar(pagina, f"{url}/ingresar", archivos[EMPRESA_A], revisadas)
    revisar()
    pagina.get_by_role("button", name="Cerrar la sesión").click()
    dialogo = pagina.get_by_role("dialog", name="¿Quiere salir del portal y cerrar su sesión?")
    expect(dialogo).to_be_visible()
    revisar()
    dialogo.get_by_role("button", name="No", exact=True).click()
    expect(dialogo).to_be_hidden()
    for ruta in ("/tramites", "/tramites/SE", "/tramites/SE/Cancelaciones", "/cancelacion",
                 "/cancelacion?pestana=cancelacion&buscar=1", "/cupos", "/cupos/C1", "/asignacion",
                 "/expedicion", "/nada"):
        revisar(ruta)
    pagina.goto(f"{url}/cancelacion?pestana=cancelacion")
    pagina.get_by_label("Régimen Aduanero").select_option(label="Importación")
    pagina.get_by_label("Mecanismo de Asignación").select_option(label="Primero en Tiempo, Primero en Derecho")
    pagina.get_by_role("button", name="Buscar").click()
    main.get_by_role("row", name=re.compile("^Queso ")).get_by_role("link", name="Seleccionar").click()
    main.get_by_role("row", name=re.compile("SE-A")).get_by_role("link", name="Seleccionar").click()
    pagina.get_by_label("Monto a favor", exact=True).fill("500")
    pagina.get_by_role("button", name="Agregar").click()
    expect(main.get_by_role("alert")).to_contain_text("500.000")
    revisar()
    pagina.get_by_label("Monto a favor", exact=True).fill("12.5")
    pagina.get_by_role("button", name="Agregar").click()
    expect(main.get_by_role("status")).to_contain_text("SE-A")
    revisar()
    pagina.get_by_role("button", name="Siguiente").click()
    paso = pagina.get_by_role("listitem").filter(has_text="(paso actual)")
    expect(paso).to_contain_text("Firmar Solicitud")
    # Otro verde que el de la referencia, rgb(30, 123, 52): hsl(152 80% 24%).
    expect(paso).to_have_css("background-color", "rgb(12, 110, 64)")
    revisar()
    pagina.get_by_label("Certificado (.cer)").set_input_files(archivos[EMPRESA_A][0])
    pagina.get_by_label("Clave privada (.key)").set_input_files(archivos[EMPRESA_A][1])
    pagina.get_by_label("Contraseña de la clave privada").fill("secreta")
    pagina.get_by_role("button", name="Firmar").click()
    expect(main.get_by_role("status")).to_contain_text("Número de folio de trámite")
    revisar()
    revisar("/solicitudes")
    main.get_by_role("link", name=re.compile("^0402")).first.click()
    revisar()
    pagina.get_by_role("button", name="Cerrar la sesión").click()
    pagina.get_by_role("dialog").get_by_role("button", name="Si", exact=True).click()
    expect(main.get_by_role("status")).to_have_text("Salió del portal: su sesión ya está cerrada.")
    revisar()
    _entrar(pagina, f"{url}/funcionarios/ingresar", archivos[DICTAMINADOR], revisadas)
    revisar()
    for fila in range(3):
        pagina.goto(f"{url}/funcionario/bandeja")
        main.get_by_role("link", name="Atender").nth(fila).click()
        revisar(aparte=True)
    con_violaciones = [p for p in revisadas.values() if p["violaciones"]]
    assert con_violaciones == [], "\n\n".join(mensaje_de_falla(p) for p in con_violaciones)
    assert len(revisadas) >= 24
