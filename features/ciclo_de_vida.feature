# language: es
@CICLO
Característica: Ciclo de vida de un cupo
  Un beneficiario obtiene su constancia de asignación, con ella un certificado de cupo, y después
  cancela parte del certificado: lo cancelado vuelve al saldo del cupo. Se corre a la hora del portal,
  con montos pequeños: lo que se expide y no se cancela sale del cupo.

  @PRO-01 @CAN-15
  Escenario: De la asignación a la cancelación, lo cancelado vuelve al saldo del cupo
    Dado un cupo que recibe solicitudes de asignación
    Y una empresa a la que la corrida puede autorizar asignaciones de ese cupo, registrada en la Ventanilla Única
    Y que la empresa obtuvo ahora una asignación de 0.005 toneladas del cupo
    Y que se conoce el saldo del cupo en el año del portal
    Y que la empresa obtuvo con esa asignación el certificado "C" de 0.004 toneladas
    Cuando la empresa obtiene la cancelación de 0.001 toneladas del certificado "C"
    Entonces el saldo del cupo en el año del portal es el de antes menos 0.003 toneladas, lo expedido menos lo cancelado
