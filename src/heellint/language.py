"""Which language an article is in, and how we know.

Order (first that answers wins): front matter ``lang`` -> the path
(``name.nb.md`` or a folder named ``nb/``) -> config ``overrides`` for the file's
glob -> ``--lang`` -> config ``lang`` -> the built-in detector. The answer's
source is reported as ``front-matter``, ``path``, ``config``, ``cli``,
``config`` or ``detected``.
"""

from __future__ import annotations

from pathlib import PurePath

from heellint.core.document import Document
from heellint.core.rule import LANGUAGES

_ALIASES = {
    "nb": "nb", "nob": "nb", "nb-no": "nb", "nb_no": "nb", "bokmål": "nb", "bokmal": "nb",
    "nn": "nn", "nno": "nn", "nn-no": "nn", "nn_no": "nn", "nynorsk": "nn",
    "da": "da", "dan": "da", "da-dk": "da", "da_dk": "da", "dansk": "da", "danish": "da",
    "sv": "sv", "swe": "sv", "sv-se": "sv", "sv_se": "sv", "sv-fi": "sv", "svenska": "sv", "swedish": "sv",
    "en": "en", "eng": "en", "en-gb": "en", "en-us": "en", "en_gb": "en", "en_us": "en", "english": "en",
}


def normalise_language(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return _ALIASES.get(value.strip().lower())


def language_from_path(path: str) -> str | None:
    pure = PurePath(path)
    suffixes = [suffix.lstrip(".").lower() for suffix in pure.suffixes[:-1]]
    for suffix in reversed(suffixes):
        if suffix in LANGUAGES:
            return suffix
    for part in reversed(pure.parts[:-1]):
        if part.lower() in LANGUAGES:
            return part.lower()
    return None


_FRONT_MATTER_KEYS = ("lang", "language", "locale")


def front_matter_language(document: Document) -> tuple[str | None, str | None]:
    """(language, problem) from the front matter."""
    for key in _FRONT_MATTER_KEYS:
        if key in document.front_matter:
            value = document.front_matter[key]
            lang = normalise_language(value)
            if lang is None:
                if isinstance(value, str) and value.strip().lower() in ("no", "nor", "no-no", "norwegian", "norsk"):
                    return None, f"front matter {key}: {value!r} is ambiguous; say nb (Bokmål) or nn (Nynorsk)"
                return None, f"front matter {key}: {value!r} is not one of {', '.join(LANGUAGES)}"
            return lang, None
    return None, None


def resolve_language(
    document: Document,
    relative_path: str,
    override_lang: str | None,
    cli_lang: str | None,
    config_lang: str | None,
) -> tuple[str | None, str | None, str | None]:
    """(lang, lang_source, problem)."""
    lang, problem = front_matter_language(document)
    if lang:
        return lang, "front-matter", None
    lang = language_from_path(relative_path)
    if lang:
        return lang, "path", problem
    if override_lang:
        return override_lang, "config", problem
    if cli_lang:
        return cli_lang, "cli", problem
    if config_lang:
        return config_lang, "config", problem
    from heellint.text.lang import detect_language

    guess = detect_language(document.prose)
    return guess.lang, ("detected" if guess.lang else None), problem
