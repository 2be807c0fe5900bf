# language: es
Característica: Resolución de las solicitudes de cupo
  El dictaminador ve en su bandeja las solicitudes pendientes, en el orden en que llegaron y con su
  fecha límite: cinco días hábiles después de la presentación, sin contar fines de semana, días
  festivos oficiales ni los días inhábiles que publica la Secretaría. Revisa las copias, aplica los
  criterios y resuelve con su e.firma: el monto a expedir es el menor entre lo solicitado, lo que
  amparan la factura y el documento de transporte, y el saldo del cupo, sin pasar de lo que queda
  de la asignación. El solicitante recibe el aviso de la resolución por correo.

  Antecedentes:
    Dado que el reloj del portal marca el "2022-06-01T12:00:00"
    Y una empresa registrada en la Ventanilla Única
    Y un cupo de 500 toneladas en 2022 que empieza a recibir solicitudes el "2022-01-03"

  @CRT-01
  Esquema del escenario: El certificado se expide por el menor de los términos
    Dado que otra empresa ya tiene certificados por <expedido> toneladas de ese cupo
    Y que la empresa ya tiene una asignación de <asignación> toneladas de ese cupo
    Y que la empresa presentó una solicitud de certificado de <pedido> toneladas con factura por <factura> toneladas
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces el certificado se expide por <otorgado> toneladas, por ser el menor «<criterio>»
    Y el certificado de cupo ampara <otorgado> toneladas
    Y el saldo del cupo en 2022 es de <saldo> toneladas

    Ejemplos:
      | expedido | asignación | pedido | factura | otorgado | criterio                                          | saldo |
      | 475      | 100        | 60     | 80      | 25       | el saldo del cupo                                 | 0     |

  @CRT-01
  Escenario: Sin saldo del cupo el certificado no se puede autorizar
    Dado que otra empresa ya tiene certificados por 500 toneladas de ese cupo
    Y que la empresa ya tiene una asignación de 100 toneladas de ese cupo
    Y que la empresa presentó una solicitud de certificado de 60 toneladas con factura por 80 toneladas
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces el dictaminador ve que no hay saldo del cupo que otorgar
    Y la solicitud sigue pendiente
    Y el saldo del cupo en 2022 es de 0 toneladas

  @CUP-07
  Escenario: Resuelta la primera, la siguiente recibe sólo lo que queda del cupo por asignar
    Dado que el reloj del portal marca el "2022-06-01T10:00:00"
    Y que otra empresa presentó una solicitud de asignación de 450 toneladas
    Y que el reloj del portal marca el "2022-06-01T10:05:00"
    Y que la empresa presentó una solicitud de asignación de 100 toneladas
    Y que el dictaminador del cupo autorizó la solicitud de la otra empresa
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces la asignación se otorga por 50 toneladas, por ser el menor «lo que queda del cupo por asignar»
