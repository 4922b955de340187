"""The shortcuts of the claims and metadata rules find exactly what the patterns find.

Each shortcut (a literal cue matched without its pattern, prefilters that skip text a
pattern cannot match, cached tables) is checked against the plain pattern it stands for,
and the facts about case folding and the regex module that they rest on are checked here
for the installed Python and regex module.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
import regex
import yaml

from heellint.claims import cues, markers, metadata
from heellint.claims.analysis import ClaimOptions, analyse
from heellint.claims.cues import (
    _CASE_SAFE,
    _FOLDABLE,
    Cue,
    CueHit,
    _holds,
    _matcher_tables,
    _required,
    _same,
    load_lexicon,
    read_lexicon,
    score_hits,
)
from heellint.core.rule import LANGUAGES
from heellint.parse import parse_document

ROOT = Path(__file__).resolve().parent.parent.parent
EVAL = ROOT / "eval" / "claims"
FLAGS = regex.IGNORECASE | regex.VERSION0
# Characters that case-fold or match ignoring case in unusual ways, put into the texts.
ODD = ["İ", "ı", "ſ", "\u212a", "\u212b", "ß", "ẞ", "µ", "μ", "\u00a0", "\t", "\u2009", "\u0301", "_", "²", "’"]


def _all_characters() -> str:
    return "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)


def _mutate(text: str, rng: random.Random, rate: float = 0.06) -> str:
    out = []
    for char in text:
        roll = rng.random()
        if roll < rate:
            out.append(rng.choice(ODD))
        elif roll < 2 * rate:
            out.append(char.upper())
        else:
            out.append(char)
    return "".join(out)


def _eval_sentences(limit: int = 4000) -> list[str]:
    found = []
    for lang in LANGUAGES:
        document = parse_document(f"{lang}.md", (EVAL / f"{lang}.txt").read_text(encoding="utf-8"))
        found += [document.prose[sentence.start:sentence.end] for sentence in document.sentences]
    return found[:limit]


# ------------------------------------------------------------------ what the shortcuts rest on


def test_ascii_letters_ignoring_case_are_lower_case_equal():
    """``_literal_at`` compares ASCII text in lower case."""
    for pattern_code in range(128):
        compiled = regex.compile(regex.escape(chr(pattern_code)), FLAGS)
        for text_code in range(128):
            same = compiled.fullmatch(chr(text_code)) is not None
            assert same == (chr(pattern_code).lower() == chr(text_code).lower()), (pattern_code, text_code)


def test_case_safe_characters_fold_as_the_regex_module_compares_them():
    word = regex.compile(r"\w")
    for char in _CASE_SAFE:
        folded = char.casefold()
        assert len(folded) == 1
        assert bool(word.match(char)) == bool(word.match(folded))
        compiled = regex.compile(regex.escape(char), FLAGS)
        for other in _CASE_SAFE:
            assert (compiled.fullmatch(other) is not None) == (folded == other.casefold()), (char, other)


def test_only_dotted_and_dotless_i_break_folding_for_foldable_characters():
    """Any character the regex module takes for a ``_FOLDABLE`` one folds the same, but "İ" (whose
    fold is two characters: texts holding it are not folded) and "ı" (checked for by name)."""
    everything = _all_characters()
    for char in sorted(_FOLDABLE):
        for match in regex.compile(regex.escape(char), FLAGS).finditer(everything):
            other = match.group()
            assert other.casefold() == char.casefold() or other in "İı", (char, other)


def test_literals_ignoring_case_compare_character_by_character():
    assert regex.fullmatch("ss", "ß", FLAGS) is None and regex.fullmatch("ß", "SS", FLAGS) is None
    assert _same("s", "ſ") and _same("k", "\u212a") and _same("i", "İ") and not _same("i", "ı")


# ------------------------------------------------------------------ literal cues without patterns


@pytest.mark.parametrize("lang", LANGUAGES)
def test_literal_cues_match_as_their_patterns(lang):
    lexicon = load_lexicon(lang)
    matcher = lexicon.matcher
    count = len(lexicon.cues)
    rng = random.Random(lang)
    adverbs = list(cues._ADVERBS)
    for index, cue in enumerate(lexicon.cues):
        literal = matcher.literal[index]
        if literal is None:
            continue
        texts = []
        for _ in range(4):
            words = cue.cue.replace("*", rng.choice(["", "ende", "s", "-x", "_"])).split()
            if len(words) > 1 and rng.random() < 0.5:
                words.insert(1, rng.choice(adverbs + ["ikke  også"]))
            text = rng.choice(["", "x", "Og ", "_", "(", "1 "]) + rng.choice([" ", "\u00a0", "  "]).join(words)
            texts.append(_mutate(text + rng.choice(["", ".", "x", "s", " og", "_"]), rng))
        for text in texts:
            for end in (len(text), max(0, len(text) - 2)):
                for code in (index, index + count):
                    pattern = matcher.pattern(code)
                    for position in range(0, min(end, 4) + 1):
                        expected = pattern.match(text, position, end)
                        got = literal.match(text, position, end, code < count)
                        assert got == (expected.end() if expected else -1), (cue.cue, code >= count, text, position, end)


# ------------------------------------------------------------------ regex cues not tried


def test_required_texts_are_in_every_match():
    rng = random.Random(5)
    sentences = _eval_sentences()
    sentences += [_mutate(sentence, rng, 0.03) for sentence in sentences[:1500]]
    skipped = 0
    for lang in LANGUAGES:
        lexicon = load_lexicon(lang)
        for index, cue in enumerate(lexicon.cues):
            needs = lexicon.matcher.required[index]
            if not needs:
                continue
            pattern = lexicon.matcher.pattern(index)
            for sentence in sentences:
                folded = sentence.casefold()
                if len(folded) != len(sentence) or "ı" in sentence or _holds(folded, needs):
                    continue
                skipped += 1
                assert pattern.search(sentence) is None, (cue.cue, sentence)
    assert skipped > 10000


def test_required_texts_of_patterns():
    def required(text):
        return _required(Cue("statistic", text, 1.0, True))

    assert required(r"(?:\d+|en|to)\s+av\s+(?:\d+|to)\b") == (("av",),)
    assert required(r"\d+(?:[.,]\d+)?\s?(?:%|prosent\b)") == (("%", "prosent"),)
    assert required(r"undersøkelser?\b") == (("undersøkelse",),)
    assert required(r"(?:ganger\s+)?mer") == (("mer",),)  # an optional part is not required
    assert required(r"(?:foo){e<=1}bar") == ()  # a fuzzy match, which ``re`` reads as text
    assert required(r"\p{Lu}\w+ sier") == ()  # not for ``re``: nothing known
    assert required(r"(?:µg|mg)") == (("mg", "μg"),)  # folded: the micro sign is a mu


# ------------------------------------------------------------------ the scan as a whole


TRICKY = [
    "İkke alle studier viser det. Kan ıkke du trene? ſtudier viser at 1 av 10 får det.",
    "Ta en pause. TA EN PAUSE. Tа en pause. Gjør det! \u212aontakt legen. Hold\u00a0stillingen i 30 sek.",
    "Det er viktig å trene. DET ER LURT å trene. Det er\tikke lurt. Mange tror det. Mange İkke tror det.",
    "Studien (Hansen 2019) viser 30 %. Kan [1] du trene 3 ganger i uka? Det meste tyder på at det hjelper.",
    "Risikoen for smerter øker med 30\u00a0prosent hos 1 200 pasienter. Risıkoen øker. 5 µg D-vitamin.",
    # "İ" matches "i" but folds to two characters: the shortcuts must not be taken here. (Inside a
    # cue's first word, "Rİsikoen for", the word index has never found it; that is not checked.)
    "Kan İkke du trene? Rİng legen nå. Det er İkke lurt. Kan\u00a0İKKE du?",
    # "ı" is "I" to the regex module ("IE" in a dose), not to its case fold.
    "Ta 5 ıE D-vitamin daglig. Gi 10 ıU.",
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sentences_scan_as_the_alternations_do_on_odd_text(lang):
    lexicon = load_lexicon(lang)
    rng = random.Random(lang + "odd")
    sentences = [sentence for sentence in _eval_sentences() if len(sentence) > 20][:300]
    texts = TRICKY + [" ".join(_mutate(sentence, rng) for sentence in rng.sample(sentences, 4)) for _ in range(25)]
    for text in texts:
        document = parse_document("article.md", text)
        document.lang = lang
        analysis = analyse(document, ClaimOptions())
        from heellint.claims.analysis import _blank_markers

        blanked = _blank_markers(document.prose, analysis.markers)
        spans = [(sentence.start, sentence.end) for sentence in document.sentences]
        found = lexicon.scan_sentences(document, blanked, spans, [(m.start, m.end) for m in analysis.markers])
        for (start, end), hits in zip(spans, found):
            assert hits == lexicon.scan_reference(blanked[start:end]), blanked[start:end]


def _score_reference(hits):
    """``score_hits`` as it was written before its shortcuts."""
    kept = []
    for hit in sorted(hits, key=lambda hit: (hit.start, -(hit.end - hit.start), -abs(hit.cue.weight))):
        if any(other.start <= hit.start and hit.end <= other.end for other in kept):
            continue
        kept.append(hit)
    seen = {}
    for hit in kept:
        if hit.cue not in seen:
            seen[hit.cue] = hit
    counted = sorted(seen.values(), key=lambda hit: (hit.start, hit.end))
    by_group = {}
    for hit in counted:
        by_group.setdefault(hit.cue.group, []).append(hit.cue.weight)
    value = 0.0
    for group in cues.POSITIVE_GROUPS:
        weights = sorted(by_group.get(group, ()), reverse=True)
        if weights:
            value += min(cues.GROUP_CAP, weights[0] + 0.5 * sum(weights[1:]))
    if "research" in by_group:
        counted = [hit for hit in counted if hit.cue.group != "hedge"]
    else:
        value += max(cues.HEDGE_FLOOR, sum(by_group.get("hedge", ())))
    value += max(cues.EXEMPT_FLOOR, sum(by_group.get("exempt", ())))
    return cues.Score(round(value, 2), tuple(counted))


def test_score_hits_as_before():
    rng = random.Random(3)
    lexicon = load_lexicon("nb")
    for _ in range(3000):
        hits = []
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 5, 8])):
            cue = rng.choice(lexicon.cues[:60] + lexicon.cues[-60:])
            start = rng.randrange(30)
            hits.append(CueHit(cue, start, start + rng.randrange(1, 12), cue.label))
        assert score_hits(hits) == _score_reference(hits)


def test_score_of_one_hit_as_before():
    """``score_hits``' shortcut for a single hit, for every cue and beyond the caps and floors."""
    odd = [Cue("research", "x", 5.0), Cue("absolute", "x", 4.0), Cue("hedge", "x", -2.0), Cue("hedge", "x", -0.25),
           Cue("exempt", "x", -4.5), Cue("exempt", "x", -0.333)]
    for cue in [cue for lang in LANGUAGES for cue in load_lexicon(lang).cues] + odd:
        hits = [CueHit(cue, 3, 9, cue.label)]
        assert score_hits(hits) == _score_reference(hits), cue


