"""Running the translation checks: from paths or texts to a ``RunReport``.

    from heellint.xcheck.run import Xchecker
    report = Xchecker().check_paths("hælspore.nb.md", "hælspore.da.md")
    report = Xchecker().check_paths("article.xlf")

The report goes through the standard formatters. Its files are the source
(no diagnostics; its language is reported) and the target, whose positions
every diagnostic uses; an XLIFF file is one file whose diagnostics point into
the text of its ``<target>`` elements.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from heellint.core.config import Config, load_config
from heellint.core.diagnostic import Diagnostic, Finding
from heellint.core.document import Document
from heellint.core.linter import Selection, lint_document
from heellint.core.report import FileResult, RunReport
from heellint.core.source import SourceError, decode_bytes, read_source
from heellint.xcheck.align import align
from heellint.xcheck.checks import DEFAULT_KEY_SUBJECTS, Checker, identical_untranslated
from heellint.xcheck.model import XLIFF, Bundle, Pair, Side
from heellint.xcheck.rules import CODES, METAS
from heellint.xcheck.xliff import XliffError, build_document, file_language, looks_like_xliff, read_xliff

_AMBIGUOUS = ("no", "nor", "no-no", "nor-no", "norsk", "norwegian")
_ACCEPTED_STATES = frozenset({"final", "signed-off"})


class XcheckError(Exception):
    """A usage or input problem (exit code 2); the message names the file."""


@dataclass(frozen=True, slots=True)
class XcheckOptions:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    # Glossary subjects whose concepts XL101 requires (None: every concept).
    key_subjects: frozenset[str] | None = DEFAULT_KEY_SUBJECTS


@dataclass(slots=True)
class Input:
    path: str
    text: str


def read_input(path: str, data: bytes | None = None) -> Input:
    """Decode a file (or ``data`` read from standard input for ``-``)."""
    try:
        if data is not None:
            source = decode_bytes(data)
        else:
            source = read_source(path)
    except SourceError as error:
        if str(error) == "is a directory":
            raise XcheckError(f"{path}: is a directory; xcheck compares two files") from None
        if str(error).startswith("cannot read: No such file"):
            raise XcheckError(f"{path}: no such file or directory") from None
        raise XcheckError(f"{path}: {error}") from None
    return Input(path, source.text)


class Xchecker:
    def __init__(self, config: Config | None = None, options: XcheckOptions | None = None, matcher=None) -> None:
        from heellint.api import Linter, RunOptions

        self.config = config if config is not None else load_config()
        self.options = options or XcheckOptions()
        self.linter = Linter(self.config, RunOptions(
            select=self.options.select, extend_select=self.options.extend_select, ignore=self.options.ignore,
            fail_on=self.options.fail_on,
        ))
        self._matcher = matcher

    # ------------------------------------------------------------ resources
    @property
    def fail_on(self) -> str:
        return self.linter.fail_on

    @property
    def matcher(self):
        if self._matcher is None:
            self._matcher = _run_matcher(self.config)
        return self._matcher

    def selection(self, path: str) -> Selection:
        """The run's selection for ``path`` (config, overrides, command line).

        A config ``select`` that names no XL code is about ``heellint check``
        and would silence every translation check: it is dropped here (its
        ``ignore`` and ``severity`` still apply)."""
        relative = self.config.relative(path) if path != "-" else path
        selection, _ = self.linter.selection_for(relative)
        if selection.select is not None and self.options.select is None:
            if not any(selection.enabled(meta) for meta in METAS):
                selection = Selection(None, selection.extend_select, selection.ignore, selection.severity)
        return selection

    # ----------------------------------------------------------------- runs
    def check_paths(self, source: str, target: str | None = None, stdin: bytes | None = None) -> RunReport:
        """Compare two articles, or check one or two XLIFF files."""
        if target is not None and source == target and source != "-":
            raise XcheckError(f"SOURCE and TARGET are the same file ({source})")
        if source == "-" and target == "-":
            raise XcheckError("only one of SOURCE and TARGET can be '-' (standard input)")
        first = read_input(source, stdin if source == "-" else None)
        second = read_input(target, stdin if target == "-" else None) if target is not None else None
        first_xliff = looks_like_xliff(first.path, first.text)
        if second is None:
            if not first_xliff:
                raise XcheckError(
                    f"{first.path}: TARGET is missing; give a source and a target article, or an XLIFF file")
            return self.report([self.check_xliff(first)])
        second_xliff = looks_like_xliff(second.path, second.text)
        if first_xliff and second_xliff:
            return self.report([self.check_xliff(first), self.check_xliff(second)])
        if first_xliff or second_xliff:
            xliff = first.path if first_xliff else second.path
            raise XcheckError(f"{xliff} is an XLIFF file and the other is not: give one XLIFF file (it holds "
                              "source and target), two XLIFF files, or two articles")
        return self.report(self.check_articles(first, second))

    def report(self, results: list[FileResult]) -> RunReport:
        from heellint import __version__

        results.sort(key=lambda result: result.path)
        # Only XL codes report here: the report needs no other rule (building
        # the whole rule set would load every provider for nothing).
        return RunReport(__version__, results, {meta.code: meta for meta in METAS}, self.fail_on)

    # ------------------------------------------------------------- articles
    def check_articles(self, source: Input, target: Input) -> list[FileResult]:
        source_document, _, source_problems = self.linter.prepare(source.path, source.text,
                                                                   lang=self.options.source_lang)
        target_document, _, target_problems = self.linter.prepare(target.path, target.text,
                                                                   lang=self.options.target_lang)
        for document, problems, option in ((source_document, source_problems, "--source-lang"),
                                           (target_document, target_problems, "--target-lang")):
            if document.lang is None:
                reason = problems[0][1].message if problems else "cannot tell the language"
                raise XcheckError(
                    f"{document.path}: {reason}; say it in the front matter (lang: nb), "
                    f"the file name (article.nb.md) or with {option}")
        _same_language(source_document.lang, target_document.lang)
        selection = self.selection(target.path)
        diagnostics = self.compare(source_document, target_document, selection)
        return [
            FileResult(source.path, source_document.lang, source_document.lang_source, [], source.text),
            FileResult(target.path, target_document.lang, target_document.lang_source, diagnostics, target.text),
        ]

    def compare(self, source: Document, target: Document, selection: Selection | None = None) -> list[Diagnostic]:
        """Diagnostics (positions in ``target``) for two parsed documents."""
        selection = selection or self.selection(target.path)
        mode, pairs = align(source, target)
        bundle = Bundle(
            Side(source.path, source.lang or "", source.lang_source or "", source),
            Side(target.path, target.lang or "", target.lang_source or "", target),
            pairs, mode,
        )
        findings = Checker(bundle, self._matcher_or_none(selection), _enabled(selection), self.options.key_subjects).run()
        return _diagnostics(target, findings, selection)

    # ---------------------------------------------------------------- XLIFF
    def check_xliff(self, given: Input) -> FileResult:
        try:
            xliff = read_xliff(given.path, given.text)
        except XliffError as error:
            raise XcheckError(f"{given.path}: {error}") from None
        selection = self.selection(given.path)
        enabled = _enabled(selection)
        groups: dict[tuple[str, str], list] = {}
        for segment in xliff.segments:
            source_lang = self.options.source_lang or _xliff_language(given.path, segment.source_lang, "source")
            target_lang = self.options.target_lang or _xliff_language(given.path, segment.target_lang, "target")
            _same_language(source_lang, target_lang, given.path)
            groups.setdefault((source_lang, target_lang), []).append(segment)
        findings: list[Finding] = []
        for (source_lang, target_lang), segments in groups.items():
            findings.extend(self._check_xliff_group(given, segments, source_lang, target_lang, selection, enabled))
        file_document = Document(path=given.path, source=given.text, prose=given.text, syntax="text")
        diagnostics = _diagnostics(file_document, findings, selection)
        lang = next(iter(groups))[1] if groups else self.options.target_lang
        lang_source = "cli" if self.options.target_lang else ("front-matter" if groups else None)
        return FileResult(given.path, lang, lang_source, diagnostics, given.text)

    def _check_xliff_group(self, given: Input, segments: list, source_lang: str, target_lang: str,
                           selection: Selection, enabled: set[str]) -> list[Finding]:
        source_document, source_map, source_spans = build_document(given.path, [s.source for s in segments],
                                                                   source_lang)
        target_document, target_map, target_spans = build_document(given.path, [s.target for s in segments],
                                                                   target_lang)
        source_side = Side(given.path, source_lang, "front-matter", source_document, source_map, given.text)
        target_side = Side(given.path, target_lang, "front-matter", target_document, target_map, given.text)
        findings: list[Finding] = []  # in file offsets
        pairs: list[Pair] = []
        for segment, source_span, target_span in zip(segments, source_spans, target_spans):
            if not segment.translate or source_span is None:
                continue
            if target_span is None:
                if "XL107" in enabled:
                    findings.append(_empty_target(segment))
                continue
            source_text = source_document.source[slice(*source_span)]
            target_text = target_document.source[slice(*target_span)]
            accepted = (segment.state or "") in _ACCEPTED_STATES
            if accepted and _fold(source_text) == _fold(target_text):
                continue  # a reviewer kept the source text on purpose
            if identical_untranslated(source_text, target_text) and not accepted:
                if "XL107" in enabled:
                    start, end = target_side.to_file(*target_span)
                    findings.append(Finding(
                        start, end, f"the target of {segment.label} is identical to its source; is it translated?",
                        code="XL107", data={"segment": segment.label, "reason": "identical", "state": segment.state},
                    ))
                    continue
            pairs.append(Pair(segment.label, source_span, target_span))
        bundle = Bundle(source_side, target_side, pairs, XLIFF)
        for finding in Checker(bundle, self._matcher_or_none(selection), enabled, self.options.key_subjects).run():
            start, end = target_side.to_file(finding.start, finding.end)
            findings.append(dataclasses.replace(finding, start=start, end=end))
        return findings

    def _matcher_or_none(self, selection: Selection):
        if not any(selection.enabled(meta) for meta in METAS if meta.code in ("XL101", "XL102", "XL103", "XL106")):
            return None
        return self.matcher


# ------------------------------------------------------------------ helpers


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _enabled(selection: Selection) -> set[str]:
    return {meta.code for meta in METAS if selection.enabled(meta)}


def _diagnostics(document: Document, findings: list[Finding], selection: Selection) -> list[Diagnostic]:
    """Findings (file offsets of ``document``) through the engine's bookkeeping:
    severity overrides, inline suppressions, positions, order."""
    metas = {meta.code: meta for meta in METAS}
    extra = [(finding.code, finding) for finding in findings
             if finding.code in metas and selection.enabled(metas[finding.code])]
    return lint_document(document, [], selection, metas, extra)


def _same_language(source: str | None, target: str | None, path: str | None = None) -> None:
    if source and source == target:
        where = f"{path}: " if path else ""
        raise XcheckError(f"{where}source and target are both '{source}'; say which is which with "
                          "--source-lang and --target-lang")


def _xliff_language(path: str, value: str | None, side: str) -> str:
    lang = file_language(value)
    if lang:
        return lang
    option = f"--{side}-lang"
    attribute = "source-language / srcLang" if side == "source" else "target-language / trgLang"
    if value and value.strip().lower() in _AMBIGUOUS:
        raise XcheckError(f"{path}: the {side} language {value!r} is ambiguous: use {option} nb (Bokmål) or nn "
                          "(Nynorsk)")
    if value:
        raise XcheckError(f"{path}: the {side} language {value!r} is not one of nb, nn, da, sv, en; use {option}")
    raise XcheckError(f"{path}: the file does not name its {side} language ({attribute}); use {option}")


def _empty_target(segment) -> Finding:
    state = f" (state '{segment.state}')" if segment.state else ""
    if segment.target_element is None:
        element = segment.unit
        return Finding(element.start, element.tag_end, f"{segment.label} has no target{state}; it is not translated",
                       code="XL107", data={"segment": segment.label, "reason": "missing", "state": segment.state})
    element = segment.target_element
    if segment.target is not None or segment.segment_id is None:
        message = f"the target of {segment.label} is empty{state}"
        reason = "empty"
    else:  # XLIFF 1.2 <mrk mtype="seg"> missing from the target
        message = f"the target of {segment.label} has no segment marker mid '{segment.segment_id}'{state}"
        reason = "missing"
    end = element.end if element.end > element.start else element.tag_end
    return Finding(element.start, end, message, code="XL107",
                   data={"segment": segment.label, "reason": reason, "state": segment.state})


def _run_matcher(config: Config):
    """The run's glossary matcher: the glossary package's engine when it is
    there (shared with ``heellint check``), else built from the config here."""
    try:
        from heellint.glossary.rules import build_engine
    except ImportError:  # pragma: no cover - the glossary package is part of heellint
        build_engine = None
    if build_engine is not None:
        return build_engine(config, {}).matcher
    from heellint.glossary.loader import load_glossary  # pragma: no cover
    from heellint.glossary.matcher import GlossaryMatcher  # pragma: no cover
    from heellint.resources import glossary_dir  # pragma: no cover

    glossary = load_glossary(config.glossary if config.glossary is not None else [glossary_dir()])  # pragma: no cover
    if config.extend_glossary:  # pragma: no cover
        glossary = glossary.merged(load_glossary(config.extend_glossary))
    return GlossaryMatcher.build(glossary)  # pragma: no cover


def check_texts(source: str, target: str, source_lang: str, target_lang: str, *, glossary=None,
                source_path: str = "source.md", target_path: str = "target.md",
                select: tuple[str, ...] | None = None,
                key_subjects: frozenset[str] | None = DEFAULT_KEY_SUBJECTS) -> list[Diagnostic]:
    """Compare two texts (tests, documented examples). ``glossary`` is a
    ``Glossary`` (default: the run's glossary from the config)."""
    from heellint.parse import parse_document

    matcher = None
    if glossary is not None:
        from heellint.glossary.matcher import GlossaryMatcher

        matcher = GlossaryMatcher.build(glossary)
    checker = Xchecker(Config(), XcheckOptions(select=select, source_lang=source_lang, target_lang=target_lang,
                                                 key_subjects=key_subjects),
                       matcher=matcher)
    source_document = parse_document(source_path, source)
    source_document.lang, source_document.lang_source = source_lang, "cli"
    target_document = parse_document(target_path, target)
    target_document.lang, target_document.lang_source = target_lang, "cli"
    return checker.compare(source_document, target_document)


__all__ = ["CODES", "XcheckError", "XcheckOptions", "Xchecker", "check_texts", "read_input"]
