"""Lo que un escenario va sabiendo de sí mismo, de un paso al siguiente."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from fixtures.datos import Certificado, Cupo, Persona


@dataclass
class Escena:
    empresa: Persona | None = None
    otra_empresa: Persona | None = None
    nivel_central: Persona | None = None
    cupo: Cupo | None = None
    otro_cupo: Cupo | None = None
    certificados: dict[str, Certificado] = field(default_factory=dict)
    folio: str = ""
    folio_de_la_otra: str = ""
    asignacion: str = ""
    resolucion: bytes = b""
    acuse: bytes = b""
    nombre_del_acuse: str = ""

    def certificado(self, alias: str) -> Certificado:
        return self.certificados[alias]

    def requiere_empresa(self) -> Persona:
        assert self.empresa is not None, "El escenario no registró a la empresa"
        return self.empresa

    def requiere_cupo(self) -> Cupo:
        assert self.cupo is not None, "El escenario no creó el cupo"
        return self.cupo


@pytest.fixture
def escena() -> Escena:
    return Escena()
