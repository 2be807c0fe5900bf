"""Un usuario del portal por HTTP, sin navegador (requests): entra con su e.firma y presenta
solicitudes como lo haría el formulario, con su testigo CSRF y su clave de envío."""

from __future__ import annotations

import re

import requests

from sat_pruebas import AutoridadCertificadora, Credencial

_CAMPO = re.compile(r'name="(csrf_token|envio)" value="([^"]+)"')


def campos_ocultos(html: str) -> dict[str, str]:
    return dict(_CAMPO.findall(html))


class UsuarioHttp:
    def __init__(self, url: str, credencial: Credencial) -> None:
        self.url, self.credencial = url.rstrip("/"), credencial
        self.http = requests.Session()

    def _efirma(self) -> dict[str, tuple[str, bytes]]:
        return {"certificado": ("e.cer", self.credencial.cer), "clave_privada": ("e.key", self.credencial.key)}

    def entrar(self, ruta: str = "/ingresar") -> requests.Response:
        ocultos = campos_ocultos(self.http.get(self.url + ruta, timeout=60).text)
        return self.http.post(self.url + ruta, files=self._efirma(), allow_redirects=False, timeout=60,
                              data={"contrasena": self.credencial.contrasena, **ocultos})

    def otra_pestana(self) -> UsuarioHttp:
        pestana = UsuarioHttp(self.url, self.credencial)
        pestana.http.cookies.update(self.http.cookies)
        return pestana

    def formulario_de_asignacion(self) -> dict[str, str]:
        return campos_ocultos(self.http.get(f"{self.url}/asignacion", timeout=60).text)

    def pedir_asignacion(self, cupo: str, monto: str, ocultos: dict[str, str] | None = None) -> requests.Response:
        datos = {"cupo": cupo, "lugar": "Ventanilla Única", "monto": monto, "pedimentos": "",
                 "contrasena": self.credencial.contrasena, **(ocultos or self.formulario_de_asignacion())}
        return self.http.post(f"{self.url}/asignacion", data=datos, files=self._efirma(),
                              allow_redirects=False, timeout=120)

    def folios_de_la_bandeja(self) -> list[str]:
        """Como funcionario: los folios de su bandeja, en el orden en que la pantalla los muestra."""
        html = self.http.get(f"{self.url}/funcionario/bandeja", timeout=120).text
        return list(dict.fromkeys(re.findall(r"\b\d{25}\b", html)))

    def resolver(self, folio: str, sentido: str, motivo: str = "") -> requests.Response:
        """Como funcionario: autoriza o rechaza (sentido) la solicitud, firmando con su e.firma."""
        ocultos = campos_ocultos(self.http.get(f"{self.url}/funcionario/solicitudes/{folio}", timeout=60).text)
        datos = {"sentido": sentido, "motivo": motivo, "contrasena": self.credencial.contrasena, **ocultos}
        return self.http.post(f"{self.url}/funcionario/solicitudes/{folio}", data=datos, files=self._efirma(),
                              allow_redirects=False, timeout=120)

    def cerrar(self) -> None:
        self.http.close()


class ApiHttp:
    """La API de pruebas de un portal en marcha, por HTTP, con el token de ese arranque."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url.rstrip("/") + "/_pruebas"
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"

    def post(self, ruta: str, datos: dict[str, object]) -> requests.Response:
        return self.http.post(self.url + ruta, json=datos, timeout=60)


def preparar_por_api(api: ApiHttp, ac: AutoridadCertificadora, rfc: str, perfil: str = "solicitante",
                     contrasena: str = "secreta") -> Credencial:
    """Confía en la AC, registra al usuario y le emite su e.firma (API de pruebas)."""
    assert api.post("/autoridades", {"certificado_pem": ac.certificado_pem}).ok
    respuesta = api.post("/usuarios", {
        "rfc": rfc, "perfil": perfil, "nombre": f"Persona {rfc}", "correo": f"{rfc.lower()}@x.example",
        "codigo_postal": "06000"})
    assert respuesta.status_code == 201, respuesta.text
    return ac.emitir(rfc, f"Persona {rfc}", contrasena)
