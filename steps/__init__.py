"""Definiciones de pasos, un módulo por concepto del dominio; hablan con pages/ y fixtures/."""
