"""``--format html``: one self-contained HTML page for people (a CI artifact,
an editor's inbox).

A summary by severity, category and rule; then each file with its findings:
location, severity, rule, message, the source line(s) with the span
highlighted, and suggestions. A small inline script filters by severity,
category, rule and free text; the filter also reads the URL fragment
(``report.html#severity=error&category=spelling&rule=TM101&q=hæl``), so a
filtered view can be linked. No external resources (a Content-Security-Policy
forbids them; the inline style and script are allowed by hash), everything
escaped, works from ``file://`` and without JavaScript (then unfiltered).
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from html import escape

from heellint.core.diagnostic import CATEGORIES, SEVERITIES, Diagnostic
from heellint.core.report import FileResult, RunReport
from heellint.formatters._common import SourceLines

MAX_LINES = 6  # source lines shown for a multi-line span
WINDOW = 120  # characters kept either side of a span on very long lines

STYLE = """
:root { color-scheme: light dark; --error: #c62828; --warning: #b26a00; --info: #1565c0;
  --mark: #ffe08a; --mark-text: #000; --muted: #6b6b6b; --line: #ddd; --code: rgba(127,127,127,.12); }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
  max-width: 72rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 0; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem;
  overflow-wrap: anywhere; }
.meta, .muted { color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; align-items: flex-start; }
.summary table { border-collapse: collapse; }
.summary th, .summary td { text-align: left; padding: .1rem .75rem .1rem 0; vertical-align: top; }
.summary td.count { text-align: right; font-variant-numeric: tabular-nums; }
form.filters { position: sticky; top: 0; background: Canvas; padding: .6rem 0; margin-top: 1rem;
  border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; z-index: 1; }
form.filters fieldset { border: 0; margin: 0; padding: 0; display: inline-flex; gap: .6rem; }
form.filters input[type=search] { min-width: 16rem; font: inherit; padding: .15rem .4rem; }
form.filters select { font: inherit; }
ol.findings { list-style: none; padding: 0; margin: 0; }
li.finding { border-left: 4px solid var(--line); padding: .35rem .75rem; margin: .6rem 0; }
li.finding.error { border-color: var(--error); }
li.finding.warning { border-color: var(--warning); }
li.finding.info { border-color: var(--info); }
.severity { font-weight: 600; text-transform: uppercase; font-size: .75rem; letter-spacing: .03em; }
.error .severity { color: var(--error); } .warning .severity { color: var(--warning); } .info .severity { color: var(--info); }
.location { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; overflow-wrap: anywhere; }
code { background: var(--code); padding: 0 .2rem; border-radius: 3px; }
.message { margin: .2rem 0; }
pre.source { background: var(--code); padding: .35rem .6rem; margin: .3rem 0; overflow-x: auto; tab-size: 4;
  font-size: .85rem; }
pre.source .number { color: var(--muted); user-select: none; display: inline-block; min-width: 3ch; text-align: right;
  margin-right: 1ch; }
