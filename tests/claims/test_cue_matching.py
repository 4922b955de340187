"""The cue matcher (word index + first words) finds exactly what the group alternations find."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from heellint.claims.analysis import ClaimOptions, _blank_markers, _sentences_to_score, analyse
from heellint.claims.cues import _ANY, _first_words, load_lexicon, read_lexicon
from heellint.core.rule import LANGUAGES
from heellint.core.yamlio import DataError
from heellint.parse import parse_document

ROOT = Path(__file__).resolve().parent.parent.parent
EVAL = ROOT / "eval" / "claims"
SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"


def _document(text: str, lang: str, path: str = "article.md"):
    document = parse_document(path, text)
    document.lang = lang
    return document


def _check_document(document) -> int:
    """scan_sentences == the reference scan of each scored sentence; returns the hits compared."""
    lexicon = load_lexicon(document.lang)
    analysis = analyse(document, ClaimOptions())
    text = _blank_markers(document.prose, analysis.markers)
    spans = [(sentence.start, sentence.end) for sentence in _sentences_to_score(document, analysis.references)]
    blanked = [(marker.start, marker.end) for marker in analysis.markers]
    found = lexicon.scan_sentences(document, text, spans, blanked)
    count = 0
    for (start, end), hits in zip(spans, found):
        expected = lexicon.scan_reference(text[start:end])
        assert hits == expected, (text[start:end], hits, expected)
        assert lexicon.scan(text[start:end]) == expected
        count += len(hits)
    return count


@pytest.mark.parametrize("lang", LANGUAGES)
def test_matcher_equals_reference_scan_on_eval_articles(lang):
    path = EVAL / f"{lang}.txt"
    assert _check_document(_document(path.read_text(encoding="utf-8"), lang, path.name)) > 20


def test_matcher_equals_reference_scan_on_seeds():
    for path, lang in ((SEEDS / "004_98c910dbf5d1c947.txt", "da"), (SEEDS / "000_989b888d24f57c83.txt", "nb")):
        _check_document(_document(path.read_text(encoding="utf-8"), lang, path.name))


TRICKY = {
    "nb": [
        "Studier viser at trening reduserer risikoen for smerter med 30 %, sier Hansen.",
        "Covid-studien og ikke-randomiserte studier¹ viser noe.",
        "Mye tyder på at 1 av 10 får det. Kan du trene? Det er lurt å trene.",
        "Trening hjelper også mot smerter, og det er påvist i en undersøkelse.",
        "Ta en pause.Studier viser at_studier ikke alltid er forskning_.",
        "Forskning viser økt  risiko\u00a0for plager hos 12 000 pasienter i 2-3 uker.",
        "STRASSE-studien og Straße-studien: forskere sier noe, sier Ola.",
        "Legg deg ned. Gjenta øvelsen 10 ganger, 3 sett.",
    ],
    "da": ["Undersøgelser viser, at træning mindsker risikoen for smerter, siger hun.",
           "Hver femte dansker har ondt; det er dokumenteret i et randomiseret forsøg."],
    "sv": ["Studier visar att träning minskar risken för smärta, säger hon.",
           "Var femte svensk har ont; det är bevisat i en randomiserad studie."],
    "nn": ["Studiar viser at trening reduserer risikoen for smerter, seier ho.",
           "Kvar femte nordmann har vondt, og det er dokumentert i ein studie."],
    "en": ["Studies show that exercise reduces the risk of pain, says Dr Smith.",
           "One in five people has pain; it is proven in a randomised controlled trial."],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_matcher_equals_reference_scan_on_tricky_text(lang):
    lexicon = load_lexicon(lang)
    for sentence in TRICKY[lang]:
        for start in range(0, len(sentence), 7):  # slices that start inside words too
            piece = sentence[start:]
            assert lexicon.scan(piece) == lexicon.scan_reference(piece), piece
        text = " ".join(TRICKY[lang])
        document = _document(text, lang)
        spans = [(sentence.start, sentence.end) for sentence in document.sentences]
        for (start, end), hits in zip(spans, lexicon.scan_sentences(document, document.prose, spans)):
            assert hits == lexicon.scan_reference(document.prose[start:end])


def test_blanked_markers_between_and_inside_words():
    """Text blanked to spaces joins or cuts words the word index knows otherwise."""
    lexicon = load_lexicon("nb")
    text = "Det kan (Hansen 2019) du gjøre. Mye (Berg 2020) tyder på noe. Forsk[1]ning er bra."
    document = _document(text, "nb")
    blanked_ranges = [(text.index("(Hansen"), text.index(" du")), (text.index("(Berg"), text.index(" tyder")),
                      (text.index("[1]"), text.index("[1]") + 3)]
    blanked = document.prose
    for start, end in blanked_ranges:
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    spans = [(sentence.start, sentence.end) for sentence in document.sentences]
    found = lexicon.scan_sentences(document, blanked, spans, blanked_ranges)
    for (start, end), hits in zip(spans, found):
        assert hits == lexicon.scan_reference(blanked[start:end])
    assert "kan du" in [hit.cue.cue for hit in found[0]]  # "kan (Hansen 2019) du" reads "kan du"
    assert "mye tyder på" in [hit.cue.cue for hit in found[1]]


def test_spans_may_cut_words():
    lexicon = load_lexicon("nb")
    text = "Xforskning viser at studienes data fra forskerneZ er gode."
    document = _document(text, "nb")
    spans = [(1, 18), (20, 45), (45, len(text))]
    for (start, end), hits in zip(spans, lexicon.scan_sentences(document, document.prose, spans)):
        assert hits == lexicon.scan_reference(text[start:end]), text[start:end]


def test_nothing_is_compiled_until_a_cue_is_tried(tmp_path):
    source = (ROOT / "rules" / "claims" / "nb.yaml").read_text(encoding="utf-8")
    path = tmp_path / "nb.yaml"
    path.write_text(source, encoding="utf-8")
    lexicon = read_lexicon(path)
    assert lexicon._lazy == {}  # no matcher, no alternations
    lexicon.scan("Forskning viser dette.")
    compiled = [pattern for pattern in lexicon.matcher.patterns if pattern is not None]
    assert 0 < len(compiled) <= 5
    assert "patterns" not in lexicon._lazy


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cue_compiles_and_has_a_way_to_be_found(lang):
    """Loading no longer compiles the cues: compile each here. And no cue is searched in every
    sentence: each has first words, a sentence-start anchor or ``anchors``."""
    lexicon = load_lexicon(lang)
    matcher = lexicon.matcher
    for index, cue in enumerate(lexicon.cues):
        assert isinstance(matcher.pattern(index), regex.Pattern)
        if cue.regex:
            assert not regex.compile(cue.cue, regex.IGNORECASE | regex.VERSION0).groups
    assert matcher.everywhere == [], [lexicon.cues[index].cue for index in matcher.everywhere]
    for index, cue in enumerate(lexicon.cues):
        if lexicon.anchors[index]:
            assert (_ANY, "") in _first_words(cue), f"{cue.cue!r} has first words: it needs no anchors"


def test_anchor_validation(tmp_path):
    bad = tmp_path / "xx.yaml"
    bad.write_text("lang: xx\nsource: s\ncues:\n  research:\n    - {cue: 'studier', anchors: [studier], weight: 2}\n",
                   encoding="utf-8")
    with pytest.raises(DataError, match="anchors"):
        read_lexicon(bad)
    bad.write_text("lang: xx\nsource: s\ncues:\n  research:\n"
                   "    - {cue: ',\\s*sier', regex: true, name: x, anchors: 'sier', weight: 2}\n", encoding="utf-8")
    with pytest.raises(DataError, match="anchors"):
        read_lexicon(bad)
    bad.write_text("lang: xx\nsource: s\ncues:\n  research:\n"
                   "    - {cue: '(?:a|b', regex: true, name: x, weight: 2}\n", encoding="utf-8")
    with pytest.raises(DataError, match="invalid regular expression"):
        read_lexicon(bad)


def test_a_cue_without_the_word_start_guard_is_found_inside_words(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text("lang: xx\nsource: s\ncues:\n  research:\n"
                    "    - {cue: '[Ss]tudie', regex: true, name: studie, weight: 2}\n"
                    "    - {cue: 'forskning', weight: 2}\n"
                    "  hedge:\n    - {cue: '^\\W*kanskje', regex: true, name: kanskje, weight: -1}\n", encoding="utf-8")
    lexicon = read_lexicon(path)
    for text in ("Forstudien viser at forskning er bra.", "Kanskje. «Kanskje studie", "xforskning Studie"):
        assert lexicon.scan(text) == lexicon.scan_reference(text)
    document = _document("Forstudien viser noe. Kanskje forskning.", "xx")
    spans = [(sentence.start, sentence.end) for sentence in document.sentences]
    found = lexicon.scan_sentences(document, document.prose, spans)
    assert [[hit.cue.label for hit in hits] for hits in found] == [["studie"], ["forskning", "kanskje"]]
    for (start, end), hits in zip(spans, found):
        assert hits == lexicon.scan_reference(document.prose[start:end])
