"""Case helpers: the text layer's ``apply_case``/``case_pattern`` plus the
glossary's rule for terms with capitals of their own ("Achilles tendinopathy"
stays capitalised whatever the case of the word it replaces)."""

from __future__ import annotations

from heellint.text.tokens import apply_case, case_pattern

__all__ = ["apply_case", "case_pattern", "recase"]


def recase(original: str, replacement: str, source_form: str | None = None) -> str:
    """``replacement`` written in the case of ``original``.

    ``source_form`` is the glossary form ``original`` was matched as; when its
    capitals are its own ("ACL", "Bakers cyste") they say nothing about the
    case the writer chose, and the replacement is written as the glossary has it.
    """
    if source_form is not None and source_form != source_form.lower() and original == source_form:
        return replacement
    pattern = case_pattern(original)
    intrinsic = replacement != replacement.lower()
    if intrinsic and pattern in ("lower", "title"):
        return replacement if pattern == "lower" else apply_case("title", replacement)
    return apply_case(pattern, replacement)
