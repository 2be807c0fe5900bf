"""Objetos de página: una clase por pantalla, verbos del dominio, sin aserciones."""
