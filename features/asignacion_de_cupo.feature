# language: es
Característica: Solicitud de asignación de cupo
  El interesado pide la asignación en la Ventanilla Única o en una Representación Federal; la
  solicitud firmada recibe folio y acuse, y su documento resolutivo es la constancia de
  asignación. El primer día se reciben solicitudes desde las 11:00 (hora del centro); después, la
  Ventanilla Única las recibe las 24 horas de los días hábiles y cada Representación Federal de
  9:00 a 14:30, hora local, en días hábiles. Sólo pueden pedirla personas establecidas en México,
  y una asignación subsecuente exige acreditar con pedimentos el 70% de la anterior.

  Las solicitudes se presentan a la hora del portal, sin fijar su reloj: si el lugar no recibe a esa
  hora, lo que sigue no se corre (el horario lo prueban horario_de_recepcion.feature, con el reloj fijo, y
  horarios_a_la_hora_del_portal.feature). Cada solicitud recibida en un ambiente compartido la rechaza
  al terminar el dictaminador del cupo.

  Antecedentes:
    Dado un cupo que recibe solicitudes de asignación

  Regla: La solicitud se presenta en la Ventanilla Única o en una Representación Federal

    Antecedentes:
      Dado una empresa sin asignación de ese cupo, registrada en la Ventanilla Única
      Y que la empresa inició sesión

    @ASG-01 @PRO-01
    Escenario: La solicitud presentada en la Ventanilla Única queda registrada con su acuse
      Cuando la empresa solicita la asignación de 0.005 toneladas en la "Ventanilla Única"
      Entonces ve el número de folio de trámite
      Y el acuse de la solicitud dice "Lugar de presentación": "Ventanilla Única"
      Y el acuse de la solicitud dice "Monto solicitado": "0.005 toneladas métricas"

  Regla: Autorizada la solicitud, se emite la constancia de asignación y se avisa al solicitante

    Antecedentes:
      Dado una empresa a la que la corrida puede autorizar asignaciones de ese cupo, registrada en la Ventanilla Única
      Y que la empresa inició sesión

    @PRO-01 @ASG-01 @EXP-03
    Escenario: Autorizar la solicitud de asignación emite la constancia y se avisa al solicitante
      Dado que la empresa presentó ahora una solicitud de asignación de 0.005 toneladas, que se va a autorizar
      Cuando el dictaminador del cupo autoriza la solicitud
      Entonces la constancia de asignación ampara 0.005 toneladas
      Y llega a la empresa el aviso de que su solicitud fue autorizada por 0.005 toneladas
      Y la empresa ve en la Ventanilla Única su solicitud autorizada, con su resolución

  @CUP-06
  Regla: Sólo pueden solicitar el cupo personas establecidas en México

    Escenario: Una persona física establecida en México solicita la asignación
      Dado una persona física registrada en la Ventanilla Única
      Y que la empresa inició sesión
      Cuando la empresa solicita la asignación de 0.005 toneladas en la "Ventanilla Única"
      Entonces la solicitud queda registrada

    Escenario: Con un RFC que no es mexicano no se recibe la solicitud
      Dado una empresa con un RFC que no es mexicano registrada en la Ventanilla Única
      Y que la empresa inició sesión
      Cuando la empresa solicita la asignación de 0.005 toneladas en la "Ventanilla Única"
      Entonces la solicitud se rechaza porque sólo pueden solicitar personas establecidas en México

    Escenario: Con el domicilio fiscal fuera de México no se recibe la solicitud
      Dado una empresa con domicilio fiscal en "Guatemala" registrada en la Ventanilla Única
      Y que la empresa inició sesión
      Cuando la empresa solicita la asignación de 0.005 toneladas en la "Ventanilla Única"
      Entonces la solicitud se rechaza porque sólo pueden solicitar personas establecidas en México

  @ASG-02
  Regla: Una asignación subsecuente exige acreditar con pedimentos el 70% de la anterior

    Antecedentes:
      Dado una empresa con una asignación de 100 toneladas de ese cupo, registrada en la Ventanilla Única
      Y que la empresa ya tiene una asignación de 100 toneladas de ese cupo
      Y que la empresa inició sesión

    Escenario: Con pedimentos por el 70% de la anterior, y sus copias, la solicitud queda registrada
      Cuando la empresa solicita otra asignación de 0.005 toneladas con pedimentos por 70 toneladas
      Entonces la solicitud queda registrada
      Y el acuse de la solicitud lista la copia de cada pedimento, con su huella

    Escenario: Sin la copia de los pedimentos la solicitud no se recibe
      Cuando la empresa solicita otra asignación de 0.005 toneladas con pedimentos por 70 toneladas, sin sus copias
      Entonces la solicitud se rechaza porque falta la copia de los pedimentos

    @EXP-03
    Escenario: El dictaminador revisa las copias de los pedimentos tal como la empresa las adjuntó
      Dado que la empresa solicitó otra asignación de 0.005 toneladas con pedimentos por 70 toneladas y sus copias
      Cuando el dictaminador del cupo descarga las copias adjuntas de la solicitud
      Entonces son, byte por byte, las copias que la empresa adjuntó

    Escenario: Con pedimentos por menos del 70% de la anterior la solicitud no se recibe
      Cuando la empresa solicita otra asignación de 0.005 toneladas con pedimentos por 69.999 toneladas
      Entonces la solicitud se rechaza porque debe acreditar el 70% de la asignación anterior

    Esquema del escenario: Un número de pedimento mal formado se rechaza
      Cuando la empresa solicita otra asignación de 0.005 toneladas con el pedimento "<pedimento>" por 80 toneladas
      Entonces la solicitud se rechaza porque el pedimento "<pedimento>" <falla>

      Ejemplos:
        | pedimento          | falla                                   |
        | 22 43 3456 212345  | no tiene 15 dígitos                     |
        | 22 99 3456 2123456 | indica una aduana que no existe         |
        | 22 43 0000 2123456 | no indica una patente aduanal válida    |
        | 22 43 3456 3123456 | no empieza con el último dígito del año |
        | 27 43 3456 7123456 | es de un año posterior al año en curso  |
