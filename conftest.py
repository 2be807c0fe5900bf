"""En el repositorio, el plugin del arnés se carga desde aquí; instalado, por su entrada pytest11."""

pytest_plugins = ["cupos_conformidad.plugin"]
