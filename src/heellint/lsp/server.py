"""The heellint language server: diagnostics as you type, quick fixes, hover.

Started by ``heellint lsp`` over stdio. Full-document sync; each open document
is linted by the real ``Linter`` with its file path, so the language (from the
path or front matter) and the nearest ``heellint.yaml`` (walking up from the
file's folder) work as on the command line. Changes are debounced; opening and
saving lint at once. A changed configuration file or rule pack is picked up on
the next lint (their modification times are checked).

Positions: heellint's offsets count code points; LSP positions count UTF-16
code units unless the client offers another ``positionEncoding`` (pygls
negotiates; utf-8 and utf-32 are honoured too). Line breaks are ``\\r\\n``,
``\\n`` or ``\\r``, as LSP defines them.

Each diagnostic has ``code`` = rule code, ``source`` = ``heellint`` and
``data`` = {rule, name, category, replacements, fix: {applicability, edits}},
from which code actions are built: one quick fix per replacement (the safe
fix marked preferred) and ``source.fixAll.heellint`` ("Fix all safe problems
in this file"), which runs ``Linter.fix_text`` to a stable result.

Initialization options (all optional): ``config`` (a configuration file for
every document), ``debounce`` (milliseconds, default 250), ``lang`` (the
language when nothing else says), ``unsafeFixes`` (also offer unsafe fixes in
"fix all"; default false).
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path, uri_scheme

from heellint import __version__
from heellint.core.diagnostic import Diagnostic

log = logging.getLogger("heellint.lsp")

SOURCE = "heellint"
FIX_ALL_KIND = "source.fixAll.heellint"
FIX_ALL_TITLE = "Fix all safe problems in this file"
LINTED_LANGUAGE_IDS = frozenset({"markdown", "plaintext", "text", "md"})
LINTED_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt")
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# ------------------------------------------------------------------ positions


def code_units(text: str, encoding: str) -> int:
    """The length of ``text`` in the code units of an LSP position encoding."""
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class PositionMap:
    """Code-point offsets into ``text`` <-> LSP positions in ``encoding``."""

    __slots__ = ("text", "encoding", "starts")

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=code_units(self.text[self.starts[line]:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of an LSP position (clamped to its line)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(0, position.line)]
        end = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return start + index
            units += code_units(char, self.encoding)
        return start + len(line)


def range_object(value: types.Range) -> dict[str, Any]:
    return {
        "start": {"line": value.start.line, "character": value.start.character},
        "end": {"line": value.end.line, "character": value.end.character},
    }


def range_from_object(value: Any) -> types.Range | None:
    try:
        return types.Range(
            start=types.Position(line=int(value["start"]["line"]), character=int(value["start"]["character"])),
            end=types.Position(line=int(value["end"]["line"]), character=int(value["end"]["character"])),
        )
    except (KeyError, TypeError, ValueError):
        return None


# ---------------------------------------------------------------- conversion


def to_lsp_diagnostic(diagnostic: Diagnostic, positions: PositionMap, shift: int = 0) -> types.Diagnostic:
    """One heellint diagnostic as an LSP diagnostic (``shift``: characters
    removed before linting, i.e. a byte-order mark)."""
    span = positions.range(diagnostic.start + shift, diagnostic.end + shift)
    fix = None
    if diagnostic.fix is not None:
        fix = {
            "applicability": diagnostic.fix.applicability,
            "edits": [
                {"range": range_object(positions.range(edit.start + shift, edit.end + shift)), "newText": edit.text}
                for edit in diagnostic.fix.edits
            ],
        }
    data = {
        "rule": diagnostic.rule,
        "name": diagnostic.name,
        "category": diagnostic.category,
        "replacements": list(diagnostic.replacements),
        "fix": fix,
    }
    return types.Diagnostic(
        range=span,
        message=diagnostic.message,
        severity=SEVERITIES.get(diagnostic.severity, types.DiagnosticSeverity.Warning),
        code=diagnostic.rule,
        source=SOURCE,
        data=data,
    )


def minimal_edit(before: str, after: str, positions: PositionMap) -> types.TextEdit | None:
    """One edit that turns ``before`` into ``after`` (common prefix and suffix kept)."""
    if before == after:
        return None
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]:
        suffix += 1
    # Keep a "\r\n" pair whole: LSP positions cannot point between its halves.
    if prefix and before[prefix - 1] == "\r" and prefix < len(before) and before[prefix] == "\n":
        prefix -= 1
    return types.TextEdit(
        range=positions.range(prefix, len(before) - suffix), new_text=after[prefix:len(after) - suffix]
    )


# ------------------------------------------------------------------- server


@dataclass(slots=True)
class Linted:
    """The last lint of one document."""

    version: int | None
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lsp: list[types.Diagnostic] = field(default_factory=list)


class HeellintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("heellint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.debounce = 0.25
        self.config_file: str | None = None
        self.lang: str | None = None
        self.unsafe_fixes = False
        self.linted: dict[str, Linted] = {}
        self._linters: dict[str, tuple[tuple, Any]] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._tasks: set[asyncio.Task] = set()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heellint-lint")
        self._linters_lock = threading.RLock()

    # ----------------------------------------------------------- options
    def configure(self, options: Any) -> None:
        if not isinstance(options, dict):
            return
        if isinstance(options.get("config"), str) and options["config"]:
            self.config_file = options["config"]
        if isinstance(options.get("debounce"), (int, float)) and options["debounce"] >= 0:
            self.debounce = options["debounce"] / 1000
        if options.get("lang") in ("nb", "nn", "da", "sv", "en"):
            self.lang = options["lang"]
        if isinstance(options.get("unsafeFixes"), bool):
            self.unsafe_fixes = options["unsafeFixes"]

    @property
    def encoding(self) -> str:
        try:
            return self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        except Exception:  # before initialize
            return types.PositionEncodingKind.Utf16

    # ----------------------------------------------------------- linters
    def _folder_for(self, path: str | None) -> Path:
        if path:
            return Path(path).parent
        try:
            root = self.workspace.root_path
        except Exception:
            root = None
        return Path(root) if root else Path.cwd()

    def linter_for(self, path: str | None):
        """The Linter for a file: its nearest configuration, reloaded when the
        configuration or one of its rule packs changes on disk."""
        from heellint.api import Linter, RunOptions
        from heellint.core.config import discover, load_config

        folder = self._folder_for(path)
        config_path = Path(self.config_file) if self.config_file else discover(folder)
        key = str(config_path) if config_path else f"defaults:{folder}"
        with self._linters_lock:
            cached = self._linters.get(key)
            if cached is not None and cached[0] == self._stamp(config_path, cached[1].config.rules):
                return cached[1]
            config = load_config(config_path, discover_from=folder)
            linter = Linter(config, RunOptions(lang=self.lang))
            _ = linter.ruleset  # build now: errors in rule packs surface here
            self._linters[key] = (self._stamp(config_path, config.rules), linter)
            return linter

    @staticmethod
    def _stamp(config_path: Path | None, rule_paths: Iterable[Path]) -> tuple:
        stamps = []
        for candidate in ([config_path] if config_path else []) + list(rule_paths):
            try:
                stamps.append((str(candidate), candidate.stat().st_mtime_ns))
            except OSError:
                stamps.append((str(candidate), None))
        return tuple(stamps)

    # ----------------------------------------------------------- linting
    def should_lint(self, uri: str, language_id: str | None, path: str | None) -> bool:
        if language_id and language_id.lower() in LINTED_LANGUAGE_IDS:
            return True
        if path and path.lower().endswith(LINTED_SUFFIXES):
            return True
        return uri_scheme(uri) == "untitled" and not language_id

    def lint_text(self, uri: str, text: str) -> tuple[list[Diagnostic], list[types.Diagnostic]]:
        """Lint ``text`` as the document ``uri`` (runs in the lint thread)."""
        path = to_fs_path(uri) if uri_scheme(uri) == "file" else None
        positions = PositionMap(text, self.encoding)
        shift = 1 if text.startswith("\ufeff") else 0
        try:
            linter = self.linter_for(path)
            if path is not None:
                relative = linter.config.relative(path)
                from heellint.core.config import matches_any

                if linter.config.exclude and matches_any(relative, linter.config.exclude):
                    return [], []
            result, _document = linter.lint_document_text(path or "-", text[shift:])
        except Exception as error:  # configuration or rule pack errors: show them on the document
            from heellint.cli.errors import describe

            try:
                message = describe(error)[0]
            except Exception:
                message = f"{type(error).__name__}: {error}"
            log.warning("cannot lint %s: %s", uri, message)
            problem = types.Diagnostic(
                range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
                message=f"heellint cannot lint this file: {message}",
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            )
            return [], [problem]
        diagnostics = result.diagnostics
        return diagnostics, [to_lsp_diagnostic(diagnostic, positions, shift) for diagnostic in diagnostics]

    def fix_all(self, uri: str, text: str, unsafe: bool) -> str:
        path = to_fs_path(uri) if uri_scheme(uri) == "file" else None
        shift = 1 if text.startswith("\ufeff") else 0
        linter = self.linter_for(path)
        fixed, _remaining = linter.fix_text(text[shift:], path=path or "-", unsafe=unsafe)
        return text[:shift] + fixed

    def schedule(self, uri: str, delay: float) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_event_loop()

        def start() -> None:
            self._timers.pop(uri, None)
            task = loop.create_task(self._lint_and_publish(uri))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

        if delay <= 0:
            start()
        else:
            self._timers[uri] = loop.call_later(delay, start)

    async def _lint_and_publish(self, uri: str) -> None:
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return
        version, text = document.version, document.source
        loop = asyncio.get_event_loop()
        diagnostics, lsp_diagnostics = await loop.run_in_executor(self._executor, self.lint_text, uri, text)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version or current.source != text:
            return  # closed or changed meanwhile: a newer lint is scheduled
        self.linted[uri] = Linted(version, text, diagnostics, lsp_diagnostics)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=lsp_diagnostics)
        )

    def relint_open_documents(self) -> None:
        with self._linters_lock:
            self._linters.clear()
        for uri in list(self.workspace.text_documents):
            if uri in self.linted:
                self.schedule(uri, 0)

    def close(self, uri: str) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # ------------------------------------------------------ code actions
    async def code_actions_async(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """Code actions, with the "fix all" lint run in the lint thread."""
        loop = asyncio.get_event_loop()
        return await loop.run_in_executor(self._executor, self.code_actions, params)

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        only = params.context.only
        actions: list[types.CodeAction] = []

        def wanted(kind: str) -> bool:
            return not only or any(kind == entry or kind.startswith(f"{entry}.") for entry in only)

        if wanted(types.CodeActionKind.QuickFix):
            for diagnostic in params.context.diagnostics:
                actions.extend(self._quick_fixes(uri, diagnostic))
        if wanted(FIX_ALL_KIND):
            fix_all = self._fix_all_action(uri)
            if fix_all is not None:
                actions.append(fix_all)
        return actions

    def _quick_fixes(self, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        data = diagnostic.data
        if diagnostic.source != SOURCE or not isinstance(data, dict):
            return []
        rule = data.get("rule") or diagnostic.code
        fix = data.get("fix") if isinstance(data.get("fix"), dict) else None
        replacements = [text for text in data.get("replacements") or [] if isinstance(text, str)]
        actions = []
        fix_edits = []
        if fix:
            for edit in fix.get("edits") or []:
                edit_range = range_from_object(edit.get("range")) if isinstance(edit, dict) else None
                if edit_range is not None and isinstance(edit.get("newText"), str):
                    fix_edits.append(types.TextEdit(range=edit_range, new_text=edit["newText"]))
        single_span_fix = (
            len(fix_edits) == 1 and fix_edits[0].range == diagnostic.range and fix_edits[0].new_text in replacements
        )
        if fix_edits and not single_span_fix:
            applicability = fix.get("applicability", "unsafe") if fix else "unsafe"
            actions.append(self._action(
                f"Fix {rule}: {self._describe_edits(fix_edits)}" + ("" if applicability == "safe" else " (unsafe)"),
                uri, fix_edits, diagnostic, preferred=applicability == "safe",
            ))
        for text in replacements:
            is_fix = single_span_fix and fix_edits[0].new_text == text
            applicability = fix.get("applicability") if (is_fix and fix) else None
            title = f"Replace with '{text}'" if text else "Remove the flagged text"
            title += f" ({rule})"
            if applicability == "unsafe":
                title += " (unsafe)"
            actions.append(self._action(
                title, uri, [types.TextEdit(range=diagnostic.range, new_text=text)], diagnostic,
                preferred=applicability == "safe",
            ))
        return actions

    @staticmethod
    def _describe_edits(edits: list[types.TextEdit]) -> str:
        if len(edits) == 1:
            return f"replace with '{edits[0].new_text}'" if edits[0].new_text else "remove the flagged text"
        return f"apply {len(edits)} edits"

    @staticmethod
    def _action(title: str, uri: str, edits: list[types.TextEdit], diagnostic: types.Diagnostic | None,
                preferred: bool, kind: str = types.CodeActionKind.QuickFix) -> types.CodeAction:
        return types.CodeAction(
            title=title,
            kind=kind,
            diagnostics=[diagnostic] if diagnostic is not None else None,
            is_preferred=preferred or None,
            edit=types.WorkspaceEdit(changes={uri: edits}),
        )

    def _fix_all_action(self, uri: str) -> types.CodeAction | None:
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        text = document.source
        linted = self.linted.get(uri)
        if linted is not None and linted.text == text and not any(
            diagnostic.fix is not None and (diagnostic.fix.applicability == "safe" or self.unsafe_fixes)
            for diagnostic in linted.diagnostics
        ):
            return None
        try:
            fixed = self.fix_all(uri, text, self.unsafe_fixes)
        except Exception as error:
            log.warning("fix all failed for %s: %s", uri, error)
            return None
        edit = minimal_edit(text, fixed, PositionMap(text, self.encoding))
        if edit is None:
            return None
        title = FIX_ALL_TITLE if not self.unsafe_fixes else "Fix all problems in this file (safe and unsafe)"
        return types.CodeAction(
            title=title, kind=FIX_ALL_KIND, edit=types.WorkspaceEdit(changes={uri: [edit]})
        )

    # ------------------------------------------------------------- hover
    def hover(self, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        linted = self.linted.get(uri)
        if linted is None:
            return None
        hits = [
            (diagnostic, lsp)
            for diagnostic, lsp in zip(linted.diagnostics, linted.lsp, strict=False)
            if _contains(lsp.range, params.position)
        ]
        if not hits:
            return None
        path = to_fs_path(uri) if uri_scheme(uri) == "file" else None
        try:
            metas = self.linter_for(path).ruleset.metas
        except Exception:
            metas = {}
        parts = []
        for diagnostic, _lsp in hits:
            meta = metas.get(diagnostic.rule)
            lines = [f"**{diagnostic.rule}** `{diagnostic.name}` ({diagnostic.category}, {diagnostic.severity})",
                     "", diagnostic.message]
            if diagnostic.replacements:
                lines += ["", "Suggestion: " + ", ".join(f"`{text}`" for text in diagnostic.replacements[:5])]
            if meta is not None and meta.doc.why:
                lines += ["", meta.doc.why.strip()]
            if meta is not None and meta.doc.instead:
                lines += ["", f"**Instead:** {meta.doc.instead.strip()}"]
            parts.append("\n".join(lines))
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=hits[0][1].range,
        )


def _contains(span: types.Range, position: types.Position) -> bool:
    start = (span.start.line, span.start.character)
    end = (span.end.line, span.end.character)
    point = (position.line, position.character)
    return start <= point <= end


def create_server() -> HeellintServer:
    server = HeellintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: HeellintServer, params: types.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: HeellintServer, params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        path = to_fs_path(document.uri) if uri_scheme(document.uri) == "file" else None
        if ls.should_lint(document.uri, document.language_id, path):
            ls.linted.setdefault(document.uri, Linted(None, ""))
            ls.schedule(document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: HeellintServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.linted:
            ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: HeellintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri) if uri_scheme(uri) == "file" else None
        if path and (Path(path).name in ("heellint.yaml", ".heellint.yaml", "pyproject.toml")
                     or path.endswith((".yaml", ".yml"))):
            ls.relint_open_documents()
        elif uri in ls.linted:
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: HeellintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: HeellintServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        if isinstance(settings, dict):
            ls.configure(settings.get("heellint", settings))
        ls.relint_open_documents()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False
        ),
    )
    async def code_action(ls: HeellintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return await ls.code_actions_async(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: HeellintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    return server


def main() -> None:
    create_server().start_io()


if __name__ == "__main__":  # pragma: no cover
    main()
