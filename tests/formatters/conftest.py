"""The formatter tests' fixtures (defined in formatter_support)."""

from formatter_support import clean_report, report  # noqa: F401  (pytest fixtures)
