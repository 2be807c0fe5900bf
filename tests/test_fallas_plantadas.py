"""Revisar un mensaje por su sentido no es dejar pasar cualquier cosa: cada falla plantada en una copia del
portal (una línea cambiada) hace fallar, sin catálogo de mensajes (--mensajes sentido), el escenario que
la vigila, y sólo ése de los que se corren.

Las fallas son de las que un portal que se aparta de los documentos tendría: un aviso que nombra otro
parámetro u otro saldo, otro color en el paso en que se va, el * de los requeridos que falta, la
confirmación del cierre sin «Si», la prelación que señala otra solicitud, una copia adjunta que no llega
como se adjuntó, la descripción de una fracción que no es la de la ficha, un certificado que en un
renglón dice otro monto que el otorgado. Se corren con --despliegues.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fixtures.conformidad_de_despliegues import ESPERA_DE_UNA_COPIA_ROTA, RAIZ, romper

pytestmark = pytest.mark.despliegue

# (archivo, texto de antes, texto de después), las características, qué escenarios correr (-k) y los que deben
# fallar (por una parte de su título): ésos, y ningún otro de los que se corren
FALLAS = {
    "el aviso nombra otro parámetro requerido": (
        ("stub_portal/cancelaciones.py", '"Seleccione los parámetros requeridos: " + ", ".join(faltan)',
         '"Seleccione los parámetros requeridos: " + "Régimen Aduanero"'),
        "captura_de_la_cancelacion.feature", "parámetro_requerido_se_rechaza",
        ("Mecanismo de Asignación",)),
    "el aviso de un monto excesivo nombra otro saldo": (
        ("stub_portal/reglas.py", 'f"certificado ({formato_monto(saldo_por_cancelar)}).',
         'f"certificado ({formato_monto(monto)}).'),
        "saldo_por_cancelar.feature", "milésima or todo_lo_que_tiene", ("milésima",)),
    "el paso en que se va no está en verde": (
        ("stub_portal/static/estilo.css", ".pasos li.actual { background: rgb(30, 123, 52);",
         ".pasos li.actual { background: rgb(30, 60, 160);"),
        "menu_de_tramites.feature", "dos_pestañas or ofrece_la_cancelación", ("sus dos pestañas",)),
    "los requeridos no llevan *": (
        ("stub_portal/templates/cancelacion/captura.html", '{% if requerido %} <abbr title="requerido">*</abbr>',
         '{% if false %} <abbr title="requerido">*</abbr>'),
        "captura_de_la_cancelacion.feature", "marcados_con or parámetro_requerido_se_rechaza",
        ("están marcados con *",)),
    "la confirmación del cierre no ofrece «Si»": (
        ("stub_portal/templates/base.html", '<button type="submit">Sí</button>',
         '<button type="submit">Aceptar</button>'),
        "inicio_de_sesion.feature", "cerrar_la_sesión or confirmar_con or responder_no",
        ("Al pedir cerrar la sesión", "Al confirmar con «Si»")),
    "la prelación señala otra solicitud": (
        ("stub_portal/resoluciones.py", 'f"{antes.folio}, que llegó antes al mismo cupo."',
         'f"{solicitud.folio}, que llegó antes al mismo cupo."'),
        "orden_de_llegada.feature", "orden_en_que_llegaron or resuelta_la_primera",
        ("en el orden en que llegaron",)),
    "una copia adjunta le llega alterada al dictaminador": (
        ("stub_portal/vistas/funcionario.py", "return descarga(archivo.contenido, archivo.nombre",
         "return descarga(archivo.contenido[:-1], archivo.nombre"),
        "expedicion_de_certificado.feature", "copias_tal_como or sin_su_constancia",
        ("tal como la empresa las adjuntó",)),
    "la descripción de una fracción arancelaria, recortada": (
        ("stub_portal/datos/cupos.json", '"Tipo Egmont, cuyas características sean:', '"Tipo Egmont. Sean:'),
        "consulta_del_cupo.feature", "fracciones or mecanismo", ("fracciones arancelarias",)),
    "el certificado dice en un renglón otro monto que el otorgado": (
        ("stub_portal/resoluciones.py", 'f"Monto expedido: {formato_monto(otorgamiento.monto)}',
         'f"Monto expedido: {formato_monto(solicitud.monto_solicitado or otorgamiento.monto)}'),
        "monto_del_certificado.feature", "menor_de_los_términos", ("se expide por el menor",)),
}


@pytest.mark.parametrize("falla", FALLAS)
def test_una_falla_plantada_hace_fallar_el_escenario_que_la_vigila(falla: str, tmp_path: Path) -> None:
    rotura, caracteristica, seleccion, deben_fallar = FALLAS[falla]
    romper(tmp_path, rotura)
    junit = tmp_path / "junit.xml"
    entorno = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    corrida = subprocess.run(
        [sys.executable, "-m", "pytest", *(f"features/{c}" for c in caracteristica.split()), "-k", seleccion,
         "-p", "no:xdist", "--mensajes", "sentido", "--traza", "no", "--espera", ESPERA_DE_UNA_COPIA_ROTA,
         "--junitxml", str(junit), "--output", str(tmp_path / "salida"),
         "--cucumberjson", str(tmp_path / "cucumber.json"), "--documentacion", str(tmp_path / "doc")],
        cwd=RAIZ, env=entorno, capture_output=True, text=True, timeout=600)
    casos = ET.parse(junit).getroot().iter("testcase")
    resultados = {caso.get("name", ""): caso.find("failure") is None and caso.find("error") is None
                  for caso in casos}
    fallidos = [nombre for nombre, paso in resultados.items() if not paso]
    assert corrida.returncode == 1, corrida.stdout[-3000:]
    assert all(any(parte in nombre for parte in deben_fallar) for nombre in fallidos), fallidos
    assert all(any(parte in nombre for nombre in fallidos) for parte in deben_fallar), fallidos
    assert len(fallidos) < len(resultados), resultados  # los demás de la selección siguen pasando
