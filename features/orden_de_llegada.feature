# language: es
Característica: Orden de llegada de las solicitudes de un cupo
  Las solicitudes de un cupo se atienden en el orden en que llegaron: el dictaminador no resuelve una
  mientras otra que llegó antes siga pendiente. Se corre a la hora del portal; cada solicitud recibida en
  un ambiente compartido la rechaza al terminar el dictaminador del cupo, en el orden en que llegaron. Lo
  que queda por asignar se muestra en un cupo al que otra empresa ya le tiene asignado casi todo: con la
  API de pruebas, uno nuevo; en un ambiente aprovisionado, uno que su perfil declara (la corrida lo agota).

  @CUP-07
  Escenario: Las solicitudes de un cupo se resuelven en el orden en que llegaron
    Dado un cupo que recibe solicitudes de asignación
    Y una empresa sin asignación de ese cupo, registrada en la Ventanilla Única
    Y otra empresa sin asignación de ese cupo, registrada en la Ventanilla Única
    Y que otra empresa presentó ahora en la Ventanilla Única una solicitud de asignación de 0.005 toneladas
    Y que después la empresa presentó en la Ventanilla Única una solicitud de asignación de 0.005 toneladas
    Cuando el dictaminador del cupo intenta autorizar primero la solicitud de la empresa
    Entonces se le pide resolver antes la solicitud de la otra empresa, que llegó primero

  @CUP-07
  Escenario: Resuelta la primera, la siguiente recibe sólo lo que queda del cupo por asignar
    Dado un cupo al que le quedan 0.008 toneladas por asignar en el año del portal, que recibe solicitudes de asignación
    Y una empresa sin asignación de ese cupo, registrada en la Ventanilla Única
    Y otra empresa sin asignación de ese cupo, registrada en la Ventanilla Única
    Y que otra empresa presentó ahora en la Ventanilla Única una solicitud de asignación de 0.006 toneladas
    Y que después la empresa presentó en la Ventanilla Única una solicitud de asignación de 0.005 toneladas
    Y que el dictaminador del cupo autorizó la solicitud de la otra empresa
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces la asignación se otorga por 0.002 toneladas, por ser el menor «lo que queda del cupo por asignar»
