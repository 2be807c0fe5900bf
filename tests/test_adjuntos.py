"""Las copias adjuntas son lo que dicen ser: un PDF que se abre, con páginas y sin JavaScript. Un HTML con
nombre de factura, un PDF cifrado o uno con código se rechazan con un mensaje que nombra el archivo, y la
solicitud no se guarda (por HTTP, sobre SQLite y PostgreSQL)."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript, PageTrigger
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject
from sqlalchemy import select

from stub_portal import adjuntos
from stub_portal.adjuntos import Falla
from stub_portal.documentos import Documento, generar_pdf
from stub_portal.modelo import Solicitud
from stub_portal.reglas import ErrorCaptura
from tests.mundo import EMPRESA_A, Mundo, csrf_de
from tests.test_entrada_hostil import alertas, efirma, enviar, foto, mensaje_en_espanol, textos_de

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"

# --- PDFs de prueba ---------------------------------------------------------------------------------


def pdf(preparar: Callable[[PdfWriter], None] | None = None, paginas: int = 1) -> bytes:
    """Un PDF de pypdf con páginas en blanco; `preparar` le agrega lo que la prueba necesita."""
    escritor = PdfWriter()
    for _ in range(paginas):
        escritor.add_blank_page(612, 792)
    if preparar is not None:
        preparar(escritor)
    salida = io.BytesIO()
    escritor.write(salida)
    return salida.getvalue()


def accion_js(*, con_codigo: bool = True) -> DictionaryObject:
    accion = DictionaryObject({NameObject("/S"): NameObject("/JavaScript")})
    if con_codigo:
        accion[NameObject("/JS")] = TextStringObject("app.alert('hola');")
    return accion


def al_abrir(escritor: PdfWriter) -> None:
    escritor.root_object[NameObject("/OpenAction")] = accion_js()


def al_abrir_sin_codigo(escritor: PdfWriter) -> None:
    escritor.root_object[NameObject("/OpenAction")] = accion_js(con_codigo=False)


def flujo_de_objetos(comprimidos: dict[int, bytes]) -> bytes:
    """Un /ObjStm con esos objetos, comprimido con Flate: sus bytes no se ven en el archivo."""
    desplazamientos, datos = [], b""
    for numero, texto in comprimidos.items():
        desplazamientos.append(b"%d %d" % (numero, len(datos)))
        datos += texto + b"\n"
    encabezado = b" ".join(desplazamientos) + b"\n"
    flujo = zlib.compress(encabezado + datos)
    return (b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
            % (len(comprimidos), len(encabezado), len(flujo)) + flujo + b"\nendstream")


def pdf_crudo(objetos: dict[int, bytes], comprimidos: dict[int, bytes] | None = None) -> bytes:
    """Un PDF escrito a mano (objetos numerados de 1 en adelante, sin huecos), con su tabla de referencias
    en un flujo (/XRef); los `comprimidos`, en un flujo de objetos."""
    comprimidos, todos = comprimidos or {}, dict(objetos)
    flujo = max([*objetos, *comprimidos]) + 1
    if comprimidos:
        todos[flujo] = flujo_de_objetos(comprimidos)
    cuerpo, posiciones = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), {}
    for numero, texto in sorted(todos.items()):
        posiciones[numero] = len(cuerpo)
        cuerpo += b"%d 0 obj\n" % numero + texto + b"\nendobj\n"
    ultimo = max(todos) + 1  # la tabla de referencias es el último objeto
    posiciones[ultimo] = len(cuerpo)
    tabla = b"\x00" * 5 + b"\xff\xff" + b"".join(
        b"\x02" + flujo.to_bytes(4, "big") + list(comprimidos).index(n).to_bytes(2, "big") if n in comprimidos
        else b"\x01" + posiciones[n].to_bytes(4, "big") + b"\x00\x00" for n in range(1, ultimo + 1))
    cuerpo += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
               % (ultimo, ultimo + 1, len(tabla)) + tabla + b"\nendstream\nendobj\n")
    return bytes(cuerpo + b"startxref\n%d\n%%%%EOF\n" % posiciones[ultimo])


CATALOGO_CON_ACCION_4 = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"
PAGINAS = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGINA = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"


def sin_accion() -> bytes:
    return pdf_crudo({1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: PAGINAS, 3: PAGINA})


def js_en_flujo_de_objetos() -> bytes:
    return pdf_crudo({1: CATALOGO_CON_ACCION_4, 2: PAGINAS, 3: PAGINA},
                     {4: b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"})


# --- La revisión, como función pura ------------------------------------------------------------------

def js_en_anotacion(escritor: PdfWriter) -> None:
    escritor.add_annotation(0, DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(90), NumberObject(20)]),
        NameObject("/A"): accion_js()}))


def formulario_xfa(escritor: PdfWriter) -> None:
    """Un formulario XFA trae sus propios scripts (JavaScript o FormCalc) dentro de su XML."""
    escritor.root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): TextStringObject("<xdp:xdp/>")})


def liga_a_un_sitio(escritor: PdfWriter) -> None:
    escritor.add_uri(0, "https://www.ventanillaunica.gob.mx/", [0, 0, 90, 20])


def al_abrir_con(escritor: PdfWriter, accion: str, **valores: str) -> None:
    """Una acción al abrir el documento: /Launch, /SubmitForm, /ImportData…"""
    escritor.root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject(accion),
        **{NameObject(f"/{k}"): TextStringObject(v) for k, v in valores.items()}})


def cifrado_sin_contrasena_para_abrir(escritor: PdfWriter) -> None:
    escritor.encrypt("", owner_password="del-dueño")


ACEPTADOS = {
    "página en blanco de pypdf": pdf(),
    "tres páginas": pdf(paginas=3),
    "con una liga a un sitio (acción /URI)": pdf(liga_a_un_sitio),
    "escrito a mano, con flujo de referencias": sin_accion(),
    "el acuse del portal (reportlab, fuente TrueType, comprimido)": generar_pdf(Documento("Acuse", "Trámite")),
    "el de pdf_de_una_pagina": adjuntos.pdf_de_una_pagina("Factura comercial F-1 de la demostración"),
}


@pytest.mark.parametrize("contenido", ACEPTADOS.values(), ids=ACEPTADOS.keys())
def test_un_pdf_de_verdad_se_acepta(contenido: bytes) -> None:
    assert adjuntos.revisar_pdf(contenido) is None
    adjuntos.validar_copia("factura.pdf", contenido)


def test_pdf_de_una_pagina_lleva_el_texto_y_da_siempre_los_mismos_bytes() -> None:
    texto = "Copia de prueba: factura comercial con acentos (demostración)"
    contenido = adjuntos.pdf_de_una_pagina(texto)
    lector = PdfReader(io.BytesIO(contenido))
    assert len(lector.pages) == 1
    assert texto in lector.pages[0].extract_text()
    assert adjuntos.pdf_de_una_pagina(texto) == contenido


RECHAZADOS = {
    "HTML": (HTML, Falla.NO_ES_PDF),
    "vacío": (b"", Falla.NO_ES_PDF),
    "texto con nombre de PDF": (b"Factura comercial F-1\n", Falla.NO_ES_PDF),
    "el encabezado lejos del principio": (b"\n" * 8 + pdf(), Falla.NO_ES_PDF),
    "sólo el encabezado y texto": (b"%PDF-1.4 copia de prueba", Falla.ILEGIBLE),
    "basura después del encabezado": (b"%PDF-1.7\n" + bytes(range(256)) * 8, Falla.ILEGIBLE),
    "cortado a la mitad": (pdf()[:len(pdf()) // 2], Falla.ILEGIBLE),
    "sin el final": (pdf()[:-30], Falla.ILEGIBLE),
    "sin páginas": (pdf(paginas=0), Falla.SIN_PAGINAS),
    "cifrado con contraseña para abrir": (pdf(lambda e: e.encrypt("secreta")), Falla.CIFRADO),
    "cifrado sin contraseña para abrir": (pdf(cifrado_sin_contrasena_para_abrir), Falla.CIFRADO),
    "JavaScript en /OpenAction": (pdf(al_abrir), Falla.JAVASCRIPT),
    "JavaScript en el árbol /Names": (pdf(lambda e: e.add_open_action(JavaScript("app.alert(1)"))),
                                      Falla.JAVASCRIPT),
    "JavaScript al abrir la página (/AA)": (pdf(lambda e: e.pages[0].add_action(
        PageTrigger.OPEN, JavaScript("app.alert(1)"))), Falla.JAVASCRIPT),
    "JavaScript en una anotación": (pdf(js_en_anotacion), Falla.JAVASCRIPT),
    "acción /S /JavaScript sin /JS": (pdf(al_abrir_sin_codigo), Falla.JAVASCRIPT),
    "JavaScript con nombres escritos con #": (pdf_crudo(
        {1: CATALOGO_CON_ACCION_4, 2: PAGINAS, 3: PAGINA, 4: b"<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"}),
        Falla.JAVASCRIPT),
    "JavaScript en un flujo de objetos comprimido": (js_en_flujo_de_objetos(), Falla.JAVASCRIPT),
    "formulario XFA": (pdf(formulario_xfa), Falla.JAVASCRIPT),
    "al abrir, ejecutar un programa (/Launch)": (pdf(lambda e: al_abrir_con(e, "/Launch", F="cmd.exe")),
                                                 Falla.ACTIVO),
    "al abrir, enviar un formulario (/SubmitForm)": (pdf(lambda e: al_abrir_con(
        e, "/SubmitForm", F="https://sitio-ajeno.example/")), Falla.ACTIVO),
    "al abrir, importar datos (/ImportData)": (pdf(lambda e: al_abrir_con(e, "/ImportData", F="datos.fdf")),
                                               Falla.ACTIVO),
    "un archivo incrustado (/EmbeddedFiles)": (pdf(lambda e: e.add_attachment("pagina.html", HTML)),
                                               Falla.ACTIVO),
}



@pytest.mark.parametrize(("contenido", "falla"), RECHAZADOS.values(), ids=RECHAZADOS.keys())
def test_lo_que_no_es_un_pdf_limpio_se_rechaza(contenido: bytes, falla: Falla) -> None:
    assert adjuntos.revisar_pdf(contenido) is falla


def test_el_javascript_comprimido_no_se_ve_en_los_bytes() -> None:
    """Buscar «JavaScript» en los bytes del archivo no basta: dentro de un flujo de objetos no aparece."""
    contenido = js_en_flujo_de_objetos()
    assert b"JavaScript" not in contenido and b"/JS" not in contenido


def test_un_pdf_con_mas_objetos_que_el_maximo_no_se_revisa(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adjuntos, "MAXIMO_DE_OBJETOS", 5)
    assert adjuntos.revisar_pdf(pdf(paginas=10)) is Falla.DEMASIADOS_OBJETOS


def test_un_ciclo_de_referencias_se_recorre_una_vez() -> None:
    """/Parent de la página apunta a /Pages, que apunta a la página; y un objeto que se apunta a sí mismo."""
    ciclo = pdf_crudo({1: b"<< /Type /Catalog /Pages 2 0 R /Extra 4 0 R >>", 2: PAGINAS, 3: PAGINA,
                       4: b"<< /Yo 4 0 R /Otro [4 0 R 2 0 R] >>"})
    assert adjuntos.revisar_pdf(ciclo) is None


MENSAJES = [
    (HTML, "factura.html", "El archivo «factura.html» no es un PDF: adjunte la copia del documento en PDF."),
    (b"%PDF-1.4 copia", "factura.pdf", "El archivo «factura.pdf» está dañado o incompleto y no se puede abrir "
                                       "como PDF: adjunte otra copia del documento."),
    (pdf(paginas=0), "guia.pdf", "El archivo «guia.pdf» es un PDF sin páginas: adjunte la copia completa del "
                                 "documento."),
    (pdf(lambda e: e.encrypt("secreta")), "x.pdf", "El archivo «x.pdf» está cifrado o protegido con contraseña "
                                                   "y no se puede revisar: adjunte un PDF sin protección."),
    (pdf(al_abrir), "x.pdf", "El archivo «x.pdf» contiene JavaScript; adjunte un PDF sin código."),
    (pdf(lambda e: al_abrir_con(e, "/Launch", F="cmd.exe")), "x.pdf",
     "El archivo «x.pdf» contiene acciones que abren programas o envían datos, o archivos incrustados; "
     "adjunte un PDF sin ellos."),
]


@pytest.mark.parametrize(("contenido", "nombre", "mensaje"), MENSAJES,
                         ids=["no es PDF", "dañado", "sin páginas", "cifrado", "JavaScript", "activo"])
def test_cada_rechazo_dice_por_que_y_nombra_el_archivo(contenido: bytes, nombre: str, mensaje: str) -> None:
    with pytest.raises(ErrorCaptura) as error:
        adjuntos.validar_copia(nombre, contenido)
    assert str(error.value) == mensaje


def test_el_mensaje_de_demasiados_objetos_dice_el_maximo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adjuntos, "MAXIMO_DE_OBJETOS", 5)
    with pytest.raises(ErrorCaptura) as error:
        adjuntos.validar_copia("factura.pdf", pdf(paginas=10))
    assert str(error.value) == ("El archivo «factura.pdf» tiene más de 5 objetos y no se puede revisar: adjunte "
                                "una copia más sencilla del documento.")


# --- Por HTTP: el formulario del solicitante ----------------------------------------------------------

def _asignacion(mundo: Mundo) -> str:
    respuesta = mundo.api().post("/_pruebas/asignaciones", json={"cupo": "C1", "titular_rfc": EMPRESA_A,
                                                                  "monto": "100"})
    assert respuesta.status_code == 201, respuesta.json
    return str(respuesta.json["folio"])


def _expedicion(mundo: Mundo) -> tuple[FlaskClient, str, dict[str, Any]]:
    cliente = mundo.cliente(EMPRESA_A)
    datos = {"asignacion": _asignacion(mundo), "lugar": "Ventanilla Única", "monto": "5", "numero_factura": "F-1",
             "monto_factura": "5", "documento_transporte": "Carta de porte",
             "factura": ("factura.pdf", pdf()), "transporte": ("guia.pdf", pdf()),
             "envio": "envio-de-la-prueba-de-adjuntos", **efirma(mundo, EMPRESA_A)}
    return cliente, csrf_de(cliente.get("/expedicion")), datos


def _rechazada(mundo: Mundo, respuesta: Any, antes: dict[str, object], mensaje: str, enviados: list[str]) -> None:
    assert respuesta.status_code == 422, respuesta.text[:600]
    assert mensaje in alertas(respuesta)
    mensaje_en_espanol(respuesta, enviados)
    assert foto(mundo) == antes
    assert [s.tramite for s in mundo.solicitudes()] == []


NO_ES_PDF = "El archivo «{}» no es un PDF: adjunte la copia del documento en PDF."
CON_JAVASCRIPT = "El archivo «{}» contiene JavaScript; adjunte un PDF sin código."


@pytest.mark.parametrize(("campo", "nombre", "contenido", "mensaje"), [
    ("factura", "factura.html", HTML, NO_ES_PDF),
    ("factura", "factura.pdf", HTML, NO_ES_PDF),
    ("factura", "factura.pdf", pdf(al_abrir), CON_JAVASCRIPT),
    ("transporte", "carta de porte.pdf", pdf(lambda e: e.add_open_action(JavaScript("app.alert(1)"))),
     CON_JAVASCRIPT),
    ("transporte", "guia.html", HTML, NO_ES_PDF),
], ids=["factura en HTML", "HTML con nombre de PDF", "factura con JavaScript al abrir",
        "transporte con JavaScript en /Names", "transporte en HTML"])
def test_una_copia_que_no_es_un_pdf_limpio_no_deja_presentar_la_expedicion(
        mundo: Mundo, campo: str, nombre: str, contenido: bytes, mensaje: str) -> None:
    cliente, testigo, datos = _expedicion(mundo)
    datos[campo] = (nombre, contenido)
    antes = foto(mundo)
    respuesta = enviar(cliente, "/expedicion", testigo, datos)
    _rechazada(mundo, respuesta, antes, mensaje.format(nombre), textos_de(datos))


def test_la_copia_de_un_pedimento_con_javascript_no_deja_presentar_la_asignacion(mundo: Mundo) -> None:
    cliente = mundo.cliente(EMPRESA_A)
    pagina = cliente.get("/asignacion")
    anio = mundo.app.extensions["portal"].reloj.ahora().year % 100
    numero = f"{anio:02d}433456{anio % 10}000001"  # aduana 43, patente 3456, consecutivo del año
    datos = {"cupo": "C1", "lugar": "Ventanilla Única", "monto": "5", "pedimentos": f"{numero} 10",
             "copias_pedimentos": ("pedimento.pdf", js_en_flujo_de_objetos()),
             "envio": "envio-de-la-prueba-de-adjuntos", **efirma(mundo, EMPRESA_A)}
    antes = foto(mundo)
    respuesta = enviar(cliente, "/asignacion", csrf_de(pagina), datos)
    _rechazada(mundo, respuesta, antes, CON_JAVASCRIPT.format("pedimento.pdf"), textos_de(datos))
    datos["copias_pedimentos"] = ("pedimento.pdf", pdf())
    assert enviar(cliente, "/asignacion", csrf_de(pagina), datos).status_code == 302
    assert [s.tramite for s in mundo.solicitudes()] == ["asignacion"]


def test_las_copias_en_pdf_se_aceptan_y_se_guardan_tal_cual(mundo: Mundo) -> None:
    cliente, testigo, datos = _expedicion(mundo)
    factura, transporte = pdf(paginas=2), sin_accion()
    respuesta = enviar(cliente, "/expedicion", testigo, {**datos, "factura": ("factura.pdf", factura),
                                                         "transporte": ("carta.pdf", transporte)})
    assert respuesta.status_code == 302, respuesta.text[:600]
    guardadas = mundo.consultar(lambda s: [(x.tramite, sorted(a.contenido for a in x.adjuntos))
                                           for x in s.scalars(select(Solicitud))])
    assert guardadas == [("expedicion", sorted([factura, transporte]))]
