"""XLIFF 1.2 and 2.x: reading, exact positions into the target text, and refusal of
entity attacks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from heellint.core.config import load_config
from heellint.xcheck.run import XcheckError, XcheckOptions, Xchecker
from heellint.xcheck.xliff import XliffError, build_document, looks_like_xliff, read_xliff

DATA = Path(__file__).parent / "data"
PROJECT = DATA / "project"
XLIFF = DATA / "xliff"


def checker(**options) -> Xchecker:
    return Xchecker(load_config(PROJECT / "heellint.yaml"), XcheckOptions(**options))


def span_text(text: str, diagnostic) -> str:
    """The text a diagnostic's line/column range covers (columns count code points)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:diagnostic.line - 1]) + diagnostic.column - 1
    end = sum(len(line) + 1 for line in lines[:diagnostic.end_line - 1]) + diagnostic.end_column - 1
    assert (start, end) == (diagnostic.start, diagnostic.end)
    return text[start:end]


def run_file(tmp_path: Path, content: str | bytes, name: str = "test.xlf", **options):
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    report = checker(**options).check_paths(str(path))
    return report, report.files[0].source_text


XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="nb-NO" datatype="plaintext" original="a.md">
  <body>
{units}
  </body>
 </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="{src}" trgLang="{tgt}">
 <file id="f1">
{units}
 </file>
