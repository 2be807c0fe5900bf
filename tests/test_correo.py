"""El cartero de avisos con piezas de verdad: base SQLite en archivo (y PostgreSQL), servidores SMTP
aiosmtpd, un servidor que acepta la conexión y nunca contesta, y el cartero en otro proceso."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session
from flask import Flask
from sqlalchemy import create_engine, select

from fixtures.correo import BuzonSmtp, Recibido
from stub_portal.base_de_datos import Sesiones, abrir
from stub_portal.correo import (
    ENVIADO,
    FALLIDO,
    MAX_INTENTOS,
    PENDIENTE,
    Cartero,
    avisos_por_estado,
    bandeja_de_salida,
    encolar,
    espera_tras,
)
from stub_portal.modelo import Aviso, Base

RAIZ = Path(__file__).resolve().parents[1]
PLAZO = 15.0  # segundos; toda espera es por una condición y termina en cuanto se cumple
# El reloj del portal congelado en el pasado: el reparto no debe depender de él.
HORA_DEL_PORTAL = datetime(2022, 3, 1, 10, 0, tzinfo=ZoneInfo("America/Mexico_City"))


class BuzonQueRechaza(BuzonSmtp):
    """Contesta `respuesta` a RCPT TO de ciertas direcciones y cuenta cuántas veces se las ofrecen."""

    def __init__(self, rechazados: set[str], respuesta: str = "550 5.1.1 El buzón no existe") -> None:
        super().__init__()
        self._rechazados, self._respuesta = rechazados, respuesta
        self.ofrecidos: Counter[str] = Counter()

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str,
                          rcpt_options: list[str]) -> str:
        self.ofrecidos[address.lower()] += 1
        if address.lower() in self._rechazados:
            return self._respuesta
        envelope.rcpt_tos.append(address)
        return "250 OK"


class BuzonQueSeDetiene(BuzonSmtp):
    """Se queda callado dentro de handle_DATA del mensaje número `numero`: no llega a contestar 250."""

    def __init__(self, numero: int) -> None:
        super().__init__()
        self._numero, self._datos = numero, 0
        self.detenido = threading.Event()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self._datos += 1  # el controlador atiende en un solo hilo
        if self._datos == self._numero:
            self.detenido.set()
            try:  # si el cliente muere, aiosmtpd cancela esta espera: el mensaje no se guarda
                await asyncio.wait_for(asyncio.get_running_loop().create_future(), PLAZO)
            except TimeoutError:
                return "451 4.3.0 El buzón no contestó"
        return await super().handle_DATA(server, session, envelope)


class ServidorMudo:
    """Acepta conexiones TCP y nunca contesta: un servidor SMTP colgado."""

    def __init__(self) -> None:
        self._enchufe = socket.create_server(("127.0.0.1", 0))
        self._conexiones: list[socket.socket] = []
        self._alto = threading.Event()
        self.conectado = threading.Event()
        self._hilo = threading.Thread(target=self._aceptar, daemon=True)

    @property
    def direccion(self) -> str:
        return f"127.0.0.1:{self._enchufe.getsockname()[1]}"

    def _aceptar(self) -> None:
        while True:
            conexion, _ = self._enchufe.accept()
            self._conexiones.append(conexion)
            if self._alto.is_set():
                return
            self.conectado.set()

    def __enter__(self) -> ServidorMudo:
        self._hilo.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._alto.set()
        socket.create_connection(self._enchufe.getsockname(), timeout=PLAZO).close()  # despierta a accept
        self._hilo.join(PLAZO)
        for conexion in self._conexiones:
            conexion.close()
        self._enchufe.close()


class Bitacora(logging.Handler):
    """Los registros de la bitácora del correo, con espera por condición."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.registros: list[logging.LogRecord] = []
        self._condicion = threading.Condition()

    def emit(self, registro: logging.LogRecord) -> None:
        with self._condicion:
            self.registros.append(registro)
            self._condicion.notify_all()

    def esperar(self, condicion: Callable[[logging.LogRecord], bool]) -> logging.LogRecord:
        with self._condicion:
            registro = self._condicion.wait_for(
                lambda: next((r for r in self.registros if condicion(r)), None), timeout=PLAZO)
        assert registro is not None, [r.getMessage() for r in self.registros]
        return registro


@pytest.fixture
def bitacora() -> Iterator[Bitacora]:
    manejador, registrador = Bitacora(), logging.getLogger("stub_portal.correo")
    registrador.addHandler(manejador)
    yield manejador
    registrador.removeHandler(manejador)


def _con_esquema(url: str) -> str:
    motor = create_engine(url)
    Base.metadata.create_all(motor)
    motor.dispose()
    return url


@pytest.fixture
def url_sqlite(tmp_path: Path) -> str:
    return _con_esquema(f"sqlite:///{tmp_path / 'portal.sqlite3'}")


