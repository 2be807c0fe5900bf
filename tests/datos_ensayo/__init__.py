"""Características y pasos de juguete para probar el ensayo en seco (tests/test_ensayo.py)."""
