"""El correo del arnés con conversaciones SMTP de verdad: sus dos formas (el buzón dentro del proceso y
el servicio aparte, leído por su API) cumplen el mismo protocolo `Correo` y se portan igual."""

from __future__ import annotations

import smtplib
import threading
from collections.abc import Iterator, Sequence
from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from fixtures.correo import BuzonRemoto, BuzonSmtp, Correo


def enviar(smtp: str, para: Sequence[str], asunto: str, texto: str, cco: Sequence[str] = ()) -> str:
    """Envía un mensaje por SMTP y devuelve su Message-ID."""
    host, _, puerto = smtp.rpartition(":")
    mensaje = EmailMessage()
    mensaje["From"], mensaje["To"], mensaje["Subject"] = "a@x.example", ", ".join(para), asunto
    mensaje["Message-ID"] = make_msgid(domain="x.example")
    mensaje.set_content(texto)
    with smtplib.SMTP(host, int(puerto)) as conversacion:
        conversacion.send_message(mensaje, to_addrs=[*para, *cco])
    return str(mensaje["Message-ID"])


@pytest.fixture(params=["en el proceso", "servicio"])
def correo(request: pytest.FixtureRequest) -> Iterator[Correo]:
    """Cada forma del correo; el cliente del servicio sólo ve lo llegado después de crearse."""
    if request.param == "servicio":
        _, api = request.getfixturevalue("servicio_de_buzon")
        yield BuzonRemoto(api)
        return
    buzon = BuzonSmtp().iniciar()
    yield buzon
    buzon.detener()


def test_toma_un_puerto_libre_y_guarda_sobre_asunto_y_texto(correo: Correo) -> None:
    assert not correo.direccion.endswith(":0")
    id_mensaje = enviar(correo.direccion, ["Uno@X.example"], "Aviso ñandú", "folio 123\nfin",
                        cco=["oculto@x.example"])
    recibido = correo.esperar("uno@x.example", contiene="123", plazo=5)
    assert recibido.destinatarios == {"uno@x.example", "oculto@x.example"}
    assert (recibido.asunto, recibido.texto, recibido.message_id) == ("Aviso ñandú", "folio 123\nfin\n",
                                                                      id_mensaje)
    assert recibido.remitente == "a@x.example" and recibido.recibido_en.tzinfo is not None
    assert correo.esperar("OCULTO@x.example", plazo=5) == recibido  # un solo mensaje, en los dos buzones


def test_espera_un_mensaje_que_llega_desde_otro_hilo(correo: Correo) -> None:
    hilo = threading.Thread(target=enviar, args=(correo.direccion, ["b@x.example"], "Tarde", "folio 999"))
    hilo.start()
    assert correo.esperar("b@x.example", contiene="999", plazo=10).asunto == "Tarde"
    hilo.join()


def test_sin_el_mensaje_falla_al_vencer_el_plazo_diciendo_que_hay_en_su_buzon(correo: Correo) -> None:
    enviar(correo.direccion, ["c@x.example"], "Otro", "nada")
    enviar(correo.direccion, ["ajeno@x.example"], "Ajeno", "folio 1")
    with pytest.raises(AssertionError, match=r"^No llegó ningún mensaje para c@x.example con asunto «Aviso» "
                                             r"con «folio 1» en el texto en 0.2 s. En ese buzón hay 1:\n"
                                             r"  - \['c@x.example'\]: Otro$"):
        correo.esperar("c@x.example", asunto="Aviso", contiene="folio 1", plazo=0.2)
    with pytest.raises(AssertionError, match=r"en 0.1 s. Ese buzón está vacío.$"):
        correo.esperar("nadie@x.example", plazo=0.1)


def test_cada_destinatario_tiene_su_buzon_y_el_asunto_se_compara_entero(correo: Correo) -> None:
    enviar(correo.direccion, ["a@x.example"], "Aviso de la solicitud 1", "folio 1")
    enviar(correo.direccion, ["b@x.example"], "Aviso de la solicitud 2", "folio 2")
    enviar(correo.direccion, ["a@x.example", "B@x.example"], "Aviso de la solicitud 3", "folio 3")
    correo.esperar("b@x.example", contiene="folio 3", plazo=5)
    assert [r.texto for r in correo.mensajes("A@x.example")] == ["folio 1\n", "folio 3\n"]
    assert [r.texto for r in correo.mensajes("b@x.example")] == ["folio 2\n", "folio 3\n"]
    assert correo.mensajes("a@x.example", asunto="Aviso de la solicitud") == []
    [tercero] = correo.mensajes("a@x.example", asunto="Aviso de la solicitud 3")
    assert tercero.destinatarios == {"a@x.example", "b@x.example"}
    assert correo.mensajes("b@x.example", contiene="folio 3") == [tercero]
    assert correo.mensajes("b@x.example", contiene="Folio 3") == []


def test_en_un_buzon_compartido_se_espera_el_aviso_cuyo_asunto_dice_un_folio(correo: Correo) -> None:
    enviar(correo.direccion, ["f@x.example"], "Aviso de otra solicitud 0401", "de otro escenario")
    hilo = threading.Thread(target=enviar, args=(correo.direccion, ["f@x.example"], "Resolución: folio 04 02",
                                                 "el de este escenario"))
    hilo.start()
    recibido = correo.esperar("f@x.example", asunto_como=r"folio\s+04\s*02", plazo=10)
    hilo.join()
    assert recibido.texto == "el de este escenario\n"
    assert correo.mensajes("f@x.example", asunto_como=r"FOLIO 04 02") == [recibido]  # sin distinguir mayúsculas
    with pytest.raises(AssertionError, match=r"con un asunto como «folio 9» en 0.1 s. En ese buzón hay 2"):
        correo.esperar("f@x.example", asunto_como="folio 9", plazo=0.1)


def test_vaciar_un_buzon_no_toca_los_de_los_demas(correo: Correo) -> None:
    enviar(correo.direccion, ["d@x.example"], "Sólo a d", "uno")
    enviar(correo.direccion, ["d@x.example", "e@x.example"], "A d y a e", "dos")
    correo.esperar("e@x.example", plazo=5)
    assert correo.vaciar("D@x.example") == 2
    assert correo.mensajes("d@x.example") == []
    [compartido] = correo.mensajes("e@x.example")
    assert compartido.destinatarios == {"d@x.example", "e@x.example"}
    assert correo.vaciar("d@x.example") == 0


def test_el_buzon_del_proceso_tambien_espera_cualquier_condicion() -> None:
    """Para las pruebas del arnés (el cartero), que miran todo lo que llegó."""
    buzon = BuzonSmtp().iniciar()
    try:
        enviar(buzon.direccion, ["c@x.example"], "Otro", "nada")
        with pytest.raises(AssertionError, match=r"No llegó el aviso 1 .* Llegaron 1:\n.*Otro"):
            buzon.esperar_que(lambda r: "folio 1" in r.texto, plazo=0.2, que="el aviso 1")
        assert buzon.esperar_que(lambda r: r.asunto == "Otro", plazo=5).texto == "nada\n"
        assert [r.asunto for r in buzon.recibidos()] == ["Otro"]
    finally:
        buzon.detener()
