"""Registers the translation codes so ``heellint rules`` lists them and
``heellint explain XL101`` documents them. They run only in ``heellint xcheck``
(a comparison of two texts), so no rule is provided for ``heellint check``."""

from __future__ import annotations

from heellint.xcheck.rules import METAS

SIBLING_CODES = METAS


def provide_rules(context) -> list:
    return []
