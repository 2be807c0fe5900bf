# language: es
@CICLO
Característica: Ciclo de vida de un cupo
  Un beneficiario obtiene su constancia de asignación, con ella un certificado de cupo, y después
  cancela parte del certificado: lo cancelado vuelve al saldo del cupo.

  @PRO-01 @CAN-15
  Escenario: De la asignación a la cancelación, lo cancelado vuelve al saldo del cupo
    Dado que el reloj del portal marca el "2022-06-01T12:00:00"
    Y una empresa registrada en la Ventanilla Única
    Y un cupo de 500 toneladas en 2022 que empieza a recibir solicitudes el "2022-01-03"
    Y que la empresa obtuvo una asignación de 100 toneladas del cupo
    Y que la empresa obtuvo con esa asignación el certificado "C" de 60 toneladas
    Cuando la empresa obtiene la cancelación de 20 toneladas del certificado "C"
    Entonces el saldo del cupo en 2022 es de 460 toneladas
