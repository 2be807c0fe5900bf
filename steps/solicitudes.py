"""Pasos de las solicitudes del beneficiario: asignación y expedición de certificado."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from faker import Faker
from playwright.sync_api import Page
from pytest_bdd import given, parsers, when

from fixtures.calendario import Calendario
from fixtures.datos import Cupo, Fabrica, Persona, factura, pedimento
from fixtures.hora_del_portal import Ventanilla, anio_del_portal
from pages import flujos
from pages.flujos import VENTANILLA_UNICA, NuevoContexto
from pages.solicitudes import DetalleDeSolicitud


def _asignacion(ventanilla: Ventanilla, page: Page, empresa: Persona, cupo: Cupo, monto: str, lugar: str,
                pedimentos: str = "", copias: list[Path] | None = None) -> None:
    """Presenta la solicitud; en un cupo a la hora del portal, si el lugar no recibe ahora, no se corre."""
    presentacion = ventanilla.presentar(cupo, lugar, lambda: flujos.solicitar_asignacion(
        page, empresa, cupo.nombre, monto, lugar, pedimentos, copias))
    ventanilla.si_no_recibe_no_se_corre(cupo, presentacion)


def _certificado(ventanilla: Ventanilla, cupo: Cupo, lugar: str, enviar: Callable[[], None]) -> None:
    ventanilla.presentar(cupo, lugar, enviar, horario=False)


@given("una persona física registrada en la Ventanilla Única", target_fixture="empresa")
def persona_fisica(fabrica: Fabrica) -> Persona:
    return fabrica.persona_fisica()


@given("una empresa con un RFC que no es mexicano registrada en la Ventanilla Única", target_fixture="empresa")
def empresa_con_rfc_extranjero(fabrica: Fabrica) -> Persona:
    return fabrica.solicitante_con_rfc_extranjero()


@given(parsers.parse('una empresa con domicilio fiscal en "{pais}" registrada en la Ventanilla Única'),
       target_fixture="empresa")
def empresa_domiciliada_fuera(fabrica: Fabrica, pais: str) -> Persona:
    return fabrica.solicitante_domiciliado_en(pais)


@given(parsers.parse("que la empresa ya tiene una asignación de {monto:d} toneladas de ese cupo"),
       target_fixture="asignacion")
def ya_tiene_asignacion(fabrica: Fabrica, cupo: Cupo, empresa: Persona, monto: int) -> str:
    return fabrica.asignacion(cupo, empresa, Decimal(monto))


@given(parsers.parse("una empresa con una asignación de {monto:d} toneladas de ese cupo, registrada en la "
                     "Ventanilla Única"), target_fixture="empresa")
@given("una empresa con una asignación de ese cupo, registrada en la Ventanilla Única", target_fixture="empresa")
def titular_de_una_asignacion(fabrica: Fabrica, cupo: Cupo, monto: int | None = None) -> Persona:
    return fabrica.titular_de_una_asignacion(cupo, None if monto is None else Decimal(monto))


@given("su constancia de asignación de ese cupo, obtenida en la Representación Federal del cupo",
       target_fixture="asignacion")
def su_constancia(fabrica: Fabrica, cupo: Cupo, empresa: Persona) -> str:
    return fabrica.constancia(cupo, empresa)


@when(parsers.parse('la empresa solicita la asignación de {monto} toneladas en la "{lugar}"'))
def solicita_asignacion(ventanilla: Ventanilla, page: Page, empresa: Persona, cupo: Cupo, monto: str,
                        lugar: str) -> None:
    _asignacion(ventanilla, page, empresa, cupo, monto, lugar)


def _copias_de_pedimentos(fabrica: Fabrica, copias: dict[str, bytes], cuantas: int) -> list[Path]:
    archivos = [fabrica.archivo(f"pedimento-{numero}.pdf") for numero in range(1, cuantas + 1)]
    copias.update({archivo.name: archivo.read_bytes() for archivo in archivos})
    return archivos


@when(parsers.parse("la empresa solicita otra asignación de {monto} toneladas con pedimentos por "
                    "{acreditado} toneladas"))
@when(parsers.parse("la empresa solicita otra asignación de {monto} toneladas con pedimentos por "
                    "{acreditado} toneladas, {sin} sus copias"))
def solicita_con_pedimentos(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, empresa: Persona, cupo: Cupo,
                            fake: Faker, copias: dict[str, bytes], monto: str, acreditado: str,
                            sin: str = "") -> None:
    """Dos pedimentos del año del portal (el que imprime), que suman lo acreditado, con la copia de cada
    uno (o, «sin sus copias», sin ellas)."""
    anio, total = anio_del_portal(page), Decimal(acreditado)
    renglones = [f"{pedimento(fake, anio)} 40", f"{pedimento(fake, anio)} {total - 40}"]
    adjuntas = [] if sin == "sin" else _copias_de_pedimentos(fabrica, copias, len(renglones))
    _asignacion(ventanilla, page, empresa, cupo, monto, VENTANILLA_UNICA, "\n".join(renglones), adjuntas)


@given(parsers.parse("que la empresa solicitó otra asignación de {monto} toneladas con pedimentos por "
                     "{acreditado} toneladas y sus copias"), target_fixture="folio")
def solicito_con_pedimentos(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, empresa: Persona, cupo: Cupo,
                            fake: Faker, copias: dict[str, bytes], monto: str, acreditado: str) -> str:
    solicita_con_pedimentos(ventanilla, page, fabrica, empresa, cupo, fake, copias, monto, acreditado)
    return DetalleDeSolicitud(page).leer_folio()


@when(parsers.parse('la empresa solicita otra asignación de {monto} toneladas con el pedimento '
                    '"{numero}" por {cantidad} toneladas'))
def solicita_con_un_pedimento(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, empresa: Persona, cupo: Cupo,
                              copias: dict[str, bytes], monto: str, numero: str, cantidad: str) -> None:
    _asignacion(ventanilla, page, empresa, cupo, monto, VENTANILLA_UNICA, f"{numero} {cantidad}",
                _copias_de_pedimentos(fabrica, copias, 1))


_CERTIFICADO = (
    r'la empresa solicita un certificado de (?P<monto>[\d.]+) toneladas con factura por (?P<cantidad>[\d.]+) '
    r'toneladas y "(?P<transporte>[^"]+)", en (?P<donde>la "(?P<lugar>[^"]+)"|la Representación Federal del '
    r'cupo|otra Representación Federal)$')


@when(parsers.re(_CERTIFICADO))
def solicita_certificado(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker, calendario: Calendario,
                         empresa: Persona, cupo: Cupo, asignacion: str, monto: str, cantidad: str, transporte: str,
                         donde: str, lugar: str | None) -> None:
    """En el lugar nombrado; en la Representación del cupo (donde la fábrica entrega las constancias obtenidas);
    o en otra de las Representaciones que el arnés conoce (sus zonas horarias), que no es la del cupo."""
    destino = lugar or (cupo.representacion_federal if donde.endswith("del cupo") else next(
        otra for otra in sorted(calendario.zonas) if otra != cupo.representacion_federal))
    _certificado(ventanilla, cupo, destino, lambda: flujos.solicitar_certificado(
        page, empresa, asignacion, monto, cantidad, fabrica.archivo("factura.pdf"),
        fabrica.archivo("transporte.pdf"), factura(fake), transporte, destino))


@when(parsers.parse("la empresa solicita un certificado de {monto} toneladas sin elegir su constancia de "
                    "asignación"))
def solicita_sin_constancia(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker, empresa: Persona,
                            cupo: Cupo, monto: str) -> None:
    _certificado(ventanilla, cupo, VENTANILLA_UNICA, lambda: flujos.solicitar_certificado(
        page, empresa, "", monto, monto, fabrica.archivo("factura.pdf"), fabrica.archivo("transporte.pdf"),
        factura(fake)))


@given(parsers.parse("que la empresa presentó en la Ventanilla Única una solicitud de certificado de {monto} "
                     "toneladas, que se va a autorizar"), target_fixture="folio")
def presento_para_autorizar(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker, empresa: Persona,
                            cupo: Cupo, asignacion: str, monto: str) -> str:
    """Lo que se autorice sale del cupo y de la asignación: en un ambiente aprovisionado, un monto pequeño,
    y queda dicho en el resumen de conformidad."""
    return presento_con_factura(ventanilla, page, fabrica, fake, empresa, cupo, asignacion, monto, monto)


@given(parsers.parse("que la empresa presentó con esa asignación una solicitud de certificado de {monto} "
                     "toneladas con factura por {cantidad} toneladas"), target_fixture="folio")
def presento_con_factura(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker, empresa: Persona,
                         cupo: Cupo, asignacion: str, monto: str, cantidad: str) -> str:
    """En la Ventanilla Única; lo que se autorice sale del cupo y de la asignación, y queda dicho."""
    fabrica.consumir_del_cupo(cupo, Decimal(monto), f"un certificado con la asignación {asignacion}")
    flujos.abrir_sesion(page, empresa)
    _certificado(ventanilla, cupo, VENTANILLA_UNICA, lambda: flujos.solicitar_certificado(
        page, empresa, asignacion, monto, cantidad, fabrica.archivo("factura.pdf"),
        fabrica.archivo("transporte.pdf"), factura(fake)))
    return DetalleDeSolicitud(page).leer_folio()


@given("una empresa a la que la corrida puede autorizar asignaciones de ese cupo, registrada en la Ventanilla "
       "Única", target_fixture="empresa")
def empresa_para_asignaciones(fabrica: Fabrica, cupo: Cupo) -> Persona:
    return fabrica.solicitante_de_asignaciones(cupo)


@given(parsers.parse("que la empresa presentó ahora una solicitud de asignación de {monto} toneladas, que se va "
                     "a autorizar"), target_fixture="folio")
def presento_asignacion_para_autorizar(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker,
                                       empresa: Persona, cupo: Cupo, copias: dict[str, bytes], monto: str) -> str:
    """En la Ventanilla Única, con un pedimento por el 70% de una asignación como ésta (la anterior de esta
    empresa, si la tiene, es de otra corrida) y su copia; lo que se autorice sale del cupo, y queda dicho."""
    fabrica.consumir_del_cupo(cupo, Decimal(monto), "una asignación")
    acreditado = (Decimal(monto) * Decimal("0.8")).quantize(Decimal("0.001"))
    renglon = f"{pedimento(fake, anio_del_portal(page))} {acreditado}"
    _asignacion(ventanilla, page, empresa, cupo, monto, VENTANILLA_UNICA, renglon,
                _copias_de_pedimentos(fabrica, copias, 1))
    return DetalleDeSolicitud(page).leer_folio()


@given(parsers.parse("que la empresa obtuvo ahora una asignación de {monto} toneladas del cupo"),
       target_fixture="asignacion")
def obtuvo_asignacion_ahora(ventanilla: Ventanilla, page: Page, new_context: NuevoContexto, fabrica: Fabrica,
                            fake: Faker, empresa: Persona, cupo: Cupo, copias: dict[str, bytes],
                            monto: str) -> str:
    """Como la que se va a autorizar, y el dictaminador la autoriza: devuelve el folio de la constancia."""
    flujos.abrir_sesion(page, empresa)
    presento_asignacion_para_autorizar(ventanilla, page, fabrica, fake, empresa, cupo, copias, monto)
    return flujos.obtener(page, new_context, cupo.dictaminador)[1]


@given(parsers.parse("que la empresa solicitó por la Ventanilla Única un certificado de {monto} toneladas con "
                     "sus dos copias"), target_fixture="folio")
def solicito_con_copias(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker, empresa: Persona,
                        cupo: Cupo, asignacion: str, copias: dict[str, bytes], monto: str) -> str:
    copia_factura, transporte = fabrica.archivo("factura.pdf"), fabrica.archivo("carta-de-porte.pdf")
    copias.update({archivo.name: archivo.read_bytes() for archivo in (copia_factura, transporte)})
    _certificado(ventanilla, cupo, VENTANILLA_UNICA, lambda: flujos.solicitar_certificado(
        page, empresa, asignacion, monto, monto, copia_factura, transporte, factura(fake)))
    return DetalleDeSolicitud(page).leer_folio()


@when(parsers.parse('la empresa solicita un certificado de {monto} toneladas sin adjuntar la copia de '
                    '"{documento}"'))
def solicita_sin_copia(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker, empresa: Persona,
                       cupo: Cupo, asignacion: str, monto: str, documento: str) -> None:
    """Sin la copia de la factura («Factura comercial») o sin la del documento de transporte (el
    documento que se nombra, que es también el que se declara)."""
    sin_factura = documento == "Factura comercial"
    _certificado(ventanilla, cupo, VENTANILLA_UNICA, lambda: flujos.solicitar_certificado(
        page, empresa, asignacion, monto, monto,
        None if sin_factura else fabrica.archivo("factura.pdf"),
        fabrica.archivo("transporte.pdf") if sin_factura else None,
        factura(fake), "Carta de porte" if sin_factura else documento))
