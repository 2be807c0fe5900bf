# language: es
Característica: Acuse de recepción de la solicitud de cancelación
  El acuse de recepción de trámite se descarga en PDF. Trae el folio, la fecha y la hora de
  recepción según el reloj del portal, el RFC y el nombre del solicitante, cada certificado con
  su monto a favor, el motivo, la cadena original y el sello hecho con la clave privada del
  solicitante, que cualquiera con su certificado puede verificar.

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única
    Y un cupo de "Primero en Tiempo, Primero en Derecho"

  @CAN-12 @CAN-13
  Escenario: El acuse en PDF trae los datos de la solicitud y la hora del portal
    Dado que la empresa tiene en ese cupo un certificado vigente "A"
    Y que la empresa inició sesión
    Y que la empresa agregó el certificado "A" con un monto a favor de 0.005
    Y que la empresa firmó la solicitud con su e.firma
    Cuando la empresa descarga el acuse de recepción de trámite
    Entonces el acuse es un PDF con el folio del trámite, y la fecha y la hora en que el portal recibió la solicitud
    Y el acuse muestra el RFC y el nombre de la empresa, el certificado "A" por 0.005 y el motivo

  Regla: El acuse va sellado por la empresa y firmado por la Secretaría

    Antecedentes:
      Dado que la empresa tiene en ese cupo un certificado vigente "A"
      Y que la empresa inició sesión
      Y que la empresa agregó el certificado "A" con un monto a favor de 0.005
      Y que la empresa firmó la solicitud con su e.firma

    @CAN-13
    Escenario: El sello del acuse se verifica con el certificado de la empresa
      Cuando la empresa descarga el acuse de recepción de trámite
      Entonces el sello del acuse se verifica con el certificado de la empresa
      Y el sello del acuse no se verifica si la cadena original cambia en un solo carácter

    @CAN-13 @PADES
    Escenario: El acuse lleva la firma electrónica de la Secretaría
      Cuando la empresa descarga el acuse de recepción de trámite
      Entonces la firma de la Secretaría en el acuse es íntegra, válida y de confianza
