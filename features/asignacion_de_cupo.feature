# language: es
Característica: Solicitud de asignación de cupo
  El interesado pide la asignación en la Ventanilla Única o en una Representación Federal; la
  solicitud firmada recibe folio y acuse, y su documento resolutivo es la constancia de
  asignación. El primer día se reciben solicitudes desde las 11:00 (hora del centro); después, la
  Ventanilla Única las recibe las 24 horas de los días hábiles y cada Representación Federal de
  9:00 a 14:30, hora local, en días hábiles. Sólo pueden pedirla personas establecidas en México,
  y una asignación subsecuente exige acreditar con pedimentos el 70% de la anterior.

  Antecedentes:
    Dado que el reloj del portal marca el "2022-06-01T12:00:00"
    Y un cupo de 500 toneladas en 2022 que empieza a recibir solicitudes el "2022-06-01"

  Regla: La solicitud se presenta en la Ventanilla Única o en una Representación Federal, en su horario

    Antecedentes:
      Dado una empresa registrada en la Ventanilla Única
      Y que la empresa inició sesión

    @ASG-01 @PRO-01
    Escenario: La solicitud presentada en la Ventanilla Única queda registrada con su acuse
      Cuando la empresa solicita la asignación de 100 toneladas en la "Ventanilla Única"
      Entonces ve el número de folio de trámite
      Y el acuse de la solicitud dice "Lugar de presentación": "Ventanilla Única"
      Y el acuse de la solicitud dice "Monto solicitado": "100.0 toneladas métricas"

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

    @CUP-01 @CUP-02
    Escenario: En un año para el que el cupo no tiene monto no se reciben solicitudes
      Dado que el reloj del portal marca el "2023-01-02T12:00:00"
      Cuando la empresa solicita la asignación de 100 toneladas en la "Ventanilla Única"
      Entonces la solicitud se rechaza porque el cupo no tiene monto para 2023

  @CUP-06
  Regla: Sólo pueden solicitar el cupo personas establecidas en México

    Escenario: Una persona física establecida en México solicita la asignación
      Dado una persona física registrada en la Ventanilla Única
      Y que la empresa inició sesión
      Cuando la empresa solicita la asignación de 100 toneladas en la "Ventanilla Única"
      Entonces la solicitud queda registrada

    Escenario: Con un RFC que no es mexicano no se recibe la solicitud
      Dado una empresa con un RFC que no es mexicano registrada en la Ventanilla Única
      Y que la empresa inició sesión
      Cuando la empresa solicita la asignación de 100 toneladas en la "Ventanilla Única"
      Entonces la solicitud se rechaza porque sólo pueden solicitar personas establecidas en México

    Escenario: Con el domicilio fiscal fuera de México no se recibe la solicitud
      Dado una empresa con domicilio fiscal en "Guatemala" registrada en la Ventanilla Única
      Y que la empresa inició sesión
      Cuando la empresa solicita la asignación de 100 toneladas en la "Ventanilla Única"
      Entonces la solicitud se rechaza porque sólo pueden solicitar personas establecidas en México

  @ASG-02
  Regla: Una asignación subsecuente exige acreditar con pedimentos el 70% de la anterior

    Antecedentes:
      Dado una empresa registrada en la Ventanilla Única
      Y que la empresa ya tiene una asignación de 100 toneladas de ese cupo
      Y que la empresa inició sesión

    Escenario: Con pedimentos por el 70% de la anterior la solicitud queda registrada
      Cuando la empresa solicita otra asignación de 50 toneladas con pedimentos por 70 toneladas
      Entonces la solicitud queda registrada

    Escenario: Con pedimentos por menos del 70% de la anterior la solicitud no se recibe
      Cuando la empresa solicita otra asignación de 50 toneladas con pedimentos por 69.999 toneladas
      Entonces la solicitud se rechaza porque debe acreditar el 70% de la asignación anterior

    Esquema del escenario: Un número de pedimento mal formado se rechaza
      Cuando la empresa solicita otra asignación de 50 toneladas con el pedimento "<pedimento>" por 80 toneladas
      Entonces la solicitud se rechaza porque el pedimento "<pedimento>" <falla>

      Ejemplos:
        | pedimento          | falla                                   |
        | 22 43 3456 212345  | no tiene 15 dígitos                     |
        | 22 99 3456 2123456 | indica una aduana que no existe         |
        | 22 43 0000 2123456 | no indica una patente aduanal válida    |
        | 22 43 3456 3123456 | no empieza con el último dígito del año |
        | 27 43 3456 7123456 | es de un año posterior al año en curso  |
