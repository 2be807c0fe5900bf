# language: es
@CAN-14
Característica: Aviso por correo de la solicitud de cancelación
  Al firmarse la solicitud llega el correo «Aviso de Certificados de Exportación por Solicitud
  pendientes por Cancelar» al solicitante y al dictaminador del cupo; cuando el cupo se asigna
  por Licitación Pública, llega además a Nivel Central.

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única
    Y que Nivel Central está registrado en la Ventanilla Única

  Escenario: En un cupo de primero en tiempo el aviso llega a la empresa y al dictaminador
    Dado que la empresa tiene el certificado "A" en un cupo de "Primero en Tiempo, Primero en Derecho"
    Cuando la empresa firma la cancelación de 0.005 toneladas del certificado "A"
    Entonces llega el aviso con el folio del trámite y el certificado "A" a la empresa y al dictaminador del cupo
    Y el aviso no llega a Nivel Central

  Escenario: En un cupo de Licitación Pública el aviso llega también a Nivel Central
    Dado que la empresa tiene el certificado "A" en un cupo de "Licitación Pública"
    Cuando la empresa firma la cancelación de 0.005 toneladas del certificado "A"
    Entonces llega el aviso con el folio del trámite y el certificado "A" a la empresa y al dictaminador del cupo
    Y el aviso llega también a Nivel Central
