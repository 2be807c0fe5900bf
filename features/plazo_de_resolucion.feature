# language: es
Característica: Plazo de resolución de las solicitudes
  La solicitud de asignación y la de certificado se resuelven a más tardar el quinto día hábil después de
  su presentación: no cuentan los fines de semana, los días festivos oficiales ni los días inhábiles que
  publica la Secretaría, y el día de la presentación es el de la hora del centro. Cada caso del calendario
  se muestra con una solicitud presentada en 2021, a su hora: con la API de pruebas, con el reloj del
  portal fijo en ese momento; en un ambiente aprovisionado, una que el ambiente recibió entonces y sigue
  pendiente, declarada en su perfil.

  Antecedentes:
    Dado un cupo que recibió solicitudes en 2021

  @PLZ-01
  Esquema del escenario: La fecha límite de resolución es el quinto día hábil después de la presentación
    Dado una solicitud de asignación presentada el "<presentada>"
    Cuando el dictaminador del cupo revisa su bandeja
    Entonces la solicitud aparece con fecha límite de resolución "<vence>"

    Ejemplos:
      | presentada          | vence      |
      | 2021-06-02T12:00:00 | 09/06/2021 |
      | 2021-06-04T12:00:00 | 11/06/2021 |
      | 2021-09-13T12:00:00 | 21/09/2021 |
      | 2021-06-03T23:30:00 | 10/06/2021 |

  @PLZ-01
  Esquema del escenario: La solicitud de certificado también vence al quinto día hábil
    Dado una solicitud de certificado presentada el "<presentada>"
    Cuando el dictaminador del cupo revisa su bandeja
    Entonces la solicitud aparece con fecha límite de resolución "<vence>"

    Ejemplos:
      | presentada          | vence      |
      | 2021-06-04T23:59:00 | 11/06/2021 |
      | 2021-11-10T12:00:00 | 18/11/2021 |
      | 2021-12-28T12:00:00 | 04/01/2022 |

  @PLZ-01
  Escenario: Los días inhábiles que publica la Secretaría tampoco cuentan
    Dado que la Secretaría declaró inhábil el "2021-10-06"
    Y una solicitud de asignación presentada el "2021-10-04T12:00:00"
    Cuando el dictaminador del cupo revisa su bandeja
    Entonces la solicitud aparece con fecha límite de resolución "12/10/2021"
