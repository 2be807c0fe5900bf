# language: es
Característica: Resolución
  Un paso de un esquema sin definición, y otro con una tabla.

  Esquema del escenario: El dictaminador resuelve la solicitud
    Dado una empresa registrada
    Y un cupo de 500 toneladas
    Cuando el dictaminador <decisión> la solicitud
    Entonces la solicitud queda "<estado>" con <monto> toneladas, a 12.5 por ciento
      | campo | valor |
      | folio | 0001  |

    Ejemplos:
      | decisión  | estado     | monto |
      | autoriza  | Autorizada | 100   |
      | rechaza   | Rechazada  | 0     |
