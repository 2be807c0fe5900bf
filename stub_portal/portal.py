"""Lo que la aplicación comparte entre peticiones: la base, el reloj, el cartero, los catálogos y la
firma de la Secretaría, y las AC de confianza de la configuración. La fábrica lo arma; las vistas, la
demostración y el servidor lo usan."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography import x509

from stub_portal.base_de_datos import Sesiones
from stub_portal.catalogo import Catalogos
from stub_portal.correo import Cartero
from stub_portal.firma_documentos import FirmaDeLaSecretaria
from stub_portal.reloj import Reloj


@dataclass(frozen=True)
class Portal:
    sesiones: Sesiones
    reloj: Reloj
    cartero: Cartero
    catalogos: Catalogos
    firma_se: FirmaDeLaSecretaria
    autoridades: tuple[x509.Certificate, ...] = ()  # las de la carpeta AUTORIDADES; más las de la base
