"""El perfil del objetivo (fixtures/objetivo.py): qué dice, qué rechaza y cómo llena las opciones."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.objetivo import PerfilDelObjetivo, PerfilInvalido, cargar

pytest_plugins = ["pytester"]

RAIZ = Path(__file__).resolve().parents[1]
COMPLETO = """
[portal]
url = "https://portal.ejemplo:8443/"
compilacion = "2026.12.1"

[datos]
modo = "api"

[correo]
buzon = "servicio"
servicio = "http://buzon.ejemplo:8025"

[reloj]
fijable = false

[navegador]
remoto = "ws://127.0.0.1:3000/"
"""


def _perfil(tmp_path: Path, texto: str) -> Path:
    ruta = tmp_path / "perfil.toml"
    ruta.write_text(texto, encoding="utf-8")
    return ruta


def test_un_perfil_completo_fija_cada_opcion(tmp_path: Path) -> None:
    objetivo = cargar(_perfil(tmp_path, COMPLETO))
    assert objetivo.opciones() == {
        "portal_url": "https://portal.ejemplo:8443",
        "compilacion_del_portal": "2026.12.1",
        "buzon_servicio": "http://buzon.ejemplo:8025",
        "navegador_remoto": "ws://127.0.0.1:3000/",
    }
    assert objetivo.reloj.fijable is False


def test_el_perfil_del_portal_de_referencia_equivale_a_no_dar_objetivo() -> None:
    assert cargar(RAIZ / "fixtures" / "objetivos" / "referencia.toml") == PerfilDelObjetivo()
    assert PerfilDelObjetivo().opciones() == {}


@pytest.mark.parametrize(("texto", "dice"), [
    ("[portal]\nurl = \"portal.ejemplo\"\n", "portal.url: debe empezar con http:// o https://"),
    ("[portal]\ndireccion = \"http://x\"\n", "portal.direccion: no es un dato que el perfil conozca"),
    ("[datos]\nmodo = \"magia\"\n", "datos.modo: valor no admitido"),
    ("[datos]\ntoken = \"a\"\ntoken_env = \"HOME\"\n", "datos: diga el token de la API con token o con token_env"),
    ("[datos]\ntoken_env = \"NO_DEFINIDA_EN_NINGUN_LADO\"\n", "la variable de entorno NO_DEFINIDA_EN_NINGUN_LADO"),
    ("[correo]\nbuzon = \"servicio\"\n", "hace falta servicio"),
    ("[correo]\nservicio = \"http://b:8025\"\n", "servicio es para buzon = \"servicio\""),
    ("[reloj]\nfijable = \"tal vez\"\n", "reloj.fijable"),
    ("[navegador]\nremoto = \"http://x\"\n", "navegador.remoto: debe ser «local» o una dirección ws://…"),
    ("[portal\n", "no es TOML válido"),
])
def test_un_perfil_con_problemas_dice_cuales(tmp_path: Path, texto: str, dice: str) -> None:
    with pytest.raises(PerfilInvalido, match="perfil") as error:
        cargar(_perfil(tmp_path, texto))
    assert dice in str(error.value)


def test_un_perfil_que_no_existe(tmp_path: Path) -> None:
    with pytest.raises(PerfilInvalido, match="No existe el perfil"):
        cargar(tmp_path / "no-esta.toml")


PRUEBA_DE_OPCIONES = """
from fixtures.objetivo import objetivo_de

def test_opciones(pytestconfig):
    objetivo = objetivo_de(pytestconfig)
    print("portal_url=", objetivo.portal.url)
    print("compilacion=", objetivo.portal.compilacion)
    print("navegador_remoto=", objetivo.navegador.remoto)
    print("buzon_servicio=", objetivo.correo.servicio)
    print("opcion_navegador_remoto=", pytestconfig.getoption("--navegador-remoto"))
