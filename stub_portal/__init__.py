"""El portal de referencia de los trámites de cupos de la Secretaría de Economía en VUCEM."""

__version__ = "0.2.0"
