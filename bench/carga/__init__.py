"""La ráfaga de la apertura del primer día, con Locust: `python -m bench.carga.rafaga --help`."""
