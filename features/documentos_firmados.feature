# language: es
@PADES
Característica: Documentos firmados por la Secretaría
  Los acuses, las constancias, los certificados y las resoluciones son PDF firmados como documentos
  (PAdES) con el certificado de prueba de la Secretaría, que el portal publica para validarlos. La
  resolución lleva además la cadena original y el sello del funcionario que la firmó.

  Antecedentes:
    Dado un cupo que recibe solicitudes de asignación
    Y una empresa con una asignación de ese cupo, registrada en la Ventanilla Única
    Y su constancia de asignación de ese cupo, obtenida en la Representación Federal del cupo
    Y que la empresa inició sesión
    Y que la empresa presentó en la Ventanilla Única una solicitud de certificado de 0.005 toneladas, que se va a autorizar

  @EXP-03
  Escenario: El certificado de cupo lleva la firma de la Secretaría y el sello del dictaminador
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces la firma de la Secretaría en el certificado de cupo es íntegra, válida y de confianza
    Y el sello del certificado de cupo se verifica con el certificado del dictaminador

  Escenario: Un certificado de cupo alterado no pasa la validación de la firma
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces la firma de la Secretaría ya no es íntegra si se altera un bit del certificado de cupo
