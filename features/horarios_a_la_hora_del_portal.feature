# language: es
Característica: Horarios y plazos a la hora del portal
  Sin fijar el reloj del portal: la empresa presenta su solicitud a la hora en que se corre la prueba, y
  lo que el portal tenía que hacer lo calcula el arnés con su propio calendario: días hábiles (ni
  sábados ni domingos, ni días de descanso obligatorio, ni los que la Secretaría publica en el DOF), la
  hora del centro para la Ventanilla Única y la hora local de cada Representación Federal. Así se
  prueba también un despliegue cuyo reloj corre; el resumen de conformidad dice qué lado de cada
  horario mostró la corrida. (Los escenarios con el reloj fijo prueban los dos lados de cada límite.)

  Antecedentes:
    Dado un cupo que recibe solicitudes de asignación
    Y una empresa sin asignación de ese cupo, registrada en la Ventanilla Única
    Y que la empresa inició sesión

  @HOR-01
  Escenario: La Ventanilla Única recibe la solicitud o dice cuándo reabre, según su horario a la hora del portal
    Cuando la empresa solicita ahora la asignación de 0.005 toneladas en la "Ventanilla Única"
    Entonces la solicitud se recibe o se rechaza, con cuándo reabre, según el horario de ese lugar a la hora del portal

  @HOR-02
  Escenario: La Representación Federal recibe la solicitud o dice cuándo reabre, según su horario en hora local
    Cuando la empresa solicita ahora la asignación de 0.005 toneladas en la Representación Federal del cupo
    Entonces la solicitud se recibe o se rechaza, con cuándo reabre, según el horario de ese lugar a la hora del portal

  @PLZ-01
  Escenario: La solicitud recibida vence al quinto día hábil después de su recepción
    Dado que la empresa presentó ahora una solicitud de asignación de 0.005 toneladas en la "Ventanilla Única"
    Entonces su fecha límite de resolución es el quinto día hábil después de su fecha de recepción
    Y el dictaminador del cupo la ve en su bandeja con esa fecha límite

  @EXP-03
  Escenario: El rechazo de la solicitud presentada a la hora del portal se notifica por la Ventanilla Única
    Dado que la empresa presentó ahora una solicitud de asignación de 0.005 toneladas en la "Ventanilla Única"
    Cuando el dictaminador del cupo rechaza la solicitud porque "Prueba de conformidad: no se tramita"
    Entonces llega a la empresa el aviso de que su solicitud fue rechazada porque "Prueba de conformidad: no se tramita"
    Y la empresa ve en la Ventanilla Única su solicitud rechazada porque "Prueba de conformidad: no se tramita"