mark { background: var(--mark); color: var(--mark-text); border-radius: 2px; }
mark.empty { padding: 0 1px; }
.suggestion { margin: .2rem 0; }
.clean { color: var(--muted); }
[hidden] { display: none !important; }
"""

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var text = document.getElementById("filter-text");
  var category = document.getElementById("filter-category");
  var rule = document.getElementById("filter-rule");
  var shown = document.getElementById("shown");
  var severities = Array.prototype.slice.call(form.querySelectorAll("input[name=severity]"));
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var files = Array.prototype.slice.call(document.querySelectorAll("section.file"));
  var total = findings.length;

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (option) { return option.value === value; });
  }

  function filterParameters() {
    // "#severity=error&q=word" (or "?severity=error"); a plain "#finding-3" is an anchor.
    var raw = (location.hash || "").replace(/^#/, "");
    if (raw.indexOf("=") < 0) { raw = (location.search || "").replace(/^\\?/, ""); }
    return raw.indexOf("=") < 0 ? null : raw;
  }

  function readState() {
    var raw = filterParameters();
    if (raw === null) { return; }
    var params = new URLSearchParams(raw);
    severities.forEach(function (box) { box.checked = true; });
    category.value = "";
    rule.value = "";
    text.value = "";
    if (params.has("severity")) {
      var wanted = params.get("severity").split(",");
      severities.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    }
    if (params.has("category")) {
      var value = params.get("category");
      category.value = hasOption(category, value) ? value : "";
    }
    if (params.has("rule")) {
      var code = params.get("rule").toUpperCase();
      rule.value = hasOption(rule, code) ? code : "";
    }
    if (params.has("q")) { text.value = params.get("q"); }
  }

  function writeState() {
    var params = new URLSearchParams();
    var checked = severities.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    if (checked.length !== severities.length) { params.set("severity", checked.join(",")); }
    if (category.value) { params.set("category", category.value); }
    if (rule.value) { params.set("rule", rule.value); }
    if (text.value) { params.set("q", text.value); }
    var fragment = params.toString();
    try {
      history.replaceState(null, "", fragment ? "#" + fragment : location.pathname + location.search);
    } catch (error) { /* some file:// setups refuse; the filter still works */ }
  }

  function apply() {
    var checked = {};
    severities.forEach(function (box) { checked[box.value] = box.checked; });
    var needle = text.value.trim().toLocaleLowerCase();
    var count = 0;
    findings.forEach(function (item) {
      var visible = checked[item.dataset.severity] === true &&
        (!category.value || item.dataset.category === category.value) &&
        (!rule.value || item.dataset.rule === rule.value) &&
        (!needle || item.textContent.toLocaleLowerCase().indexOf(needle) >= 0);
      item.hidden = !visible;
      if (visible) { count += 1; }
    });
    var filtering = count !== total || needle !== "" || category.value !== "" || rule.value !== "";
    files.forEach(function (section) {
      var any = section.querySelector("li.finding:not([hidden])") !== null;
      section.hidden = filtering && !any;
    });
    shown.textContent = "Showing " + count + " of " + total + " finding" + (total === 1 ? "" : "s");
    document.body.dataset.shown = String(count);
  }

  form.addEventListener("input", function () { apply(); writeState(); });
  form.addEventListener("change", function () { apply(); writeState(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", function () {
    if ((location.hash || "").indexOf("=") >= 0) { readState(); apply(); }
  });
  readState();
  apply();
  document.body.dataset.ready = "true";
})();
"""


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _e(text: object) -> str:
    """Escaped for HTML text and attributes; line ends normalised to "\\n"."""
    return escape(str(text).replace("\r\n", "\n").replace("\r", "\n"), quote=True)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _crop(line: str, start: int, end: int) -> tuple[str, int, int, bool, bool]:
    """Keep ``WINDOW`` characters either side of [start, end) on long lines."""
    if len(line) <= 2 * WINDOW + (end - start) + 20:
        return line, start, end, False, False
    left = max(0, start - WINDOW)
    right = min(len(line), end + WINDOW)
    return line[left:right], start - left, end - left, left > 0, right < len(line)


def _source_block(diagnostic: Diagnostic, source: SourceLines) -> str:
    first = source.line(diagnostic.line)
    if first is None:
        return ""
    last = diagnostic.end_line
    if diagnostic.end_column == 1 and last > diagnostic.line:
        last -= 1  # the span ends with the line break
    last = max(diagnostic.line, min(last, len(source.lines)))
    numbers = list(range(diagnostic.line, last + 1))
    elided = len(numbers) > MAX_LINES
    if elided:
        numbers = numbers[: MAX_LINES - 1] + [last]
    width = len(str(last))
    rows = []
    previous = None
    for number in numbers:
        if previous is not None and number != previous + 1:
            rows.append(f'<span class="number">{"…".rjust(width)}</span>')
        previous = number
        line = source.line(number) or ""
        start = diagnostic.column - 1 if number == diagnostic.line else 0
        if number == diagnostic.end_line:
            end = diagnostic.end_column - 1
        else:
            end = len(line)
        start = max(0, min(start, len(line)))
        end = max(start, min(end, len(line)))
        shown, start, end, cut_left, cut_right = _crop(line, start, end)
        marked = shown[start:end]
        mark = f"<mark>{_e(marked)}</mark>" if marked else '<mark class="empty"></mark>'
        if not marked and diagnostic.end > diagnostic.start and number != diagnostic.line:
            mark = ""
        body = ("…" if cut_left else "") + _e(shown[:start]) + mark + _e(shown[end:]) + ("…" if cut_right else "")
        rows.append(f'<span class="number">{number}</span>{body}')
    return '<pre class="source">' + "\n".join(rows) + "</pre>"


def _finding(diagnostic: Diagnostic, index: int, source: SourceLines) -> str:
    location = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
    parts = [
        f'<li class="finding {_e(diagnostic.severity)}" id="finding-{index}" data-severity="{_e(diagnostic.severity)}"'
        f' data-category="{_e(diagnostic.category)}" data-rule="{_e(diagnostic.rule)}">',
        '<div class="head">'
        f'<a class="location" href="#finding-{index}">{_e(location)}</a> '
        f'<span class="severity">{_e(diagnostic.severity)}</span> '
        f'<code class="rule">{_e(diagnostic.rule)}</code> '
        f'<span class="name">{_e(diagnostic.name)}</span> '
        f'<span class="category muted">· {_e(diagnostic.category)}</span>'
        "</div>",
        f'<p class="message">{_e(diagnostic.message)}</p>',
        _source_block(diagnostic, source),
    ]
    if diagnostic.replacements:
        suggestions = ", ".join(f"<code>{_e(text) or '(remove)'}</code>" for text in diagnostic.replacements[:8])
        fix = ""
        if diagnostic.fix is not None:
            how = "--fix" if diagnostic.fix.applicability == "safe" else "--fix --unsafe-fixes"
            fix = f' <span class="fix muted">({_e(diagnostic.fix.applicability)} fix: <code>{how}</code>)</span>'
        parts.append(f'<p class="suggestion">Suggestion: {suggestions}{fix}</p>')
    elif diagnostic.fix is not None:
        parts.append(f'<p class="suggestion muted">{_e(diagnostic.fix.applicability)} fix available</p>')
    parts.append("</li>")
    return "".join(part for part in parts if part)


