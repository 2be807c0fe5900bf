"""Una API JSON con contrato: cada operación declara con modelos de pydantic su cuerpo, su respuesta y
los errores que puede dar; de esos modelos salen la validación de cada petición y el documento
OpenAPI 3.1 que la describe. Cada error es JSON con un `codigo` estable: quien llama decide por el
estado HTTP y el código, nunca por el texto del mensaje.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from flask import Blueprint, request
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import JsonSchemaMode, models_json_schema
from pydantic_core import ErrorDetails
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

ENCABEZADO_DE_VERSION = "API-Version"
_REFERENCIA = "#/components/schemas/{model}"
M = TypeVar("M", bound=BaseModel)
Resultado = BaseModel | tuple[BaseModel, int]
Vista = Callable[[], Response]


class Codigo(StrEnum):
    """Por qué se rechazó una petición. Parte del contrato: agregar uno es un cambio de versión."""

    NO_AUTENTICADO = "no_autenticado"  # falta el token de la API, o no es el del despliegue
    TIPO_NO_ADMITIDO = "tipo_no_admitido"  # el cuerpo no es JSON (Content-Type)
    DATOS_INVALIDOS = "datos_invalidos"  # el cuerpo no cumple su esquema
    NO_ENCONTRADO = "no_encontrado"  # la operación, o algo que el cuerpo nombra (un RFC, un cupo), no existe
    YA_EXISTE = "ya_existe"  # la clave (RFC, clave de cupo, folio) ya está registrada
    REGLA_INCUMPLIDA = "regla_incumplida"  # las reglas del trámite no lo admiten en el estado actual
    METODO_NO_PERMITIDO = "metodo_no_permitido"
    DEMASIADO_GRANDE = "demasiado_grande"
    PROHIBIDO = "prohibido"
    ERROR_INTERNO = "error_interno"
    NO_DISPONIBLE = "no_disponible"  # la base no responde: reintente después (Retry-After)


ESTADO_DE = {
    Codigo.NO_AUTENTICADO: 401, Codigo.TIPO_NO_ADMITIDO: 415,
    Codigo.DATOS_INVALIDOS: 422, Codigo.NO_ENCONTRADO: 404, Codigo.YA_EXISTE: 409,
    Codigo.REGLA_INCUMPLIDA: 409, Codigo.METODO_NO_PERMITIDO: 405, Codigo.DEMASIADO_GRANDE: 413,
    Codigo.PROHIBIDO: 403, Codigo.ERROR_INTERNO: 500, Codigo.NO_DISPONIBLE: 503,
}
_CODIGO_DE_ESTADO = {401: Codigo.NO_AUTENTICADO, 403: Codigo.PROHIBIDO, 404: Codigo.NO_ENCONTRADO,
                     405: Codigo.METODO_NO_PERMITIDO, 415: Codigo.TIPO_NO_ADMITIDO,
                     413: Codigo.DEMASIADO_GRANDE, 503: Codigo.NO_DISPONIBLE}
_MENSAJE_DE_ESTADO = {401: "Falta el token de la API, o no es el de este despliegue.",
                      415: "El cuerpo de la petición tiene que ser JSON (Content-Type: application/json).",
                      403: "No tiene permiso para esta operación.",
                      404: "No existe esa operación en la API.",
                      405: "La operación no admite ese método HTTP.",
                      413: "El cuerpo de la petición es demasiado grande.",
                      503: "El portal no está disponible por el momento: la base de datos no responde. "
                           "Reintente después de los segundos de Retry-After."}


class Detalle(BaseModel):
    """Un campo del cuerpo y lo que tiene mal."""

    campo: str  # con puntos para lo anidado ("montos.2024"); vacío si es el cuerpo entero
    mensaje: str


class Error(BaseModel):
    """El cuerpo de toda respuesta de error."""

    codigo: Codigo
    mensaje: str
    errores: list[Detalle] = []


class Rechazo(Exception):
    """Una petición que la API no atiende; el código decide el estado HTTP."""

    def __init__(self, codigo: Codigo, mensaje: str, errores: Iterable[Detalle] = (),
                 estado: int | None = None, encabezados: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(mensaje)
        self.error = Error(codigo=codigo, mensaje=mensaje, errores=list(errores))
        self.estado = estado or ESTADO_DE[codigo]
        self.encabezados = list(encabezados)

    @classmethod
    def de_http(cls, error: HTTPException) -> Rechazo:
        """Los errores de Flask (ruta inexistente, método, tamaño) con el mismo cuerpo que los demás."""
        estado = error.code or 500
        codigo = _CODIGO_DE_ESTADO.get(estado) or (
            Codigo.DATOS_INVALIDOS if estado < 500 else Codigo.ERROR_INTERNO)
        mensaje = error.description if estado == 422 and error.description else _MENSAJE_DE_ESTADO.get(
            estado, "La petición no es válida." if estado < 500 else "Error interno del portal.")
        encabezados = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
        return cls(codigo, mensaje, estado=estado, encabezados=encabezados)


_MENSAJES = {
    "missing": "Falta este campo.",
    "extra_forbidden": "Campo desconocido.",
    "json_invalid": "El cuerpo no es JSON válido.",
    "model_type": "Se esperaba un objeto JSON.",
    "string_type": "Debe ser un texto.",
    "int_type": "Debe ser un número entero.",
    "bool_type": "Debe ser true o false.",
    "list_type": "Debe ser una lista.",
    "dict_type": "Debe ser un objeto.",
    "string_too_short": "Debe tener al menos {min_length} caracteres.",
    "string_too_long": "Admite a lo más {max_length} caracteres.",
    "too_long": "Admite a lo más {max_length} elementos.",
    "string_pattern_mismatch": "No tiene la forma esperada ({pattern}).",
    "literal_error": "Debe ser uno de: {expected}.",
    "greater_than_equal": "Debe ser al menos {ge}.",
    "less_than_equal": "Debe ser a lo más {le}.",
    "value_error": "{error}",
}


def _detalle(error: ErrorDetails) -> Detalle:
    contexto = {k: str(v).replace("' or '", "', '") for k, v in error.get("ctx", {}).items()}
    plantilla = _MENSAJES.get(error["type"], "Valor no admitido.")
    campo = ".".join(str(parte) for parte in error["loc"] if parte != "[key]")
    return Detalle(campo=campo, mensaje=plantilla.format(**contexto))


def leer_cuerpo(modelo: type[M]) -> M:
    """El cuerpo JSON de la petición, validado contra su modelo; si no lo cumple, datos_invalidos."""
    try:
        return modelo.model_validate_json(request.get_data())
    except ValidationError as error:
        detalles = [_detalle(e) for e in error.errors()]
        resumen = "; ".join((f"{d.campo}: " if d.campo else "") + d.mensaje.rstrip(".") for d in detalles)
        raise Rechazo(Codigo.DATOS_INVALIDOS, f"Los datos no son válidos: {resumen}.", detalles) from None


@dataclass(frozen=True)
class Operacion:
    metodo: str
    ruta: str
    nombre: str  # el operationId, y el endpoint de Flask
    resumen: str
    respuesta: type[BaseModel]
    cuerpo: type[BaseModel] | None
    estados: tuple[int, ...]  # los de éxito: el primero es el de siempre
    errores: tuple[Codigo, ...]


class Contrato:
    """Las operaciones de un blueprint y el documento OpenAPI que las describe.

    `preparar` recibe cada vista antes de registrarla (p. ej. para declarar su regla de acceso). Con
    `token` (la descripción del esquema), cada operación pide `Authorization: Bearer …` y puede
    responder no_autenticado; quien revisa el token es el blueprint."""

    def __init__(self, blueprint: Blueprint, titulo: str, version: str, descripcion: str,
                 preparar: Callable[[Vista], Vista] = lambda vista: vista, token: str | None = None) -> None:
        self.blueprint, self.titulo, self.version, self.descripcion = blueprint, titulo, version, descripcion
        self._preparar, self.token = preparar, token
        self.operaciones: list[Operacion] = []
        blueprint.errorhandler(Rechazo)(self.respuesta_de_error)
        blueprint.errorhandler(HTTPException)(self.error_http)
        blueprint.after_request(self._con_version)

    def error_http(self, error: HTTPException) -> Response:
        return self.respuesta_de_error(Rechazo.de_http(error))

    def _con_version(self, respuesta: Response) -> Response:
        respuesta.headers[ENCABEZADO_DE_VERSION] = self.version
        respuesta.headers["Cache-Control"] = "no-store"  # lo que responde la API no se guarda en cachés
        return respuesta

    def respuesta_de_error(self, rechazo: Rechazo) -> Response:
        respuesta = Response(rechazo.error.model_dump_json(), rechazo.estado, mimetype="application/json")
        respuesta.headers.extend(rechazo.encabezados)
        return self._con_version(respuesta)

    def operacion(self, metodo: str, ruta: str, respuesta: type[BaseModel], *,
                  cuerpo: type[BaseModel] | None = None, estados: tuple[int, ...] = (200,),
                  errores: tuple[Codigo, ...] = (), nombre: str | None = None
                  ) -> Callable[[Callable[..., Resultado]], Callable[..., Resultado]]:
        """Registra la función como operación: recibe el cuerpo ya validado (si lo hay) y devuelve el
        modelo de la respuesta, o el modelo y uno de los `estados`. El docstring es su resumen; el
        `nombre` (por omisión, el de la función), su operationId."""

        def registrar(funcion: Callable[..., Resultado]) -> Callable[..., Resultado]:
            def vista() -> Response:
                resultado = funcion() if cuerpo is None else funcion(leer_cuerpo(cuerpo))
                modelo, estado = resultado if isinstance(resultado, tuple) else (resultado, estados[0])
                return Response(modelo.model_dump_json(), estado, mimetype="application/json")

            vista.__name__ = nombre or funcion.__name__
            self.blueprint.add_url_rule(ruta, view_func=self._preparar(vista), methods=[metodo])
            self.operaciones.append(Operacion(metodo, ruta, vista.__name__, (funcion.__doc__ or "").strip(),
                                              respuesta, cuerpo, estados, errores))
            return funcion

        return registrar

    def documento(self, servidor: str) -> dict[str, Any]:
        """El documento OpenAPI 3.1, armado con los esquemas JSON de los modelos."""
        modelos: dict[tuple[type[BaseModel], JsonSchemaMode], None] = {(Error, "serialization"): None}
        for op in self.operaciones:
            modelos[(op.respuesta, "serialization")] = None
            if op.cuerpo is not None:
                modelos[(op.cuerpo, "validation")] = None
        referencias, esquemas = models_json_schema(list(modelos), ref_template=_REFERENCIA)
        rutas: dict[str, dict[str, Any]] = {}
        for op in self.operaciones:
            resumen, _, descripcion = op.resumen.partition("\n\n")  # como en PEP 257
            entrada: dict[str, Any] = {"operationId": op.nombre, "summary": " ".join(resumen.split())}
            if descripcion.strip():
                entrada["description"] = " ".join(descripcion.split())
            if op.cuerpo is not None:
                entrada["requestBody"] = {"required": True, "content": {
                    "application/json": {"schema": referencias[(op.cuerpo, "validation")]}}}
            entrada["responses"] = {
                **{str(e): self._respuesta(referencias[(op.respuesta, "serialization")]) for e in op.estados},
                **self._errores(((Codigo.NO_AUTENTICADO,) if self.token else ()) + op.errores + (
                    (Codigo.TIPO_NO_ADMITIDO, Codigo.DATOS_INVALIDOS) if op.cuerpo else ())),
            }
            rutas.setdefault(op.ruta, {})[op.metodo.lower()] = entrada
        documento: dict[str, Any] = {
            "openapi": "3.1.0",
            "info": {"title": self.titulo, "version": self.version, "description": self.descripcion},
            "servers": [{"url": servidor}],
            "paths": rutas,
            "components": {"schemas": esquemas["$defs"], "headers": {ENCABEZADO_DE_VERSION: {
                "description": "La versión del contrato con que respondió el portal (SemVer).",
                "required": True, "schema": {"type": "string", "const": self.version}}}},
        }
        if self.token:
            documento["components"]["securitySchemes"] = {
                "token": {"type": "http", "scheme": "bearer", "description": self.token}}
            documento["security"] = [{"token": []}]
        return documento

    @staticmethod
    def _respuesta(esquema: dict[str, Any], descripcion: str = "Hecho.") -> dict[str, Any]:
        return {"description": descripcion,
                "headers": {ENCABEZADO_DE_VERSION: {"$ref": f"#/components/headers/{ENCABEZADO_DE_VERSION}"}},
                "content": {"application/json": {"schema": esquema}}}

    def _errores(self, codigos: tuple[Codigo, ...]) -> dict[str, Any]:
        """Una respuesta por estado, con los códigos que esta operación puede dar en él."""
        por_estado: dict[int, list[Codigo]] = {}
        for codigo in codigos:
            por_estado.setdefault(ESTADO_DE[codigo], []).append(codigo)
        return {str(estado): self._respuesta(
            {"allOf": [{"$ref": _REFERENCIA.format(model=Error.__name__)}],
             "properties": {"codigo": {"enum": [str(c) for c in lista]}}},
            "Rechazada: " + ", ".join(lista) + ".")
            for estado, lista in sorted(por_estado.items())}
