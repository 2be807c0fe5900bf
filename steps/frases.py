"""Una tabla de frases: varias maneras de decir un mismo concepto en un paso, cada una con lo que significa.

Cada frase es una expresión regular, con grupos con nombre para sus valores. El paso se declara una vez con
`patron(nombre)` (todas las frases, sin sus grupos, en un grupo con ese nombre) y, ya con el texto, `elegir`
dice cuál frase fue y qué valores trae.
"""

from __future__ import annotations

import re
from typing import Generic, TypeVar

_T = TypeVar("_T")


class Frases(Generic[_T]):
    def __init__(self, tabla: dict[str, _T]) -> None:
        self.tabla = tabla

    def patron(self, nombre: str) -> str:
        """Todas las frases, sin sus grupos con nombre (dos pueden nombrar igual un valor)."""
        return f"(?P<{nombre}>" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", frase) for frase in self.tabla) + ")"

    def elegir(self, texto: str) -> tuple[_T, dict[str, str]]:
        """Lo que significa el texto, y sus valores (los grupos que no aparecen, fuera)."""
        for frase, significado in self.tabla.items():
            if (hallada := re.fullmatch(frase, texto)) is not None:
                return significado, {clave: valor for clave, valor in hallada.groupdict().items()
                                     if valor is not None}
        raise AssertionError(f"«{texto}» no es ninguna de las frases: {sorted(self.tabla)}")