def _file_section(result: FileResult, diagnostics: list[Diagnostic], start_index: int) -> str:
    source = SourceLines(result.source_text)
    language = ""
    if result.lang:
        language = f' <span class="muted">· {_e(result.lang)}'
        if result.lang_source:
            language += f" ({_e(result.lang_source)})"
        language += "</span>"
    head = (
        f'<section class="file" data-path="{_e(result.path)}">'
        f'<h2><span class="path">{_e(result.path)}</span>{language} '
        f'<span class="muted">· {_plural(len(diagnostics), "finding")}</span></h2>'
    )
    if not diagnostics:
        return head + '<p class="clean">No findings.</p></section>'
    items = [_finding(diagnostic, start_index + offset, source) for offset, diagnostic in enumerate(diagnostics)]
    return head + '<ol class="findings">' + "\n".join(items) + "</ol></section>"


def _table(title: str, rows: list[tuple[str, int]], link_key: str | None = None) -> str:
    body = []
    for label, count in rows:
        cell = _e(label)
        if link_key:
            cell = f'<a href="#{link_key}={_e(label.split(" ")[0])}">{cell}</a>'
        body.append(f'<tr><td>{cell}</td><td class="count">{count}</td></tr>')
    if not body:
        body.append('<tr><td class="muted">none</td><td class="count">0</td></tr>')
    return f'<table><thead><tr><th colspan="2">{_e(title)}</th></tr></thead><tbody>{"".join(body)}</tbody></table>'


def render(report: RunReport, options) -> str:
    diagnostics = report.diagnostics
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    files = {result.path: result for result in report.files}
    for path in by_path:
        files.setdefault(path, FileResult(path, None, None, [], None))

    severity_counts = Counter(diagnostic.severity for diagnostic in diagnostics)
    category_counts = Counter(diagnostic.category for diagnostic in diagnostics)
    rule_counts = Counter((diagnostic.rule, diagnostic.name) for diagnostic in diagnostics)
    summary = (
        '<section class="summary" id="summary">'
        + _table("Severity", [(level, severity_counts[level]) for level in SEVERITIES if severity_counts[level]], "severity")
        + _table("Category", [(name, category_counts[name]) for name in CATEGORIES if category_counts[name]], "category")
        + _table("Rule", [(f"{code} {name}", count) for (code, name), count in sorted(rule_counts.items())], "rule")
        + "</section>"
    )

    severity_boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{level}" checked> {level} ({severity_counts[level]})</label>'
        for level in SEVERITIES
    )
    category_options = '<option value="">all categories</option>' + "".join(
        f'<option value="{_e(name)}">{_e(name)} ({category_counts[name]})</option>' for name in CATEGORIES if category_counts[name]
    )
    rule_options = '<option value="">all rules</option>' + "".join(
        f'<option value="{_e(code)}">{_e(code)} {_e(name)} ({count})</option>'
        for (code, name), count in sorted(rule_counts.items())
    )
    filters = (
        '<form class="filters" id="filters" role="search">'
        f'<fieldset><legend class="muted">Severity</legend>{severity_boxes}</fieldset>'
        f'<label>Category <select id="filter-category" name="category">{category_options}</select></label>'
        f'<label>Rule <select id="filter-rule" name="rule">{rule_options}</select></label>'
        '<label>Text <input type="search" id="filter-text" name="q" placeholder="message, word, path…"></label>'
        f'<output id="shown" aria-live="polite">{_plural(len(diagnostics), "finding")}</output>'
        "</form>"
    )

    sections = []
    index = 1
    for path in sorted(files):
        found = by_path.get(path, [])
        sections.append(_file_section(files[path], found, index))
        index += len(found)

    counts = ", ".join(f"{severity_counts[level]} {level}" for level in SEVERITIES if severity_counts[level])
    overview = (
        f"heellint {_e(report.version)} · {_plural(len(files), 'file')} · {_plural(len(diagnostics), 'finding')}"
        + (f" ({counts})" if counts else "")
        + f" · fails on {_e(report.fail_on)}"
    )
    policy = (
        f"default-src 'none'; style-src '{_hash(STYLE)}'; script-src '{_hash(SCRIPT)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # The policy is built from constants and base64 hashes: nothing to escape.
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="heellint">',
        "<title>heellint report</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        f'<body data-total="{len(diagnostics)}">',
        "<header><h1>heellint report</h1>",
        f'<p class="meta">{overview}</p></header>',
        summary,
        filters,
        "<main>",
        *sections,
        "</main>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"
