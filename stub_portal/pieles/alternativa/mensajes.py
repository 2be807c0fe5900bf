"""Los mensajes de la piel alternativa: cada mensaje del portal de referencia, dicho de otra manera.

El dominio y las vistas producen los mensajes con las palabras de la referencia (ErrorCaptura,
ErrorEfirma, flash, los de entrada.py y app.py); la piel los reescribe en un solo lugar, al dibujarlos:
el filtro «mensaje» de sus plantillas. Cada renglón de TABLA es el mensaje de referencia con huecos
({folio}, {monto_…}) y el mensaje de esta piel con los mismos huecos. Un hueco vale cualquier texto,
salvo los que tienen forma propia (_FORMAS, según el nombre del hueco antes de «_»); al pasar a esta
piel, los montos se escriben con tres decimales, los estados con las palabras de esta piel, y {que}
empieza con minúscula.

Un mensaje sin renglón no pasa callado: se dibuja tal cual y se anota en la bitácora. tests/test_piel.py
exige un renglón para cada mensaje que el portal puede producir, y mensajes.md los lista todos.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

bitacora = logging.getLogger(__name__)

ESTADOS = {  # los de una solicitud, como los muestra esta piel en pantalla
    "borrador": "En captura",
    "pendiente": "En espera de resolución",
    "autorizada": "Resuelta: se autorizó",
    "rechazada": "Resuelta: se rechazó",
}
_ESTADOS_EN_MENSAJE = {"autorizada": "se autorizó", "rechazada": "se rechazó"}
_FORMAS = {  # el prefijo del nombre del hueco: la forma de su valor en el mensaje de referencia
    "monto": r"[0-9][0-9,]*(?:\.[0-9]+)?",
    "fecha": r"[0-9]{2}/[0-9]{2}/[0-9]{4}",
    "hora": r"[0-9]{2}:[0-9]{2}",
    "anio": r"[0-9]{4}",
    "digito": r"[0-9]",
    "maximo": r"[0-9][0-9,]*",
}
_HUECO = re.compile(r"\{(\w+)\}")


def cantidad(valor: Decimal | str) -> str:
    """Un monto como lo escribe esta piel: separador de miles y siempre tres decimales (20 → «20.000»)."""
    numero = Decimal(str(valor).replace(",", ""))
    return f"{numero.quantize(Decimal('0.001')):,f}"


def estado(valor: str) -> str:
    """El estado de una solicitud con las palabras de esta piel."""
    return ESTADOS.get(valor, valor.capitalize())


def _minuscula_inicial(texto: str) -> str:
    return texto[:1].lower() + texto[1:]


_CONVERSIONES: dict[str, Callable[[str], str]] = {
    "monto": cantidad,
    "estado": lambda valor: _ESTADOS_EN_MENSAJE.get(valor, valor),
    "que": _minuscula_inicial,
}


def _prefijo(nombre: str, prefijos: Iterable[str]) -> str:
    """El prefijo del hueco: «monto_saldo» es un «monto»; «horario» no es una «hora»."""
    return next((prefijo for prefijo in prefijos if nombre == prefijo or nombre.startswith(f"{prefijo}_")), "")


def _patron(referencia: str) -> re.Pattern[str]:
    partes, fin = [], 0
    for hueco in _HUECO.finditer(referencia):
        forma = _FORMAS.get(_prefijo(hueco.group(1), _FORMAS), r".+?")
        partes += [re.escape(referencia[fin:hueco.start()]), f"(?P<{hueco.group(1)}>{forma})"]
        fin = hueco.end()
    return re.compile("".join([*partes, re.escape(referencia[fin:])]))


@dataclass(frozen=True)
class Mensaje:
    referencia: str  # el mensaje de referencia, con {huecos}
    alternativa: str  # el de esta piel, con los mismos huecos
    patron: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "patron", _patron(self.referencia))

    def reescribir(self, mensaje: str) -> str | None:
        hallado = self.patron.fullmatch(mensaje)
        if hallado is None:
            return None
        valores = {nombre: _CONVERSIONES.get(_prefijo(nombre, _CONVERSIONES), str)(valor)
                   for nombre, valor in hallado.groupdict().items()}
        return self.alternativa.format(**valores)


M = Mensaje
# Los más específicos antes: el primero que coincide con el mensaje completo es el que vale.
TABLA: tuple[Mensaje, ...] = (
    # --- e.firma (efirma.py, reglas.validar_misma_efirma) ---
    M("Seleccione el archivo del certificado (.cer).", "Falta el certificado (.cer) de su e.firma."),
    M("Seleccione el archivo de la clave privada (.key).", "Falta la clave privada (.key) de su e.firma."),
    M("Escriba la contraseña de la clave privada.", "Falta la contraseña de la clave privada."),
    M("El archivo .cer no es un certificado de e.firma válido.",
      "El certificado (.cer) que eligió no es de una e.firma válida."),
    M("El certificado no fue emitido por una autoridad certificadora reconocida por la Ventanilla Única.",
      "La Ventanilla Única no reconoce a la autoridad certificadora que emitió ese certificado."),
    M("El certificado no está vigente.", "El certificado de la e.firma está vencido o todavía no entra en vigor."),
    M("La clave privada no corresponde al certificado.",
      "El certificado y la clave privada no son de la misma e.firma."),
    M("El certificado no contiene un RFC.", "El certificado no trae el RFC de su titular."),
    M("El archivo .key no es una clave privada válida.", "La clave privada (.key) que eligió no es válida."),
    M("La clave privada debe estar protegida con contraseña.",
      "La clave privada no tiene contraseña, y la Ventanilla Única sólo acepta claves protegidas."),
    M("La contraseña de la clave privada es incorrecta.", "Esa contraseña no abre la clave privada; revísela."),
    M("El certificado no es de una e.firma: sus usos no incluyen la firma digital y el no repudio. Use el "
      "certificado (.cer) de su e.firma.",
      "Ese certificado no sirve para firmar (no es una e.firma): elija el .cer de su e.firma."),
    M("Hubo demasiados intentos fallidos con esta e.firma. Por seguridad, espere {minutos} min y vuelva a "
      "intentarlo.",
      "Esta e.firma quedó en pausa tras varios intentos fallidos: podrá entrar con ella en {minutos} min."),
    M("Hubo demasiados intentos fallidos desde esta conexión. Por seguridad, espere {minutos} min y vuelva a "
      "intentarlo.",
      "Desde esta conexión hubo varios intentos fallidos: podrá intentarlo otra vez en {minutos} min."),
    M("La clave privada debe ser RSA.", "La Ventanilla Única sólo acepta claves privadas RSA."),
    M("La clave privada está cifrada con un método que la Ventanilla Única no admite; use la clave privada "
      "(.key) que le entregó el SAT.",
      "La Ventanilla Única no abre claves cifradas de esa manera: use el archivo .key que le dio el SAT."),
    M("La clave privada está cifrada con más de {maximo} iteraciones y la Ventanilla Única no la abre; use la "
      "clave privada (.key) que le entregó el SAT.",
      "Abrir esa clave privada pide más de {maximo} iteraciones, demasiadas para la Ventanilla Única: use el "
      "archivo .key que le dio el SAT."),
    M("La e.firma no corresponde a la que usó para iniciar la sesión. Firme con los mismos datos con que "
      "inició la sesión.",
      "Esa e.firma no es la de su sesión: capture los mismos datos con que se inició la sesión."),
    # --- acceso y sesión (vistas/acceso.py) ---
    M("El RFC {rfc} no está registrado como {quien} de la Ventanilla Única.",
      "No hay ningún {quien} de la Ventanilla Única con el RFC {rfc}."),
    M("La sesión se cerró.", "Salió del portal: su sesión ya está cerrada."),
    # --- cancelación (cancelaciones.py, reglas.py, vistas/cancelacion.py) ---
    M("Seleccione los parámetros requeridos: {parametros}.",
      "Faltan parámetros marcados con *: {parametros}."),
    M("El monto a favor ({monto_a_favor}) excede el saldo por cancelar del certificado ({monto_saldo}).",
      "No se puede: el monto a favor de {monto_a_favor} es mayor que lo que le queda por cancelar al "
      "certificado, {monto_saldo}."),
    M("La solicitud ya se firmó: ya no se le pueden agregar ni quitar certificados.",
      "Esta solicitud ya está firmada; sus certificados a cancelar ya no cambian."),
    M("El certificado {folio} no está disponible para cancelar.",
      "No puede cancelar el certificado {folio}: no está entre sus certificados disponibles."),
    M("El certificado {folio} ya está en los certificados a cancelar.",
      "El certificado {folio} ya se había agregado a Certificados a cancelar."),
    M("El certificado {folio} no está en los certificados a cancelar.",
      "En Certificados a cancelar no hay un certificado {folio}."),
    M("Agregue al menos un certificado a cancelar antes de continuar.",
      "Todavía no hay certificados a cancelar: agregue uno y después pulse «Siguiente»."),
    M("No hay una solicitud de cancelación en captura que firmar.",
      "Nada que firmar: usted no tiene una solicitud de cancelación en captura."),
    M("La solicitud cambió mientras la firmaba (se agregó o se quitó un certificado). Revise los certificados "
      "a cancelar y firme de nuevo.",
      "Mientras firmaba, otra ventana cambió los certificados a cancelar. Revíselos y vuelva a firmar."),
    M("El formulario de firma está incompleto: vuelva a abrir la firma de la solicitud.",
      "Faltan datos del formulario de firma; abra otra vez la pantalla Firmar Solicitud."),
    M("Se agregó el certificado {folio} a los certificados a cancelar.",
      "Listo: el certificado {folio} ya está en Certificados a cancelar."),
    M("Se quitó el certificado {folio} de los certificados a cancelar.",
      "El certificado {folio} salió de Certificados a cancelar."),
    M("Esta solicitud ya se había presentado con el folio {folio}: no se presentó otra vez.",
      "Ya habíamos recibido esta solicitud (folio {folio}); no se registró una segunda vez."),
    # --- asignación y expedición (tramites_cupo.py, reglas_cupos.py, vistas/solicitudes.py) ---
    M("El formulario está incompleto: vuelva a abrirlo y capture la solicitud.",
      "Faltan datos del formulario; ábralo de nuevo y vuelva a capturar la solicitud."),
    M("Seleccione el lugar de presentación: la Ventanilla Única o una Representación Federal.",
      "Falta el lugar de presentación: elija la Ventanilla Única o una Representación Federal."),
    M("Seleccione el cupo.", "Falta elegir el cupo."),
    M("Fuera del horario de recepción: {lugar} recibe solicitudes {horario}. Podrá presentarla a partir del "
      "{fecha} a las {hora} ({zona}).",
      "En este momento {lugar} no recibe solicitudes (horario: {horario}). Vuelva el {fecha} desde las "
      "{hora}, {zona}."),
    M("El cupo no tiene monto para {anio}: no recibe solicitudes.",
      "Este cupo no recibe solicitudes porque no tiene monto en {anio}."),
    M("Seleccione una de sus constancias de asignación.", "Falta elegir la constancia de asignación."),
    M("La solicitud de expedición se presenta en la Ventanilla Única o en la Representación Federal donde "
      "obtuvo la asignación ({lugar}).",
      "Ese lugar de presentación no corresponde: la expedición se pide en la Ventanilla Única o donde obtuvo "
      "la asignación ({lugar})."),
    M("Capture el número de la factura comercial.", "Falta el número de la factura comercial."),
    M("El número de la factura comercial admite a lo más {maximo} caracteres.",
      "El número de la factura comercial es demasiado largo: el máximo es de {maximo} caracteres."),
    M("Indique si adjunta conocimiento de embarque, carta de porte o guía aérea.",
      "Elija el documento de transporte: conocimiento de embarque, carta de porte o guía aérea."),
    M("Adjunte la copia de la factura comercial.", "Falta la copia de la factura comercial."),
    M("Adjunte la copia de cada pedimento: declaró {declarados} y adjuntó {adjuntos}.",
      "Faltan copias de pedimentos: se escribieron {declarados} pedimentos y llegaron {adjuntos} copias."),
    M("Adjunte la copia del documento de transporte ({documento}).",
      "Falta la copia del documento de transporte: {documento}."),
    M("El archivo «{archivo}» no es un PDF: adjunte la copia del documento en PDF.",
      "«{archivo}» no es un archivo PDF; la copia del documento tiene que ir en PDF."),
    M("El archivo «{archivo}» está dañado o incompleto y no se puede abrir como PDF: adjunte otra copia del "
      "documento.",
      "No se pudo abrir «{archivo}» como PDF: parece dañado o incompleto. Adjunte otra copia del documento."),
    M("El archivo «{archivo}» está cifrado o protegido con contraseña y no se puede revisar: adjunte un PDF "
      "sin protección.",
      "«{archivo}» tiene contraseña o está cifrado, así que no se puede revisar: adjúntelo sin protección."),
    M("El archivo «{archivo}» es un PDF sin páginas: adjunte la copia completa del documento.",
      "«{archivo}» es un PDF vacío, sin páginas: adjunte la copia completa."),
    M("El archivo «{archivo}» tiene más de {maximo} objetos y no se puede revisar: adjunte una copia más "
      "sencilla del documento.",
      "«{archivo}» es demasiado complejo para revisarlo (más de {maximo} objetos): adjunte una copia más "
      "sencilla."),
    M("El archivo «{archivo}» contiene JavaScript; adjunte un PDF sin código.",
      "«{archivo}» trae JavaScript, y la Ventanilla Única sólo recibe PDF sin código."),
    M("El archivo «{archivo}» contiene acciones que abren programas o envían datos, o archivos incrustados; "
      "adjunte un PDF sin ellos.",
      "«{archivo}» trae acciones (abrir programas, enviar datos) o archivos dentro: adjunte un PDF sin ellos."),
    M("Sólo pueden solicitar el cupo personas establecidas en México: el RFC {rfc} no es un RFC mexicano "
      "válido.",
      "El RFC {rfc} no es válido en México, y el cupo es para personas establecidas en los Estados Unidos "
      "Mexicanos."),
    M("Sólo pueden solicitar el cupo personas establecidas en México: su domicilio fiscal debe estar en "
      "México.",
      "El cupo es para personas establecidas en los Estados Unidos Mexicanos, y su domicilio fiscal no está "
      "en México."),
    M("El pedimento {pedimento} debe tener 15 dígitos.",
      "Revise el pedimento {pedimento}: un número de pedimento lleva 15 dígitos."),
    M("El pedimento {pedimento} es de un año posterior al año en curso.",
      "El año del pedimento {pedimento} todavía no llega."),
    M("El pedimento {pedimento} indica la aduana {aduana}, que no existe.",
      "La aduana {aduana} del pedimento {pedimento} no existe."),
    M("El pedimento {pedimento} no indica una patente aduanal válida.",
      "La patente aduanal del pedimento {pedimento} no es válida."),
    M("El consecutivo del pedimento {pedimento} debe empezar con el último dígito del año ({digito}).",
      "Revise el pedimento {pedimento}: su consecutivo tiene que comenzar con {digito}, el último dígito del "
      "año."),
    M("Indique el número y la cantidad del pedimento en «{renglon}».",
      "Al renglón «{renglon}» le falta el número de pedimento o la cantidad."),
    M("El pedimento {pedimento} está repetido.", "El pedimento {pedimento} aparece dos veces."),
    M("Para una nueva asignación debe acreditar el ejercicio de al menos el 70% de la asignación anterior "
      "({monto_minimo} de {monto_anterior}); los pedimentos suman {monto_suma}.",
      "Sus pedimentos acreditan {monto_suma}, y para otra asignación necesita acreditar por lo menos "
      "{monto_minimo}: el 70% de su asignación anterior de {monto_anterior}."),
    # --- el funcionario (resoluciones.py, vistas/funcionario.py) ---
    M("Indique si autoriza o rechaza la solicitud.", "Elija Autorizar o Rechazar antes de firmar."),
    M("La solicitud {folio} ya fue resuelta.", "La solicitud {folio} ya tiene resolución."),
    M("Las solicitudes se atienden en el orden en que llegaron: resuelva primero la {folio}, que llegó antes "
      "al mismo cupo.",
      "Antes hay que resolver la solicitud {folio}: llegó primero al mismo cupo (orden de prelación)."),
    M("Escriba el motivo del rechazo.", "Para rechazar, explique el motivo del rechazo."),
    M("El certificado {folio} ya no tiene {monto_pedido} sin ejercer ni cancelar (le quedan {monto_queda}): "
      "la solicitud sólo puede rechazarse.",
      "No se puede autorizar: al certificado {folio} le quedan {monto_queda} sin ejercer ni cancelar, menos "
      "que los {monto_pedido} pedidos. Sólo cabe rechazarla."),
    M("No hay monto que otorgar: {criterio} es cero. La solicitud sólo puede rechazarse.",
      "No se puede autorizar porque {criterio} está en cero; sólo cabe rechazarla."),
    M("La solicitud {folio} quedó {estado}.", "Firmó la resolución de la solicitud {folio}: {estado}."),
    # --- entrada hostil y formularios vencidos (entrada.py, app.py) ---
    M("El texto capturado o el nombre de un archivo contiene caracteres no permitidos.",
      "Lo que escribió, o el nombre de un archivo que adjuntó, lleva caracteres que el portal no acepta."),
    M("El formulario venció o no se envió desde el portal. Vuelva a cargar la página e intente de nuevo; no se "
      "guardó ningún cambio.",
      "No se guardó nada: el formulario caducó o no salió del portal. Recargue la página y repita la "
      "operación."),
    # --- los generales de leer_monto, al final: «Capture {que}.» también cubriría otros ---
    M("Capture {que}.", "Falta capturar {que}."),
    M("{que} debe ser mayor que cero.", "Revise {que}: no puede ser cero ni negativo."),
    M("{que} debe ser un número, con punto decimal y hasta tres decimales.",
      "Revise {que}: use sólo cifras y, si lleva fracción, un punto y de uno a tres dígitos."),
)


def reescribir(mensaje: str) -> str | None:
    """El mensaje con las palabras de esta piel, o None si la tabla no lo tiene."""
    return next((hecho for renglon in TABLA if (hecho := renglon.reescribir(mensaje)) is not None), None)


def para_pantalla(mensaje: str) -> str:
    """El filtro «mensaje» de las plantillas: el mensaje de esta piel; uno sin renglón, tal cual y anotado."""
    hecho = reescribir(mensaje)
    if hecho is None:
        bitacora.warning("La piel alternativa no tiene versión del mensaje %r: se muestra el de referencia",
                         mensaje)
        return mensaje
    return hecho