</xliff>
"""


def unit12(source: str, target: str | None, unit_id: str = "1", extra: str = "") -> str:
    target_xml = f"<target>{target}</target>" if target is not None else ""
    return f'   <trans-unit id="{unit_id}"{extra}><source>{source}</source>{target_xml}</trans-unit>'


def unit20(source: str, target: str | None, unit_id: str = "u1", state: str = "") -> str:
    target_xml = f"<target>{target}</target>" if target is not None else ""
    state_xml = f' state="{state}"' if state else ""
    return f'  <unit id="{unit_id}"><segment id="s1"{state_xml}><source>{source}</source>{target_xml}</segment></unit>'


# ----------------------------------------------------------------- fixtures


def test_xliff12_fixture_findings_point_into_target_text():
    path = XLIFF / "heel.en-nb.xlf"
    report = checker().check_paths(str(path))
    text = path.read_text(encoding="utf-8")
    found = [(d.rule, d.line, span_text(text, d)) for d in report.diagnostics]
    assert found == [
        ("XL103", 12, "Plantar fasciitis"),
        ("XL107", 17, "<target/>"),
        ("XL107", 19, '<trans-unit id="4">'),
        ("XL107", 27, "Rest and ice help most people with heel pain."),
        ("XL102", 31, "Akillestendinitt"),
    ]
    assert report.files[0].lang == "nb"
    assert report.files[0].lang_source == "front-matter"
    assert all(d.category == "translation" for d in report.diagnostics)


def test_xliff20_fixture():
    path = XLIFF / "heel.nb-da.xlf"
    report = checker().check_paths(str(path))
    text = path.read_text(encoding="utf-8")
    found = [(d.rule, d.line, span_text(text, d)) for d in report.diagnostics]
    assert found == [
        ("XL101", 8, "Det gør ondt hos 10 %."),
        ("XL107", 19, "<target></target>"),
    ]
    assert "state 'initial'" in report.diagnostics[-1].message
    assert report.files[0].lang == "da"


def test_xliff12_mrk_segments_are_checked_one_by_one():
    path = XLIFF / "segmented.nb-sv.xlf"
    report = checker().check_paths(str(path))
    text = path.read_text(encoding="utf-8")
    found = [(d.rule, span_text(text, d), d.data["segment"]) for d in report.diagnostics]
    assert found == [
        ("XL101", "Det gör ont.", "unit 't1' segment '1'"),
        ("XL104", "4", "unit 't1' segment '2'"),
    ]
    assert report.diagnostics[1].replacements == ("3",)


@pytest.mark.parametrize("name", ["billion-laughs.xlf", "external-entity.xlf", "parameter-entity.xlf"])
def test_entity_attacks_are_refused_not_expanded(name):
    began = time.monotonic()
    with pytest.raises(XcheckError) as caught:
        checker().check_paths(str(XLIFF / name))
    assert time.monotonic() - began < 5
    message = str(caught.value)
    assert message.startswith(str(XLIFF / name) + ": refused")
    assert "entit" in message


def test_external_entity_message_names_the_resource():
    with pytest.raises(XcheckError) as caught:
        checker().check_paths(str(XLIFF / "external-entity.xlf"))
    assert "file:///etc/passwd" in str(caught.value)
    assert "never loaded" in str(caught.value)


# ----------------------------------------------------------------- positions


def test_character_reference_inside_a_word_maps_to_the_whole_reference(tmp_path):
    report, text = run_file(tmp_path, XLIFF12.format(units=unit12(
        "Achilles tendinopathy hurts.", "Akillestendinitt gj&#248;r vondt. Akilles&#173;tendinitt &amp; mer.")))
    spans = [span_text(text, d) for d in report.diagnostics]
    assert spans == ["Akillestendinitt"]
    # A term found across a character reference is found (h&#230;lspore = hælspore).
    report, text = run_file(tmp_path, XLIFF12.format(units=unit12("A heel spur hurts.", "En h&#230;lspore gj&#248;r vondt.")))
    assert report.diagnostics == []
    report, text = run_file(tmp_path, XLIFF12.format(units=unit12(
        "Achilles tendinopathy hurts.", "&#65;killestendinitt gjør vondt.")))
    assert [span_text(text, d) for d in report.diagnostics] == ["&#65;killestendinitt"]


def test_crlf_file_positions(tmp_path):
    units = "\n".join([
        unit12("A heel spur hurts.", "En kalkspore gjør vondt.", "1"),
        unit12("Achilles tendinopathy\nis common.", "Det er\nvanlig med akillestendinitt.", "2"),
    ])
    content = XLIFF12.format(units=units).replace("\n", "\r\n")
    report, text = run_file(tmp_path, content)
    assert "\r\n" in text
    (diagnostic,) = report.diagnostics
    assert diagnostic.rule == "XL102"
    assert diagnostic.line == 8 and diagnostic.end_line == 8
    assert text[diagnostic.start:diagnostic.end] == "akillestendinitt"
    line = text.split("\r\n")[diagnostic.line - 1]
    assert line[diagnostic.column - 1:diagnostic.end_column - 1] == "akillestendinitt"


def test_cdata_and_inline_codes(tmp_path):
    units = "\n".join([
        unit12("Achilles tendinopathy hurts.", "<![CDATA[Akillestendinitt & co]]> gjør vondt.", "1"),
        unit12("Achilles tendinopathy hurts.", 'Det <ph id="1">akillestendinitt</ph> gjør <x id="2"/>vondt.', "2"),
        unit12("Achilles tendinopathy hurts.", 'Det <g id="1">akilles</g>tendinitt.', "3"),
    ])
    report, text = run_file(tmp_path, XLIFF12.format(units=units))
    found = [(d.rule, span_text(text, d)) for d in report.diagnostics]
    # Unit 2: the term is inside a code (<ph>): not prose, so the key term is missing.
    # Unit 3: the term is split by a transparent <g>: found, and its span covers the markup.
    assert found == [
        ("XL102", "Akillestendinitt"),
        ("XL101", 'Det <ph id="1">akillestendinitt</ph> gjør <x id="2"/>vondt.'),
        ("XL102", 'akilles</g>tendinitt'),
    ]


def test_bom_and_utf16(tmp_path):
    content = XLIFF12.format(units=unit12("Achilles tendinopathy hurts.", "Akillestendinitt gjør vondt."))
    report, text = run_file(tmp_path, b"\xef\xbb\xbf" + content.encode("utf-8"), "bom.xlf")
    (diagnostic,) = report.diagnostics
    assert text[diagnostic.start:diagnostic.end] == "Akillestendinitt"
    utf16 = content.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    report, text = run_file(tmp_path, b"\xff\xfe" + utf16.encode("utf-16-le"), "utf16.xlf")
    (diagnostic,) = report.diagnostics
    assert text[diagnostic.start:diagnostic.end] == "Akillestendinitt"
    assert diagnostic.line == 5


def test_xliff20_inline_pc_and_ph(tmp_path):
    units = "\n".join([
        unit20("Achilles tendinopathy <ph id='1'/>hurts.", "<pc id='1'>Akillestendinitt</pc> gjør vondt.", "u1"),
        unit20("A heel spur hurts.", "En hælspore<ph id='2'/> gjør vondt.", "u2"),
    ])
    report, text = run_file(tmp_path, XLIFF20.format(src="en", tgt="nb", units=units))
    assert [(d.rule, span_text(text, d)) for d in report.diagnostics] == [("XL102", "Akillestendinitt")]


# ----------------------------------------------------------- what is skipped


def test_translate_no_alt_trans_notes_and_final_state(tmp_path):
    units = "\n".join([
        unit12("Rest and ice help most people with heel pain.", "", "1", ' translate="no"'),
        '   <trans-unit id="2"><source>A heel spur hurts.</source><target>En hælspore gjør vondt.</target>'
        '<alt-trans><target>Det gjør vondt.</target></alt-trans><note>heel spur</note></trans-unit>',
        '   <trans-unit id="3"><source>Rest and ice help most people with heel pain.</source>'
        '<target state="final">Rest and ice help most people with heel pain.</target></trans-unit>',
        unit12("Voltaren Gel", "Voltaren Gel", "4"),
    ])
    report, _ = run_file(tmp_path, XLIFF12.format(units=units))
    assert report.diagnostics == []


def test_xliff20_identical_target_and_missing_target(tmp_path):
    units = "\n".join([
        unit20("Rest and ice help most people with heel pain.", "Rest and ice help most people with heel pain.", "u1"),
        unit20("A heel spur hurts.", None, "u2", state="initial"),
    ])
    report, text = run_file(tmp_path, XLIFF20.format(src="en", tgt="nb", units=units))
    found = [(d.rule, d.data["reason"], span_text(text, d)) for d in report.diagnostics]
    assert found == [
        ("XL107", "identical", "Rest and ice help most people with heel pain."),
        ("XL107", "missing", '<segment id="s1" state="initial">'),
    ]


def test_select_limits_xliff_codes(tmp_path):
    units = unit20("Achilles tendinopathy: 10%.", "", "u1") + "\n" + unit20(
        "Achilles tendinopathy: 10%.", "Akillestendinitt: 12 %.", "u2")
    report, _ = run_file(tmp_path, XLIFF20.format(src="en", tgt="nb", units=units), select=("XL104",))
    assert [d.rule for d in report.diagnostics] == ["XL104"]
    report, _ = run_file(tmp_path, XLIFF20.format(src="en", tgt="nb", units=units), ignore=("XL107", "XL104"))
    assert [d.rule for d in report.diagnostics] == ["XL102"]


# -------------------------------------------------------------- languages


def test_languages_from_options_and_errors(tmp_path):
    content = XLIFF20.format(src="en", tgt="no", units=unit20("A heel spur hurts.", "En hælspore gjør vondt."))
    path = tmp_path / "no.xlf"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(XcheckError, match="ambiguous: use --target-lang nb"):
        checker().check_paths(str(path))
    report = checker(target_lang="nb").check_paths(str(path))
    assert report.diagnostics == [] and report.files[0].lang == "nb" and report.files[0].lang_source == "cli"
    missing = XLIFF12.replace(' target-language="nb-NO"', "").format(units=unit12("A", "B"))
    path.write_text(missing, encoding="utf-8")
    with pytest.raises(XcheckError, match=r"does not name its target language \(target-language / trgLang\)"):
        checker().check_paths(str(path))
    same = XLIFF20.format(src="nb", tgt="nb-NO", units=unit20("A", "B"))
    path.write_text(same, encoding="utf-8")
    with pytest.raises(XcheckError, match="both 'nb'"):
        checker().check_paths(str(path))


@pytest.mark.parametrize("content, message", [
    ("<html><body/></html>", "not an XLIFF file: the root element is <html>"),
    ("<xliff version='1.2'><file>", "not well-formed XML"),
    ("<xliff version='1.2'><file source-language='en' target-language='nb'><body><trans-unit id='1'>"
     "<source>a &nbsp; b</source></trans-unit></body></file></xliff>", "line 1, column"),
])
def test_malformed_files(tmp_path, content, message):
    path = tmp_path / "bad.xlf"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(XcheckError, match=message):
        checker().check_paths(str(path))


def test_two_xliff_files_and_mixed_inputs(tmp_path):
    report = checker().check_paths(str(XLIFF / "heel.en-nb.xlf"), str(XLIFF / "heel.nb-da.xlf"))
    assert [f.path for f in report.files] == sorted([str(XLIFF / "heel.en-nb.xlf"), str(XLIFF / "heel.nb-da.xlf")])
    assert len(report.diagnostics) == 7
    with pytest.raises(XcheckError, match="is an XLIFF file and the other is not"):
        checker().check_paths(str(XLIFF / "heel.en-nb.xlf"), str(PROJECT / "clean" / "plantar.nb.md"))


def test_sniffing_and_reader_units():
    assert looks_like_xliff("a.xlf", "")
    assert looks_like_xliff("a.sdlxliff", "")
    assert looks_like_xliff("a.xml", '<?xml version="1.0"?>\n<xliff version="2.0">')
    assert not looks_like_xliff("a.md", "# <xliff> in a heading")
    with pytest.raises(XliffError):
        read_xliff("x.xlf", "<notxliff/>")
    parsed = read_xliff("x.xlf", XLIFF12.format(units=unit12("a <g id='1'>b</g> c", "x <bpt id='1'>&lt;b&gt;</bpt>y")))
    (segment,) = parsed.segments
    assert segment.source.text == "a b c"
    assert segment.target.text == "x  y"
    document, mapping, spans = build_document("x.xlf", [segment.source, None, segment.target], "en")
    assert spans[1] is None
    assert document.source[slice(*spans[2])] == "x  y"
    assert [document.source[block.start:block.end] for block in document.blocks] == ["a b c", "x  y"]


def test_old_xliff_with_public_doctype_is_read(tmp_path):
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" '
               '"http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">\n'
               + XLIFF12.split("\n", 1)[1].format(units=unit12("Achilles tendinopathy hurts.",
                                                               "Akillestendinitt gjør vondt.")))
    report, text = run_file(tmp_path, content)
    assert [(d.rule, span_text(text, d)) for d in report.diagnostics] == [("XL102", "Akillestendinitt")]


# ------------------------------------------------- property: exact mapping

from html import unescape  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.one_of(
    st.text(alphabet="abcæøåäö ÆØÅ.,-", min_size=1, max_size=8),
    st.sampled_from(["&amp;", "&lt;", "&#230;", "&#xE5;", "&quot;", "\r\n", "\n", "\t"]),
    st.sampled_from(['<g id="1">', "</g>", '<x id="2"/>', '<ph id="3">&lt;b&gt;</ph>', '<mrk mtype="x">', "</mrk>"]),
    st.sampled_from(["<![CDATA[a&b<c]]>", "<![CDATA[]]>"]),
)


def _balanced(pieces: list[str]) -> list[str]:
    """Drop closing tags that close nothing and close what stays open."""
    result, stack = [], []
    for piece in pieces:
        if piece in ("</g>", "</mrk>"):
            if stack and stack[-1] == piece:
                stack.pop()
                result.append(piece)
            continue
        if piece == '<g id="1">':
            stack.append("</g>")
        elif piece == '<mrk mtype="x">':
            stack.append("</mrk>")
        result.append(piece)
    return result + stack[::-1]


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_every_target_character_maps_to_its_place_in_the_file(pieces):
    target = "".join(_balanced(pieces))
    content = XLIFF12.format(units=unit12("Source text.", target))
    parsed = read_xliff("x.xlf", content)
    (segment,) = parsed.segments
    text = segment.target
    if text is None:
        assert target == ""
        return
    for char, start, end in zip(text.chars, text.starts, text.ends):
        raw = content[start:end]
        if raw == char:
            continue
        if raw.startswith("<"):
            assert char == " " and raw.endswith(">")  # an inline code stands for a space
        elif raw == "\r\n":
            assert char == "\n"
        else:
            assert raw.startswith("&") and unescape(raw) == char, (raw, char)
