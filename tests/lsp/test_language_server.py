"""The language server, driven by a real LSP client over stdio."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from heellint.lsp.server import FIX_ALL_KIND, FIX_ALL_TITLE, PositionMap, code_units, minimal_edit

from lsp_support import Session, apply_action, apply_edits, make_project, run

ARTICLE = "# Hælsmerter\n\nEmoji 🦶🦶 før klinnikken. En pasjent gikk til klinnikk.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "site")


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """The server's working directory: no configuration there, so the one
    next to the article must be found from the article's folder."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def by_code(diagnostics: list[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [diagnostic for diagnostic in diagnostics if diagnostic.code == code]


# ------------------------------------------------------------ conversions


def test_code_units_per_encoding():
    text = "a🦶ø"
    assert code_units(text, "utf-16") == 4
    assert code_units(text, "utf-32") == 3
    assert code_units(text, "utf-8") == 1 + 4 + 2


def test_position_map_round_trip_with_crlf_and_astral_characters():
    text = "🦶x\r\nø🩺y\rz\n"
    positions = PositionMap(text, "utf-16")
    assert positions.position(text.index("x")) == types.Position(line=0, character=2)
    assert positions.position(text.index("y")) == types.Position(line=1, character=3)
    assert positions.position(text.index("z")) == types.Position(line=2, character=0)
    for offset in range(len(text) + 1):
        if text[offset - 1:offset + 1] == "\r\n":
            continue  # no LSP position lies between \r and \n
        assert positions.offset(positions.position(offset)) == offset


def test_minimal_edit_keeps_the_unchanged_text():
    before = "abc klinnikk def\r\nmore"
    after = "abc klinikk def\r\nmore"
    edit = minimal_edit(before, after, PositionMap(before))
    assert edit is not None
    assert apply_edits(before, [edit]) == after
    assert edit.range.start.line == 0 and edit.range.end.line == 0
    assert minimal_edit(before, before, PositionMap(before)) is None


# ------------------------------------------------------------ the server


def test_diagnostics_quick_fixes_and_fix_all(project, elsewhere):
    async def scenario():
        async with Session(elsewhere) as session:
            capabilities = session.initialize_result.capabilities
            assert capabilities.position_encoding in (None, types.PositionEncodingKind.Utf16)
            assert list(capabilities.code_action_provider.code_action_kinds) == [types.CodeActionKind.QuickFix, FIX_ALL_KIND]
            uri = session.open(project / "notat.nb.md", ARTICLE)
            published = await session.diagnostics(uri)
            assert published.version == 1
            diagnostics = published.diagnostics
            assert [diagnostic.code for diagnostic in diagnostics] == ["ZZL101", "ZZL102", "ZZL101"]
            first = diagnostics[0]
            # "Emoji 🦶🦶 før " is 15 UTF-16 code units (13 code points): each emoji counts two.
            assert first.range == types.Range(
                start=types.Position(line=2, character=15), end=types.Position(line=2, character=25)
            )
            assert first.source == "heellint"
            assert first.severity == types.DiagnosticSeverity.Warning
            assert first.message == "'klinnikken' is a misspelling of 'klinikken'"
            assert first.data["rule"] == "ZZL101"
            assert first.data["fix"]["applicability"] == "safe"
            assert first.data["fix"]["edits"][0]["newText"] == "klinikken"
            assert first.data["fix"]["edits"][0]["range"]["start"] == {"line": 2, "character": 15}
            patient = diagnostics[1]
            assert patient.severity == types.DiagnosticSeverity.Information
            assert patient.data["fix"] is None and patient.data["replacements"] == ["pasient", "patient"]

            # One quick fix, preferred (safe), applying it fixes the word.
            actions = await session.code_actions(uri, [first])
            quick = [action for action in actions if action.kind == types.CodeActionKind.QuickFix]
            assert [action.title for action in quick] == ["Replace with 'klinikken' (ZZL101)"]
            assert quick[0].is_preferred is True
            assert quick[0].diagnostics[0].code == "ZZL101"
            fixed_once = apply_action(ARTICLE, uri, quick[0])
            assert "før klinikken. En pasjent" in fixed_once

            # Several candidates: one action each, none preferred, no automatic fix.
            actions = await session.code_actions(uri, [patient], only=[types.CodeActionKind.QuickFix])
            assert [action.title for action in actions] == [
                "Replace with 'pasient' (ZZL102)", "Replace with 'patient' (ZZL102)"
            ]
            assert not any(action.is_preferred for action in actions)
            assert apply_action(ARTICLE, uri, actions[1]).count("patient") == 1

            # Fix all safe problems: both clinic misspellings, not the patient one.
            actions = await session.code_actions(uri, [], only=[types.CodeActionKind.SourceFixAll])
            (fix_all,) = actions
            assert fix_all.kind == FIX_ALL_KIND and fix_all.title == FIX_ALL_TITLE
            fixed = apply_action(ARTICLE, uri, fix_all)
            assert fixed == "# Hælsmerter\n\nEmoji 🦶🦶 før klinikken. En pasjent gikk til klinikk.\n"

            # The editor applies it: the diagnostics follow (debounced didChange).
            version = session.change(uri, fixed)
            published = await session.diagnostics(uri, version)
            assert [diagnostic.code for diagnostic in published.diagnostics] == ["ZZL102"]
            actions = await session.code_actions(uri, [], only=[types.CodeActionKind.SourceFixAll])
            assert list(actions) == []

            # Hover explains the rule.
            hover = await session.hover(uri, published.diagnostics[0].range.start)
            assert "ZZL102" in hover.contents.value and "pasient" in hover.contents.value

            count = len(session.published[uri])
            session.close(uri)
            closed = await session.diagnostics(uri, count=count + 1)
            assert list(closed.diagnostics) == []
            returncode = await session.shutdown()
            assert returncode == 0

    run(scenario())


