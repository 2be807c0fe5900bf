"""El escenario del banco, con los pasos del arnés (los plugins de la raíz, conftest.py)."""

from pathlib import Path

from pytest_bdd import scenarios

scenarios("cancelacion.feature", features_base_dir=str(Path(__file__).parent))
