# language: es
Característica: Solicitud de expedición de certificado de cupo
  Con su constancia de asignación, el beneficiario pide el certificado en la Ventanilla Única o en
  la Representación Federal donde obtuvo la asignación, y adjunta la copia de la factura comercial
  y la del conocimiento de embarque, carta de porte o guía aérea. La solicitud firmada recibe folio
  y acuse; su documento resolutivo es el certificado de cupo.

  Antecedentes:
    Dado un cupo que recibe solicitudes de asignación
    Y una empresa con una asignación de ese cupo, registrada en la Ventanilla Única
    Y su constancia de asignación de ese cupo, obtenida en la Representación Federal del cupo
    Y que la empresa inició sesión

  @EXP-01 @PRO-01
  Escenario: La solicitud con las copias de la factura y de la carta de porte queda registrada
    Cuando la empresa solicita un certificado de 0.005 toneladas con factura por 0.005 toneladas y "Carta de porte", en la "Ventanilla Única"
    Entonces ve el número de folio de trámite
    Y el acuse de la solicitud lista las copias de "Factura comercial" y de "Carta de porte"

  @PRO-01
  Escenario: Sin su constancia de asignación no se recibe la solicitud de certificado
    Cuando la empresa solicita un certificado de 0.005 toneladas sin elegir su constancia de asignación
    Entonces la solicitud se rechaza porque falta la constancia de asignación

  @EXP-01 @EXP-03
  Escenario: El dictaminador revisa las copias tal como la empresa las adjuntó
    Dado que la empresa solicitó por la Ventanilla Única un certificado de 0.005 toneladas con sus dos copias
    Cuando el dictaminador del cupo descarga las copias adjuntas de la solicitud
    Entonces son, byte por byte, las copias que la empresa adjuntó

  @EXP-01
  Escenario: En la Representación Federal donde obtuvo la asignación también se recibe
    Cuando la empresa solicita un certificado de 0.005 toneladas con factura por 0.005 toneladas y "Guía aérea", en la Representación Federal del cupo
    Entonces ve el número de folio de trámite

  @EXP-01
  Escenario: En otra Representación Federal no se recibe
    Cuando la empresa solicita un certificado de 0.005 toneladas con factura por 0.005 toneladas y "Conocimiento de embarque", en otra Representación Federal
    Entonces la solicitud se rechaza porque se presenta donde obtuvo la asignación, la Representación Federal del cupo

  @EXP-01
  Esquema del escenario: Sin la copia de un documento la solicitud no se recibe
    Cuando la empresa solicita un certificado de 0.005 toneladas sin adjuntar la copia de "<documento>"
    Entonces la solicitud se rechaza porque falta la copia de "<documento>"

    Ejemplos:
      | documento         |
      | Factura comercial |
      | Carta de porte    |

  @EXP-03
  Escenario: Una solicitud rechazada con su motivo se notifica al solicitante
    Dado que la empresa solicitó por la Ventanilla Única un certificado de 0.005 toneladas con sus dos copias
    Cuando el dictaminador del cupo rechaza la solicitud porque "La factura no corresponde al embarque"
    Entonces llega a la empresa el aviso de que su solicitud fue rechazada porque "La factura no corresponde al embarque"
    Y la empresa ve en la Ventanilla Única su solicitud rechazada porque "La factura no corresponde al embarque"

  @EXP-03
  Escenario: Rechazar sin motivo no se permite
    Dado que la empresa solicitó por la Ventanilla Única un certificado de 0.005 toneladas con sus dos copias
    Cuando el dictaminador del cupo rechaza la solicitud porque ""
    Entonces el dictaminador ve que falta el motivo del rechazo
    Y la solicitud sigue pendiente

  @EXP-02
  Escenario: El certificado autorizado vale desde el día de su expedición hasta el 31 de diciembre de ese año
    Dado que la empresa presentó en la Ventanilla Única una solicitud de certificado de 0.005 toneladas, que se va a autorizar
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces el certificado de cupo vale desde el día en que el portal lo expidió hasta el 31 de diciembre de ese año
    Y el certificado de cupo ampara 0.005 toneladas
