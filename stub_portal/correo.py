"""Avisos por correo: se encolan en la base de datos con el trámite y un cartero los entrega por SMTP.

La petición sólo encola y despierta al cartero; nunca habla con el servidor SMTP, así que un servidor
caído o colgado no hace esperar a nadie. El cartero corre en un hilo del servidor de desarrollo o en
procesos aparte (`python -m stub_portal.cartero`), tantos como se quiera:

- Cada aviso se reclama con un UPDATE condicional en su propia transacción corta (igual en SQLite que
  en PostgreSQL): si dos carteros van por el mismo, sólo a uno le cambia el renglón. Se envía sin
  transacción abierta y se anota enviado en otra transacción, aviso por aviso: si el proceso muere a
  media tanda, lo que el servidor ya aceptó queda anotado y no se repite.
- Entre la aceptación del servidor y esa anotación queda un instante en el que una caída haría
  reenviar el aviso; por eso cada aviso lleva un Message-ID fijo: el receptor reconoce el reenvío.
- Un reclamo vence (PLAZO_DE_RECLAMO): el aviso que reclamó un cartero muerto lo toma otro después.
- Falla temporal (sin conexión, tiempo agotado, respuesta 4xx): se reintenta con espera exponencial
  (ESPERA_BASE, el doble cada vez, hasta ESPERA_MAXIMA) y sin límite, porque la culpa no es del aviso.
- Rechazo permanente (5xx): también se reintenta, por si venía de una configuración que alguien
  corrige; si el aviso ya suma MAX_INTENTOS intentos queda `fallido` (no se reintenta más) y se anota
  en la bitácora como error. Un aviso rechazado nunca detiene a los demás: sólo una falla de la
  conexión termina la tanda.
- Las esperas y reclamos usan la hora real (UTC), no el reloj del portal, que las pruebas congelan.
  creado_en es la hora del portal (la del trámite); enviado_en, la real.
"""

from __future__ import annotations

import logging
import os
import smtplib
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from types import TracebackType
from typing import Any

from flask import render_template
from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from stub_portal.base_de_datos import Sesiones
from stub_portal.modelo import Aviso

PENDIENTE, ENVIADO, FALLIDO = "pendiente", "enviado", "fallido"
DOMINIO = "ventanillaunica.example"
REMITENTE = f"avisos@{DOMINIO}"
MAX_INTENTOS = 5
ESPERA_BASE = 10.0  # segundos hasta el primer reintento
ESPERA_MAXIMA = 15 * 60.0
TIEMPO_LIMITE_SMTP = 5.0  # por operación: un servidor colgado le cuesta esto al cartero, a nadie más
PLAZO_DE_RECLAMO = 5 * 60.0  # muy por encima de lo que tarda un envío, aun lento
CADA = 10.0  # segundos entre vueltas del cartero cuando nadie lo despierta
LOTE = 100
bitacora = logging.getLogger(__name__)


def encolar(
    sesion: Session, destinatarios: list[str], asunto: str, plantilla: str, ahora: datetime,
    **datos: object,
) -> Aviso:
    """Agrega a la bandeja de salida el aviso hecho con plantilla.txt y plantilla.html."""
    aviso = Aviso(
        id_mensaje=f"<aviso-{uuid.uuid4().hex}@{DOMINIO}>",  # cabe en una línea: sin doblar
        destinatarios=",".join(destinatarios),
        asunto=asunto,
        cuerpo=render_template(f"correo/{plantilla}.txt", **datos),
        cuerpo_html=render_template(f"correo/{plantilla}.html", **datos),
        estado=PENDIENTE,
        creado_en=ahora,
        intentos=0,
        ultimo_error="",
    )
    sesion.add(aviso)
    return aviso


def bandeja_de_salida(sesion: Session, estado: str = PENDIENTE) -> list[Aviso]:
    """Los avisos en ese estado, del más antiguo al más nuevo (para quien opera el portal)."""
    return list(sesion.scalars(select(Aviso).where(Aviso.estado == estado).order_by(Aviso.id)))


