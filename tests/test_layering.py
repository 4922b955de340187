"""Layering is enforced mechanically (architecture principle 11)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "heellint"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name for name in found if name.startswith("heellint")}


def modules(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


@pytest.mark.parametrize("path", modules("core"), ids=lambda p: p.name)
def test_core_imports_nothing_else_of_heellint(path):
    # the package itself holds only __version__ (cache entries are keyed by it)
    bad = {name for name in imports_of(path) if not name.startswith("heellint.core") and name != "heellint"}
    assert not bad, f"{path.name} imports {bad}"


def test_api_never_imports_cli():
    assert not {name for name in imports_of(SRC / "api.py") if name.startswith("heellint.cli")}


@pytest.mark.parametrize("path", modules("formatters"), ids=lambda p: p.name)
def test_formatters_know_only_core(path):
    allowed = ("heellint.core", "heellint.formatters", "heellint")
    bad = {name for name in imports_of(path) if not name.startswith(allowed) or name.startswith(
        ("heellint.kinds", "heellint.glossary", "heellint.claims", "heellint.cli", "heellint.api"))}
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("package", ["parse", "text"])
def test_parsing_knows_nothing_of_rules_or_output(package):
    for path in modules(package):
        bad = {name for name in imports_of(path)
               if name.startswith(("heellint.kinds", "heellint.glossary", "heellint.claims", "heellint.formatters",
                                   "heellint.cli", "heellint.api"))}
        assert not bad, f"{path} imports {bad}"


def test_one_file_check_does_not_import_heavy_engines():
    import subprocess
    import sys

    code = (
        "import sys, heellint.cli.main as m\n"
        "sys.argv=['heellint','check','--lang','nb','-']\n"
        "import io\n"
        "sys.stdin=io.TextIOWrapper(io.BytesIO('Hei.\\n'.encode()))\n"
        "try:\n    m.main()\nexcept SystemExit:\n    pass\n"
        "heavy=[n for n in ('hunspell','language_tool_python','pygls','lsprotocol','jinja2','lingua','defusedxml','jsonschema') if n in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr
