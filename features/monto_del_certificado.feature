# language: es
Característica: Monto del certificado de cupo
  El certificado se expide por el menor de los términos: lo que se solicita, lo que amparan la factura
  comercial y el documento de transporte, el saldo del cupo, y sin pasar de lo que queda de la
  asignación. Se corre a la hora del portal, con una asignación pequeña que la empresa obtiene en el
  escenario; el saldo del cupo se compara con el que el portal mostraba antes.

  Antecedentes:
    Dado un cupo que recibe solicitudes de asignación
    Y una empresa a la que la corrida puede autorizar asignaciones de ese cupo, registrada en la Ventanilla Única
    Y que la empresa obtuvo ahora una asignación de 0.005 toneladas del cupo
    Y que se conoce el saldo del cupo en el año del portal

  @CRT-01
  Esquema del escenario: El certificado se expide por el menor de los términos, a lo más lo que queda de la asignación
    Dado que la empresa presentó con esa asignación una solicitud de certificado de <pedido> toneladas con factura por <factura> toneladas
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces el certificado se expide por <otorgado> toneladas, por ser el menor «<criterio>»
    Y el certificado de cupo ampara <otorgado> toneladas
    Y el saldo del cupo en el año del portal es el de antes menos <otorgado> toneladas

    Ejemplos:
      | pedido | factura | otorgado | criterio                                          |
      | 0.003  | 0.004   | 0.003    | la cantidad solicitada                            |
      | 0.004  | 0.003   | 0.003    | la factura comercial y el documento de transporte |
      | 0.006  | 0.008   | 0.005    | el saldo de la asignación                         |
