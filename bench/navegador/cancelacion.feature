# language: es
Característica: La cancelación de punta a punta, para medir el arnés
  El banco del navegador repite este escenario y, alternando con él, un guion de Playwright sin
  arnés que recorre el mismo camino. Sólo usa frases que ya existen en steps/: lo que se mide es
  el arnés tal como corren las características.

  Escenario: La empresa cancela parte de un certificado y recibe folio, acuse y aviso
    Dado que el reloj del portal marca el "2026-03-10T12:30:15"
    Y una empresa registrada en la Ventanilla Única
    Y un cupo de "Primero en Tiempo, Primero en Derecho"
    Y que la empresa tiene en ese cupo el certificado "A" por 100 toneladas, 20 ya ejercidas
    Cuando la empresa firma la cancelación de 25 toneladas del certificado "A"
    Y la empresa descarga el acuse de recepción de trámite
    Entonces ve el número de folio de trámite
    Y el acuse es un PDF con el folio del trámite, y la fecha y la hora en que el portal recibió la solicitud
    Y llega el aviso con el folio del trámite y el certificado "A" a la empresa y al dictaminador del cupo
