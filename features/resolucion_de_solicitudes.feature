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

  @CUP-07
  Escenario: Resuelta la primera, la siguiente recibe sólo lo que queda del cupo por asignar
    Dado que el reloj del portal marca el "2022-06-01T10:00:00"
    Y que otra empresa presentó una solicitud de asignación de 450 toneladas
    Y que el reloj del portal marca el "2022-06-01T10:05:00"
    Y que la empresa presentó una solicitud de asignación de 100 toneladas
    Y que el dictaminador del cupo autorizó la solicitud de la otra empresa
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces la asignación se otorga por 50 toneladas, por ser el menor «lo que queda del cupo por asignar»
