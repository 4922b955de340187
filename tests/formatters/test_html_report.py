"""The HTML report: self-contained, escaped, and (in a real headless
Chromium) showing every finding and filtering them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from heellint.core.diagnostic import Diagnostic
from heellint.core.report import FileResult, RunReport
from heellint.formatters import RenderOptions
from heellint.formatters import html as html_format

from chromium_support import DevTools, chromium_version, collect, dump_dom


def render(report) -> str:
    return html_format.render(report, RenderOptions())


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def searchable(report, diagnostic) -> str:
    """What the text filter searches: the finding's text, its source lines included."""
    source = next(result.source_text for result in report.files if result.path == diagnostic.path)
    lines = source.split("\n")[diagnostic.line - 1:diagnostic.end_line]
    parts = [diagnostic.path, diagnostic.rule, diagnostic.name, diagnostic.category, diagnostic.severity,
             diagnostic.message, *lines, *diagnostic.replacements]
    return normalised("\n".join(parts)).lower()


@pytest.fixture(scope="module")
def report_file(report, tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "report ø.html"  # a space and non-ASCII in the file URL
    path.write_text(render(report), encoding="utf-8")
    return path


class Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset", "poster", "data") and value and not value.startswith("#"):
                self.references.append(f"{tag} {name}={value}")


def test_no_external_resources(report):
    page = render(report)
    parser = Resources()
    parser.feed(page)
    assert parser.references == []
    assert "http://" not in page and "https://" not in page
    assert "default-src 'none'" in page
    assert "@import" not in page and "url(" not in page


def test_everything_is_escaped():
    text = "Les \"<script>x</script>\" & co\n"
    start, end = text.index('"'), text.rindex('"') + 1
    diagnostic = Diagnostic("<dir>/a&b\".md", start, end, 1, start + 1, 1, end + 1, "ZZF103", "straight-quotes",
                            "style", "info", "Use «» for \"<script>alert(1)</script>\" & more", ("«<b>»",))
    page = render(RunReport("t", [FileResult(diagnostic.path, "nb", "path", [diagnostic], text)], {}))
    body = page.split("<body", 1)[1].rsplit("<script>", 1)[0]
    assert "<script>" not in body and "<b>" not in body and "<dir>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;dir&gt;/a&amp;b&quot;.md" in body
    assert "<mark>&quot;&lt;script&gt;x&lt;/script&gt;&quot;</mark>" in body


def test_source_line_and_span_are_shown(report):
    page = render(report)
    assert "<mark>klinnikken</mark>" in page
    assert '<span class="number">6</span>' in page
    # a multi-line span: both lines, each marked
    assert re.search(r"<mark>hæl</mark>\n<span class=\"number\">\d+</span><mark>spore</mark>", page)
    assert "\r" not in page


def test_chromium_renders_every_finding(report, report_file):
    dom = collect(dump_dom(report_file.as_uri()))
    findings = dom.findings
    assert len(findings) == len(report.diagnostics)
    assert not any(finding["hidden"] for finding in findings)
    for finding, diagnostic in zip(findings, report.diagnostics, strict=True):
        assert finding["data-rule"] == diagnostic.rule
        assert finding["data-severity"] == diagnostic.severity
        assert normalised(diagnostic.message) in finding["text"]
        assert f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}" in finding["text"]
    total = len(report.diagnostics)
    assert dom.shown_text == f"Showing {total} of {total} findings"
    assert {section["path"] for section in dom.sections} == {result.path for result in report.files}


@pytest.mark.parametrize(
    ("fragment", "keep"),
    [
        ("#severity=error", lambda d, text: d.severity == "error"),
        ("#severity=warning,info", lambda d, text: d.severity in ("warning", "info")),
        ("#category=style", lambda d, text: d.category == "style"),
        ("#rule=ZZF101", lambda d, text: d.rule == "ZZF101"),
        ("#q=MISSPELLING", lambda d, text: "misspelling" in text),
        ("#q=h%C3%A6l%20spore", lambda d, text: "hæl spore" in text),
        ("#severity=warning&q=pasjent", lambda d, text: d.severity == "warning" and "pasjent" in text),
        ("?category=spelling", lambda d, text: d.category == "spelling"),
    ],
)
def test_chromium_filter_from_the_url(report, report_file, fragment, keep):
    dom = collect(dump_dom(report_file.as_uri() + fragment))
    visible = [finding["data-rule"] for finding in dom.findings if not finding["hidden"]]
    kept = [diagnostic for diagnostic in report.diagnostics if keep(diagnostic, searchable(report, diagnostic))]
    expected = [diagnostic.rule for diagnostic in kept]
    assert expected, "the filter should keep something"
    assert visible == expected
    assert dom.shown_text == f"Showing {len(expected)} of {len(report.diagnostics)} findings"
    kept_paths = {diagnostic.path for diagnostic in kept}
    assert {section["path"] for section in dom.sections if not section["hidden"]} == kept_paths


def test_chromium_filter_by_typing_and_clicking(report, report_file):
    total = len(report.diagnostics)
    with DevTools(report_file.as_uri()) as page:
        assert page.evaluate("document.body.dataset.shown") == str(total)
        page.type_text("#filter-text", "spore")
        page.wait_for("document.body.dataset.shown !== '%d'" % total)
        hits = [d for d in report.diagnostics if "spore" in searchable(report, d)]
        assert {d.severity for d in hits} == {"error", "warning"}
        assert page.evaluate("document.body.dataset.shown") == str(len(hits))
        assert page.evaluate("location.hash") == "#q=spore"
        # untick 'error' with a real click: only the warnings that mention it stay
        page.click("input[name=severity][value=error]")
        expected = [d for d in hits if d.severity != "error"]
        page.wait_for(f"document.body.dataset.shown === '{len(expected)}'")
        visible = page.evaluate(
            "Array.from(document.querySelectorAll('li.finding:not([hidden])')).map(e => e.dataset.rule)"
        )
        assert visible == [d.rule for d in expected]
        assert page.evaluate("location.hash") == "#severity=warning%2Cinfo&q=spore"
        # a summary link sets a whole new filter
        page.click("#summary a[href='#rule=ZZF104']")
        rule_hits = [d for d in report.diagnostics if d.rule == "ZZF104"]
        # the hash changes at once, the 'hashchange' handler runs a task later: wait for the
        # handler's visible effect (the old text filter cleared), not for a count that the
        # previous filter may happen to share
        page.wait_for(
            "location.hash === '#rule=ZZF104' && document.getElementById('filter-rule').value === 'ZZF104'"
            f" && document.getElementById('filter-text').value === '' && document.body.dataset.shown === '{len(rule_hits)}'"
        )
        assert page.evaluate("document.getElementById('filter-text').value") == ""
        assert page.evaluate("document.getElementById('shown').textContent") == f"Showing {len(rule_hits)} of {total} findings"


def test_chromium_version_is_known():
    version = chromium_version()
    assert re.search(r"\d+\.\d+", version), version
