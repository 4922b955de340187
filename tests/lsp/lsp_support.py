"""A real LSP client (pygls's BaseLanguageClient) talking JSON-RPC to
``python -m heellint.cli.main lsp`` over the subprocess's stdin/stdout."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import BaseLanguageClient

TIMEOUT = 60

PACK = """\
pack: lsp-tests
description: Rules for the language server tests (test data).
rules:
  - code: ZZL101
    name: misspelled-clinic
    kind: substitution
    category: spelling
    severity: warning
    swap: {klinnikk: klinikk}
    suffixes: [en, er, ene]
    fix: safe
    message: "'{match}' is a misspelling of '{replacement}'"
    doc:
      why: A misspelled word makes a health article look careless.
      instead: Write 'klinikk' with one n.
  - code: ZZL102
    name: misspelled-patient
    kind: substitution
    category: spelling
    severity: info
    swap: {pasjent: [pasient, patient]}
    message: "'{match}' looks like a misspelling of {replacement}"
  - code: ZZL103
    name: danish-only
    kind: substitution
    category: terminology
    severity: error
    languages: [da]
    swap: {sygehus: hospital}
    fix: unsafe
    message: "'{match}': write '{replacement}'"
"""


def make_project(root: Path, config: str | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "heellint.yaml").write_text(config or "rules: [pack.yaml]\nselect: [ZZL]\n", encoding="utf-8")
    return root


class Session:
    """One server process and the notifications it sent."""

    def __init__(self, cwd: Path, encodings: list[str] | None = None, options: dict | None = None) -> None:
        self.cwd = cwd
        self.encodings = encodings
        self.options = options if options is not None else {"debounce": 50}
        self.client = BaseLanguageClient("heellint-tests", "1.0")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.changed = asyncio.Event()
        self.initialize_result: types.InitializeResult | None = None
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(params)
            self.changed.set()

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def on_log(params: types.LogMessageParams) -> None:
            pass

    async def __aenter__(self) -> "Session":
        await self.client.start_io(sys.executable, "-m", "heellint.cli.main", "lsp", cwd=str(self.cwd))
        general = types.GeneralClientCapabilities(position_encodings=self.encodings) if self.encodings else None
        self.initialize_result = await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(
                    process_id=None,
                    root_uri=self.cwd.as_uri(),
                    capabilities=types.ClientCapabilities(
                        general=general,
                        text_document=types.TextDocumentClientCapabilities(
                            code_action=types.CodeActionClientCapabilities(
                                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                                    code_action_kind=types.ClientCodeActionKindOptions(
                                        value_set=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
                                    )
                                )
                            ),
                        ),
                    ),
                    initialization_options=self.options,
                )
            ),
            TIMEOUT,
        )
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.shutdown()

    async def shutdown(self) -> int | None:
        if self.client._server is None or self.client._server.returncode is not None:
            return self.client._server.returncode if self.client._server else None
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        returncode = await asyncio.wait_for(self.client._server.wait(), TIMEOUT)
        await asyncio.wait_for(self.client.stop(), TIMEOUT)
        return returncode

    # --------------------------------------------------------- documents
    def open(self, path: Path, text: str, language_id: str = "markdown") -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)
            )
        )
        return uri

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.versions[uri]

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )

    async def diagnostics(self, uri: str, version: int | None = None, count: int = 1) -> types.PublishDiagnosticsParams:
        """Wait for the ``count``-th publication for ``uri`` (of ``version`` if given)."""

        def found() -> types.PublishDiagnosticsParams | None:
            items = self.published.get(uri, [])
            if version is not None:
                items = [item for item in items if item.version == version]
            return items[count - 1] if len(items) >= count else None

        async def wait() -> types.PublishDiagnosticsParams:
            while (result := found()) is None:
                self.changed.clear()
                await self.changed.wait()
            return result

        return await asyncio.wait_for(wait(), TIMEOUT)

    async def code_actions(self, uri: str, diagnostics: list[types.Diagnostic], only: list[str] | None = None,
                           span: types.Range | None = None) -> list[types.CodeAction]:
        span = span or (diagnostics[0].range if diagnostics else types.Range(
            start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)))
        result = await asyncio.wait_for(
            self.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=span,
                    context=types.CodeActionContext(diagnostics=diagnostics, only=only),
                )
            ),
            TIMEOUT,
        )
        return [action for action in result or [] if isinstance(action, types.CodeAction)]

    async def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        return await asyncio.wait_for(
            self.client.text_document_hover_async(
                types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
            ),
            TIMEOUT,
        )


# ------------------------------------------------------- applying edits


def _offset(text: str, position: types.Position, encoding: str = "utf-16") -> int:
    """The code-point offset of an LSP position (the client's side of the conversion)."""
    starts = [0, *(match.end() for match in re.finditer(r"\r\n|\r|\n", text))]
    if position.line >= len(starts):
        return len(text)
    start = starts[position.line]
    end = starts[position.line + 1] if position.line + 1 < len(starts) else len(text)
    line = text[start:end].rstrip("\r\n")
    units = 0
    for index, char in enumerate(line):
        if units >= position.character:
            return start + index
        if encoding == "utf-16":
            units += 2 if ord(char) > 0xFFFF else 1
        elif encoding == "utf-8":
            units += len(char.encode("utf-8"))
        else:
            units += 1
    return start + len(line)


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    spans = sorted(
        ((_offset(text, edit.range.start, encoding), _offset(text, edit.range.end, encoding), edit.new_text) for edit in edits),
        reverse=True,
    )
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def apply_action(text: str, uri: str, action: types.CodeAction, encoding: str = "utf-16") -> str:
    assert action.edit is not None and action.edit.changes is not None, action
    return apply_edits(text, list(action.edit.changes[uri]), encoding)


def run(coroutine: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coroutine, 4 * TIMEOUT))
