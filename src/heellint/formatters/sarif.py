"""``--format sarif``: SARIF 2.1.0 (GitHub code scanning, Azure DevOps, IDEs).

One run. ``tool.driver.rules`` describes every rule that reported (sorted by
code) from its ``RuleMeta``: name, descriptions, help from the rule's doc,
default level, tags (category and languages). Each result points at its rule
by ``ruleId`` and ``ruleIndex``; locations are relative URIs under
``%SRCROOT%``; columns count Unicode code points (``columnKind:
unicodeCodePoints``, the contract's columns) and ``endColumn`` is exclusive, as
SARIF defines it. Diagnostics with a fix carry it as ``fixes`` (the exact edits
``--fix`` would apply); ``partialFingerprints`` keep alerts stable when lines
move.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from heellint.core.diagnostic import Diagnostic
from heellint.core.report import RunReport
from heellint.core.rule import RuleMeta
from heellint.formatters._common import (
    SourceLines,
    edit_positions,
    fingerprints,
    fix_edits,
    relative_uri,
    sources_of,
    title_case_name,
)
from heellint.formatters._jsonstream import Streamed, stream_document

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "heellint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# GitHub code scanning reads this property for non-security rules.
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}


def _artifact_location(path: str) -> dict[str, Any]:
    uri, relative = relative_uri(path)
    location: dict[str, Any] = {"uri": uri}
    if relative:
        location["uriBaseId"] = "%SRCROOT%"
    return location


def _template_text(message: str) -> str:
    """A message template as prose: ``'{match}' is ...`` -> ``'…' is ...``."""
    return re.sub(r"\{[A-Za-z_][A-Za-z0-9_]*\}", "…", message)


def _help_text(meta: RuleMeta) -> str:
    doc = meta.doc
    parts = [doc.why.strip() or _template_text(meta.message)]
    if doc.instead.strip():
        parts.append(f"Use instead: {doc.instead.strip()}")
    if doc.fix.strip():
        parts.append(f"Fix: {doc.fix.strip()}")
    if doc.sources:
        parts.append("Sources:\n" + "\n".join(f"- {source}" for source in doc.sources))
    return "\n\n".join(parts)


def _help_markdown(meta: RuleMeta) -> str:
    doc = meta.doc
    parts = [f"**{meta.code}** `{meta.name}` ({meta.category})", doc.why.strip() or _template_text(meta.message)]
    if doc.instead.strip():
        parts.append(f"**Use instead:** {doc.instead.strip()}")
    if doc.fix.strip():
        parts.append(f"**Fix:** {doc.fix.strip()}")
    examples = meta.examples
    if examples.flag:
        parts.append("**Flagged:**\n\n" + "\n".join(f"> {text}" for text in examples.flag[:2]))
    if examples.ok:
        parts.append("**Not flagged:**\n\n" + "\n".join(f"> {text}" for text in examples.ok[:2]))
    if doc.sources:
        parts.append("**Sources:**\n\n" + "\n".join(f"- {source}" for source in doc.sources))
    return "\n\n".join(parts)


def rule_descriptor(meta: RuleMeta) -> dict[str, Any]:
    short = title_case_name(meta.name)
    full = meta.doc.why.strip().split("\n\n")[0] if meta.doc.why.strip() else _template_text(meta.message)
    tags = [meta.category, *sorted(meta.languages or ())]
    properties: dict[str, Any] = {
        "tags": tags,
        "category": meta.category,
        "problem.severity": PROBLEM_SEVERITY[meta.severity],
    }
    if meta.fixable:
        properties["fixable"] = meta.fixable
    if meta.aliases:
        properties["aliases"] = list(meta.aliases)
    descriptor: dict[str, Any] = {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": " ".join(full.split())},
        "help": {"text": _help_text(meta), "markdown": _help_markdown(meta)},
        "defaultConfiguration": {"level": LEVELS[meta.severity], "enabled": meta.enabled},
        "properties": properties,
    }
    if meta.aliases:
        descriptor["deprecatedIds"] = list(meta.aliases)
    return descriptor


def _fallback_meta(diagnostic: Diagnostic) -> RuleMeta:
    return RuleMeta(diagnostic.rule, diagnostic.name, diagnostic.category, diagnostic.severity, diagnostic.message)


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(diagnostic: Diagnostic, rule_index: int, source: SourceLines, fingerprint: str) -> dict[str, Any]:
    region: dict[str, Any] = _region(diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column)
    if source.text is not None and diagnostic.end > diagnostic.start:
        region["snippet"] = {"text": source.text[diagnostic.start:diagnostic.end]}
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(diagnostic.path), "region": region}
    result: dict[str, Any] = {
        "ruleId": diagnostic.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    edits = fix_edits(diagnostic)
    if edits:
        replacements = []
        for edit in edits:
            line, column, end_line, end_column = edit_positions(diagnostic, source, edit)
            replacements.append(
                {"deletedRegion": _region(line, column, end_line, end_column), "insertedContent": {"text": edit.text}}
            )
        if len(edits) == 1 and edits[0].text:
            description = f"Replace with '{edits[0].text}'"
        elif len(edits) == 1:
            description = "Remove the flagged text"
        else:
            description = f"Apply {len(edits)} edits"
        assert diagnostic.fix is not None
        result["fixes"] = [
            {
                "description": {"text": f"{description} ({diagnostic.fix.applicability} fix)"},
                "artifactChanges": [
                    {"artifactLocation": _artifact_location(diagnostic.path), "replacements": replacements}
                ],
            }
        ]
    properties: dict[str, Any] = {"category": diagnostic.category, "name": diagnostic.name}
    if diagnostic.replacements:
        properties["replacements"] = list(diagnostic.replacements)
    if diagnostic.fix is not None:
        properties["applicability"] = diagnostic.fix.applicability
    if diagnostic.data:
        properties["data"] = dict(diagnostic.data)
    result["properties"] = properties
    return result


def sarif_object(report: RunReport, lazy: bool = False) -> dict[str, Any]:
    """The SARIF log; with ``lazy`` the results are made as they are written."""
    diagnostics = report.diagnostics
    metas: dict[str, RuleMeta] = {}
    for diagnostic in diagnostics:
        if diagnostic.rule not in metas:
            metas[diagnostic.rule] = report.metas.get(diagnostic.rule) or _fallback_meta(diagnostic)
    codes = sorted(metas)
    index_of = {code: index for index, code in enumerate(codes)}
    sources = sources_of(report)
    prints = fingerprints(report)
    results = (
        _result(diagnostic, index_of[diagnostic.rule], sources.get(diagnostic.path) or SourceLines(None), prints[id(diagnostic)])
        for diagnostic in diagnostics
    )
    artifacts = []
    for file_result in sorted(report.files, key=lambda item: item.path):
        artifact: dict[str, Any] = {"location": _artifact_location(file_result.path), "roles": ["analysisTarget"]}
        artifact["properties"] = {"lang": file_result.lang, "langSource": file_result.lang_source}
        artifacts.append(artifact)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "heellint",
                "version": report.version,
                "semanticVersion": report.version,
                "rules": [rule_descriptor(metas[code]) for code in codes],
            }
        },
        "invocations": [{"executionSuccessful": True}],
        "columnKind": "unicodeCodePoints",
        "automationDetails": {"id": "heellint/"},
        "artifacts": artifacts,
        "results": Streamed(results) if lazy else list(results),
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def stream(report: RunReport, options) -> Iterator[str]:
    """The log in pieces, one result at a time (what the CLI writes)."""
    return stream_document(sarif_object(report, lazy=True))


def render(report: RunReport, options) -> str:
    return "".join(stream(report, options))
