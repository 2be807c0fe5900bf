# language: es
Característica: El certificado no pasa del saldo del cupo
  Entre los términos del monto del certificado está el saldo del cupo: si le queda menos que lo demás, el
  certificado se expide por lo que le queda, y sin saldo no se puede autorizar. Se muestra en un cupo al
  que otra empresa ya le usó casi todo (o todo) el saldo del año, y en el que la empresa tiene una
  asignación: con la API de pruebas, uno nuevo; en un ambiente aprovisionado, uno que su perfil declara
  con ese saldo. Lo que el escenario expide lo cancela al final: el saldo vuelve a ser el de antes.

  @CRT-01
  Escenario: Si al cupo le queda menos que lo demás, el certificado se expide por el saldo del cupo
    Dado un cupo al que le quedan 0.002 toneladas de saldo en el año del portal
    Y una empresa con una asignación de ese cupo, registrada en la Ventanilla Única
    Y su constancia de asignación de ese cupo, obtenida en la Representación Federal del cupo
    Y que se conoce el saldo del cupo en el año del portal
    Y que la empresa presentó con esa asignación una solicitud de certificado de 0.004 toneladas con factura por 0.005 toneladas
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces el certificado se expide por 0.002 toneladas, por ser el menor «el saldo del cupo»
    Y el certificado de cupo ampara 0.002 toneladas
    Y el saldo del cupo en el año del portal es el de antes menos 0.002 toneladas
    Cuando la empresa obtiene la cancelación de 0.002 toneladas del certificado expedido
    Entonces el saldo del cupo en el año del portal es el de antes

  @CRT-01
  Escenario: Sin saldo del cupo el certificado no se puede autorizar
    Dado un cupo al que le quedan 0 toneladas de saldo en el año del portal
    Y una empresa con una asignación de ese cupo, registrada en la Ventanilla Única
    Y su constancia de asignación de ese cupo, obtenida en la Representación Federal del cupo
    Y que se conoce el saldo del cupo en el año del portal
    Y que la empresa presentó con esa asignación una solicitud de certificado de 0.004 toneladas con factura por 0.005 toneladas
    Cuando el dictaminador del cupo autoriza la solicitud
    Entonces el dictaminador ve que no hay saldo del cupo que otorgar
    Y la solicitud sigue pendiente
    Y el saldo del cupo en el año del portal es el de antes
