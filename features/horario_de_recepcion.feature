# language: es
Característica: Horario de recepción de las solicitudes, con el reloj fijo
  Con el reloj del portal fijo (la API de pruebas), cada límite del horario se prueba de los dos lados:
  el primer día se reciben solicitudes desde las 11:00 (hora del centro); después, la Ventanilla Única
  las recibe las 24 horas de los días hábiles y cada Representación Federal de 9:00 a 14:30, hora local,
  en días hábiles; fuera de su horario, el lugar dice cuándo reabre. (Un despliegue cuyo reloj corre se prueba a su
  hora: horarios_a_la_hora_del_portal.feature.)

  Antecedentes:
    Dado que el reloj del portal marca el "2022-06-01T12:00:00"
    Y un cupo de 500 toneladas en 2022 que empieza a recibir solicitudes el "2022-06-01"
    Y una empresa registrada en la Ventanilla Única
    Y que la empresa inició sesión

  @HOR-01
  Esquema del escenario: La Ventanilla Única recibe desde las 11:00 del primer día y luego las 24 horas de los días hábiles
    Dado que el reloj del portal marca el "<momento>"
    Cuando la empresa solicita la asignación de 100 toneladas en la "Ventanilla Única"
    Entonces la solicitud queda registrada

    Ejemplos:
      | momento             |
      | 2022-06-01T11:00:00 |
      | 2022-06-02T10:59:00 |
      | 2022-06-03T23:59:00 |
      | 2022-06-06T00:00:00 |
      | 2022-09-15T23:59:00 |

  @HOR-01
  Esquema del escenario: Fuera de su horario la Ventanilla Única no recibe la solicitud y dice cuándo reabre
    Dado que el reloj del portal marca el "<momento>"
    Cuando la empresa solicita la asignación de 100 toneladas en la "Ventanilla Única"
    Entonces la solicitud se rechaza porque está fuera del horario de recepción, que reabre el "<reabre>"

    Ejemplos:
      | momento             | reabre                 |
      | 2022-05-31T12:00:00 | 01/06/2022 a las 11:00 |
      | 2022-06-01T10:59:00 | 01/06/2022 a las 11:00 |
      | 2022-06-04T00:00:00 | 06/06/2022 a las 00:00 |
      | 2022-06-05T23:59:00 | 06/06/2022 a las 00:00 |
      | 2022-09-16T12:00:00 | 19/09/2022 a las 00:00 |
      | 2022-11-02T12:00:00 | 03/11/2022 a las 00:00 |

  @HOR-02
  Esquema del escenario: Una Representación Federal recibe de 9:00 a 14:30, hora local, en días hábiles
    Dado que el reloj del portal marca el "<momento>"
    Cuando la empresa solicita la asignación de 100 toneladas en la "<representación>"
    Entonces la solicitud queda registrada

    Ejemplos:
      | momento             | representación                            |
      | 2022-06-01T11:00:00 | Representación Federal en Chiapas         |
      | 2022-06-02T09:00:00 | Representación Federal en Chiapas         |
      | 2022-06-02T14:30:00 | Representación Federal en Chiapas         |
      | 2022-06-02T16:30:00 | Representación Federal en Baja California |
      | 2022-06-01T11:00:00 | Representación Federal en Baja California |

  @HOR-02
  Esquema del escenario: Fuera de su horario una Representación Federal no recibe la solicitud y dice cuándo reabre
    Dado que el reloj del portal marca el "<momento>"
    Cuando la empresa solicita la asignación de 100 toneladas en la "<representación>"
    Entonces la solicitud se rechaza porque está fuera del horario de recepción, que reabre el "<reabre>"

    Ejemplos:
      | momento             | representación                            | reabre                              |
      | 2022-06-01T10:59:00 | Representación Federal en Chiapas         | 01/06/2022 a las 11:00              |
      | 2022-06-01T10:59:00 | Representación Federal en Baja California | 01/06/2022 a las 09:00 (hora local) |
      | 2022-06-01T14:31:00 | Representación Federal en Chiapas         | 02/06/2022 a las 09:00 (hora local) |
      | 2022-06-02T08:59:00 | Representación Federal en Chiapas         | 02/06/2022 a las 09:00 (hora local) |
      | 2022-06-02T14:31:00 | Representación Federal en Chiapas         | 03/06/2022 a las 09:00 (hora local) |
      | 2022-06-02T10:59:00 | Representación Federal en Baja California | 02/06/2022 a las 09:00 (hora local) |
      | 2022-06-02T16:31:00 | Representación Federal en Baja California | 03/06/2022 a las 09:00 (hora local) |
      | 2022-06-04T10:00:00 | Representación Federal en Chiapas         | 06/06/2022 a las 09:00 (hora local) |
      | 2022-09-16T10:00:00 | Representación Federal en Chiapas         | 19/09/2022 a las 09:00 (hora local) |
      | 2022-11-02T10:00:00 | Representación Federal en Chiapas         | 03/11/2022 a las 09:00 (hora local) |
