# language: es
@EFIRMA
Característica: Inicio de sesión con e.firma
  Como en la Ventanilla Única, el solicitante entra con su e.firma: el certificado (.cer), la
  clave privada (.key) y la contraseña de la clave. El portal comprueba que una autoridad
  certificadora reconocida emitió el certificado, que está vigente, que la clave abre con la
  contraseña y que corresponde al certificado. Cada falla tiene su propio mensaje y nadie entra.

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única

  Escenario: La empresa entra con su e.firma
    Cuando la empresa inicia sesión con su e.firma
    Entonces la empresa ve la bienvenida con su nombre

  Esquema del escenario: Una e.firma que no sirve no abre la sesión
    Cuando la empresa intenta iniciar sesión con una e.firma con el defecto "<defecto>"
    Entonces se le avisa que <aviso>
    Y la empresa no tiene una sesión abierta

    Ejemplos:
      | defecto                                  | aviso                                                          |
      | contraseña equivocada                    | la contraseña de la clave privada es incorrecta                |
      | certificado de una autoridad desconocida | el certificado no es de una autoridad certificadora reconocida |
      | certificado vencido                      | el certificado no está vigente                                 |
      | clave privada de otra e.firma            | la clave privada no corresponde al certificado                 |
      | .cer que no es un certificado            | el .cer no es un certificado de e.firma                        |
      | .key que no es una clave privada         | el .key no es una clave privada                                |

  Escenario: Una e.firma válida de alguien sin registro no abre la sesión
    Cuando una persona sin registro en la Ventanilla Única intenta iniciar sesión con su e.firma
    Entonces se le avisa que su RFC no está registrado
    Y la empresa no tiene una sesión abierta

  @CAN-16
  Regla: Cerrar la sesión pide confirmación

    Antecedentes:
      Dado que la empresa inició sesión

    Escenario: Al pedir cerrar la sesión se pregunta si está seguro
      Cuando la empresa pide cerrar la sesión
      Entonces se le pide confirmar el cierre con las opciones «Si» y «No»

    Escenario: Al confirmar con «Si» la sesión termina
      Dado que la empresa pidió cerrar la sesión
      Cuando la empresa responde «Si»
      Entonces ve la pantalla de inicio de sesión
      Y la empresa no tiene una sesión abierta

    Escenario: Al responder «No» la sesión sigue abierta
      Dado que la empresa pidió cerrar la sesión
      Cuando la empresa responde «No»
      Entonces ya no se le pregunta nada
      Y la empresa sigue con su sesión abierta
