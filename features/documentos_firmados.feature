# language: es
@PADES
Característica: Documentos firmados por la Secretaría
  Los acuses, las constancias, los certificados y las resoluciones son PDF firmados como documentos
  (PAdES) con el certificado de prueba de la Secretaría, que el portal publica para validarlos. La
  resolución lleva además la cadena original y el sello del funcionario que la firmó.

  Antecedentes:
    Dado que el reloj del portal marca el "2022-06-01T12:00:00"
    Y una empresa registrada en la Ventanilla Única
    Y un cupo de 500 toneladas en 2022 que empieza a recibir solicitudes el "2022-01-03"
    Y que la empresa ya tiene una asignación de 100 toneladas de ese cupo
    Y que la empresa presentó una solicitud de certificado de 10 toneladas con factura por 10 toneladas

  @EXP-03
  Escenario: El certificado de cupo lleva la firma de la Secretaría y el sello del dictaminador
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces la firma de la Secretaría en el certificado de cupo es íntegra, válida y de confianza
    Y el sello del certificado de cupo se verifica con el certificado del dictaminador

  Escenario: Un certificado de cupo alterado no pasa la validación de la firma
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces la firma de la Secretaría ya no es íntegra si se altera un bit del certificado de cupo
