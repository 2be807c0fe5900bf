"""Un portal de referencia listo para probarlo por HTTP con el cliente de Flask: base real (SQLite o
PostgreSQL), preparada como en un despliegue, API de pruebas, un cupo, dos empresas con un
certificado cada una y un dictaminador. Los formularios llevan su testigo CSRF, como en un navegador."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from fixtures.correo import BuzonSmtp
from sat_pruebas import AutoridadCertificadora, Credencial, Representante
from stub_portal import base_de_datos
from stub_portal.app import create_app
from stub_portal.modelo import Certificado, Solicitud

CLAVE_SECRETA = "clave-secreta-de-pruebas-" + "x" * 32
TOKEN_API = "token-de-la-api-de-pruebas-" + "t" * 32
EMPRESA_A, EMPRESA_B, DICTAMINADOR = "AAA010101AAA", "BBB010101BBB", "DIC800101AB1"
# Las e.firmas de las empresas, como las del SAT, llevan el RFC y la CURP del representante legal.
REPRESENTANTE = Representante("ROPJ800101AB1", "ROPJ800101HDFDRN09")
_TESTIGO = re.compile(r'name="csrf_token" value="([^"]+)"')


def puerto_sin_servidor() -> int:
    buzon = BuzonSmtp().iniciar()
    puerto = int(buzon.direccion.rpartition(":")[2])
    buzon.detener()
    return puerto


def csrf_de(respuesta: TestResponse) -> str:
    hallado = _TESTIGO.search(respuesta.text)
    assert hallado, f"la página no trae testigo CSRF:\n{respuesta.text[:400]}"
    return hallado.group(1)


class Mundo:
    def __init__(self, url: str, ac: AutoridadCertificadora, **configuracion: Any) -> None:
        self.url = url
        self.puerto_smtp = puerto_sin_servidor()
        base_de_datos.preparar(url)
        self.app: Flask = create_app({
            "BASE_DE_DATOS": url, "SMTP": f"127.0.0.1:{self.puerto_smtp}", "API_DE_PRUEBAS": True,
            "SECRET_KEY": CLAVE_SECRETA, "TOKEN_API_DE_PRUEBAS": TOKEN_API, **configuracion,
        })
        self.token = TOKEN_API
        api = self.api()
        assert api.post("/_pruebas/autoridades", json={"certificado_pem": ac.certificado_pem}).status_code == 201
        self.efirmas: dict[str, Credencial] = {}
        for rfc, perfil in [(EMPRESA_A, "solicitante"), (EMPRESA_B, "solicitante"),
                            (DICTAMINADOR, "dictaminador"), ("OTR800101AB1", "dictaminador"),
                            ("NIV800101AB1", "nivel_central")]:
            self.efirmas[rfc] = ac.emitir(rfc, f"Persona {rfc}", "secreta",
                                          representante=REPRESENTANTE if perfil == "solicitante" else None)
            respuesta = api.post("/_pruebas/usuarios", json={
                "rfc": rfc, "perfil": perfil, "nombre": f"Persona {rfc}", "correo": f"{rfc.lower()}@x.example",
                "codigo_postal": "06000"})
            assert respuesta.status_code == 201, respuesta.json
        assert api.post("/_pruebas/cupos", json={
            "clave": "C1", "nombre": "Queso", "regimen": "Importación",
            "mecanismo": "Primero en Tiempo, Primero en Derecho", "tratado": "TLC",
            "pais_origen": "Guatemala", "producto": "Quesos", "subproducto": "Fresco",
            "representacion_federal": "RF Chiapas", "monto_total": "580",
            "dictaminador_rfc": DICTAMINADOR}).status_code == 201
        for folio, rfc in [("SE-A", EMPRESA_A), ("SE-B", EMPRESA_B)]:
            assert api.post("/_pruebas/certificados", json={
                "folio": folio, "cupo": "C1", "titular_rfc": rfc, "monto_expedido": "100",
                "monto_ejercido": "20"}).status_code == 201

    def cerrar(self) -> None:
        self.app.extensions["portal"].sesiones.cerrar()

    def api(self) -> FlaskClient:
        """Un cliente de la API de pruebas, con el token del despliegue."""
        cliente = self.app.test_client()
        cliente.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {self.token}"
        return cliente

    # --- la base, para ver lo que quedó ------------------------------------------------------------

    def consultar(self, consulta: Callable[[Session], Any]) -> Any:
        with self.app.extensions["portal"].sesiones.lectura() as sesion:
            return consulta(sesion)

    def solicitudes(self, estado: str | None = None) -> list[Solicitud]:
        return self.consultar(lambda s: list(s.scalars(
            select(Solicitud).where(Solicitud.estado == estado) if estado else select(Solicitud))))

    def cancelado(self, folio: str) -> Decimal:
        return self.consultar(lambda s: s.scalars(
            select(Certificado.monto_cancelado).where(Certificado.folio == folio)).one())

    # --- un usuario en su navegador ----------------------------------------------------------------

    def efirma(self, rfc: str) -> dict[str, object]:
        credencial = self.efirmas[rfc]
        return {"certificado": (io.BytesIO(credencial.cer), "a.cer"),
                "clave_privada": (io.BytesIO(credencial.key), "a.key"), "contrasena": "secreta"}

    def cliente(self, rfc: str) -> FlaskClient:
        cliente = self.app.test_client()
        funcionario = rfc not in (EMPRESA_A, EMPRESA_B)
        ruta = "/funcionarios/ingresar" if funcionario else "/ingresar"
        datos = {**self.efirma(rfc), "csrf_token": csrf_de(cliente.get(ruta))}
        respuesta = cliente.post(ruta, data=datos, content_type="multipart/form-data")
        assert respuesta.status_code == 302, respuesta.text
        return cliente

    def otra_pestana(self, cliente: FlaskClient) -> FlaskClient:
        """Otro cliente con la misma cookie de sesión: otra pestaña del mismo navegador."""
        pestana = self.app.test_client()
        cookie = cliente.get_cookie("session")
        assert cookie is not None
        pestana.set_cookie("session", cookie.value)
        return pestana

    def agregar(self, cliente: FlaskClient, folio: str, monto: str) -> TestResponse:
        pagina = cliente.get("/cancelacion?pestana=cancelacion")
        return cliente.post("/cancelacion/certificados",
                            data={"certificado": folio, "monto": monto, "csrf_token": csrf_de(pagina)})

    def formulario_de_firma(self, cliente: FlaskClient, rfc: str) -> dict[str, object]:
        """Lo que manda el botón «Firmar» de la página de firma tal como se ve ahora."""
        pagina = cliente.get("/cancelacion/firma")
        assert pagina.status_code == 200, pagina.text
        campos = dict(re.findall(r'name="(solicitud|version)" value="(\d+)"', pagina.text))
        return {**campos, "csrf_token": csrf_de(pagina), **self.efirma(rfc)}

    def enviar_firma(self, cliente: FlaskClient, formulario: dict[str, object]) -> TestResponse:
        datos = {c: (io.BytesIO(v[0].getvalue()), v[1]) if isinstance(v, tuple) else v
                 for c, v in formulario.items()}  # cada envío lee sus archivos desde el principio
        return cliente.post("/cancelacion/firma", data=datos, content_type="multipart/form-data")

    def firmar(self, cliente: FlaskClient, rfc: str, folio: str, monto: str) -> str:
        respuesta = self.agregar(cliente, folio, monto)
        assert respuesta.status_code == 302, respuesta.text
        respuesta = self.enviar_firma(cliente, self.formulario_de_firma(cliente, rfc))
        assert respuesta.status_code == 302, respuesta.text
        return respuesta.headers["Location"].rsplit("/", 1)[1]

    def formulario_de_resolucion(self, cliente: FlaskClient, rfc: str, folio: str,
                                 sentido: str = "autorizar") -> dict[str, object]:
        pagina = cliente.get(f"/funcionario/solicitudes/{folio}")
        assert pagina.status_code == 200, pagina.text
        return {"sentido": sentido, "motivo": "No procede.", "csrf_token": csrf_de(pagina),
                **self.efirma(rfc)}

    def resolver(self, cliente: FlaskClient, folio: str, formulario: dict[str, object]) -> TestResponse:
        datos = {c: (io.BytesIO(v[0].getvalue()), v[1]) if isinstance(v, tuple) else v
                 for c, v in formulario.items()}
        return cliente.post(f"/funcionario/solicitudes/{folio}", data=datos, content_type="multipart/form-data")
