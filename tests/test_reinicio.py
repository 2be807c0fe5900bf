"""El portal guarda sus datos entre arranques, en SQLite y en PostgreSQL: un arranque sobre una base
ya usada es un arranque normal, y las sesiones abiertas siguen abiertas."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import requests
from sqlalchemy import create_engine, func, select
from sqlalchemy.pool import NullPool

from fixtures.portal import arrancar_portal_de_referencia
from sat_pruebas import AutoridadCertificadora
from stub_portal.modelo import Cupo, MontoAnual, Usuario
from tests.mundo import puerto_sin_servidor
from tests.navegador_http import ApiHttp


def _preparar(url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stub_portal", "--preparar", "--db", url],
                          capture_output=True, text=True, timeout=120)


def _contar(url: str, consulta: object) -> int:
    motor = create_engine(url, poolclass=NullPool)
    try:
        with motor.connect() as conexion:
            return int(conexion.scalar(consulta))  # type: ignore[arg-type]
    finally:
        motor.dispose()


def test_preparar_la_base_dos_veces_no_duplica_el_catalogo(url_de_base: str) -> None:
    for _ in range(2):
        resultado = _preparar(url_de_base)
        assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    montos = select(func.count()).select_from(MontoAnual).join(Cupo).where(Cupo.clave == "SE-CUPO-GT-QUESO")
    assert _contar(url_de_base, montos) == 10  # CUP-01: de 2013 a 2022, una vez cada año


def _entrar(sesion: requests.Session, url: str, ac: AutoridadCertificadora, rfc: str) -> requests.Response:
    credencial = ac.emitir(rfc, f"Persona {rfc}", "secreta")
    pagina = sesion.get(f"{url}/ingresar", timeout=30)
    testigo = re.search(r'name="csrf_token" value="([^"]+)"', pagina.text)
    assert testigo is not None
    return sesion.post(f"{url}/ingresar", timeout=30, allow_redirects=False,
                       data={"contrasena": "secreta", "csrf_token": testigo.group(1)},
                       files={"certificado": ("a.cer", credencial.cer),
                              "clave_privada": ("a.key", credencial.key)})


def test_el_portal_arranca_otra_vez_sobre_su_base_con_los_datos_y_las_sesiones(
        url_de_base: str, tmp_path: Path, ac: AutoridadCertificadora) -> None:
    smtp = f"127.0.0.1:{puerto_sin_servidor()}"
    arrancado = arrancar_portal_de_referencia(tmp_path, smtp, url_de_base)
    proceso, lector, url = arrancado.proceso, arrancado.lector, arrancado.url
    navegador, api = requests.Session(), ApiHttp(url, arrancado.token)
    try:
        assert api.post("/autoridades", {"certificado_pem": ac.certificado_pem}).status_code == 201
        assert api.post("/usuarios", {"rfc": "AAA010101AAA", "perfil": "solicitante", "nombre": "Empresa A",
                                      "correo": "a@x.example"}).status_code == 201
        assert _entrar(navegador, url, ac, "AAA010101AAA").status_code == 302
    finally:
        proceso.terminate()
        proceso.wait(timeout=30)
        lector.join(timeout=10)
    arrancado = arrancar_portal_de_referencia(tmp_path, smtp, url_de_base)
    proceso, lector, url = arrancado.proceso, arrancado.lector, arrancado.url
    try:
        inicio = navegador.get(f"{url}/inicio", timeout=30, allow_redirects=False)
        assert inicio.status_code == 200, "la sesión no sobrevivió al reinicio"
        assert _contar(url_de_base, select(func.count()).select_from(Usuario)) == 1
    finally:
        proceso.terminate()
        proceso.wait(timeout=30)
        lector.join(timeout=10)
