# language: es
Característica: Un año sin monto del cupo
  El cupo tiene un monto por año (CUP-01), del 1 de enero al 31 de diciembre (CUP-02): en un año para el
  que no tiene monto no recibe solicitudes. El año es el del reloj del portal, que corre.

  @CUP-01 @CUP-02
  Escenario: En un año para el que el cupo no tiene monto no se reciben solicitudes
    Dado un cupo sin monto para el año del portal, que recibe solicitudes de asignación
    Y una empresa sin asignación de ese cupo, registrada en la Ventanilla Única
    Y que la empresa inició sesión
    Cuando la empresa solicita la asignación de 0.005 toneladas en la "Ventanilla Única"
    Entonces la solicitud se rechaza porque el cupo no tiene monto para el año del portal