# ------------------------------------------------------------------ the lexicon cache


def _matcher_state(matcher) -> dict:
    names = ("slot", "rank", "at_word", "exact", "prefix", "digit", "start", "anchored", "everywhere", "second",
             "safe_second", "required", "prefix_lengths", "prefix_sorted")
    state = {name: getattr(matcher, name) for name in names}
    state["start_words"] = {index: None if first is None else (first.exact, first.prefixes, first.digit)
                            for index, first in matcher.start_words.items()}
    return state


def test_cached_lexicon_is_the_read_one(tmp_path, monkeypatch):
    monkeypatch.setenv("HEELLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("HEELLINT_CACHE", raising=False)
    try:
        for attempt in ("written", "read"):
            load_lexicon.cache_clear()
            lexicon = load_lexicon("nb")
            fresh = read_lexicon(cues.lexicon_path("nb"))
            assert lexicon == fresh
            assert _matcher_state(lexicon.matcher) == _matcher_state(cues._Matcher(fresh, _matcher_tables(fresh)))
            assert len(list(tmp_path.glob("claims-lexicon-*.marshal"))) == 1, attempt
        # A damaged entry is read as no entry.
        for entry in tmp_path.glob("claims-lexicon-*.marshal"):
            entry.write_bytes(b"\x00garbage")
        load_lexicon.cache_clear()
        assert load_lexicon("nb") == read_lexicon(cues.lexicon_path("nb"))
    finally:
        load_lexicon.cache_clear()


def test_shipped_yaml_reads_the_same_with_the_c_parser():
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in (ROOT / "rules" / "claims" / "sources.yaml", ROOT / "rules" / "metadata" / "metadata.yaml"):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=loader) == yaml.safe_load(text)


