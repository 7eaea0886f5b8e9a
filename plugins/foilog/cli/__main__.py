"""`python -m foilog.cli` runs the same command line as the `foilog` script."""

import sys

from foilog.cli import main

sys.exit(main())
