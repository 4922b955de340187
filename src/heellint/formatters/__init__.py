"""Output formats: one module per format, each with ``render(report, options) -> str``.

Formatters know nothing of rules beyond the Diagnostic (and RuleMeta for the
formats that describe their rules). The table maps a format name to its module,
imported only when chosen.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Iterable

from heellint.core.report import RunReport

FORMATS: dict[str, str] = {
    "pretty": "heellint.formatters.pretty",
    "concise": "heellint.formatters.concise",
    "json": "heellint.formatters.json_format",
    "sarif": "heellint.formatters.sarif",
    "github": "heellint.formatters.github",
    "junit": "heellint.formatters.junit",
    "checkstyle": "heellint.formatters.checkstyle",
    "gitlab": "heellint.formatters.gitlab",
    "rdjsonl": "heellint.formatters.rdjsonl",
    "html": "heellint.formatters.html",
}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    show_fixes: bool = True


def get_renderer(name: str) -> Callable[[RunReport, RenderOptions], str]:
    module = importlib.import_module(FORMATS[name])
    return module.render


def get_streamer(name: str) -> Callable[[RunReport, RenderOptions], Iterable[str]]:
    """The format as pieces to write one after another. A format whose output can
    be large on a whole site defines ``stream`` (same bytes as ``render``); the
    others are one piece."""
    module = importlib.import_module(FORMATS[name])
    streamer = getattr(module, "stream", None)
    if streamer is not None:
        return streamer
    return lambda report, options: (module.render(report, options),)
