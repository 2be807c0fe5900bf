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

  @CUP-02
  Escenario: El periodo del cupo es el año calendario
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces la ficha dice en "Periodicidad del cupo": "Del 1 de enero al 31 de diciembre de cada año."

  @CUP-03
  Escenario: Las fracciones arancelarias del cupo
    Cuando la empresa consulta el cupo de quesos de Guatemala
    Entonces las fracciones arancelarias del cupo son:
      | fracción   | descripción                                                                              |
      | 0406.10.01 | Queso fresco (sin madurar), incluido el del lactosuero, y requesón.                      |
      | 0406.90.01 | De pasta dura, denominado Sardo, cuando su presentación así lo indique.                  |
      | 0406.90.02 | De pasta dura, denominado Reggiano o Reggianito, cuando su presentación así lo indique.  |
      | 0406.90.03 | De pasta blanda, tipo Colonia                                                            |
      | 0406.90.04 | Grana o Parmegiano-reggiano                                                              |
      | 0406.90.05 | Tipo petit suisse                                                                        |
      | 0406.90.06 | Tipo Egmont                                                                              |
      | 0406.90.99 | Los demás.                                                                               |

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
