# language: es
Característica: Vigencia del certificado de cupo
  El certificado vale desde el día de su expedición hasta el 31 de diciembre de ese año, aunque la
  solicitud se haya presentado el año anterior. Se muestra con solicitudes de fines de 2021, autorizadas
  a su hora: con la API de pruebas, con el reloj del portal fijo en cada momento; en un ambiente
  aprovisionado, unas que el ambiente recibió y autorizó entonces, declaradas en su perfil.

  Antecedentes:
    Dado un cupo que recibió solicitudes en 2021

  @EXP-02
  Escenario: Un certificado expedido a fines de diciembre vence el 31 de diciembre
    Dado una solicitud de certificado presentada el "2021-12-28T11:00:00" y autorizada el "2021-12-28T13:00:00"
    Cuando el dictaminador del cupo abre esa solicitud
    Entonces el certificado de cupo dice "Vigencia": "del 28/12/2021 al 31/12/2021"
    Y el certificado de cupo ampara 10 toneladas

  @EXP-02
  Escenario: Una solicitud presentada a fin de año y autorizada en el siguiente vale el año de su autorización
    Dado una solicitud de certificado presentada el "2021-12-28T11:30:00" y autorizada el "2022-01-03T10:00:00"
    Cuando el dictaminador del cupo abre esa solicitud
    Entonces el certificado de cupo dice "Fecha de resolución": "03/01/2022"
    Y el certificado de cupo dice "Vigencia": "del 03/01/2022 al 31/12/2022"
    Y el certificado de cupo ampara 10 toneladas
