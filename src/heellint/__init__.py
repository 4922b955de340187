"""heellint: a content linter for health articles in nb, nn, da, sv and en."""

from __future__ import annotations

__version__ = "0.3.0"
