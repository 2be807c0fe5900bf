# language: es
Característica: Firma de la solicitud de cancelación
  Para firmar, el solicitante captura los mismos datos de e.firma con que inició la sesión; con
  otros, la solicitud no se firma. La solicitud firmada recibe un número de folio de trámite y
  una liga a su acuse de recepción.

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única
    Y un cupo de "Primero en Tiempo, Primero en Derecho"
    Y que la empresa tiene en ese cupo un certificado vigente "A"
    Y que la empresa inició sesión
    Y que la empresa agregó el certificado "A" con un monto a favor de 0.005

  @CAN-11 @CAN-12
  Escenario: Firmar con la misma e.firma registra la solicitud con un folio
    Cuando la empresa firma la solicitud con su e.firma
    Entonces ve el número de folio de trámite
    Y ve la liga al acuse de recepción de trámite

  @CAN-11
  Escenario: La e.firma de otra persona no firma la solicitud
    Dado otra empresa registrada en la Ventanilla Única
    Cuando la empresa intenta firmar la solicitud con la e.firma de la otra empresa
    Entonces se le avisa que la e.firma no es la de la sesión
    Y la solicitud sigue sin firmar, con el certificado "A" por 0.005 a cancelar

  @CAN-11
  Escenario: Otra e.firma vigente de la misma empresa tampoco firma la solicitud
    Dado que la empresa tiene otra e.firma vigente
    Cuando la empresa intenta firmar la solicitud con su otra e.firma
    Entonces se le avisa que la e.firma no es la de la sesión
    Y la solicitud sigue sin firmar, con el certificado "A" por 0.005 a cancelar

  @CAN-11
  Escenario: Una contraseña equivocada no firma la solicitud
    Cuando la empresa intenta firmar la solicitud con una contraseña equivocada
    Entonces se le avisa que la contraseña de la clave privada es incorrecta
    Y la solicitud sigue sin firmar, con el certificado "A" por 0.005 a cancelar
