"""Allow `python -m storyline`."""

from __future__ import annotations

import sys

from storyline.cli import main

sys.exit(main())