# ------------------------------------------------------------------ markers


CITATION_TEXT = [
    "Trening hjelper (1). Se også [2] og [^3].\nHansen et al. (2019) fant det¹. Og (Berg og Olsen, 2020; Li 2021).",
    "(1) Stå på ett ben.\n(2) Hold i 30 sekunder (n = 120) (30 %) m² 10⁶ ¹²³ ¹⁻³ ¹,³ [1, 2](#ref)",
    "Norge (2019) og Rapporten (2019). (mars 2020) (se ref. 3) (kilde 2) (refs. 1-3) [1]( [1][",
    "Mølgaard mfl. 2015 (Mølgaard mfl. 2015) (van der Berg, 2012a) (WHO 2020) (jf. Hansen 2019, s. 4-5)",
]


def test_marker_scan_range_keeps_every_match():
    rng = random.Random(9)
    texts = CITATION_TEXT + [_mutate(text, rng, 0.03) for text in CITATION_TEXT * 20]
    texts += _eval_sentences(800)
    pattern = markers._P.markers
    for text in texts:
        for start, end in ((0, len(text)), (3, len(text)), (0, max(0, len(text) - 5)), (len(text) // 2, len(text))):
            expected = [(m.lastgroup, m.span()) for m in pattern.finditer(text, start, end)]
            scan = markers._scan_range(text, start, end)
            got = [] if scan is None else [(m.lastgroup, m.span()) for m in pattern.finditer(text, *scan)]
            assert got == expected, (text, start, end)


def test_url_starts_and_sup_openings():
    rng = random.Random(4)
    pieces = ["https://doi.org/10.1111/sms.12313", "HTTP://PubMed.ncbi.nlm.nih.gov/1", "Www.fhi.no", "DOI: 10.1000/x",
              "doı:10.1234/ab", "10.10.1234/abc", "<SUP>1</sup>", "<sup>[2]</Sup>", "<su p>", "ſ", "İ"]
    for _ in range(400):
        source = " ".join(rng.choice(pieces + ["tekst", "(", ")", "\n", "a.", "10"]) for _ in range(rng.randrange(1, 12)))
        sups = [m.start() for m in markers._P.sup_opening.finditer(source)]
        for _ in range(6):
            start = rng.randrange(len(source) + 1)
            end = rng.randrange(start, len(source) + 1)
            if markers._P.url_starts.search(source, start, end) is None:
                assert list(markers._P.url.finditer(source, start, end)) == [], (source, start, end)
            assert markers._any_in(sups, start, end - 3) == ("<sup" in source[start:end].lower()), (source, start, end)


def test_source_hosts_as_a_set():
    known = markers.source_hosts()
    hosts = set()
    for host in known[:40]:
        hosts |= {host, "www." + host, "a.b." + host, "x" + host, host + ".evil.com", "." + host, host + "."}
    hosts |= {"", ".", "..", "localhost", "example.com"}
    for host in hosts:
        expected = any(host == k or host.endswith("." + k) for k in known)
        assert markers.is_source_url(f"https://{host}/path") == expected, host


# ------------------------------------------------------------------ metadata


def _dates_everywhere(document):
    """``_text_date`` without its prefilter: every block searched."""
    found = []
    for name in ("update", "published"):
        pattern = metadata._pattern(name)
        found.append([m.span() for block in document.blocks for m in pattern.finditer(document.prose, block.start, block.end)])
    return found


def test_label_places_hold_every_label_match():
    phrases = ("sist oppdatert", "oppdat* den", "last  updated", "rev*", "senast ändrad", "sidst ændret", "SIST Info")
    labels = metadata._Labels(phrases)
    assert labels.usable
    pattern = regex.compile(rf"(?<![\w])(?:{metadata._phrases(phrases)})", FLAGS)
    rng = random.Random(2)
    words = ["Sist", "oppdatert", "OPPDATERT", "oppdaterte", "den", "last", "updated", "rev", "revidert", "\t", " ", "ınfo",
             "  ", "Senast", "ändrad", "ÄNDRAD", "sidst", "ændret", "x", "_", "İ", "ı", "\u212a", "ſ", ":", "2024"]
    for _ in range(1500):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "\t", "\n"]) for _ in range(rng.randrange(1, 10)))
        places = labels.places(text)
        if places is None:
            assert len(text.casefold()) != len(text) or "ı" in text
            continue
        for position in range(len(text) + 1):
            if pattern.match(text, position):
                assert position in places, (text, position)


