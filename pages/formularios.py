"""Un formulario del portal leído de su HTML: sus campos por la etiqueta que ve la persona.

Sirve para enviar por HTTP, con el contexto del navegador, el mismo formulario que la pantalla
mostraría (por ejemplo, abrir la sesión en escenarios que no tratan del acceso), encontrando cada
campo como lo encuentran los objetos de página: por su nombre accesible (aria-labelledby,
aria-label, una etiqueta que lo envuelve o que apunta a él, o su title), no por su nombre interno.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VACIOS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Campo:
    nombre: str
    tipo: str
    valor: str
    etiqueta: str = ""
    rotulado_por: tuple[str, ...] = ()
    rotulo: str = ""
    titulo: str = ""


@dataclass
class Formulario:
    accion: str
    metodo: str
    campos: list[Campo] = field(default_factory=list)

    def nombre_de(self, etiqueta: re.Pattern[str]) -> str:
        """El nombre del campo cuya etiqueta cumple el patrón."""
        for campo in self.campos:
            if campo.etiqueta and etiqueta.search(campo.etiqueta):
                return campo.nombre
        vistas = [c.etiqueta for c in self.campos if c.etiqueta]
        raise LookupError(f"El formulario no tiene el campo «{etiqueta.pattern}»; tiene {vistas}")

    def ocultos(self) -> dict[str, str]:
        """Los campos ocultos con su valor (la ficha CSRF, entre otros)."""
        return {c.nombre: c.valor for c in self.campos if c.tipo == "hidden"}


def _normal(partes: list[str]) -> str:
    return " ".join("".join(partes).split())


class _Lector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.formularios: list[Formulario] = []
        self._abiertos: list[tuple[str, list[str] | None]] = []  # etiqueta HTML y, si importa, su texto
        self._textos: dict[str, list[str]] = {}  # el texto de cada elemento con id
        self._por_id: dict[str, Campo] = {}
        self._etiquetas_for: list[tuple[str, list[str]]] = []
        self._etiquetas: list[tuple[list[str], list[Campo]]] = []  # las <label> abiertas y sus campos

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        atributos = {k: v or "" for k, v in attrs}
        texto: list[str] | None = None
        if "id" in atributos:
            texto = self._textos.setdefault(atributos["id"], [])
        if tag == "form":
            metodo = atributos.get("method", "get").lower()
            self.formularios.append(Formulario(atributos.get("action", ""), metodo))
        elif tag == "label":
            texto = texto if texto is not None else []
            self._etiquetas.append((texto, []))
            if "for" in atributos:
                self._etiquetas_for.append((atributos["for"], texto))
        elif tag in ("input", "select", "textarea") and self.formularios and "name" in atributos:
            campo = Campo(atributos["name"], atributos.get("type", tag).lower(), atributos.get("value", ""),
                          rotulado_por=tuple(atributos.get("aria-labelledby", "").split()),
                          rotulo=atributos.get("aria-label", ""), titulo=atributos.get("title", ""))
            self.formularios[-1].campos.append(campo)
            if "id" in atributos:
                self._por_id[atributos["id"]] = campo
            if self._etiquetas:
                self._etiquetas[-1][1].append(campo)
        if tag not in VACIOS:
            self._abiertos.append((tag, texto))

    def handle_data(self, data: str) -> None:
        for _, texto in self._abiertos:
            if texto is not None:
                texto.append(data)

    def handle_endtag(self, tag: str) -> None:
        while self._abiertos:
            abierto, _ = self._abiertos.pop()
            if abierto == "label" and self._etiquetas:
                texto, campos = self._etiquetas.pop()
                for campo in campos:
                    campo.etiqueta = campo.etiqueta or _normal(texto)
            if abierto == tag:
                break

    def close(self) -> None:
        super().close()
        for ident, partes in self._etiquetas_for:
            if ident in self._por_id:
                self._por_id[ident].etiqueta = _normal(partes)
        for formulario in self.formularios:
            for campo in formulario.campos:
                rotulado = " ".join(_normal(self._textos.get(i, [])) for i in campo.rotulado_por).strip()
                campo.etiqueta = rotulado or campo.rotulo.strip() or campo.etiqueta or campo.titulo.strip()


def formulario_con(html: str, etiqueta: re.Pattern[str]) -> Formulario:
    """El formulario de la página que tiene un campo con esa etiqueta."""
    lector = _Lector()
    lector.feed(html)
    lector.close()
    for formulario in lector.formularios:
        if any(c.etiqueta and etiqueta.search(c.etiqueta) for c in formulario.campos):
            return formulario
    raise LookupError(f"La página no tiene un formulario con el campo «{etiqueta.pattern}»")
