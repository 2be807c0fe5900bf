# language: es
Característica: Consulta del cupo
  Todo está definido: antecedentes, un escenario y un esquema con dos ejemplos.

  Antecedentes:
    Dado una empresa registrada
    Y un cupo de 500 toneladas

  Escenario: La empresa ve el saldo de su cupo
    Cuando la empresa consulta su cupo
    Entonces ve el saldo de 500 toneladas
    Pero no ve ningún mensaje de error

  Esquema del escenario: El saldo de cada cupo
    Dado un cupo de <monto> toneladas
    Cuando la empresa consulta el cupo
    Entonces ve el saldo de <monto> toneladas

    Ejemplos:
      | monto |
      | 100   |
      | 250   |
