# language: es
Característica: Resolución de las solicitudes de cancelación
  El dictaminador del cupo resuelve la cancelación con su e.firma. Autorizada, lo cancelado vuelve al
  saldo del cupo y el certificado tiene eso menos por cancelar; rechazada, nada cambia. El solicitante ve
  la resolución en la Ventanilla Única. Se corre a la hora del portal, con un certificado que la empresa
  obtiene en el escenario, de un monto pequeño.

  Antecedentes:
    Dado un cupo que recibe solicitudes de asignación
    Y una empresa a la que la corrida puede autorizar asignaciones de ese cupo, registrada en la Ventanilla Única
    Y que la empresa obtuvo ahora una asignación de 0.005 toneladas del cupo
    Y que la empresa obtuvo con esa asignación el certificado "A" de 0.004 toneladas
    Y que se conoce el saldo del cupo en el año del portal

  @CAN-15 @EXP-03
  Escenario: Autorizar una cancelación devuelve el monto al saldo del cupo
    Dado que la empresa ya firmó la cancelación de 0.001 toneladas del certificado "A"
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces el saldo del cupo en el año del portal es el de antes más 0.001 toneladas
    Y el certificado "A" tiene 0.003 toneladas por cancelar
    Y la empresa ve en la Ventanilla Única su solicitud autorizada, con su resolución

  @CAN-15
  Escenario: Rechazar una cancelación no cambia el saldo del cupo ni lo que el certificado tiene por cancelar
    Dado que la empresa ya firmó la cancelación de 0.001 toneladas del certificado "A"
    Cuando el dictaminador del cupo rechaza la solicitud porque "El certificado ya se ejerció"
    Entonces el saldo del cupo en el año del portal es el de antes
    Y el certificado "A" tiene 0.004 toneladas por cancelar

  @CAN-15 @CAN-07
  Escenario: Cancelar todo lo que le queda deja el certificado fuera de la lista
    Dado que la empresa ya firmó la cancelación de 0.004 toneladas del certificado "A"
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces el saldo del cupo en el año del portal es el de antes más 0.004 toneladas
    Y el certificado "A" ya no está entre los certificados disponibles del cupo
