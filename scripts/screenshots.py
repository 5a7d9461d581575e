"""Screenshots of the sample site into docs/beheer/schermafbeeldingen/ (logic: tests/screenshots.py).

Run from the repository: .venv/bin/python scripts/screenshots.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.screenshots import main  # noqa: E402

sys.exit(main())
