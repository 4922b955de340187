"""The library interface: lint and fix text or files. No click, no printing.

    from heellint.api import Linter
    linter = Linter()                       # discovers heellint.yaml from the cwd
    diagnostics = linter.lint_text("Hælspace gjør vondt.", lang="nb")
    fixed_text, remaining = linter.fix_text("Hælspace gjør vondt.", lang="nb")
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from heellint import __version__
from heellint.core.config import Config, load_config, matches_any
from heellint.core.diagnostic import Diagnostic, Finding
from heellint.core.document import Document
from heellint.core.fixer import MAX_PASSES, apply_edits, choose_edits
from heellint.core.linter import Selection, lint_document
from heellint.core.report import FileResult, RunReport
from heellint.core.rule import Rule
from heellint.core.source import ChangedOnDisk, SourceError, SourceText, decode_bytes, read_source, write_atomically
from heellint.language import language_from_path, resolve_language
from heellint.parse import parse_document
from heellint.ruleset import RuleSet, build_ruleset

SKIP_DIRECTORIES = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
                    ".pytest_cache", ".ruff_cache", "site-packages"}


class UsageError(Exception):
    """A problem with what the user asked for (exit code 2)."""


@dataclass(frozen=True, slots=True)
class RunOptions:
    select: tuple[str, ...] | None = None  # replaces the config's select
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()  # added to the config's ignore
    lang: str | None = None  # --lang
    fail_on: str | None = None


@dataclass(slots=True)
class FixOutcome:
    path: str
    original: str
    fixed: str
    applied: int
    converged: bool
    result: FileResult
    source: SourceText | None = None
    write_error: str | None = None


class Linter:
    def __init__(self, config: Config | None = None, options: RunOptions | None = None,
                 ruleset: RuleSet | None = None) -> None:
        """``ruleset`` lets several linters with different options share one
        built rule set (it must have been built from the same ``config``)."""
        self.config = config if config is not None else load_config()
        self.options = options or RunOptions()
        self._ruleset: RuleSet | None = ruleset
        self._rules_cache: dict[tuple, list[Rule]] = {}

    # ------------------------------------------------------------ rule set
    @property
    def ruleset(self) -> RuleSet:
        if self._ruleset is None:
            self._ruleset = build_ruleset(self.config)
        return self._ruleset

    @property
    def fail_on(self) -> str:
        return self.options.fail_on or self.config.fail_on

    def selection_for(self, relative_path: str) -> tuple[Selection, str | None]:
        config, options = self.config, self.options
        select = config.select
        extend_select = list(config.extend_select)
        ignore = list(config.ignore)
        severity = dict(config.severity)
        override_lang = None
        for override in config.overrides:
            if matches_any(relative_path, override.files):
                if override.select is not None:
                    select = override.select
                extend_select.extend(override.extend_select)
                ignore.extend(override.ignore)
                severity.update(override.severity)
                if override.lang:
                    override_lang = override.lang
        if options.select is not None:
            select = options.select
        extend_select.extend(options.extend_select)
        ignore.extend(options.ignore)
        selection = Selection(select, tuple(extend_select), tuple(ignore), severity)
        return selection, override_lang

    def _rules_for(self, selection: Selection, lang: str | None) -> list[Rule]:
        key = (selection.select, selection.extend_select, selection.ignore, lang)
        rules = self._rules_cache.get(key)
        if rules is None:
            rules = [
                rule
                for rule in self.ruleset.rules
                if selection.enabled(rule.meta) and rule.meta.applies_to(lang)
            ]
            self._rules_cache[key] = rules
        return rules

    # -------------------------------------------------------------- linting
    def prepare(self, path: str, text: str, lang: str | None = None, syntax: str | None = None) -> tuple[Document, Selection, list[tuple[str, Finding]]]:
        relative = self.config.relative(path) if path != "-" else path
        selection, override_lang = self.selection_for(relative)
        document = parse_document(path, text, syntax)
        extra: list[tuple[str, Finding]] = []
        document.lang, document.lang_source, problem = resolve_language(
            document, relative, override_lang, self.options.lang, self.config.lang
        )
        if lang:  # the caller knows (examples, the language server's client)
            document.lang, document.lang_source = lang, "cli"
        if problem:
            span = document.front_matter_span or (0, 0)
            extra.append(("HL004", Finding(span[0], min(span[1], span[0] + 3), problem)))
        document.bibliography = bibliography_spans(document, self.config)
        front_error = document.cache.get("front_matter_error")
        if front_error:
            span = document.front_matter_span or (0, 0)
            extra.append(("HL004", Finding(span[0], min(span[1], span[0] + 3), front_error)))
        return document, selection, extra

    def lint_document_text(self, path: str, text: str, lang: str | None = None, syntax: str | None = None) -> tuple[FileResult, Document]:
        document, selection, extra = self.prepare(path, text, lang, syntax)
        extra = [(code, finding) for code, finding in extra if selection.enabled(self.ruleset.metas[code])]
        rules = self._rules_for(selection, document.lang)
        diagnostics = lint_document(document, rules, selection, self.ruleset.metas, extra)
        result = FileResult(path, document.lang, document.lang_source, diagnostics, text)
        return result, document

    def lint_text(self, text: str, path: str = "-", lang: str | None = None, syntax: str | None = None) -> list[Diagnostic]:
        return self.lint_document_text(path, text, lang, syntax)[0].diagnostics

    def input_problem(self, path: str, error: SourceError) -> FileResult:
        code = {"encoding": "HL001", "binary": "HL002"}.get(error.kind, "HL003")
        meta = self.ruleset.metas[code]
        diagnostic = Diagnostic(
            path=path, start=0, end=0, line=1, column=1, end_line=1, end_column=1,
            rule=code, name=meta.name, category=meta.category, severity=meta.severity,
            message=str(error),
        )
        return FileResult(path, None, None, [diagnostic], None)

    def lint_bytes(self, path: str, data: bytes) -> FileResult:
        try:
            source = decode_bytes(data)
        except SourceError as error:
            return self.input_problem(path, error)
        return self.lint_document_text(path, source.text)[0]

    def lint_file(self, path: str) -> FileResult:
        try:
            source = read_source(path)
        except SourceError as error:
            return self.input_problem(path, error)
        return self.lint_document_text(path, source.text)[0]

    def lint_paths(self, paths: Iterable[str], jobs: int | None = None) -> RunReport:
        files = discover_files(list(paths), self.config)
        return self.report(self.lint_files(files, jobs))

    def lint_files(self, paths: list[str], jobs: int | None = None) -> list[FileResult]:
        """Lint ``paths``; results in the order given, whatever ``jobs`` is.

        ``jobs``: worker processes. ``None`` (the library's default) or 1 lints
        in this process; 0 chooses, as ``heellint check`` does (one process for a
        few small files, as a pre-commit hook passes them; one per core for many).
        """
        jobs = choose_jobs(paths, jobs)
        if jobs <= 1:
            return [self.lint_file(path) for path in paths]
        return _lint_in_processes(self, paths, jobs)

    def report(self, results: list[FileResult]) -> RunReport:
        results.sort(key=lambda result: result.path)
        return RunReport(__version__, results, self.ruleset.metas, self.fail_on)

    # --------------------------------------------------------------- fixing
    def fix_text(self, text: str, path: str = "-", lang: str | None = None, unsafe: bool = False,
                 syntax: str | None = None) -> tuple[str, list[Diagnostic]]:
        outcome = self._fix(path, text, lang, unsafe, syntax)
        return outcome.fixed, outcome.result.diagnostics

    def _fix(self, path: str, text: str, lang: str | None, unsafe: bool, syntax: str | None = None) -> FixOutcome:
        original = text
        applied = 0
        converged = False
        result = None
        for _ in range(MAX_PASSES + 1):
            result, _document = self.lint_document_text(path, text, lang, syntax)
            edits = choose_edits(result.diagnostics, unsafe)
            if not edits:
                converged = True
                break
            text = apply_edits(text, edits)
            applied += len(edits)
        assert result is not None
        result.fixed = applied
        return FixOutcome(path, original, text, applied, converged, result)

    def fix_file(self, path: str, unsafe: bool, write: bool) -> FixOutcome:
        try:
            source = read_source(path)
        except SourceError as error:
            return FixOutcome(path, "", "", 0, True, self.input_problem(path, error))
        outcome = self._fix(path, source.text, None, unsafe)
        outcome.source = source
        if write and outcome.fixed != outcome.original:
            try:
                write_atomically(path, source, outcome.fixed)
            except ChangedOnDisk as error:
                outcome.write_error = str(error)
            except OSError as error:
                outcome.write_error = f"cannot write: {error.strerror or error}"
        return outcome


# ------------------------------------------------------------ many processes

# Below these a pool costs more than it saves: starting a worker and building its
# rules takes longer than linting a handful of articles.
PARALLEL_MIN_FILES = 8
PARALLEL_MIN_BYTES = 400_000
_WORKER: "Linter | None" = None


def choose_jobs(paths: list[str], jobs: int | None) -> int:
    if jobs is None:
        return 1
    if jobs > 0:
        return min(jobs, max(1, len(paths)))
    if len(paths) < PARALLEL_MIN_FILES:
        return 1
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass
        if total >= PARALLEL_MIN_BYTES:
            break
    if total < PARALLEL_MIN_BYTES:
        return 1
    return max(1, min(_cpu_count(), len(paths) // 2, 16))


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _worker_init(config: Config | None, options: RunOptions | None) -> None:
    global _WORKER
    if config is not None:  # spawn: build a linter of our own
        _WORKER = Linter(config, options)


def _worker_lint(path: str) -> FileResult:
    assert _WORKER is not None
    return _WORKER.lint_file(path)


def _lint_in_processes(linter: Linter, paths: list[str], jobs: int) -> list[FileResult]:
    """Fan ``paths`` out over ``jobs`` processes; results come back in order.

    With ``fork`` (Linux) the workers inherit the built rule set, so the
    glossary and rule packs are read once; elsewhere each worker builds its own.
    Files go out in small chunks, largest first, so the two tails finish together.
    """
    import gc
    import multiprocessing

    global _WORKER
    linter.ruleset  # build (and report configuration errors) before any fork
    results: list[FileResult | None] = [None] * len(paths)
    methods = multiprocessing.get_all_start_methods()
    remaining = list(range(len(paths)))
    if "fork" in methods:
        context = multiprocessing.get_context("fork")
        _WORKER = linter
        initargs: tuple = (None, None)
        # Lint one file of each language the paths name here first: the lazily
        # built resources (glossary matcher, lexicons, dictionaries) are then
        # built once and shared by the forked workers instead of once per worker.
        warmed: dict[str | None, int] = {}
        for index, path in enumerate(paths):
            warmed.setdefault(language_from_path(linter.config.relative(path)), index)
        for index in sorted(warmed.values()):
            results[index] = linter.lint_file(paths[index])
        remaining = [index for index in remaining if results[index] is None]
        # Objects built so far live as long as the run: keep the collector off them, so
        # a collection in a worker does not copy their pages (10 % less memory measured).
        gc.freeze()
    else:  # pragma: no cover - macOS / Windows
        context = multiprocessing.get_context("spawn")
        initargs = (linter.config, linter.options)
    if not remaining:
        _WORKER = None
        gc.unfreeze()
        return results  # type: ignore[return-value]
    order = sorted(remaining, key=lambda index: -_size(paths[index]))
    ordered = [paths[index] for index in order]
    chunksize = max(1, min(16, len(ordered) // (jobs * 16)))
    try:
        with context.Pool(jobs, initializer=_worker_init, initargs=initargs) as pool:
            for index, result in zip(order, pool.imap(_worker_lint, ordered, chunksize)):
                results[index] = result
    finally:
        _WORKER = None
        gc.unfreeze()
    return results  # type: ignore[return-value]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def bibliography_spans(document: Document, config: Config) -> tuple[tuple[int, int], ...]:
    """Reference lists and footnote definitions: bibliographic text that only
    reference rules judge (titles of papers are often English, or quote terms)."""
    from heellint.claims.references import find_references

    headings = tuple(config.references.get("headings", ()))
    index = find_references(document, headings)
    blocks = document.blocks
    return tuple(sorted((blocks[number].start, blocks[number].end) for number in index.skip_blocks))


# ------------------------------------------------------------------ discovery


def discover_files(paths: list[str], config: Config) -> list[str]:
    """Files to lint, in a stable order. Explicit files are linted whatever
    their extension (unless excluded); folders are walked for ``include``."""
    found: list[str] = []
    seen: set[str] = set()
    for given in paths:
        if given == "-":
            continue
        if not os.path.exists(given) and not os.path.islink(given):
            raise UsageError(f"{given}: no such file or directory")
        if os.path.isdir(given):
            for path in _walk(given, config):
                if path not in seen:
                    seen.add(path)
                    found.append(path)
        else:
            if config.exclude and matches_any(config.relative(given), config.exclude):
                continue
            if given not in seen:
                seen.add(given)
                found.append(given)
    return found


def _walk(folder: str, config: Config) -> Iterator[str]:
    collected = []
    for directory, subdirectories, filenames in os.walk(folder):
        relative_directory = config.relative(directory)
        keep = []
        for name in sorted(subdirectories):
            if name in SKIP_DIRECTORIES or name.startswith("."):
                continue
            relative = f"{relative_directory}/{name}" if relative_directory not in (".", "") else name
            if config.exclude and (matches_any(relative, config.exclude) or matches_any(relative + "/", config.exclude)):
                continue
            keep.append(name)
        subdirectories[:] = keep
        for name in filenames:
            path = os.path.normpath(os.path.join(directory, name))
            relative = config.relative(path)
            if not matches_any(relative, config.include) and not matches_any(name, config.include):
                continue
            if config.exclude and matches_any(relative, config.exclude):
                continue
            collected.append(path)
    yield from sorted(collected)


def read_stdin_bytes() -> bytes:
    import sys

    return sys.stdin.buffer.read()


def default_paths() -> list[str]:
    return [str(Path("."))]
