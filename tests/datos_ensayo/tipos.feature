# language: es
Característica: El tipo del paso importa

  Escenario: Un paso Dado no sirve para un Cuando
    Dado una empresa registrada
    Y que el reloj marca la apertura
    Cuando que el reloj marca la apertura
    Entonces no ve ningún mensaje de error
