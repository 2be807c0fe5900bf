# language: es
Característica: Cancelación
  Un solo paso no tiene definición.

  Escenario: La empresa cancela parte de un certificado
    Dado una empresa registrada
    Cuando la empresa cancela el certificado "SE-1" por 100 toneladas
    Entonces no ve ningún mensaje de error
