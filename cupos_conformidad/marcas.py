"""Las etiquetas que las características llevan, registradas como marcas de pytest: las reglas del dominio
(../shared/DOMAIN.md) y las de los temas sin regla propia."""

REGLAS = (
    "CAN-01", "CAN-02", "CAN-03", "CAN-04", "CAN-05", "CAN-06", "CAN-07", "CAN-08", "CAN-09",
    "CAN-10", "CAN-11", "CAN-12", "CAN-13", "CAN-14", "CAN-15", "CAN-16", "CAN-17",
    "CUP-01", "CUP-02", "CUP-03", "CUP-04", "CUP-05", "CUP-06", "CUP-07", "PRO-01", "ASG-01",
    "ASG-02", "CRT-01", "EXP-01", "EXP-02", "EXP-03", "PLZ-01", "HOR-01", "HOR-02", "NOR-01",
)

MARCAS = (
    *REGLAS,
    "PADES: documentos PDF firmados por la Secretaría (pide el issue 3; sin regla propia en DOMAIN.md)",
    "CICLO: el ciclo de vida completo de un cupo, de la asignación a la cancelación",
    "EFIRMA: inicio de sesión con e.firma (sin regla propia en DOMAIN.md; así lo hace VUCEM)",
)
