"""Los informes de una corrida, cada uno un plugin de pytest y, donde hace falta, una orden:

- resultados: Cucumber JSON y JUnit XML (y `unir` los de varias tandas);
- conformidad (con conformidad_informe y conformidad_comparada): el veredicto por regla del dominio;
- documentacion: la documentación viva, con la evidencia de cada escenario (y `unir`);
- accesibilidad: axe-core en cada pantalla, con su informe;
- fragmentos: que cada escenario esté una vez en los informes de una corrida partida.

Lo que pytest-bdd no publica se lee sólo en bdd.py; los datos se llevan en los reportes sólo con anexos.py.
"""
