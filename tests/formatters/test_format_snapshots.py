"""Every format, rendered for one fixed RunReport, against its snapshot."""

from __future__ import annotations

import pytest

from heellint.formatters import FORMATS, RenderOptions, get_renderer, get_streamer

from formatter_support import check_snapshot

EXTENSIONS = {
    "pretty": "txt",
    "concise": "txt",
    "json": "json",
    "sarif": "sarif",
    "github": "txt",
    "junit": "xml",
    "checkstyle": "xml",
    "gitlab": "json",
    "rdjsonl": "jsonl",
    "html": "html",
}


def test_every_format_has_a_snapshot_extension():
    assert set(EXTENSIONS) == set(FORMATS)


def test_the_report_covers_the_tricky_inputs(report):
    diagnostics = report.diagnostics
    paths = {diagnostic.path for diagnostic in diagnostics}
    assert {"articles/crlf.nb.md", "articles/bom.da.md", "articles/klinikk.nb.md"} <= paths
    assert {result.path for result in report.files} >= {"articles/ren.en.md"}
    assert any(diagnostic.end_line > diagnostic.line for diagnostic in diagnostics), "no multi-line span"
    assert {diagnostic.severity for diagnostic in diagnostics} == {"error", "warning", "info"}
    assert any(diagnostic.fix and diagnostic.fix.applicability == "unsafe" for diagnostic in diagnostics)
    assert any(len(diagnostic.replacements) > 1 and diagnostic.fix is None for diagnostic in diagnostics)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_snapshot(report, name):
    rendered = get_renderer(name)(report, RenderOptions(color=False))
    check_snapshot(f"report.{name}.{EXTENSIONS[name]}", rendered)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_clean_run_snapshot(clean_report, name):
    rendered = get_renderer(name)(clean_report, RenderOptions(color=False))
    check_snapshot(f"clean.{name}.{EXTENSIONS[name]}", rendered)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_rendering_is_deterministic(report, name):
    renderer = get_renderer(name)
    assert renderer(report, RenderOptions()) == renderer(report, RenderOptions())


@pytest.mark.parametrize("name", sorted(FORMATS))
@pytest.mark.parametrize("which", ["report", "clean_report"])
def test_streamed_output_is_the_rendered_output(request, name, which):
    """The CLI writes a format's pieces as they come; together they are the rendered text,
    with or without diagnostics (the JSON list is "[]" when empty)."""
    report = request.getfixturevalue(which)
    pieces = list(get_streamer(name)(report, RenderOptions(color=False)))
    assert all(isinstance(piece, str) for piece in pieces)
    assert "".join(pieces) == get_renderer(name)(report, RenderOptions(color=False))
    if name == "json" and report.diagnostics:
        assert len(pieces) > len(report.diagnostics), "json should stream one piece per diagnostic"


def test_streamed_json_of_a_report_without_files():
    from heellint.core.report import RunReport

    empty = RunReport("0.0.0+test", [], {})
    pieces = get_streamer("json")(empty, RenderOptions())
    assert "".join(pieces) == get_renderer("json")(empty, RenderOptions())
