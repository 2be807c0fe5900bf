"""python -m cupos_conformidad: lo mismo que la orden cupos-conformidad."""

import sys

from cupos_conformidad.cli import main

sys.exit(main())
