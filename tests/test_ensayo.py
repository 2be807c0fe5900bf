"""El ensayo en seco: la especificación no tiene pasos sin definir, y el informe dice qué falta y dónde."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytest_bdd import parsers

from cupos_conformidad.ensayo import RAIZ, ensayar, main

DATOS = Path(__file__).parent / "datos_ensayo"
PASOS = ["tests.datos_ensayo.pasos"]


@pytest.fixture(autouse=True)
def desde_la_raiz(monkeypatch: pytest.MonkeyPatch) -> None:
    """El informe da las rutas relativas a la carpeta de trabajo."""
    monkeypatch.chdir(RAIZ)


def test_cada_paso_de_la_especificacion_tiene_su_definicion() -> None:
    resultado = subprocess.run([sys.executable, "-m", "cupos_conformidad.ensayo"], capture_output=True, text=True,
                               cwd=RAIZ, timeout=120)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    assert ": 0 errores, 0 pasos sin definir." in resultado.stdout.splitlines()[0]


def test_la_especificacion_se_lee_entera() -> None:
    informe = ensayar(RAIZ / "features")
    assert informe.errores == [] and informe.sin_definir == {} and informe.sin_escenarios == []
    assert informe.caracteristicas == len(list((RAIZ / "features").rglob("*.feature")))
    assert informe.pasos > informe.escenarios > informe.caracteristicas


def test_con_todo_definido_sale_con_cero_y_avisa_lo_que_sobra() -> None:
    informe = ensayar(DATOS / "completa", PASOS)
    assert informe.codigo_de_salida == 0
    # Un escenario y un esquema con dos ejemplos; los antecedentes, en cada uno.
    assert (informe.escenarios, informe.pasos) == (3, 15)
    assert [d.patron for d in informe.sin_usar] == ["que el reloj marca la apertura",
                                                    "una definición que ningún paso usa"]
    assert informe.texto().splitlines()[0] == (
        "1 característica, 3 escenarios, 15 pasos revisados con 7 definiciones: 0 errores, 0 pasos sin definir.")
    assert "tests/datos_ensayo/pasos.py:38  @then 'una definición que ningún paso usa'" in informe.texto()


def test_un_paso_sin_definir_da_su_lugar_y_una_definicion_para_pegar() -> None:
    informe = ensayar(DATOS / "sin_definir.feature", PASOS)
    assert informe.codigo_de_salida == 1
    assert informe.sin_definir == {
        "@when(parsers.parse('la empresa cancela el certificado \"{certificado}\" por {monto:d} toneladas'))\n"
        "def la_empresa_cancela_el_certificado(certificado: str, monto: int) -> None:\n"
        "    raise NotImplementedError": [
            'tests/datos_ensayo/sin_definir.feature:7  Cuando la empresa cancela el certificado "SE-1" '
            "por 100 toneladas"],
    }
    assert "Pasos sin definir (1); 1 definición para pegar:" in informe.texto()


def test_la_definicion_propuesta_acepta_el_paso() -> None:
    (fragmento,) = ensayar(DATOS / "sin_definir.feature", PASOS).sin_definir
    patron = fragmento.split("parsers.parse('")[1].split("'))")[0]
    assert parsers.parse(patron).parse_arguments(
        'la empresa cancela el certificado "SE-1" por 100 toneladas') == {"certificado": "SE-1", "monto": 100}
    compile(fragmento, "fragmento", "exec")


def test_en_un_esquema_la_definicion_usa_las_columnas_de_los_ejemplos() -> None:
    fragmentos = list(ensayar(DATOS / "esquema.feature", PASOS).sin_definir)
    assert fragmentos == [
        '@when(parsers.parse("el dictaminador {decision} la solicitud"))\n'
        "def el_dictaminador(decision: str) -> None:\n"
        "    raise NotImplementedError",
        "@then(parsers.parse('la solicitud queda \"{estado}\" con {monto1:d} toneladas, a {monto2} por ciento'))\n"
        "def la_solicitud_queda(estado: str, monto1: int, monto2: str, datatable: list[list[str]]) -> None:\n"
        "    raise NotImplementedError",
    ]


def test_un_error_de_sintaxis_da_archivo_y_linea() -> None:
    informe = ensayar(DATOS / "sintaxis.feature", PASOS)
    assert informe.codigo_de_salida == 1
    assert informe.errores == ["tests/datos_ensayo/sintaxis.feature:7: error de sintaxis: "
                               "las filas de la tabla no tienen el mismo número de celdas"]


def test_un_paso_dado_no_sirve_para_un_cuando() -> None:
    """`Y` hereda el tipo del paso anterior: el de la línea 6 es Dado y sí tiene definición."""
    informe = ensayar(DATOS / "tipos.feature", PASOS)
    assert informe.codigo_de_salida == 1
    assert list(informe.sin_definir.values()) == [
        ["tests/datos_ensayo/tipos.feature:7  Cuando que el reloj marca la apertura"]]
    assert next(iter(informe.sin_definir)).startswith('@when("que el reloj marca la apertura")')


@pytest.mark.parametrize(("texto", "error"), [
    ("# language: es\nCaracterística: X\n\n  Escenario: Y\n    Y una empresa registrada\n",
     ":5: el primer paso de un escenario o de unos antecedentes debe ser Dado, Cuando o Entonces"),
    ("Característica: X\n\n  Escenario: Y\n    Dado una empresa registrada\n",
     ":1: error de sintaxis: se esperaba: #EOF, #Language, #TagLine, #FeatureLine, #Comment, #Empty, pero dice "
     "'Característica: X' (falta «# language: es» al principio)"),
])
def test_lo_que_pytest_bdd_no_puede_leer_es_un_error(tmp_path: Path, texto: str, error: str) -> None:
    archivo = tmp_path / "x.feature"
    archivo.write_text(texto, encoding="utf-8")
    informe = ensayar(archivo, PASOS)
    assert informe.codigo_de_salida == 1
    assert informe.errores[0].startswith(f"{archivo}{error}")


def test_un_archivo_sin_escenarios_se_avisa(tmp_path: Path) -> None:
    """Un «Escenario» mal escrito se lee como descripción: pytest-bdd no correría nada."""
    archivo = tmp_path / "x.feature"
    archivo.write_text("# language: es\nCaracterística: X\n\n  Escenari: Y\n    Dado una empresa registrada\n",
                       encoding="utf-8")
    informe = ensayar(archivo, PASOS)
    assert (informe.codigo_de_salida, informe.sin_escenarios) == (0, [str(archivo)])


def test_codigos_de_salida_del_comando(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(DATOS / "sintaxis.feature")]) == 1
    assert "sintaxis.feature:7: error de sintaxis" in capsys.readouterr().out
    assert main([str(DATOS / "no_existe")]) == 2
    assert "No hay archivos .feature" in capsys.readouterr().err
    with pytest.raises(SystemExit) as salida:
        main(["--opcion-desconocida"])
    assert salida.value.code == 2


def test_la_caracteristica_del_banco_corre_con_los_pasos_de_hoy() -> None:
    """bench/navegador/cancelacion.feature sólo usa frases de steps/: si una cambia, el banco no mide nada."""
    from bench.navegador.escenario import revisar_pasos

    revisar_pasos()  # sale con SystemExit y lo que falta si algún paso no tiene definición