def avisos_por_estado(sesion: Session) -> dict[str, int]:
    """Cuántos avisos hay pendientes, enviados y fallidos."""
    cuenta: dict[str, int] = dict(sesion.execute(select(Aviso.estado, func.count()).group_by(Aviso.estado)).all())
    return {estado: cuenta.get(estado, 0) for estado in (PENDIENTE, ENVIADO, FALLIDO)}


def espera_tras(intentos: int, base: float = ESPERA_BASE, tope: float = ESPERA_MAXIMA) -> float:
    """Segundos hasta el siguiente intento tras `intentos` fallidos: base, 2·base, 4·base… hasta el tope."""
    return min(base * 2.0 ** min(max(intentos - 1, 0), 30), tope)


def mensaje_de(aviso: Aviso) -> EmailMessage:
    mensaje = EmailMessage()
    mensaje["From"] = REMITENTE
    mensaje["To"] = aviso.destinatarios.replace(",", ", ")
    mensaje["Subject"] = aviso.asunto
    mensaje["Message-ID"] = aviso.id_mensaje
    mensaje.set_content(aviso.cuerpo)
    if aviso.cuerpo_html:
        mensaje.add_alternative(aviso.cuerpo_html, subtype="html")
    return mensaje


class Cartero:
    """Entrega la bandeja de salida al servidor SMTP, en un hilo (`iniciar`) o cuando se le pide."""

    def __init__(
        self, sesiones: Sesiones | sessionmaker[Session], servidor: str | None, *,
        espera_base: float = ESPERA_BASE, tiempo_limite: float = TIEMPO_LIMITE_SMTP,
        plazo_de_reclamo: float = PLAZO_DE_RECLAMO, cada: float = CADA,
    ) -> None:
        self._sesiones = sesiones.escritura if isinstance(sesiones, Sesiones) else sesiones
        self._servidor = servidor
        self._espera_base = espera_base
        self._tiempo_limite = tiempo_limite
        self._plazo_de_reclamo = timedelta(seconds=plazo_de_reclamo)
        self._cada = cada
        self.nombre = f"{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex[:8]}"  # quién reclama
        self._timbre = threading.Event()
        self._alto = threading.Event()
        self._hilo: threading.Thread | None = None

    def despertar(self) -> None:
        """Pide una vuelta ya, sin esperarla. Sin hilo (iniciar) no hace nada."""
        self._timbre.set()

    def iniciar(self) -> None:
        """Arranca el hilo que entrega cada `cada` segundos y cada vez que lo despiertan."""
        if self._hilo is None and self._servidor:
            self._alto.clear()
            self._hilo = threading.Thread(target=self.trabajar, name="cartero", daemon=True)
            self._hilo.start()

    def detener(self) -> None:
        """Para el hilo al terminar el aviso en curso (a lo más, unos tiempos límite de SMTP)."""
        self._alto.set()
        self._timbre.set()
        hilo, self._hilo = self._hilo, None
        if hilo is not None and hilo is not threading.current_thread():
            hilo.join(self._tiempo_limite * 6)

    def trabajar(self) -> None:
        """Entrega vuelta tras vuelta hasta que llamen a detener()."""
        while not self._alto.is_set():
            self._timbre.clear()  # antes de la vuelta: quien despierte durante ella pide otra
            try:
                self.entregar_pendientes()
            except Exception:
                bitacora.exception("La vuelta del cartero falló; se repite en la siguiente")
            self._timbre.wait(self._cada)

    def entregar_pendientes(self, *, incluso_en_espera: bool = False) -> int:
        """Envía los avisos pendientes a los que ya toca; devuelve cuántos salieron.

        Con `incluso_en_espera` también los que esperan su reintento (la API de pruebas: «ahora»).
        Los fallidos no; los que otro cartero tiene reclamados, tampoco.
        """
        if not self._servidor:
            return 0
        enviados = 0
        with _Conexion(self._servidor, self._tiempo_limite) as conexion:
            for aviso_id in self._por_entregar(incluso_en_espera):
                if self._alto.is_set():
                    break
                reclamado = self._reclamar(aviso_id, incluso_en_espera)
                if reclamado is None:
                    continue  # otro cartero se adelantó
                try:
                    rechazados = conexion.enviar(mensaje_de(reclamado))
                except Exception as error:
                    falla = _falla(error)
                    conexion.descartar_si(falla.de_conexion)
                    self._anotar_falla(aviso_id, reclamado.intentos + 1, falla)
                    if falla.de_conexion:
                        break  # el servidor no está: los demás avisos esperan a la siguiente vuelta
                    continue
                self._anotar_enviado(aviso_id, rechazados)
                enviados += 1
        return enviados

    def _por_entregar(self, incluso_en_espera: bool) -> Iterator[int]:
        """Los id por entregar, por páginas y en orden; cada uno una sola vez por tanda."""
        ultimo = 0
        while True:
            ahora = _ahora()
            condiciones = [Aviso.id > ultimo, *self._entregable(ahora, incluso_en_espera)]
            with self._sesiones() as sesion:
                ids = list(sesion.scalars(select(Aviso.id).where(*condiciones).order_by(Aviso.id).limit(LOTE)))
            if not ids:
                return
            yield from ids
            ultimo = ids[-1]

    @staticmethod
    def _entregable(ahora: datetime, incluso_en_espera: bool) -> list[ColumnElement[bool]]:
        condiciones = [Aviso.estado == PENDIENTE,
                       or_(Aviso.reclamado_hasta.is_(None), Aviso.reclamado_hasta < ahora)]
        if not incluso_en_espera:
            condiciones.append(or_(Aviso.proximo_intento_en.is_(None), Aviso.proximo_intento_en <= ahora))
        return condiciones

    def _reclamar(self, aviso_id: int, incluso_en_espera: bool) -> Aviso | None:
        """El aviso es de este cartero sólo si el UPDATE condicional cambió su renglón."""
        ahora = _ahora()
        with self._sesiones.begin() as sesion:
            reclamo = sesion.connection().execute(
                update(Aviso).where(Aviso.id == aviso_id, *self._entregable(ahora, incluso_en_espera))
                .values(reclamado_por=self.nombre, reclamado_hasta=ahora + self._plazo_de_reclamo))
            if reclamo.rowcount != 1:
                return None
            aviso = sesion.get_one(Aviso, aviso_id, populate_existing=True)
            sesion.expunge(aviso)  # se lee después, sin sesión ni transacción abiertas
            return aviso

    def _anotar(self, aviso_id: int, solo_si_es_mio: bool, **valores: Any) -> None:
        condiciones = [Aviso.id == aviso_id]
        if solo_si_es_mio:
            condiciones.append(Aviso.reclamado_por == self.nombre)
        with self._sesiones.begin() as sesion:
            sesion.connection().execute(update(Aviso).where(*condiciones).values(
                reclamado_por=None, reclamado_hasta=None, **valores))

    def _anotar_enviado(self, aviso_id: int, rechazados: dict[str, tuple[int, bytes]]) -> None:
        # Sin condición de reclamo: el servidor ya lo aceptó, aunque el reclamo hubiera vencido.
        texto = _texto_de_rechazos(rechazados)
        self._anotar(aviso_id, False, estado=ENVIADO, enviado_en=_ahora(), intentos=Aviso.intentos + 1,
                     ultimo_error=texto, proximo_intento_en=None)
        if rechazados:
            bitacora.warning("Aviso %s entregado, pero el servidor rechazó a: %s", aviso_id, texto)
        else:
            bitacora.info("Aviso %s entregado", aviso_id)

    def _anotar_falla(self, aviso_id: int, intentos: int, falla: _Falla) -> None:
        if falla.permanente and intentos >= MAX_INTENTOS:
            self._anotar(aviso_id, True, estado=FALLIDO, intentos=intentos, ultimo_error=falla.texto,
                         proximo_intento_en=None)
            bitacora.error("Aviso %s fallido tras %d intentos; no se reintentará: %s",
                           aviso_id, intentos, falla.texto)
            return
        espera = espera_tras(intentos, self._espera_base)
        self._anotar(aviso_id, True, intentos=intentos, ultimo_error=falla.texto,
                     proximo_intento_en=_ahora() + timedelta(seconds=espera))
        bitacora.warning("Aviso %s sin entregar (intento %d); se reintenta en %g s: %s",
                         aviso_id, intentos, espera, falla.texto)


