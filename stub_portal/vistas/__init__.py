"""Un blueprint por trámite, más el acceso y la API de pruebas."""