"""


def test_el_perfil_llena_las_opciones_y_la_linea_de_ordenes_gana(pytester: pytest.Pytester,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(RAIZ))
    pytester.makepyfile(test_opciones=PRUEBA_DE_OPCIONES)
    perfil = _perfil(pytester.path, COMPLETO)
    plugins = ("-p", "fixtures.objetivo", "-p", "fixtures.portal", "-p", "fixtures.correo",
               "-p", "fixtures.navegador", "-s", "-p", "no:cacheprovider")
    salida = pytester.runpytest_subprocess(*plugins, "--objetivo", str(perfil),
                                           "--portal-url", "http://otro:9000")
    salida.assert_outcomes(passed=1)
    salida.stdout.fnmatch_lines(["*portal_url= http://otro:9000*", "*compilacion= 2026.12.1*",
                                 "*navegador_remoto= ws://127.0.0.1:3000/*",
                                 "*buzon_servicio= http://buzon.ejemplo:8025*",
                                 "*opcion_navegador_remoto= None*"])  # el perfil no reescribe las opciones
    otra = pytester.runpytest_subprocess(*plugins, "--objetivo", str(perfil), "--compilacion-del-portal", "7")
    otra.stdout.fnmatch_lines(["*compilacion= 7*"])
    mal = pytester.runpytest_subprocess(*plugins, "--objetivo", str(_perfil(pytester.path, "[x]\n")))
    assert mal.ret == pytest.ExitCode.USAGE_ERROR
    mal.stderr.fnmatch_lines(["*x: no es un dato que el perfil conozca*"])


def test_sin_reloj_fijable_los_escenarios_que_lo_fijan_no_se_corren_y_dicen_por_que(
        tmp_path: Path) -> None:
    """Contra el portal de referencia, con un perfil que no deja fijar el reloj: los escenarios que lo
    fijan quedan sin correr con el motivo; los demás pasan."""
    perfil = _perfil(tmp_path, "[reloj]\nfijable = false\n")
    salida = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", "--objetivo", str(perfil),
         "--output", str(tmp_path / "salida"), "--cucumberjson", str(tmp_path / "c.json"),
         "--junitxml", str(tmp_path / "j.xml"), "features/acuse_de_recepcion.feature",
         "features/horario_de_recepcion.feature"],
        cwd=RAIZ, capture_output=True, text=True, check=False)
    assert salida.returncode == 0, salida.stdout[-3000:] + salida.stderr[-3000:]
    assert re.search(r"\b3 passed, \d+ skipped\b", salida.stdout), salida.stdout[-3000:]
    assert "necesita fijar el reloj del portal, y el objetivo no lo permite" in salida.stdout


def test_la_raiz_de_los_documentos_se_lee_junto_al_perfil(tmp_path: Path) -> None:
    (tmp_path / "raiz.pem").write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    objetivo = cargar(_perfil(tmp_path, '[portal]\nraiz_de_documentos = "raiz.pem"\n'))
    assert objetivo.portal.raiz_de_documentos == tmp_path / "raiz.pem"
    with pytest.raises(PerfilInvalido, match="portal.raiz_de_documentos: no existe el archivo"):
        cargar(_perfil(tmp_path, '[portal]\nraiz_de_documentos = "otra.pem"\n'))


def test_el_token_de_la_api_sale_del_perfil_o_de_la_variable(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CUPOS_API_DE_PRUEBAS_TOKEN", "el-de-la-variable")
    monkeypatch.setenv("TOKEN_DEL_QA", "el-de-otra-variable")
    assert cargar(_perfil(tmp_path, COMPLETO)).datos.token_de_la_api() == "el-de-la-variable"
    con_env = COMPLETO.replace('modo = "api"', 'modo = "api"\ntoken_env = "TOKEN_DEL_QA"')
    assert cargar(_perfil(tmp_path, con_env)).datos.token_de_la_api() == "el-de-otra-variable"
    escrito = COMPLETO.replace('modo = "api"', 'modo = "api"\ntoken = "el-del-perfil"')
    assert cargar(_perfil(tmp_path, escrito)).datos.token_de_la_api() == "el-del-perfil"
    monkeypatch.delenv("CUPOS_API_DE_PRUEBAS_TOKEN")
    assert cargar(_perfil(tmp_path, COMPLETO)).datos.token_de_la_api() is None
