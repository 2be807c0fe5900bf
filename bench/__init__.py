"""Mediciones del portal desplegado: no son pruebas, informan números (ver bench/carga)."""
