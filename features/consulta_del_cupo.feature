# language: es
Característica: Consulta del cupo de quesos de Guatemala
  La consulta de un cupo muestra lo que publica su ficha informativa: el monto de cada año, el
  periodo, las fracciones arancelarias, el mecanismo de asignación, el origen de las mercancías,
  los beneficiarios, la distribución y el fundamento legal. El catálogo de cupos es un archivo de
  datos del portal, y el de quesos de Guatemala reproduce la ficha.

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única
    Y que la empresa inició sesión

  @CUP-01
  Esquema del escenario: El monto del cupo de cada año
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces el monto del cupo en <año> es de <toneladas> toneladas métricas

    Ejemplos:
      | año  | toneladas |
      | 2013 | 133       |
      | 2014 | 420       |
      | 2015 | 440       |
      | 2016 | 460       |
      | 2017 | 480       |
      | 2018 | 500       |
      | 2019 | 520       |
      | 2020 | 540       |
      | 2021 | 560       |
      | 2022 | 580       |

  @CUP-05
  Escenario: La ficha lleva el nombre completo del cupo, que es de importación
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces la ficha se titula "CUPO DE IMPORTACIÓN DE QUESO FRESCO (SIN MADURAR), INCLUIDO EL DEL LACTOSUERO, Y REQUESÓN; Y LOS DEMÁS QUESOS DE LA REPÚBLICA DE GUATEMALA"
    Y la ficha dice en "Régimen aduanero": "Importación"

  @CUP-02
  Escenario: El periodo del cupo es el año calendario
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces la ficha dice en "Periodicidad del cupo": "Del 1 de enero al 31 de diciembre de cada año."

  @CUP-03
  Escenario: Las fracciones arancelarias del cupo
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces las fracciones arancelarias del cupo son:
      | fracción   | descripción |
      | 0406.10.01 | Queso fresco (sin madurar), incluido el del lactosuero, y requesón. |
      | 0406.90.01 | De pasta dura, denominado Sardo, cuando su presentación así lo indique. |
      | 0406.90.02 | De pasta dura, denominado Reggiano o Reggianito, cuando su presentación así lo indique. |
      | 0406.90.03 | De pasta blanda, tipo Colonia, cuando su composición sea: humedad de 35.5% a 37.7%, cenizas de 3.2% a 3.3%, grasas de 29.0% a 30.8%, proteínas de 25.0% a 27.5%, cloruros de 1.3% a 2.7% y acidez de 0.8% a 0.9% en ácido láctico. |
      | 0406.90.04 | Grana o Parmegiano-reggiano, con un contenido en peso de materias grasas inferior o igual al 40%, con un contenido en peso de agua, en la materia no grasa, inferior o igual al 47%; Danbo, Edam, Fontal, Fontina, Fynbo, Gouda, Havarti, Maribo, Samsøe, Esrom, Itálico, Kernhem, Saint-Nectaire, Saint-Paulin o Taleggio, con un contenido en peso de materias grasas inferior o igual al 40%, con un contenido en peso de agua, en la materia no grasa, superior al 47% sin exceder de 72%. |
      | 0406.90.05 | Tipo petit suisse, cuando su composición sea: humedad de 68% a 70%, grasa de 6% a 8% (en base humedad), extracto seco de 30% a 32%, proteína mínima de 6%, y fermentos con o sin adición de frutas, azúcares, verduras, chocolate o miel. |
      | 0406.90.06 | Tipo Egmont, cuyas características sean: grasa mínima (en materia seca) 45%, humedad máxima 40%, materia seca mínima 60%, mínimo de sal en la humedad 3.9%. |
      | 0406.90.99 | Los demás. |

  @CUP-04
  Escenario: El mecanismo de asignación
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces la ficha dice en "Mecanismo de asignación": "Primero en Tiempo, Primero en Derecho"

  @CUP-05
  Escenario: El origen de las mercancías
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces la ficha dice en "Origen de las mercancías": "República de Guatemala"

  @CUP-06
  Escenario: Los beneficiarios
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces la ficha dice en "Beneficiarios": "Personas físicas y morales establecidas en los Estados Unidos Mexicanos."

  @CUP-07
  Escenario: La distribución del cupo
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces la ficha dice en "Distribución del cupo": "Conforme al orden de prelación en que ingresan las solicitudes."

  @NOR-01
  Escenario: El fundamento legal
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces la ficha dice en "Fundamento legal": "publicado en el Diario Oficial de la Federación el 27 de agosto de 2013"
