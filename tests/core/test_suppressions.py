from heellint.api import Linter
from heellint.core.config import build_config
from heellint.core.yamlio import Located

PACK = """\
pack: test
rules:
  - code: SP901
    name: test-misspelling
    kind: substitution
    category: spelling
    severity: warning
    message: "'{match}' -> '{replacement}'"
    fix: safe
    swap: {klinnikk: klinikk}
"""


def make_linter(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    config = build_config({"rules": [str(pack)], "select": ["SP901", "HL010"]}, Located("x"), tmp_path, None)
    return Linter(config)


def codes(diagnostics):
    return [(d.rule, d.line) for d in diagnostics]


def test_disable_enable_region(tmp_path):
    text = "En klinnikk.\n\n<!-- heellint-disable SP901 -->\n\nEn klinnikk.\n\n<!-- heellint-enable -->\n\nEn klinnikk.\n"
    assert codes(make_linter(tmp_path).lint_text(text, path="a.md", lang="nb")) == [("SP901", 1), ("SP901", 9)]


def test_disable_next_line_and_unused(tmp_path):
    text = "<!-- heellint-disable-next-line SP901 -->\nEn klinnikk.\n\n<!-- heellint-disable-next-line SP901 -->\nEn klinikk.\n"
    assert codes(make_linter(tmp_path).lint_text(text, path="a.md", lang="nb")) == [("HL010", 4)]


def test_disable_without_codes_silences_everything(tmp_path):
    text = "<!-- heellint-disable -->\nEn klinnikk.\n"
    assert codes(make_linter(tmp_path).lint_text(text, path="a.md", lang="nb")) == []


def test_prefix_suppression(tmp_path):
    text = "<!-- heellint-disable-next-line SP -->\nEn klinnikk.\n"
    assert codes(make_linter(tmp_path).lint_text(text, path="a.md", lang="nb")) == []
