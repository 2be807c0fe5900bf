"""Un formulario del portal leído de su HTML: sus campos por la etiqueta que ve la persona.

Sirve para enviar por HTTP, con el contexto del navegador, el mismo formulario que la pantalla
mostraría (por ejemplo, abrir la sesión en escenarios que no tratan del acceso), encontrando cada
campo como lo encuentran los objetos de página: por su etiqueta, no por su nombre interno.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Campo:
    nombre: str
    tipo: str
    valor: str
    etiqueta: str = ""


@dataclass
class Formulario:
    accion: str
    metodo: str
    campos: list[Campo] = field(default_factory=list)

    def nombre_de(self, etiqueta: str) -> str:
        """El nombre del campo cuya etiqueta empieza con ese texto."""
        for campo in self.campos:
            if campo.etiqueta.startswith(etiqueta):
                return campo.nombre
        vistas = [c.etiqueta for c in self.campos if c.etiqueta]
        raise LookupError(f"El formulario no tiene el campo «{etiqueta}»; tiene {vistas}")

    def ocultos(self) -> dict[str, str]:
        """Los campos ocultos con su valor (la ficha CSRF, entre otros)."""
        return {c.nombre: c.valor for c in self.campos if c.tipo == "hidden"}


class _Lector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.formularios: list[Formulario] = []
        self._por_id: dict[str, Campo] = {}
        self._etiquetas_for: list[tuple[str, list[str]]] = []
        self._etiqueta: list[str] | None = None
        self._campos_de_la_etiqueta: list[Campo] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        atributos = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.formularios.append(Formulario(atributos.get("action", ""),
                                               atributos.get("method", "get").lower()))
        elif tag == "label":
            self._etiqueta, self._campos_de_la_etiqueta = [], []
            if "for" in atributos:
                self._etiquetas_for.append((atributos["for"], self._etiqueta))
        elif tag in ("input", "select", "textarea") and self.formularios and "name" in atributos:
            campo = Campo(atributos["name"], atributos.get("type", tag).lower(), atributos.get("value", ""))
            self.formularios[-1].campos.append(campo)
            if "id" in atributos:
                self._por_id[atributos["id"]] = campo
            if self._etiqueta is not None:
                self._campos_de_la_etiqueta.append(campo)

    def handle_data(self, data: str) -> None:
        if self._etiqueta is not None:
            self._etiqueta.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._etiqueta is not None:
            texto = " ".join("".join(self._etiqueta).split())
            for campo in self._campos_de_la_etiqueta:
                campo.etiqueta = texto
            self._etiqueta = None

    def close(self) -> None:
        super().close()
        for ident, partes in self._etiquetas_for:
            if ident in self._por_id:
                self._por_id[ident].etiqueta = " ".join("".join(partes).split())


def formulario_con(html: str, etiqueta: str) -> Formulario:
    """El formulario de la página que tiene un campo con esa etiqueta."""
    lector = _Lector()
    lector.feed(html)
    lector.close()
    for formulario in lector.formularios:
        if any(c.etiqueta.startswith(etiqueta) for c in formulario.campos):
            return formulario
    raise LookupError(f"La página no tiene un formulario con el campo «{etiqueta}»")
