"""`heellint terms`: site-wide usage per concept and language."""

from __future__ import annotations

import json

from ..conftest import run_cli
from .conftest import BASIC


def site(tmp_path):
    (tmp_path / "heellint.yaml").write_text(f"glossary: [{BASIC}]\n", encoding="utf-8")
    (tmp_path / "a.nb.md").write_text("# Hælspore\n\nHælsporen gjør vondt. Kalkspore er et annet navn.\n",
                                      encoding="utf-8")
    (tmp_path / "b.nb.md").write_text("Hælspace og hælspore. Vi har en god klinnikk.\n", encoding="utf-8")
    (tmp_path / "c.da.md").write_text("Hælsporen gør ondt.\n", encoding="utf-8")
    return tmp_path


def test_terms_json_counts_articles_and_forms(tmp_path):
    folder = site(tmp_path)
    result = run_cli("terms", "--format", "json", ".", cwd=folder)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["files"] == 3
    usage = {(item["concept"], item["lang"]): item for item in data["concepts"]}
    heel = usage[("heel-spur", "nb")]
    assert heel["inconsistent"] is True
    variants = {(variant["term"], variant["kind"]): variant for variant in heel["variants"]}
    assert variants[("hælspore", "term")]["articles"] == 2
    assert variants[("hælspore", "term")]["uses"] == 3
    assert variants[("hælspore", "term")]["forms"] == {"Hælspore": 1, "Hælsporen": 1, "hælspore": 1}
    assert variants[("kalkspore", "term")]["status"] == "admitted"
    assert variants[("hælspace", "misspelling")]["paths"] == ["b.nb.md"]
    assert ("klinnikk", "misspelling?") in {(v["term"], v["kind"]) for v in usage[("clinic", "nb")]["variants"]}
    assert usage[("heel-spur", "da")]["inconsistent"] is False
    # inconsistent concepts come first
    assert data["concepts"][0]["inconsistent"] is True


def test_terms_table_and_filter(tmp_path):
    folder = site(tmp_path)
    result = run_cli("terms", "--inconsistent", ".", cwd=folder)
    text = result.stdout.decode("utf-8")
    assert "heel-spur" in text and "kalkspore" in text
    assert "written more than one way" in text
    assert " da " not in text.split("\n", 1)[1].split("\n\n")[0] or "heel-spur" in text
