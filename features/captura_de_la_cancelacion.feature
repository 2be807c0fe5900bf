# language: es
Característica: Captura de la solicitud de cancelación de certificados de cupo
  El solicitante busca el cupo por sus parámetros, elige entre sus certificados vigentes los que
  quiere cancelar y, para cada uno, el monto a favor: más de cero y no más de lo que el
  certificado tiene sin ejercer ni cancelar. Sólo con al menos un certificado a cancelar puede
  pasar a la firma. (Los límites exactos del monto a favor están en «Lo que un certificado tiene
  por cancelar».)

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única
    Y un cupo de "Primero en Tiempo, Primero en Derecho"
    Y que la empresa tiene en ese cupo un certificado vigente "A"
    Y que la empresa inició sesión

  @CAN-04
  Escenario: La pestaña Solicitante muestra los datos de la empresa sin dejar cambiarlos
    Cuando la empresa abre la pestaña "Solicitante" de la solicitud de cancelación
    Entonces ve sus datos generales y su domicilio fiscal, de sólo lectura

  @CAN-05
  Escenario: Los parámetros requeridos están marcados con *
    Cuando la empresa abre la pestaña "Cancelación de Certificados de Cupo" de la solicitud de cancelación
    Entonces los parámetros marcados como requeridos son "Régimen Aduanero" y "Mecanismo de Asignación"
    Y los demás parámetros no están marcados como requeridos

  @CAN-05
  Esquema del escenario: Una búsqueda sin un parámetro requerido se rechaza
    Cuando la empresa busca cupos sin indicar "<requerido>"
    Entonces se le avisa que falta el parámetro requerido "<requerido>"
    Y no se lista ningún cupo

    Ejemplos:
      | requerido               |
      | Régimen Aduanero        |
      | Mecanismo de Asignación |

  @CAN-05 @CAN-06
  Escenario: Con sólo los parámetros requeridos se listan todos los cupos que los cumplen
    Dado otro cupo de "Primero en Tiempo, Primero en Derecho" con otro tratado, producto, subproducto y representación federal
    Cuando la empresa busca cupos por "Primero en Tiempo, Primero en Derecho" sin parámetros opcionales
    Entonces entre los cupos disponibles está el cupo de "Primero en Tiempo, Primero en Derecho"
    Y también está el otro cupo

  @CAN-06
  Escenario: El mecanismo de asignación deja fuera los cupos de otro mecanismo
    Dado otro cupo del mismo producto por "Licitación Pública"
    Cuando la empresa busca cupos por "Primero en Tiempo, Primero en Derecho" con el "Producto" del cupo
    Entonces entre los cupos disponibles está el cupo de "Primero en Tiempo, Primero en Derecho"
    Y no está el otro cupo

  @CAN-06
  Esquema del escenario: Cada parámetro opcional acota la lista de cupos
    Dado otro cupo de "Primero en Tiempo, Primero en Derecho" con otro tratado, producto, subproducto y representación federal
    Cuando la empresa busca cupos por "Primero en Tiempo, Primero en Derecho" con el "<parámetro>" del cupo
    Entonces entre los cupos disponibles está el cupo de "Primero en Tiempo, Primero en Derecho"
    Y no está el otro cupo

    Ejemplos:
      | parámetro                  |
      | Tratado o bloque Comercial |
      | Producto                   |
      | Subproducto                |
      | Representación Federal     |

  @CAN-07
  Escenario: Los certificados de otra empresa nunca se listan
    Dado que otra empresa tiene en ese cupo un certificado vigente "OTRO"
    Cuando la empresa selecciona el cupo en la solicitud de cancelación
    Entonces entre los certificados disponibles está "A"
    Y no está el certificado "OTRO"

  @CAN-07
  Escenario: Los certificados de otro cupo no se listan en éste
    Dado otro cupo del mismo producto por "Licitación Pública"
    Y que la empresa tiene en el otro cupo un certificado vigente "DEL OTRO"
    Cuando la empresa selecciona el cupo en la solicitud de cancelación
    Entonces entre los certificados disponibles está "A"
    Y no está el certificado "DEL OTRO"

  @CAN-08
  Escenario: Un certificado con su monto a favor pasa a «Certificados a cancelar»
    Cuando la empresa agrega el certificado "A" con un monto a favor de 0.5
    Entonces los certificados a cancelar son "A" por 0.5

  @CAN-09
  Escenario: El motivo de cancelación es de sólo lectura
    Cuando la empresa abre la pestaña "Cancelación de Certificados de Cupo" de la solicitud de cancelación
    Entonces ve el motivo de cancelación, a petición del interesado, sin poder cambiarlo

  @CAN-10
  Escenario: Sin certificados a cancelar no se pasa a la firma
    Cuando la empresa intenta pasar a la firma
    Entonces se le avisa que agregue al menos un certificado a cancelar
    Y el indicador de pasos resalta en verde "Captura de la Solicitud"

  @CAN-10
  Escenario: Al quitar el único certificado ya no se pasa a la firma
    Dado que la empresa agregó el certificado "A" con un monto a favor de 1
    Y que la empresa quitó el certificado "A" de los certificados a cancelar
    Cuando la empresa intenta pasar a la firma
    Entonces se le avisa que agregue al menos un certificado a cancelar
    Y el indicador de pasos resalta en verde "Captura de la Solicitud"

  @CAN-10 @CAN-03
  Escenario: Con un certificado a cancelar, «Siguiente» lleva a la firma
    Dado que la empresa agregó el certificado "A" con un monto a favor de 1
    Cuando la empresa pasa a la firma
    Entonces el indicador de pasos resalta en verde "Firmar Solicitud"

  @CAN-17
  Regla: El monto a favor es un número mayor que cero y no mayor que el saldo por cancelar

    Esquema del escenario: Un monto a favor aceptable se agrega
      Cuando la empresa agrega el certificado "A" con un monto a favor de <monto>
      Entonces los certificados a cancelar son "A" por <monto>

      Ejemplos:
        | monto |
        | 0.001 |
        | 1.25  |

    Esquema del escenario: Un monto a favor inaceptable se rechaza y no cambia nada
      Cuando la empresa agrega el certificado "A" con un monto a favor de "<monto>"
      Entonces se le avisa que <aviso>
      Y no hay certificados a cancelar

      Ejemplos:
        | monto   | aviso                                           |
        | 0       | el monto a favor debe ser mayor que cero        |
        | -5      | el monto a favor debe ser mayor que cero        |
        | diez    | el monto a favor debe ser un número             |
        | 0.0001  | el monto a favor admite a lo más tres decimales |
        |         | capture el monto a favor                        |

    Escenario: El mismo certificado no se agrega dos veces
      Dado que la empresa agregó el certificado "A" con un monto a favor de 1
      Cuando la empresa agrega el certificado "A" con un monto a favor de 0.5
      Entonces se le avisa que el certificado "A" ya está en los certificados a cancelar
      Y los certificados a cancelar son "A" por 1

    Escenario: Un certificado agregado se puede quitar antes de firmar
      Dado que la empresa tiene en ese cupo un certificado vigente "B"
      Y que la empresa agregó el certificado "A" con un monto a favor de 1
      Y que la empresa agregó el certificado "B" con un monto a favor de 0.5
      Cuando la empresa quita el certificado "A" de los certificados a cancelar
      Entonces los certificados a cancelar son "B" por 0.5