@pytest.fixture(params=["sqlite", "postgres"])
def url_de_cualquier_base(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return _con_esquema(f"sqlite:///{tmp_path / 'portal.sqlite3'}")
    return _con_esquema(request.getfixturevalue("base_postgres")())


@pytest.fixture
def abrir_base() -> Iterator[Callable[[str], Sesiones]]:
    """Abre la base como el portal (cada llamada, motores propios, como otro proceso) y la cierra al final."""
    abiertas: list[Sesiones] = []

    def abrir_y_recordar(url: str) -> Sesiones:
        abiertas.append(abrir(url))
        return abiertas[-1]

    yield abrir_y_recordar
    for sesiones in abiertas:
        for fabrica in (sesiones.lectura, sesiones.escritura):
            fabrica.kw["bind"].dispose()


def _encolar(sesiones: Sesiones, destinatarios: list[str]) -> list[int]:
    """Un aviso de resolución por destinatario, como lo encola la vista; devuelve sus id."""
    app = Flask(__name__, root_path=str(RAIZ / "stub_portal"))  # sus plantillas de correo
    app.jinja_env.filters["monto"] = str
    with app.app_context(), sesiones.escritura.begin() as sesion:
        avisos = []
        for numero, destinatario in enumerate(destinatarios, start=1):
            solicitud = SimpleNamespace(
                folio=f"SE-{numero}", estado="autorizada", resuelta_en=HORA_DEL_PORTAL, documento_folio=None,
                monto_otorgado=None, motivo_rechazo=None,
                solicitante=SimpleNamespace(nombre="Empresa", rfc="AAA010101AAA"))
            avisos.append(encolar(sesion, [destinatario], f"Resolución de su solicitud SE-{numero}",
                                  "resolucion", HORA_DEL_PORTAL, solicitud=solicitud, tramite="Asignación"))
        sesion.flush()
        return [aviso.id for aviso in avisos]


def _avisos(sesiones: Sesiones) -> dict[int, Aviso]:
    with sesiones.lectura() as sesion:
        return {aviso.id: aviso for aviso in sesion.scalars(select(Aviso))}


def _utc(momento: datetime | None) -> datetime:
    assert momento is not None
    return momento if momento.tzinfo else momento.replace(tzinfo=UTC)  # SQLite lo devuelve sin zona


def _con_id(id_mensaje: str) -> Callable[[Recibido], bool]:
    return lambda recibido: recibido.message_id == id_mensaje


def _por_id_de_mensaje(buzon: BuzonSmtp) -> Counter[str]:
    return Counter(r.message_id for r in buzon.recibidos())


def test_la_espera_entre_reintentos_se_duplica_hasta_el_tope() -> None:
    assert [espera_tras(n, base=10, tope=100) for n in range(1, 7)] == [10, 20, 40, 80, 100, 100]


def test_un_aviso_rechazado_no_detiene_a_los_demas_y_tras_max_intentos_queda_fallido(
        url_sqlite: str, abrir_base: Callable[[str], Sesiones], bitacora: Bitacora) -> None:
    sesiones = abrir_base(url_sqlite)
    rechazado, *otros = _encolar(sesiones, ["nadie@x.example", "uno@x.example", "dos@x.example"])
    buzon = BuzonQueRechaza({"nadie@x.example"}).iniciar()
    try:
        cartero = Cartero(sesiones, buzon.direccion, espera_base=0)
        assert cartero.entregar_pendientes() == 2
        assert {r.destinatarios for r in buzon.recibidos()} == {frozenset({"uno@x.example"}),
                                                                 frozenset({"dos@x.example"})}
        assert [cartero.entregar_pendientes() for _ in range(MAX_INTENTOS)] == [0] * MAX_INTENTOS
        assert buzon.ofrecidos["nadie@x.example"] == MAX_INTENTOS  # el último reparto ya no lo intentó
    finally:
        buzon.detener()
    avisos = _avisos(sesiones)
    assert [avisos[i].estado for i in otros] == [ENVIADO, ENVIADO]
    assert (avisos[rechazado].estado, avisos[rechazado].intentos) == (FALLIDO, MAX_INTENTOS)
    assert "550 5.1.1 El buzón no existe" in avisos[rechazado].ultimo_error
    with sesiones.lectura() as sesion:
        assert [a.id for a in bandeja_de_salida(sesion, FALLIDO)] == [rechazado]
        assert avisos_por_estado(sesion) == {PENDIENTE: 0, ENVIADO: 2, FALLIDO: 1}
    errores = [r for r in bitacora.registros if r.levelno == logging.ERROR]
    assert len(errores) == 1 and "no se reintentará" in errores[0].getMessage()


def test_un_rechazo_temporal_se_reintenta_sin_pasar_a_fallido(
        url_sqlite: str, abrir_base: Callable[[str], Sesiones]) -> None:
    sesiones = abrir_base(url_sqlite)
    [aviso_id] = _encolar(sesiones, ["lleno@x.example"])
    buzon = BuzonQueRechaza({"lleno@x.example"}, "452 4.2.2 Buzón lleno").iniciar()
    try:
        cartero = Cartero(sesiones, buzon.direccion, espera_base=0)
        for _ in range(MAX_INTENTOS + 1):
            cartero.entregar_pendientes()
    finally:
        buzon.detener()
    aviso = _avisos(sesiones)[aviso_id]
    assert (aviso.estado, aviso.intentos) == (PENDIENTE, MAX_INTENTOS + 1)


def test_con_el_servidor_colgado_encolar_no_espera_y_el_cartero_agenda_el_reintento(
        url_sqlite: str, abrir_base: Callable[[str], Sesiones], bitacora: Bitacora) -> None:
    sesiones = abrir_base(url_sqlite)
    with ServidorMudo() as mudo:
        cartero = Cartero(sesiones, mudo.direccion, tiempo_limite=0.5, cada=PLAZO * 4)
        cartero.iniciar()
        try:
            [aviso_id] = _encolar(sesiones, ["uno@x.example"])  # lo que hace la petición…
            cartero.despertar()  # …y vuelve sin esperar al servidor
            assert _avisos(sesiones)[aviso_id].estado == PENDIENTE
            assert mudo.conectado.wait(PLAZO), "el cartero no llegó al servidor colgado"
            bitacora.esperar(lambda r: r.levelno == logging.WARNING and "sin entregar" in r.getMessage())
        finally:
            cartero.detener()
    aviso = _avisos(sesiones)[aviso_id]
    assert (aviso.estado, aviso.intentos, aviso.reclamado_por) == (PENDIENTE, 1, None)
    assert "timed out" in aviso.ultimo_error
    assert _utc(aviso.proximo_intento_en) > datetime.now(UTC)  # hora real, no la del portal (2022)


def test_dos_carteros_a_la_vez_entregan_cada_aviso_una_sola_vez(
        url_de_cualquier_base: str, abrir_base: Callable[[str], Sesiones]) -> None:
    ids = _encolar(abrir_base(url_de_cualquier_base), [f"p{n}@x.example" for n in range(30)])
    buzon = BuzonSmtp().iniciar()
    try:
        carteros = [Cartero(abrir_base(url_de_cualquier_base), buzon.direccion) for _ in range(2)]
        salida = threading.Barrier(len(carteros))

        def repartir(cartero: Cartero) -> int:
            salida.wait(PLAZO)
            return cartero.entregar_pendientes()

        with ThreadPoolExecutor(len(carteros)) as hilos:
            enviados = [t.result(PLAZO * 2) for t in [hilos.submit(repartir, c) for c in carteros]]
    finally:
        buzon.detener()
    assert sum(enviados) == len(ids)
    recibidos = _por_id_de_mensaje(buzon)
    esperados = {a.id_mensaje for a in _avisos(abrir_base(url_de_cualquier_base)).values()}
    assert set(recibidos) == esperados and set(recibidos.values()) == {1}


def _cartero_en_proceso(url: str, smtp: str, salida: Path, *extra: str) -> subprocess.Popen[bytes]:
    orden = [sys.executable, "-m", "stub_portal.cartero", "--db", url, "--smtp", smtp, "--cada", "0.1",
             "--plazo-de-reclamo", "1", *extra]
    with salida.open("ab") as bitacora:
        return subprocess.Popen(orden, cwd=RAIZ, stdout=bitacora, stderr=subprocess.STDOUT,
                                env={**os.environ, "PYTHONPATH": str(RAIZ)})


def test_el_cartero_muerto_a_media_tanda_no_repite_lo_ya_aceptado_al_volver(
        url_sqlite: str, abrir_base: Callable[[str], Sesiones], tmp_path: Path) -> None:
    sesiones, k = abrir_base(url_sqlite), 4
    ids = _encolar(sesiones, [f"p{n}@x.example" for n in range(8)])
    buzon, salida = BuzonQueSeDetiene(numero=k).iniciar(), tmp_path / "cartero.log"
    procesos: list[subprocess.Popen[bytes]] = []
    try:
        # Tiempo límite largo: el cartero sigue esperando el 250 del mensaje k cuando lo matan.
        procesos.append(_cartero_en_proceso(url_sqlite, buzon.direccion, salida, "--tiempo-limite", "60"))
        assert buzon.detenido.wait(PLAZO), salida.read_text()
        procesos[0].send_signal(signal.SIGKILL)
        procesos[0].wait(PLAZO)
        avisos = _avisos(sesiones)
        assert [avisos[i].estado for i in ids] == [ENVIADO] * (k - 1) + [PENDIENTE] * (len(ids) - k + 1)

        procesos.append(_cartero_en_proceso(url_sqlite, buzon.direccion, salida))
        for aviso in avisos.values():  # el k, cuando venza el reclamo del cartero muerto
            buzon.esperar_que(_con_id(aviso.id_mensaje), plazo=PLAZO, que=f"el aviso {aviso.id}")
        procesos[1].send_signal(signal.SIGTERM)
        assert procesos[1].wait(PLAZO) == 0, salida.read_text()
    finally:
        for proceso in procesos:
            if proceso.poll() is None:
                proceso.kill()
                proceso.wait()
        buzon.detener()
    recibidos = _por_id_de_mensaje(buzon)
    assert set(recibidos) == {a.id_mensaje for a in avisos.values()}
    assert set(recibidos.values()) == {1}, recibidos
    assert {a.estado for a in _avisos(sesiones).values()} == {ENVIADO}