def test_language_comes_from_the_path_and_config_from_the_folder(project, elsewhere):
    text = "Gå til sygehus nu.\n"

    async def scenario():
        async with Session(elsewhere) as session:
            danish = session.open(project / "da" / "note.md", text)
            norwegian = session.open(project / "note.nb.md", text)
            outside = session.open(elsewhere / "note.da.md", "klinnikk og sygehus\n")
            da = (await session.diagnostics(danish)).diagnostics
            nb = (await session.diagnostics(norwegian)).diagnostics
            assert [diagnostic.code for diagnostic in da] == ["ZZL103"]
            assert da[0].severity == types.DiagnosticSeverity.Error
            assert list(nb) == []
            # No heellint.yaml above 'elsewhere': the test pack is not loaded there.
            assert by_code((await session.diagnostics(outside)).diagnostics, "ZZL101") == []
            # An unsafe fix is offered, but not preferred and not in "fix all".
            actions = await session.code_actions(danish, da)
            assert [action.title for action in actions] == ["Replace with 'hospital' (ZZL103) (unsafe)"]
            assert not actions[0].is_preferred

    run(scenario())


def test_front_matter_language(project, elsewhere):
    text = "---\nlang: da\n---\nGå til sygehus.\n"

    async def scenario():
        async with Session(elsewhere) as session:
            uri = session.open(project / "note.md", text)
            (diagnostic,) = (await session.diagnostics(uri)).diagnostics
            assert diagnostic.code == "ZZL103"
            assert diagnostic.range.start == types.Position(line=3, character=7)

    run(scenario())


def test_crlf_and_bom_documents(project, elsewhere):
    text = "\ufeffFørst 🩺\r\nså klinnikken\r\n"

    async def scenario():
        async with Session(elsewhere) as session:
            uri = session.open(project / "crlf.nb.md", text)
            (diagnostic,) = (await session.diagnostics(uri)).diagnostics
            assert diagnostic.range == types.Range(
                start=types.Position(line=1, character=3), end=types.Position(line=1, character=13)
            )
            (action,) = await session.code_actions(uri, [], only=[types.CodeActionKind.SourceFixAll])
            assert apply_action(text, uri, action) == "\ufeffFørst 🩺\r\nså klinikken\r\n"

    run(scenario())


def test_utf32_position_encoding_when_the_client_offers_it(project, elsewhere):
    async def scenario():
        async with Session(elsewhere, encodings=[types.PositionEncodingKind.Utf32]) as session:
            assert session.initialize_result.capabilities.position_encoding == types.PositionEncodingKind.Utf32
            uri = session.open(project / "notat.nb.md", ARTICLE)
            first = (await session.diagnostics(uri)).diagnostics[0]
            assert first.range.start == types.Position(line=2, character=13)
            actions = await session.code_actions(uri, [first])
            assert [action.kind for action in actions] == [types.CodeActionKind.QuickFix, FIX_ALL_KIND]
            assert "før klinikken." in apply_action(ARTICLE, uri, actions[0], encoding="utf-32")
            assert apply_action(ARTICLE, uri, actions[1], encoding="utf-32").count("klinikk") == 2

    run(scenario())


def test_debounced_changes_publish_the_latest_text(project, elsewhere):
    async def scenario():
        async with Session(elsewhere, options={"debounce": 300}) as session:
            uri = session.open(project / "notat.nb.md", "Ren tekst.\n")
            assert list((await session.diagnostics(uri)).diagnostics) == []
            for word in ("k", "kl", "klinnikk", "klinnikk og klinnikk"):
                version = session.change(uri, f"Ren tekst. {word}\n")
            published = await session.diagnostics(uri, version)
            assert len(published.diagnostics) == 2
            # The intermediate versions were never linted (debounced).
            assert [item.version for item in session.published[uri]] == [1, version]

    run(scenario())


def test_configuration_errors_are_shown_on_the_document(tmp_path, elsewhere):
    broken = make_project(tmp_path / "broken", config="rules: [pack.yaml]\nunknown-key: 1\n")

    async def scenario():
        async with Session(elsewhere) as session:
            uri = session.open(broken / "note.nb.md", "klinnikk\n")
            (diagnostic,) = (await session.diagnostics(uri)).diagnostics
            assert diagnostic.severity == types.DiagnosticSeverity.Error
            assert "heellint cannot lint this file" in diagnostic.message
            assert "unknown-key" in diagnostic.message
            # Fixing the configuration and saving it re-lints open documents.
            (broken / "heellint.yaml").write_text("rules: [pack.yaml]\nselect: [ZZL]\n", encoding="utf-8")
            session.client.text_document_did_save(
                types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=(broken / "heellint.yaml").as_uri()))
            )
            published = await session.diagnostics(uri, count=2)
            assert [item.code for item in published.diagnostics] == ["ZZL101"]

    run(scenario())


def test_heellint_lsp_help():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "heellint.cli.main", "lsp", "--help"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    assert "language server" in result.stdout
