"""Avisos por correo: se encolan en la base de datos con el trámite y un cartero los entrega por SMTP.

Si el servidor SMTP no responde, el aviso se queda en la bandeja de salida y se reintenta: el trámite
firmado nunca se pierde por un fallo del correo.
"""

from __future__ import annotations

import logging
import smtplib
import threading
from datetime import datetime
from email.message import EmailMessage

from flask import render_template
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from stub_portal.modelo import Aviso
from stub_portal.reloj import Reloj

REMITENTE = "avisos@ventanillaunica.example"
bitacora = logging.getLogger(__name__)


def encolar(
    sesion: Session, destinatarios: list[str], asunto: str, plantilla: str, ahora: datetime,
    **datos: object,
) -> Aviso:
    """Agrega a la bandeja de salida el aviso hecho con plantilla.txt y plantilla.html."""
    aviso = Aviso(
        destinatarios=",".join(destinatarios),
        asunto=asunto,
        cuerpo=render_template(f"correo/{plantilla}.txt", **datos),
        cuerpo_html=render_template(f"correo/{plantilla}.html", **datos),
        creado_en=ahora,
    )
    sesion.add(aviso)
    return aviso


class Cartero:
    """Entrega los avisos pendientes al servidor SMTP configurado."""

    def __init__(self, sesiones: sessionmaker[Session], servidor: str | None) -> None:
        self._sesiones = sesiones
        self._servidor = servidor
        self._candado = threading.Lock()

    def entregar_pendientes(self, ahora: datetime) -> int:
        """Envía lo que haya en la bandeja de salida; devuelve cuántos avisos salieron."""
        if not self._servidor:
            return 0
        host, _, puerto = self._servidor.rpartition(":")
        enviados = 0
        with self._candado, self._sesiones.begin() as sesion:
            pendientes = sesion.scalars(select(Aviso).where(Aviso.enviado_en.is_(None))).all()
            for aviso in pendientes:
                try:
                    with smtplib.SMTP(host, int(puerto), timeout=10) as smtp:
                        smtp.send_message(_mensaje(aviso))
                except (OSError, smtplib.SMTPException) as error:
                    aviso.intentos += 1
                    aviso.ultimo_error = str(error)
                    bitacora.warning("Aviso %s sin entregar: %s", aviso.id, error)
                    break  # el servidor no está: se reintenta más tarde
                aviso.enviado_en = ahora
                enviados += 1
        return enviados

    def iniciar_reintentos(self, reloj: Reloj, cada_segundos: float = 10.0) -> threading.Event:
        """Un hilo que reintenta la bandeja de salida; devuelve el evento que lo detiene."""
        alto = threading.Event()

        def ciclo() -> None:
            while not alto.wait(cada_segundos):
                self.entregar_pendientes(reloj.ahora())

        threading.Thread(target=ciclo, name="cartero", daemon=True).start()
        return alto


def _mensaje(aviso: Aviso) -> EmailMessage:
    mensaje = EmailMessage()
    mensaje["From"] = REMITENTE
    mensaje["To"] = aviso.destinatarios.replace(",", ", ")
    mensaje["Subject"] = aviso.asunto
    mensaje["Message-ID"] = f"<aviso-{aviso.id}@ventanillaunica.example>"
    mensaje.set_content(aviso.cuerpo)
    if aviso.cuerpo_html:
        mensaje.add_alternative(aviso.cuerpo_html, subtype="html")
    return mensaje
