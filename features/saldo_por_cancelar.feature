# language: es
Característica: Lo que un certificado tiene por cancelar
  Un certificado tiene por cancelar lo expedido menos lo ejercido y lo ya pedido en cancelaciones
  firmadas. La captura lo muestra en la lista de certificados disponibles, y el monto a favor no
  puede excederlo: estos escenarios lo prueban en el límite, con un certificado de montos conocidos.

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única
    Y que la empresa tiene el certificado "A" por 100 toneladas, 20 ya ejercidas, en un cupo de "Primero en Tiempo, Primero en Derecho"
    Y que la empresa inició sesión

  @CAN-07
  Escenario: Al elegir el cupo se ven su detalle y los certificados de la empresa
    Cuando la empresa selecciona el cupo en la solicitud de cancelación
    Entonces ve el detalle del cupo
    Y los certificados disponibles son "A" con 80 toneladas por cancelar

  @CAN-07
  Escenario: Los certificados de otra empresa no están entre los de la empresa
    Dado que otra empresa tiene en ese cupo el certificado "OTRO" por 50 toneladas, 0 ya ejercidas
    Cuando la empresa selecciona el cupo en la solicitud de cancelación
    Entonces los certificados disponibles son "A" con 80 toneladas por cancelar

  @CAN-07
  Escenario: Los certificados vencidos, cancelados o ya ejercidos por completo no se listan
    Dado que la empresa tiene en ese cupo el certificado "VENCIDO", ya vencido
    Y que la empresa tiene en ese cupo el certificado "CANCELADO", ya cancelado
    Y que la empresa tiene en ese cupo el certificado "EJERCIDO" por 50 toneladas, 50 ya ejercidas
    Cuando la empresa selecciona el cupo en la solicitud de cancelación
    Entonces los certificados disponibles son "A" con 80 toneladas por cancelar

  @CAN-17
  Regla: El monto a favor no excede lo que el certificado tiene por cancelar

    Escenario: Todo lo que tiene por cancelar se puede pedir
      Cuando la empresa agrega el certificado "A" con un monto a favor de 80
      Entonces los certificados a cancelar son "A" por 80

    Escenario: Una milésima más de lo que tiene por cancelar se rechaza
      Cuando la empresa agrega el certificado "A" con un monto a favor de "80.001"
      Entonces se le avisa que el monto a favor de 80.001 excede el saldo por cancelar de 80
      Y no hay certificados a cancelar

    Escenario: Tras una cancelación firmada se puede pedir exactamente lo que queda
      Dado que la empresa ya firmó la cancelación de 60 toneladas del certificado "A"
      Cuando la empresa agrega el certificado "A" con un monto a favor de 20
      Entonces los certificados a cancelar son "A" por 20

    Escenario: Un monto ya pedido en una cancelación firmada no se puede cancelar otra vez
      Dado que la empresa ya firmó la cancelación de 60 toneladas del certificado "A"
      Cuando la empresa agrega el certificado "A" con un monto a favor de 20.001
      Entonces se le avisa que el monto a favor de 20.001 excede el saldo por cancelar de 20
      Y no hay certificados a cancelar