@dataclass(frozen=True)
class _Falla:
    texto: str
    permanente: bool  # 5xx: el servidor no lo aceptará así
    de_conexion: bool  # la conexión ya no sirve: termina la tanda


def _falla(error: Exception) -> _Falla:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codigos = [codigo for codigo, _ in error.recipients.values()]
        return _Falla(_texto_de_rechazos(error.recipients), all(c >= 500 for c in codigos), False)
    if isinstance(error, smtplib.SMTPConnectError | smtplib.SMTPHeloError | smtplib.SMTPServerDisconnected):
        return _Falla(f"{type(error).__name__}: {error}", False, True)
    if isinstance(error, smtplib.SMTPResponseException):
        texto = f"{error.smtp_code} {_texto(error.smtp_error)}"
        return _Falla(texto, 500 <= error.smtp_code < 600, error.smtp_code == 421)  # 421: el servidor cierra
    if isinstance(error, smtplib.SMTPException):
        return _Falla(f"{type(error).__name__}: {error}", True, False)
    if isinstance(error, OSError):  # conexión rechazada, tiempo agotado, conexión cortada
        return _Falla(f"{type(error).__name__}: {error}", False, True)
    # Algo imprevisto a media conversación: no se sabe en qué quedó la conexión.
    return _Falla(f"{type(error).__name__}: {error}", True, True)


