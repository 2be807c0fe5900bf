# language: es
@CAN-15
Característica: La solicitud firmada llega al funcionario
  El funcionario entra por su propio acceso con su e.firma y encuentra en su bandeja, como
  pendientes, las solicitudes de cancelación de los cupos que dictamina. (Resolverlas es parte
  de otro trámite.)

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única
    Y que la empresa tiene el certificado "A" en un cupo de "Primero en Tiempo, Primero en Derecho"
    Y que la empresa ya firmó la cancelación de 0.005 toneladas del certificado "A"

  Escenario: El dictaminador del cupo ve la solicitud pendiente
    Cuando el dictaminador del cupo revisa su bandeja
    Entonces ve la solicitud con su folio, de la empresa, como "Pendiente"

  Escenario: El dictaminador de otro cupo no la ve
    Cuando el dictaminador de otro cupo revisa su bandeja
    Entonces no ve la solicitud en su bandeja

  @EXP-03
  Escenario: El dictaminador de otro cupo tampoco la abre por su folio
    Cuando el dictaminador de otro cupo abre la solicitud por su folio
    Entonces no encuentra la solicitud

  @EXP-03
  Escenario: Otra empresa no abre la solicitud por su folio
    Cuando otra empresa abre la solicitud por su folio
    Entonces la otra empresa no encuentra la solicitud

  @EXP-03
  Escenario: Un solicitante no abre la bandeja del funcionario por su dirección
    Cuando la empresa abre por su dirección la bandeja del funcionario
    Entonces no ve la bandeja ni la solicitud
