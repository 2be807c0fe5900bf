# language: es
Característica: Llegar al trámite desde el menú Trámites
  El menú Trámites muestra los íconos de las dependencias de la Ventanilla Única. En la
  Secretaría de Economía, la opción Cancelaciones lleva a «Cancelación de Certificados a
  Petición del Interesado», cuya captura empieza en el primero de sus dos pasos.

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única
    Y que la empresa inició sesión

  @CAN-01
  Escenario: El menú Trámites muestra los íconos de las dependencias
    Cuando la empresa abre el menú Trámites
    Entonces ve los íconos de las dependencias, entre ellos:
      | dependencia                                  |
      | Secretaría de Economía                       |
      | Secretaría de Agricultura y Desarrollo Rural |
      | Secretaría de Salud                          |

  @CAN-02
  Escenario: La Secretaría de Economía ofrece la cancelación en Cancelaciones
    Cuando la empresa elige en el menú Trámites "Secretaría de Economía" y luego "Cancelaciones"
    Entonces se ofrece el trámite "Cancelación de Certificados a Petición del Interesado"

  @CAN-01 @CAN-02 @CAN-03
  Escenario: El trámite abre la captura de la solicitud con sus dos pestañas
    Cuando la empresa abre la cancelación de certificados desde el menú Trámites
    Entonces el indicador de pasos resalta en verde "Captura de la Solicitud"
    Y la solicitud muestra las pestañas "Solicitante" y "Cancelación de Certificados de Cupo"
