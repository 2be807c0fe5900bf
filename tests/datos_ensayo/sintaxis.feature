# language: es
Característica: Un archivo mal escrito

  Escenario: Una tabla con una celda de más
    Dado una empresa registrada
      | campo | valor |
      | folio | 0001  | sobra |
    Entonces no ve ningún mensaje de error
