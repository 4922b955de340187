"""``heellint rules`` and ``heellint explain CODE``."""

from __future__ import annotations

import json
import sys

import click

from heellint.cli.check import make_linter
from heellint.core.rule import RuleMeta


def _languages(meta: RuleMeta) -> str:
    return ",".join(sorted(meta.languages)) if meta.languages else "all"


@click.command()
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
def rules(output_format, config_file):
    """List every rule: code, name, category, severity, languages, fix, default."""
    linter = make_linter(config_file, (), (), (), None)
    metas = sorted({id(meta): meta for meta in linter.ruleset.metas.values()}.values(), key=lambda meta: meta.code)
    if output_format == "json":
        items = [
            {
                "code": meta.code, "name": meta.name, "category": meta.category, "severity": meta.severity,
                "languages": sorted(meta.languages) if meta.languages else None, "scope": meta.scope,
                "fix": meta.fixable, "enabled": meta.enabled, "origin": meta.origin,
            }
            for meta in metas
        ]
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        return
    rows = [("CODE", "NAME", "CATEGORY", "SEVERITY", "LANGS", "FIX", "DEFAULT")]
    for meta in metas:
        rows.append((meta.code, meta.name, meta.category, meta.severity, _languages(meta), meta.fixable or "-",
                     "on" if meta.enabled else "off"))
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def explain_text(meta: RuleMeta) -> str:
    doc = meta.doc
    lines = [f"{meta.code} {meta.name}", ""]
    lines.append(f"Category: {meta.category}   Severity: {meta.severity}   Languages: {_languages(meta)}   "
                 f"Scope: {meta.scope}   Fix: {meta.fixable or 'none'}   Default: {'on' if meta.enabled else 'off'}")
    lines.append(f"Message: {meta.message}")
    for title, text in (("Why", doc.why), ("What to write instead", doc.instead), ("Fix safety", doc.fix),
                        ("Must not flag", doc.must_not_flag)):
        if text:
            lines += ["", f"{title}:", f"  {text}"]
    examples = meta.examples
    if examples.flag:
        lines += ["", "Flagged:"] + [f"  ✗ {text.strip()}" for text in examples.flag]
    if examples.ok:
        lines += ["", "Not flagged:"] + [f"  ✓ {text.strip()}" for text in examples.ok]
    if examples.fix:
        lines += ["", "Fixes:"] + [f"  {before.strip()}  →  {after.strip()}" for before, after in examples.fix]
    if meta.category == "translation":
        from heellint.xcheck.rules import explain_examples

        extra = explain_examples(meta.code)
        if extra:
            lines += ["", extra.rstrip("\n")]
    if doc.sources:
        lines += ["", "Sources:"] + [f"  - {source}" for source in doc.sources]
    lines.append(f"\nDefined in: {meta.origin}")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("code")
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
def explain(code, config_file):
    """Print the documentation and examples of rule CODE (or its name)."""
    linter = make_linter(config_file, (), (), (), None)
    metas = linter.ruleset.metas
    meta = metas.get(code.upper())
    if meta is None:
        meta = next((candidate for candidate in metas.values() if candidate.name == code.lower()), None)
    if meta is None:
        raise click.UsageError(f"no rule {code!r}; 'heellint rules' lists them")
    click.echo(explain_text(meta), nl=False)
