"""Banco del navegador: el arnés BDD contra un guion de Playwright plano (python -m bench.navegador)."""
