"""Estos .feature son datos del ensayo en seco, con errores a propósito: pytest no los corre."""

collect_ignore_glob = ["*.feature"]
