"""El buzón SMTP del arnés, con una conversación SMTP de verdad."""

import smtplib
import threading
from email.message import EmailMessage

import pytest

from fixtures.correo import BuzonSmtp


@pytest.fixture
def servidor():
    buzon = BuzonSmtp().iniciar()
    yield buzon
    buzon.detener()


def _enviar(direccion: str, para: list[str], asunto: str, texto: str, cco: list[str] = ()) -> None:
    host, _, puerto = direccion.rpartition(":")
    mensaje = EmailMessage()
    mensaje["From"], mensaje["To"], mensaje["Subject"] = "a@x.example", ", ".join(para), asunto
    mensaje.set_content(texto)
    with smtplib.SMTP(host, int(puerto)) as smtp:
        smtp.send_message(mensaje, to_addrs=[*para, *cco])


def test_toma_un_puerto_libre_y_guarda_sobre_asunto_y_texto(servidor: BuzonSmtp) -> None:
    assert not servidor.direccion.endswith(":0")
    _enviar(servidor.direccion, ["Uno@X.example"], "Aviso ñandú", "folio 123", cco=["oculto@x.example"])
    recibido = servidor.esperar(lambda r: "123" in r.texto, plazo=5)
    assert recibido.destinatarios == {"uno@x.example", "oculto@x.example"}
    assert recibido.asunto == "Aviso ñandú"


def test_espera_un_mensaje_que_llega_desde_otro_hilo(servidor: BuzonSmtp) -> None:
    hilo = threading.Thread(
        target=_enviar, args=(servidor.direccion, ["b@x.example"], "Tarde", "folio 999"))
    hilo.start()
    assert servidor.esperar(lambda r: "999" in r.texto, plazo=10).asunto == "Tarde"
    hilo.join()


def test_sin_el_mensaje_falla_al_vencer_el_plazo_diciendo_que_llego(servidor: BuzonSmtp) -> None:
    _enviar(servidor.direccion, ["c@x.example"], "Otro", "nada")
    with pytest.raises(AssertionError, match=r"No llegó el aviso 1 .* Llegaron 1:\n.*Otro"):
        servidor.esperar(lambda r: "folio 1" in r.texto, plazo=0.2, que="el aviso 1")
