# language: es
Característica: Un certificado se puede cancelar hasta que termina el año de su expedición
  El certificado vale hasta el 31 de diciembre del año en que se expidió: hasta el último minuto de ese
  día está entre los certificados que se pueden cancelar; desde el 1 de enero, ya no. Con la API de
  pruebas, el reloj del portal se fija en esos minutos y se prueba la frontera exacta; en un despliegue
  cuyo reloj corre, se prueba a la hora que tiene, con un certificado de su año y otro del año anterior,
  y el resumen de conformidad dice qué lado de la frontera mostró.

  Antecedentes:
    Dado una empresa registrada en la Ventanilla Única

  @EXP-02 @CAN-07
  Escenario: Hasta el último minuto del 31 de diciembre el certificado del año se puede cancelar
    Dado que la empresa tiene el certificado "A", expedido en el año del portal, en un cupo de "Primero en Tiempo, Primero en Derecho"
    Y que el reloj del portal marca, si se puede fijar, el último minuto del año del certificado "A"
    Y que la empresa inició sesión
    Cuando la empresa selecciona el cupo en la solicitud de cancelación
    Entonces entre los certificados disponibles está "A"

  @EXP-02 @CAN-07
  Escenario: Desde el 1 de enero el certificado del año anterior ya no se puede cancelar
    Dado que la empresa tiene el certificado "A", expedido el año anterior al del portal, en un cupo de "Primero en Tiempo, Primero en Derecho"
    Y que el reloj del portal marca, si se puede fijar, el primer minuto del año siguiente del certificado "A"
    Y que la empresa inició sesión
    Cuando la empresa selecciona el cupo en la solicitud de cancelación
    Entonces no está el certificado "A"