def _texto(respuesta: bytes | str) -> str:
    return respuesta.decode(errors="replace") if isinstance(respuesta, bytes) else respuesta


def _texto_de_rechazos(rechazados: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{quien}: {codigo} {_texto(motivo)}" for quien, (codigo, motivo) in rechazados.items())


def _ahora() -> datetime:
    return datetime.now(UTC)


class _Conexion:
    """Una conexión SMTP por tanda, abierta con el primer aviso reclamado."""

    def __init__(self, servidor: str, tiempo_limite: float) -> None:
        host, _, puerto = servidor.rpartition(":")
        self._host, self._puerto = (host, int(puerto)) if host else (servidor, 25)
        self._tiempo_limite = tiempo_limite
        self._smtp: smtplib.SMTP | None = None

    def enviar(self, mensaje: EmailMessage) -> dict[str, tuple[int, bytes]]:
        """Los destinatarios que el servidor rechazó; si los rechaza a todos, SMTPRecipientsRefused."""
        if self._smtp is None:
            # local_hostname: sin él, smtplib pregunta su nombre al DNS, que a veces tarda.
            self._smtp = smtplib.SMTP(self._host, self._puerto, local_hostname=DOMINIO,
                                      timeout=self._tiempo_limite)
        return self._smtp.send_message(mensaje)

    def descartar_si(self, rota: bool) -> None:
        if rota and self._smtp is not None:
            self._smtp.close()
            self._smtp = None

    def __enter__(self) -> _Conexion:
        return self

    def __exit__(self, tipo: type[BaseException] | None, error: BaseException | None,
                 rastro: TracebackType | None) -> None:
        if self._smtp is None:
            return
        try:
            self._smtp.quit()
        except (OSError, smtplib.SMTPException):
            self._smtp.close()