def test_text_dates_as_every_block_searched():
    rng = random.Random(8)
    data = metadata.load_metadata_data()
    labels = list(data.update_labels) + list(data.publication_labels)
    months = list(data.months)
    for _ in range(400):
        lines = []
        for _ in range(rng.randrange(1, 5)):
            date = rng.choice([f"{rng.randrange(1, 29)}. {rng.choice(months)} 2024", "2023-03-05", "5.3.2022",
                               f"{rng.choice(months).title()} 2021", "2019", "13.13.2020"])
            line = rng.choice(["", "*", "x", "Artikkelen er "]) + rng.choice(labels) + rng.choice([": ", " ", "", " den "]) + date
            lines.append(_mutate(line, rng, 0.02) if rng.random() < 0.4 else line)
        document = parse_document("a.md", "\n\n".join(lines) + "\n")
        fast = [[m.span() for m in metadata._label_matches(document, name)] for name in ("update", "published")]
        assert fast == _dates_everywhere(document), lines


def test_nothing_compiled_for_an_article_without_markers_or_labels():
    code = (
        "from heellint.parse import parse_document\n"
        "from heellint.claims import references, markers, metadata\n"
        "assert 'markers' not in vars(markers._P) and 'citation_parts' not in vars(markers._P)\n"
        "document = parse_document('a.md', '---\\nupdated: 2024-03-05\\n---\\n# Tittel\\n\\nTekst uten kilder. Sist sett i går.\\n')\n"
        "markers.find_markers(document)\n"
        "assert 'markers' not in vars(markers._P)\n"
        "assert metadata.find_update_date(document).year == 2024\n"
        "assert metadata._pattern.cache_info().currsize == 0\n"
        "document = parse_document('b.md', '# Tittel\\n\\nTekst. Sist sett i går.\\n')\n"
        "assert metadata.find_update_date(document) is None\n"
        "assert metadata._pattern.cache_info().currsize == 0\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_run_candidates_as_every_first_word_compared(lang):
    matcher = load_lexicon(lang).matcher
    runs = {run.casefold() for sentence in _eval_sentences() for run in regex.findall(r"\w+", sentence)}
    runs |= {text[:length] for text in matcher.prefix for length in range(1, len(text) + 2)}
    runs |= {text + "x" for text in matcher.exact} | {"1", "12abc", "ı", "i̇kke"}
    by_length: dict[int, dict[str, list[int]]] = {}
    for text, indexes in matcher.prefix.items():
        by_length.setdefault(len(text), {})[text] = indexes
    for run in runs:
        at = set(matcher.exact.get(run, ()))
        for length, prefixes in by_length.items():
            at.update(prefixes.get(run[:length], ()) if length <= len(run) else ())
        if run[:1].isdigit():
            at.update(matcher.digit)
        assert matcher.run_candidates(run) == (tuple(sorted(at)), tuple(matcher.anchored.get(run, ()))), run
