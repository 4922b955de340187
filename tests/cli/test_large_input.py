"""A 50 MB article goes through the whole pipeline (parse, mask, rules, positions).

Linear time is measured in bench/ (docs/performance.md), not here: this test holds
that nothing in the pipeline breaks or loses positions on a very large file.
"""

from __future__ import annotations

import json

from tests.conftest import run_cli

PARAGRAPH = (
    "Hælspore er en vanlig årsak til smerter under hælen, og plagene kan vare i flere måneder "
    "hvis belastningen ikke justeres i tide. Mange blir bedre med tålmodig trening.\n\n"
)


def test_fifty_megabyte_article(tmp_path):
    heading = "## Avsnitt\n\n"
    block = heading + PARAGRAPH * 20
    repeats = 50_000_000 // len(block.encode("utf-8")) + 1
    body = block * repeats
    text = "# Stor artikkel\n\n" + body + "Dette er de mest vanligste skadene.\n"
    path = tmp_path / "stor.nb.md"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    result = run_cli("check", "--format", "json", "--select", "GR101,SP101,TY101", "stor.nb.md", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    [finding] = data["diagnostics"]
    assert finding["rule"] == "GR101"
    assert finding["line"] == text.count("\n")  # the last line
    assert finding["column"] == 13 and finding["end_column"] == 27
