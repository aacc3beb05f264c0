"""`python -m tui` runs the genai-tui command line."""

import sys

from tui.cli import main

sys.exit(main())
