"""Claim cues: the per-language lexicons in ``rules/claims/<lang>.yaml`` and the scorer.

A lexicon lists cues in seven groups, each cue a literal phrase or a regular
expression with a weight:

- ``research``: a reported finding ("studier viser", "et randomiseret studie");
- ``effect``: an effect or a cause ("hjelper mot", "reduserer risikoen for");
- ``statistic``: figures on incidence, risk, recovery ("30 %", "1 av 10", "opptil 12");
- ``comparative``: comparative or superlative efficacy ("mer effektiv enn", "den bedste");
- ``absolute``: absolutes and safety promises ("alltid", "uten bivirkninger", "garanteret");
- ``hedge`` (negative weights): "kan", "sannsynligvis", "tyder på", "muligvis";
- ``exempt`` (negative weights): advice, instructions, calls to action and definitions.

Literal phrases match whole words, case-insensitively, with any run of blanks
between words and one optional adverb after the first word ("bidrar også til",
"hjelper ikke mot"); a word ending in ``*`` matches any ending ("forebygg*").
Regular expressions (``regex: true``) are used as written, wrapped only in a
word-start guard; they may not contain capturing groups. A regular expression
that does not begin with a word (``,\\s*(?:sier|...)``) lists ``anchors``: words
of which one must occur in a sentence for the cue to be searched in it.

The score of a sentence: for each positive group, its strongest cue plus half
of the others, capped at ``GROUP_CAP``; plus the hedges (never below
``HEDGE_FLOOR``, and ignored when a research cue fired: a hedged research claim
still needs its source); plus the exemptions (never below ``EXEMPT_FLOOR``).
A sentence is a claim when its score reaches the threshold (``claims:
{threshold: ...}``, default ``DEFAULT_THRESHOLD``).

Matching behaves as if every group's cues were one alternation scanned over the
sentence with overlapping matches: at one position a group counts its heaviest
matching cue; a cue lying inside a longer hit of any group counts once. It is
not done that way (every alternative tried at every position, and the
alternations slow to compile: ``scan_reference`` still does it, for the tests). Instead each cue is reduced, once, to what the first word of a match
must look like (``_first_words``: "exactly 'studier'", "starts with 'forebygg'",
"starts with a digit", "at the sentence start"), and the document's word index
gives the places where such a word occurs; only there is the cue tried (a match
at that offset). A cue whose first word cannot be derived (", sier hun")
names ``anchors``: words of which one must occur in the sentence before the cue
is searched in it. Nothing is compiled at import or when a lexicon loads.

Trying a cue costs little: a literal cue is matched by ``_Literal`` without its
pattern (character by character, ignoring case as the regex module does); a
regular expression is compiled the first time it is tried, and is not tried in
a sentence that lacks the texts every match of it holds (``_required``: "av" for
"X av Y", a unit for a dose). A cue anchored at the start (``^\\W*(?:ta|...)``)
is tried only where the sentence's first word is one of its words.

Some of these shortcuts compare case-folded text, which says what the regex
module finds equal only for some letters (``_CASE_SAFE``: "İ" matches "i" but
folds to two characters); where a text holds others, the cue is tried as if
there were no shortcut, so the hits never depend on them. ``load_lexicon`` keeps
the checked cues and the matcher's tables in heellint's disk cache.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from heellint.core.yamlio import DataError, read_located

if TYPE_CHECKING:
    from heellint.core.document import Document

GROUPS = ("research", "effect", "statistic", "comparative", "absolute", "hedge", "exempt")
POSITIVE_GROUPS = ("research", "effect", "statistic", "comparative", "absolute")
DEFAULT_THRESHOLD = 1.75
GROUP_CAP = 4.0
HEDGE_FLOOR = -1.5
EXEMPT_FLOOR = -4.0
_WORD_START = r"(?<![\w])"
_WORD_END = r"(?![\w])"
_GAP = r"[\s\u00a0]+"
# A multi-word literal cue also matches with one of these adverbs after its first word:
# "bidrar også til", "hjelper ikke mot", "hænger dog sammen", "helps also with".
_ADVERBS = (
    "også", "òg", "ofte", "dessuten", "derfor", "faktisk", "ikke", "ikkje", "bare", "berre", "kun", "særlig",
    "især", "dog", "jo", "nok", "altså", "heller", "ogå", "också", "ofta", "dessutom", "bara", "endast",
    "faktiskt", "inte", "även", "särskilt", "also", "often", "even", "actually", "not", "only", "therefore",
    "generally", "generelt", "typisk", "typiskt", "typically", "klart", "clearly",
)
_ADVERB_SLOT = r"(?:" + _GAP + r"(?:" + "|".join(sorted(_ADVERBS, key=len, reverse=True)) + r"))?"


@dataclass(frozen=True, slots=True)
class Cue:
    group: str
    cue: str  # the phrase or the regular expression, as written in the lexicon
    weight: float
    regex: bool = False
    name: str | None = None  # shown instead of a regex

    @property
    def label(self) -> str:
        return self.name or self.cue


@dataclass(frozen=True, slots=True)
class CueHit:
    cue: Cue
    start: int  # offsets into the scored text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Score:
    value: float
    hits: tuple[CueHit, ...]  # the cues that counted (one hit per cue), in text order

    @property
    def groups(self) -> frozenset[str]:
        return frozenset(hit.cue.group for hit in self.hits)

    @property
    def research(self) -> bool:
        return "research" in self.groups

    def describe(self) -> str:
        """"'studier viser' (research +3), 'kan' (hedge -0.5)"."""
        parts = []
        for hit in self.hits:
            weight = hit.cue.weight
            parts.append(f"'{hit.text}' ({hit.cue.group} {'+' if weight >= 0 else ''}{_number(weight)})")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    source: str
    cues: tuple[Cue, ...]
    anchors: tuple[tuple[str, ...], ...] = ()  # per cue (may be shorter than ``cues``): its ``anchors``
    _lazy: dict = field(default_factory=dict, compare=False, repr=False)  # the matcher, built on first use

    @property
    def matcher(self) -> "_Matcher":
        matcher = self._lazy.get("matcher")
        if matcher is None:
            matcher = self._lazy["matcher"] = _Matcher(self)
        return matcher

    @property
    def patterns(self) -> tuple[regex.Pattern, ...]:
        """The group alternations the cues are defined by (compiled on first use; only
        ``scan_reference`` runs them, to check the matcher against)."""
        patterns = self._lazy.get("patterns")
        if patterns is None:
            patterns = self._lazy["patterns"] = _compile(list(self.cues))
        return patterns

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Every cue that fires in ``text[start:end]`` (overlapping matches included)."""
        end = len(text) if end is None else end
        return self.matcher.scan_text(text, start, end)

    def scan_reference(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """``scan`` done the slow way: the group alternations scanned with overlapping matches."""
        end = len(text) if end is None else end
        hits = []
        cues = self.cues
        for pattern in self.patterns:
            for match in pattern.finditer(text, start, end, overlapped=True):
                name = match.lastgroup
                if name is None or match.start() == match.end():
                    continue
                cue = cues[int(name[1:])]
                hits.append(CueHit(cue, match.start(), match.end(), " ".join(match.group().split())))
        return hits

    def scan_sentences(self, document: "Document", text: str, spans: list[tuple[int, int]],
                       blanked: list[tuple[int, int]] = ()) -> list[list[CueHit]]:
        """``scan(text[start:end])`` for every (start, end) of ``spans`` (ordered, disjoint), found
        through ``document.word_index``. ``text`` is ``document.prose``, or a copy of it with the
        ranges ``blanked`` replaced by spaces. Hit offsets are relative to each span's start."""
        return self.matcher.scan_sentences(document, text, spans, list(blanked))

    def score(self, text: str, start: int = 0, end: int | None = None) -> Score:
        return score_hits(self.scan(text, start, end))


def score_hits(hits: list[CueHit]) -> Score:
    if not hits:
        return _NO_SCORE  # what the rest gives: 0.0 and no hits
    # A cue inside a longer one counts once ("liten effekt" holds "effekt"; "mye tyder på" holds "tyder på").
    if len(hits) == 1:
        kept = hits
    else:
        kept = []
        for hit in sorted(hits, key=_hit_order):
            start, end = hit.start, hit.end
            for other in kept:
                if other.start <= start and end <= other.end:
                    break
            else:
                kept.append(hit)
    seen: dict[Cue, CueHit] = {}
    for hit in kept:
        if hit.cue not in seen:
            seen[hit.cue] = hit
    counted = sorted(seen.values(), key=lambda hit: (hit.start, hit.end))
    by_group: dict[str, list[float]] = {}
    for hit in counted:
        by_group.setdefault(hit.cue.group, []).append(hit.cue.weight)
    value = 0.0
    for group in POSITIVE_GROUPS:
        weights = sorted(by_group.get(group, ()), reverse=True)
        if weights:
            value += min(GROUP_CAP, weights[0] + 0.5 * sum(weights[1:]))
    if "research" in by_group:
        counted = [hit for hit in counted if hit.cue.group != "hedge"]
    else:
        value += max(HEDGE_FLOOR, sum(by_group.get("hedge", ())))
    value += max(EXEMPT_FLOOR, sum(by_group.get("exempt", ())))
    return Score(round(value, 2), tuple(counted))


def _hit_order(hit: CueHit) -> tuple[int, int, float]:
    return hit.start, -(hit.end - hit.start), -abs(hit.cue.weight)


_NO_SCORE = Score(0.0, ())


def _number(value: float) -> str:
    return f"{value:g}"


# ------------------------------------------------------------------ loading


def lexicon_path(lang: str) -> Path:
    from heellint.resources import rules_dir

    return rules_dir() / "claims" / f"{lang}.yaml"


@lru_cache(maxsize=16)
def load_lexicon(lang: str) -> Lexicon | None:
    """The lexicon of ``lang`` (None when no file exists), read once, with its matcher.

    Reading and checking the YAML and deriving the matcher's tables take about 20 ms, a good part
    of checking one small file; heellint's disk cache (``core.diskcache``) keeps the cues and the
    tables, which load in about a millisecond. The entry is keyed by the lexicon file's state and
    by this module's and the regex module's (the tables come from their code), and anything
    wrong with it means reading the YAML: the cache makes a run faster, never different."""
    path = lexicon_path(lang)
    if not path.is_file():
        return None
    from heellint.core.diskcache import MISSING, Entry

    entry = Entry(path, "claims-lexicon", ".marshal", _cache_state())
    cached = entry.read_marshal()
    if cached is not MISSING:
        lexicon = _from_cache(cached)
        if lexicon is not None:
            return lexicon
    lexicon = read_lexicon(path)
    tables = _matcher_tables(lexicon)
    lexicon._lazy["matcher"] = _Matcher(lexicon, tables)
    entry.write_marshal((
        _CACHE_FORMAT, lexicon.lang, lexicon.source,
        [(cue.group, cue.cue, cue.weight, cue.regex, cue.name) for cue in lexicon.cues],
        [list(words) for words in lexicon.anchors], tables,
    ))
    return lexicon


_CACHE_FORMAT = 3


def _cache_state() -> str:
    """What the cached tables depend on besides the lexicon file: this module, the regex
    module and Python (their parsers and Unicode tables)."""
    import sys

    try:
        status = Path(__file__).stat()
        module = f"{status.st_size}:{status.st_mtime_ns}"
    except OSError:
        module = "?"
    return f"{_CACHE_FORMAT}\0{module}\0{getattr(regex, '__version__', '?')}\0{sys.version}"


def _from_cache(value) -> Lexicon | None:
    try:
        form, lang, source, cues, anchors, tables = value
        if form != _CACHE_FORMAT:
            return None
        lexicon = Lexicon(lang, source, tuple(Cue(*cue) for cue in cues), tuple(tuple(words) for words in anchors))
        lexicon._lazy["matcher"] = _Matcher(lexicon, tables)
        return lexicon
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return None


def literal_pattern(phrase: str, adverbs: bool = True) -> str:
    """The pattern of a literal cue; without the adverb slot when ``adverbs`` is false (the same
    matches wherever the word after the first is not one of the adverbs)."""
    words = phrase.split()
    pieces = []
    for word in words:
        if word.endswith("*") and len(word) > 1:
            pieces.append(regex.escape(word[:-1]) + r"\w*")
        else:
            pieces.append(regex.escape(word))
    slot = _ADVERB_SLOT if adverbs else ""
    body = pieces[0] + slot + _GAP + _GAP.join(pieces[1:]) if len(pieces) > 1 else "".join(pieces)
    last = words[-1] if words else ""
    tail = "" if last.endswith("*") or not (last[-1:].isalnum()) else _WORD_END
    head = _WORD_START if words and words[0][:1].isalnum() else ""
    return head + body + tail


def read_lexicon(path: Path) -> Lexicon:
    data, located = read_located(str(path))
    if not isinstance(data, dict):
        raise DataError(str(path), 1, "a claim lexicon is a mapping with 'lang', 'source' and 'cues'")
    for key in data:
        if key not in ("lang", "source", "design", "cues"):
            raise located.error((key,), f"unknown key '{key}' (known: lang, source, design, cues)")
    lang = data.get("lang")
    if not isinstance(lang, str):
        raise located.error(("lang",), "'lang' must name the language")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise located.error(("source",), "'source' must name where the guidance comes from")
    groups = data.get("cues")
    if not isinstance(groups, dict):
        raise located.error(("cues",), "'cues' must map groups to lists of cues")
    cues: list[Cue] = []
    cue_anchors: list[tuple[str, ...]] = []
    for group, entries in groups.items():
        if group not in GROUPS:
            raise located.error(("cues", group), f"unknown group '{group}' (known: {', '.join(GROUPS)})")
        if not isinstance(entries, list):
            raise located.error(("cues", group), "a group is a list of cues")
        for index, entry in enumerate(entries):
            keys = ("cues", group, index)
            if not isinstance(entry, dict) or "cue" not in entry or "weight" not in entry:
                raise located.error(keys, "a cue is a mapping with 'cue' and 'weight'")
            unknown = set(entry) - {"cue", "weight", "regex", "name", "note", "anchors"}
            if unknown:
                raise located.error(keys, f"unknown key(s) {', '.join(sorted(unknown))}")
            text, weight = entry["cue"], entry["weight"]
            if not isinstance(text, str) or not text.strip():
                raise located.error(keys, "'cue' must be a non-empty string")
            if isinstance(weight, bool) or not isinstance(weight, (int, float)):
                raise located.error(keys, "'weight' must be a number")
            if group in ("hedge", "exempt") and weight >= 0:
                raise located.error(keys, f"a {group} cue lowers the score: its weight must be negative")
            if group in POSITIVE_GROUPS and weight <= 0:
                raise located.error(keys, f"a {group} cue raises the score: its weight must be positive")
            if unicodedata.normalize("NFC", text) != text:
                raise located.error(keys, "cue is not in Unicode NFC")
            is_regex = bool(entry.get("regex", False))
            if is_regex:
                # Checked without compiling (a cue is compiled when first tried): with ``re``'s
                # parser, or the regex module's compiler for syntax only it knows (\p{Lu}).
                parsed = _parse(text)
                if parsed is not None:
                    groups = parsed.state.groups - 1
                else:
                    try:
                        groups = regex.compile(text, regex.IGNORECASE | regex.VERSION0).groups
                    except regex.error as error:
                        raise located.error(keys, f"invalid regular expression {text!r}: {error}") from None
                if groups:
                    raise located.error(keys, "use (?:...) in cue regexes: capturing groups are not allowed")
            anchors = entry.get("anchors", [])
            if (not isinstance(anchors, list)
                    or not all(isinstance(word, str) and _RUN.fullmatch(word) for word in anchors)):
                raise located.error(keys, "'anchors' must be a list of words")
            if anchors and not is_regex:
                raise located.error(keys, "'anchors' are for regex cues (a literal cue is found by its words)")
            cues.append(Cue(group, text, float(weight), is_regex, entry.get("name")))
            cue_anchors.append(tuple(word.casefold() for word in anchors))
    return Lexicon(lang, source.strip(), tuple(cues), tuple(cue_anchors))


def _starts_at_word(cue: Cue) -> bool:
    """Does every match of the cue begin a word? (Then the word-start guard is shared.)"""
    if not cue.regex:
        return cue.cue[:1].isalnum()
    return not cue.cue.startswith(("^", "\\W", "\\s", "\\b")) and (cue.cue[:1].isalnum() or cue.cue[:1] in "(\\")


def _compile(cues: list[Cue]) -> tuple[regex.Pattern, ...]:
    patterns = []
    for group in GROUPS:
        # At one position an alternation takes the first alternative that matches: the
        # heaviest cue first ("mer effektiv*" before the weaker "mer ... enn"), then the longest.
        members = [index for index, cue in enumerate(cues) if cue.group == group]
        members.sort(key=lambda index: (-abs(cues[index].weight), -len(cues[index].cue), index))
        at_word = [index for index in members if _starts_at_word(cues[index])]
        anywhere = [index for index in members if index not in at_word]
        # The word-start guard sits once in front of the alternation, so the scan rejects
        # most positions at once (ten times faster than a guard per alternative).
        if at_word:
            bodies = "|".join(f"(?P<c{index}>{_body(cues[index])})" for index in at_word)
            patterns.append(regex.compile(_WORD_START + "(?:" + bodies + ")", regex.IGNORECASE | regex.VERSION0))
        if anywhere:
            bodies = "|".join(f"(?P<c{index}>{_body(cues[index])})" for index in anywhere)
            patterns.append(regex.compile(bodies, regex.IGNORECASE | regex.VERSION0))
    return tuple(patterns)


def _body(cue: Cue, adverbs: bool = True) -> str:
    if cue.regex:
        return "(?:" + cue.cue + ")"
    body = literal_pattern(cue.cue, adverbs)
    return body[len(_WORD_START):] if body.startswith(_WORD_START) else body


# ------------------------------------------------------------------ matching through the word index

_FLAGS = regex.IGNORECASE | regex.VERSION0
_RUN = regex.compile(r"\w+")  # a word as the cue patterns' guards see it (the regex module's \w)
_WORD_CHAR = regex.compile(r"\w")
_MAX_FIRST_WORDS = 400

# Kinds of first word (see ``_first_words``).
_EXACT = "exact"  # the match's first \w-run is exactly this text
_PREFIX = "prefix"  # ... starts with this text
_DIGIT = "digit"  # ... starts with a digit
_START = "start"  # the match starts the scored text ('^')
_ANY = "any"  # nothing known


def _sre_constants():
    try:
        from re import _constants as sre  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_constants as sre  # type: ignore[no-redef]
    return sre


@lru_cache(maxsize=4096)
def _parse(pattern: str):
    """``re``'s parse tree of a cue regex (case-insensitive), or None when ``re`` cannot read it."""
    import re

    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_parse  # type: ignore[no-redef]
    try:
        return sre_parse.parse(pattern, re.IGNORECASE)
    except Exception:  # noqa: BLE001 - re.error, or a recursion/overflow on odd input
        return None


def _first_words_of_phrase(phrase: str) -> frozenset[tuple[str, str]]:
    """``_first_words`` of a literal phrase, read off its first word (see ``literal_pattern``)."""
    words = phrase.split()
    if not words:
        return frozenset({(_ANY, "")})
    first = words[0]
    wildcard = first.endswith("*") and len(first) > 1
    if wildcard:
        first = first[:-1]
    stem = ""
    for char in first:
        if not _is_word_char(char):
            # The run ends here unless the character is a word character of another kind ("_").
            kind = _PREFIX if _WORD_CHAR.match(char) else _EXACT
            return frozenset({(kind, stem)}) if stem else frozenset({(_ANY, "")})
        stem += char.casefold()
    if wildcard:
        return frozenset({(_PREFIX, stem)})
    return frozenset({(_EXACT, stem)})


def _first_words(cue: Cue) -> frozenset[tuple[str, str]]:
    """What the first word of every match of ``cue`` looks like: a set of (kind, case-folded text).

    A necessary condition only (a match is confirmed by the cue's own pattern), derived from the
    pattern's parse tree: the literal characters a match must begin with, up to the first element
    that is not a literal. Lookarounds are skipped (they consume nothing). ``(_ANY, "")`` when the
    pattern does not start with a word, or cannot be parsed by ``re``.
    """
    if not cue.regex:
        return _first_words_of_phrase(cue.cue)
    parsed = _parse(cue.cue)
    if parsed is None:  # syntax only the regex module knows (\p{Lu}, ...)
        return frozenset({(_ANY, "")})
    return _first_words_of_items(list(parsed.data))


def _first_words_of_items(items: list) -> frozenset[tuple[str, str]]:
    """``_first_words`` of a sequence of ``re`` parse-tree items."""
    sre = _sre_constants()
    found: set[tuple[str, str]] = set()

    def close(prefixes: set[str], kind: str) -> None:
        for prefix in prefixes:
            found.add((kind, prefix) if prefix else (_ANY, ""))

    def non_word_class(items: list) -> bool:
        """Does the character class match only characters that cannot continue a word?"""
        for op, av in items:
            if op is sre.LITERAL:
                if _WORD_CHAR.match(chr(av)):
                    return False
            elif op is sre.CATEGORY:
                if av not in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
                    return False
            else:
                return False
        return True

    def walk(items, prefixes: set[str]) -> set[str]:
        """Extend the open prefixes through ``items``; record the ones that end; return the open ones."""
        for op, av in items:
            if not prefixes:
                return prefixes
            if len(prefixes) > _MAX_FIRST_WORDS:
                close(prefixes, _PREFIX)
                return set()
            if op is sre.LITERAL:
                char = chr(av)
                if _is_word_char(char):
                    folded = char.casefold()
                    prefixes = {prefix + folded for prefix in prefixes}
                else:
                    close(prefixes, _PREFIX if _WORD_CHAR.match(char) else _EXACT)
                    return set()
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                continue
            elif op is sre.AT:
                if av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                    for prefix in prefixes:
                        found.add((_START, "") if not prefix else (_PREFIX, prefix))
                    return set()
                close(prefixes, _EXACT if av == sre.AT_BOUNDARY else _PREFIX)
                return set()
            elif op is sre.SUBPATTERN:
                prefixes = walk(av[-1], prefixes)
            elif op is sre.BRANCH:
                merged: set[str] = set()
                for alternative in av[1]:
                    merged |= walk(alternative, set(prefixes))
                prefixes = merged
            elif op is sre.IN and all(item_op is sre.LITERAL for item_op, _ in av):
                merged = set()
                for _, code in av:
                    merged |= walk([(sre.LITERAL, code)], set(prefixes))
                prefixes = merged
            elif op is sre.IN and non_word_class(av):
                close(prefixes, _EXACT)
                return set()
            elif op is sre.IN and av == [(sre.CATEGORY, sre.CATEGORY_DIGIT)]:
                for prefix in prefixes:
                    found.add((_DIGIT, "") if not prefix else (_PREFIX, prefix))
                return set()
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
                low, high, sub = av
                if high == 0:
                    continue
                taken = walk(sub, set(prefixes))
                if high != 1:
                    close(taken, _PREFIX)  # it may go on: what follows is not known
                    taken = set()
                prefixes = (prefixes | taken) if low == 0 else taken
            else:
                close(prefixes, _PREFIX)
                return set()
        return prefixes

    close(walk(items, {""}), _PREFIX)
    if any(kind == _ANY for kind, _ in found):
        return frozenset({(_ANY, "")})
    return frozenset(found)


_ADVERB_SET = frozenset(adverb.casefold() for adverb in _ADVERBS)


def _second_word(cue: Cue) -> str | None:
    """How the word after the first word of a literal phrase begins (case-folded), if known.

    After its first word a phrase has blanks, then an adverb or its second word (``literal_pattern``),
    so the document's next word is an adverb or begins with the second word's letters up to the
    first character that is not a letter or a digit.
    """
    if cue.regex:
        return None
    words = cue.cue.split()
    if len(words) < 2 or not words[0][:1].isalnum() or not all(_is_word_char(char) for char in words[0].rstrip("*")):
        return None
    if words[0].endswith("*"):
        return None  # "forebygg* mot": the first word goes on, the next word is not known
    stem = ""
    for char in words[1]:
        if not _is_word_char(char):
            break
        stem += char.casefold()
    return stem or None


# Characters on which ignoring case means the same to the regex module and to ``str.casefold``:
# the letters and digits of Latin-1 (but "ß", whose case fold is two letters) and the joiners of
# a word. Matching one against another, the regex module finds them equal exactly when their case
# folds are equal, and a case fold keeps their number and their being ``\\w`` (a test checks each
# pair). Elsewhere ("İ" matches "i" but folds to "i̇") the word index may not tell what a pattern
# finds, and the cues are tried as they always were.
_CASE_SAFE = frozenset(chr(code) for code in range(0x100) if chr(code).isalnum() or chr(code) in "-'") - {"ß"} | {"’"}
_CASE_UNSAFE = re.compile("[^" + "".join(re.escape(char) for char in sorted(_CASE_SAFE)) + "]")


def _case_safe(text: str) -> bool:
    if text.isascii() and text.isalnum():
        return True  # ASCII letters and digits are all safe
    return _CASE_UNSAFE.search(text) is None


def _start_words(cue: Cue) -> frozenset[tuple[str, str]] | None:
    """For a cue ``^\\W*X`` (anchored at the start of the text, after any non-word characters):
    what the first ``\\w``-run of the text must look like for it to match (``_first_words`` of
    ``X``: exact words, word starts or a digit), or None when that is not known. ``X`` begins
    with a word character, so it can only start where the first run does."""
    if not cue.regex:
        return None
    parsed = _parse(cue.cue)
    if parsed is None or not all(_case_safe(char) for char in cue.cue if char.isalpha()):
        return None
    sre = _sre_constants()
    items = list(parsed.data)
    if len(items) < 3 or items[0] != (sre.AT, sre.AT_BEGINNING):
        return None
    op, av = items[1]
    if op is not sre.MAX_REPEAT or av[0] != 0 or av[1] != sre.MAXREPEAT or list(av[2]) != [
        (sre.IN, [(sre.CATEGORY, sre.CATEGORY_NOT_WORD)])
    ]:
        return None
    first = _first_words_of_items(items[2:])
    if not first or any(kind not in (_EXACT, _PREFIX, _DIGIT) or (kind != _DIGIT and not text)
                        or (text and not _case_safe(text)) for kind, text in first):
        return None
    return first


# Characters a required literal (``_required``) may hold: those that fold as the regex module
# compares them (``_CASE_SAFE``), and the caseless ASCII characters.
_FOLDABLE = _CASE_SAFE | frozenset(chr(code) for code in range(0x20, 0x7F) if not chr(code).isalpha())


def _required(cue: Cue) -> tuple[tuple[str, ...], ...]:
    """Texts (case-folded) a match of a regex cue must hold: for each entry, one of its texts.

    Read off the parse tree: a run of literal characters outside any optional part, or the
    leading literals of every alternative of a branch there ("\\s+av\\s+", "(?:uker|måneder)"). A
    sentence that folds letter by letter (see ``_Matcher._confirm``) and holds none of an entry's
    texts has no match: the cue is neither compiled nor tried there."""
    if not cue.regex:
        return ()
    parsed = _parse(cue.cue)
    if parsed is None:
        return ()
    sre = _sre_constants()
    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))
    needs: list[tuple[str, ...]] = []

    def leading(items) -> str:
        text = ""
        for op, av in items:
            if op is not sre.LITERAL:
                break
            text += chr(av)
        return text

    def collect(items) -> None:
        run = ""
        for op, av in list(items) + [(None, None)]:
            if op is sre.LITERAL:
                run += chr(av)
                continue
            if run:
                needs.append((run,))
                run = ""
            if op is sre.BRANCH:
                texts = tuple(leading(alternative) for alternative in av[1])
                if all(texts):
                    needs.append(texts)
            elif op is sre.SUBPATTERN:
                collect(av[-1])
            elif op in repeats and av[0] >= 1:
                collect(av[2])

    collect(parsed.data)
    if any("{" in text for texts in needs for text in texts):
        return ()  # "{e<=1}" is a literal to ``re`` and a fuzzy match to the regex module
    usable = [tuple(sorted({text.casefold() for text in texts})) for texts in needs
              if all(char in _FOLDABLE for text in texts for char in text)]
    # The most telling entry first (the one whose shortest text is longest): a sentence usually
    # lacks it, and the others are not looked at.
    usable.sort(key=lambda texts: -min(len(text) for text in texts))
    return tuple(usable)


def _is_word_char(char: str) -> bool:
    """A character that extends a first word: a word character for the regex module and for the
    document's word splitter (letters and digits). Any other character ends it."""
    return char.isalnum() and bool(_WORD_CHAR.match(char))


_GAP_RUN = regex.compile(_GAP)
_BLANK = regex.compile(r"[\s\u00a0]")  # one character of ``_GAP``
_SAME: dict[tuple[str, str], bool] = {}  # (pattern character, text character) -> equal ignoring case
_IS_WORD: dict[str, bool] = {}  # character -> the regex module's \w


def _same(pattern_char: str, text_char: str) -> bool:
    """Does ``pattern_char`` of a case-insensitive pattern match ``text_char``? Asked of the
    regex module itself (once per pair): its case-insensitive literals compare character by
    character (without full case folding "ss" does not match "ß")."""
    key = (pattern_char, text_char)
    same = _SAME.get(key)
    if same is None:
        same = _SAME[key] = regex.fullmatch(regex.escape(pattern_char), text_char, _FLAGS) is not None
    return same


def _is_word(char: str) -> bool:
    word = _IS_WORD.get(char)
    if word is None:
        word = _IS_WORD[char] = _WORD_CHAR.match(char) is not None
    return word


def _chars(text: str) -> tuple[str, str | None]:
    """A literal to match case-insensitively: (the text, its lower case when it is ASCII)."""
    return text, (text.lower() if text.isascii() else None)


def _literal_at(text: str, position: int, end: int, chars: tuple[str, str | None]) -> int:
    """End of ``chars`` matched case-insensitively at ``position`` (before ``end``), or -1."""
    literal, lowered = chars
    stop = position + len(literal)
    if stop > end:
        return -1
    piece = text[position:stop]
    if piece != literal:
        if lowered is not None and piece.isascii():
            # ASCII against ASCII: equal ignoring case is equal in lower case (a test checks
            # every pair against the regex module).
            return stop if piece.lower() == lowered else -1
        for pattern_char, text_char in zip(literal, piece):
            if pattern_char != text_char and not _same(pattern_char, text_char):
                return -1
    return stop


# ``_ADVERB_SLOT``'s alternatives in its order, by length: an adverb is followed by a blank, so
# only those as long as the text up to the next blank can be it.
_ADVERBS_BY_LENGTH: dict[int, tuple[tuple[str, str | None], ...]] = {}
for _adverb in sorted(_ADVERBS, key=len, reverse=True):
    _ADVERBS_BY_LENGTH[len(_adverb)] = _ADVERBS_BY_LENGTH.get(len(_adverb), ()) + (_chars(_adverb),)
del _adverb


class _Literal:
    """The pattern of a literal cue (``literal_pattern``, behind the word-start guard when the cue
    has it) matched without compiling it: the words in order, case-insensitively, a ``*`` word
    with any ``\\w`` ending, blanks between words and, in the pattern with the adverb slot, one
    of ``_ADVERBS`` after the first word. Tried in the order the regex engine backtracks: each
    adverb (in the slot's order) and then none; nothing else can backtrack (a ``\\w*`` ending or
    a run of blanks is followed by a blank or by a word, never by what it gave back)."""

    __slots__ = ("words", "guard", "tail")

    def __init__(self, cue: Cue, guard: bool) -> None:
        words = cue.cue.split()
        self.words = tuple((_chars(word[:-1]), True) if word.endswith("*") and len(word) > 1 else (_chars(word), False)
                           for word in words)
        self.guard = guard  # the word-start guard
        last = words[-1]
        self.tail = not (last.endswith("*") or not last[-1:].isalnum())  # the word-end guard

    def match(self, text: str, position: int, end: int, adverbs: bool) -> int:
        """End of the match at ``position`` (``pattern.match(text, position, end)``), or -1."""
        if self.guard and position > 0 and _is_word(text[position - 1]):
            return -1  # a lookbehind sees the text before ``position``
        words = self.words
        after = self._word(text, position, end, words[0])
        if after < 0:
            return -1
        if len(words) == 1:
            return self._tail(text, after, end)
        if adverbs:
            gap = _GAP_RUN.match(text, after, end)
            if gap is not None:
                adverb_start = gap.end()
                blank = _BLANK.search(text, adverb_start, end)
                if blank is not None:
                    for adverb in _ADVERBS_BY_LENGTH.get(blank.start() - adverb_start, ()):
                        adverb_end = _literal_at(text, adverb_start, end, adverb)
                        if adverb_end >= 0:
                            found = self._rest(text, adverb_end, end)
                            if found >= 0:
                                return found
        return self._rest(text, after, end)

    def _rest(self, text: str, position: int, end: int) -> int:
        for word in self.words[1:]:
            gap = _GAP_RUN.match(text, position, end)
            if gap is None:
                return -1
            position = self._word(text, gap.end(), end, word)
            if position < 0:
                return -1
        return self._tail(text, position, end)

    def _tail(self, text: str, position: int, end: int) -> int:
        if self.tail and position < end and _is_word(text[position]):
            return -1  # a lookahead sees nothing from ``end`` on
        return position

    @staticmethod
    def _word(text: str, position: int, end: int, word: tuple[tuple[str, str | None], bool]) -> int:
        chars, wildcard = word
        position = _literal_at(text, position, end, chars)
        if position >= 0 and wildcard:
            run = _RUN.match(text, position, end)
            if run is not None:
                position = run.end()
        return position


class _FirstRun:
    """``_first_words`` as lookups: does a case-folded run begin a match?"""

    __slots__ = ("exact", "prefixes", "digit")

    def __init__(self, kinds: frozenset[tuple[str, str]]) -> None:
        self.exact = frozenset(text for kind, text in kinds if kind == _EXACT)
        self.prefixes = tuple(sorted({text for kind, text in kinds if kind == _PREFIX}))
        self.digit = any(kind == _DIGIT for kind, _ in kinds)

    def fits(self, run: str) -> bool:
        return (run in self.exact or (self.digit and run[:1].isdigit())
                or (bool(self.prefixes) and run.startswith(self.prefixes)))


_NO_CANDIDATES: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())


def _holds(folded: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Does ``folded`` hold one text of each entry of ``needs``?"""
    for texts in needs:
        for text in texts:
            if text in folded:
                break
        else:
            return False
    return True


def _matcher_tables(lexicon: Lexicon) -> dict:
    """What ``_Matcher`` derives from a lexicon, as plain data (``load_lexicon`` keeps it in
    heellint's disk cache): the cues' places in the alternations and their first words."""
    cues = lexicon.cues
    slots: list[int] = [0] * len(cues)
    ranks: list[int] = [0] * len(cues)
    guarded_at: list[bool] = [False] * len(cues)
    slot = 0
    for group in GROUPS:
        members = [index for index, cue in enumerate(cues) if cue.group == group]
        members.sort(key=lambda index: (-abs(cues[index].weight), -len(cues[index].cue), index))
        at_word = [index for index in members if _starts_at_word(cues[index])]
        anywhere = [index for index in members if index not in at_word]
        for part, guarded in ((at_word, True), (anywhere, False)):
            if not part:
                continue
            for rank, index in enumerate(part):
                slots[index] = slot
                ranks[index] = rank
                guarded_at[index] = guarded
            slot += 1
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}
    digit: list[int] = []
    start: list[int] = []
    anchored: dict[str, list[int]] = {}
    everywhere: list[int] = []
    anchors = lexicon.anchors
    for index, cue in enumerate(cues):
        words = anchors[index] if index < len(anchors) else ()
        if words:
            for word in words:
                anchored.setdefault(word, []).append(index)
            continue
        first = _first_words(cue)
        if (_ANY, "") in first or (not guarded_at[index] and any(kind != _START for kind, _ in first)):
            # Without the word-start guard a match may begin inside a word: no first word to look up.
            everywhere.append(index)
            continue
        for kind, text in sorted(first):
            if kind == _EXACT:
                exact.setdefault(text, []).append(index)
            elif kind == _PREFIX:
                prefix.setdefault(text, []).append(index)
            elif kind == _DIGIT:
                digit.append(index)
            elif kind == _START:
                start.append(index)
    second = [_second_word(cue) for cue in cues]
    start_words = {}
    for index in start:
        kinds = _start_words(cues[index])
        start_words[index] = None if kinds is None else sorted(kinds)
    safe_second = all(_case_safe(adverb) for adverb in _ADVERBS) and all(
        stem is None or (_case_safe(stem) and _case_safe(cue.cue.split()[1][:len(stem)]))
        for stem, cue in zip(second, cues)
    )
    return {"slot": slots, "rank": ranks, "at_word": guarded_at, "exact": exact, "prefix": prefix, "digit": digit,
            "start": start, "anchored": anchored, "everywhere": everywhere, "second": second,
            "start_words": start_words, "safe_second": safe_second,
            "required": [[list(texts) for texts in _required(cue)] for cue in cues]}


class _Matcher:
    """Finds a lexicon's cues through a document's word index (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, tables: dict | None = None) -> None:
        cues = lexicon.cues
        self.cues = cues
        if tables is None:
            tables = _matcher_tables(lexicon)
        # Where each cue sat among the group alternations (``_compile``): a hit's place in the
        # output and, at one position, which cue of an alternation wins.
        self.slot: list[int] = tables["slot"]
        self.rank: list[int] = tables["rank"]
        self.at_word: list[bool] = tables["at_word"]
        self.exact: dict[str, list[int]] = tables["exact"]
        self.prefix: dict[str, list[int]] = tables["prefix"]
        self.digit: list[int] = tables["digit"]
        self.start: list[int] = tables["start"]  # tried at the start of every scored text
        self.anchored: dict[str, list[int]] = tables["anchored"]  # anchor word -> cues searched in its sentence
        self.everywhere: list[int] = tables["everywhere"]  # searched in every scored text (no first word, no anchors)
        self.prefix_lengths = sorted({len(text) for text in self.prefix})
        self.prefix_sorted = sorted(self.prefix)  # where no prefix begins as a run does, none longer matches
        # A literal phrase's second word (or one of the adverbs) must begin the next word of the
        # text: checked before the phrase's pattern is tried ("kan du" is not tried at every "kan").
        self.second: list[str | None] = tables["second"]
        # Cues anchored at the start with ``^\\W*``: what the first run must be (or None: always tried).
        self.start_words: dict[int, _FirstRun | None] = {
            index: None if kinds is None else _FirstRun(frozenset(kinds))
            for index, kinds in tables["start_words"].items()
        }
        # Can the word index stand in for the text at a sentence's first word (``scan_sentences``)?
        # Only when the second words and the adverbs compare the same folded as the regex module
        # compares them.
        self.safe_second: bool = tables["safe_second"]
        # Per regex cue: texts a match must hold (``_required``); without them it is not tried.
        self.required: list[tuple[tuple[str, ...], ...]] = [
            tuple(tuple(texts) for texts in entry) for entry in tables["required"]
        ]
        self.patterns: list[regex.Pattern | None] = [None] * (2 * len(cues))
        # Literal cues are confirmed without their patterns (the compiling was most of a small run).
        self.literal: list[_Literal | None] = [
            None if cue.regex else _Literal(cue, self.at_word[index]) for index, cue in enumerate(cues)
        ]
        self.runs: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}  # run -> (at it, in its sentence)
        self.keys: dict[str, tuple] = {}  # word-index key -> ``key_candidates``

    # -- candidates

    def pattern(self, code: int) -> regex.Pattern:
        """The pattern of cue ``code``, or for ``code`` = cue + len(cues), of a literal phrase
        without its adverb slot (a fifth of the compiling)."""
        pattern = self.patterns[code]
        if pattern is None:
            count = len(self.cues)
            index = code % count
            body = "(?:" + _body(self.cues[index], adverbs=code < count) + ")"
            pattern = regex.compile(_WORD_START + body if self.at_word[index] else body, _FLAGS)
            self.patterns[code] = pattern
        return pattern

    def run_candidates(self, run: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(cues to try where ``run`` (case-folded) starts, cues to search in its sentence)."""
        found = self.runs.get(run)
        if found is None:
            at: list[int] = list(self.exact.get(run, ()))
            prefixes = self.prefix_sorted
            for length in self.prefix_lengths:
                if length > len(run):
                    break
                head = run[:length]
                found_here = self.prefix.get(head)
                if found_here is not None:
                    at.extend(found_here)
                place = bisect_left(prefixes, head)
                if place == len(prefixes) or not prefixes[place].startswith(head):
                    break  # no prefix begins with ``head``: none longer matches either
            if self.digit and run[:1].isdigit():
                at.extend(self.digit)
            anchored = self.anchored.get(run)
            found = (tuple(sorted(set(at))), tuple(anchored or ())) if at or anchored else _NO_CANDIDATES
            self.runs[run] = found
        return found

    def key_candidates(self, key: str) -> tuple[tuple[int, tuple[int, ...], tuple[tuple[str, tuple[int, ...]], ...],
                                                       tuple[int, ...]], ...]:
        """(offset, cues at it, (second-word stem, cues at it with that stem)..., cues in its
        sentence) for every \\w-run of a word-index key."""
        found = self.keys.get(key)
        if found is None:
            entries = []
            second = self.second
            for match in _RUN.finditer(key):
                at, anchored = self.run_candidates(match.group())
                if at or anchored:
                    plain = tuple(index for index in at if second[index] is None)
                    stems: dict[str, list[int]] = {}
                    for index in at:
                        if second[index] is not None:
                            stems.setdefault(second[index], []).append(index)
                    entries.append((match.start(), plain, tuple((stem, tuple(indexes)) for stem, indexes in stems.items()),
                                    anchored))
            found = self.keys[key] = tuple(entries)
        return found

    # -- scanning

    def scan_text(self, text: str, start: int, end: int) -> list[CueHit]:
        at: set[tuple[int, int]] = set()
        anchored: set[int] = set()
        for match in _RUN.finditer(text, start, end):
            cues_at, cues_in = self.run_candidates(match.group().casefold())
            for index in cues_at:
                at.add((index, match.start()))
            anchored.update(cues_in)
        for index in self.start:
            at.add((index, start))
        return self._confirm(text, start, end, at, anchored)

    def scan_sentences(self, document: "Document", text: str, spans: list[tuple[int, int]],
                       blanked: list[tuple[int, int]]) -> list[list[CueHit]]:
        if not spans:
            return []
        starts = [start for start, _ in spans]
        at: dict[int, set[tuple[int, int]]] = {}  # sentence -> (cue, position) to try
        anchored: dict[int, set[int]] = {}  # sentence -> cues to search in it

        def add_runs(start: int, end: int) -> None:
            # Runs read from ``text`` itself, for the places where the word index does not tell.
            for match in _RUN.finditer(text, start, end):
                position = match.start()
                number = bisect_right(starts, position) - 1
                if number < 0 or position >= spans[number][1]:
                    continue
                cues_at, cues_in = self.run_candidates(match.group().casefold())
                if cues_at:
                    target = at.get(number)
                    if target is None:
                        target = at[number] = set()
                    for index in cues_at:
                        target.add((index, position))
                if cues_in:
                    anchored.setdefault(number, set()).update(cues_in)

        words = document.words
        count = len(words)
        source = document.source
        cue_count = len(self.cues)
        known = self.keys
        for key, numbers in document.word_index.items():
            entries = known.get(key)
            if entries is None:
                entries = self.key_candidates(key)
            if not entries:
                continue
            length = len(key)
            for number in numbers:
                word_start, word_end = words[number]
                if word_end - word_start != length:  # case folding changed its length ("ß" -> "ss")
                    add_runs(word_start, word_end)
                    continue
                following = None
                for offset, plain, stems, cues_in in entries:
                    position = word_start + offset
                    sentence = bisect_right(starts, position) - 1
                    if sentence < 0 or position >= spans[sentence][1]:
                        continue
                    if plain or stems:
                        target = at.get(sentence)
                        if target is None:
                            target = at[sentence] = set()
                        for index in plain:
                            target.add((index, position))
                        if stems:
                            # A phrase's second word (or one of the adverbs) must begin the next
                            # word: "kan du" is not tried at every "kan".
                            if following is None:
                                following = (source[words[number + 1][0]:words[number + 1][1]].casefold()
                                             if number + 1 < count else "")
                            if following in _ADVERB_SET:
                                for _, indexes in stems:
                                    for index in indexes:
                                        target.add((index, position))
                            else:
                                for stem, indexes in stems:
                                    if following.startswith(stem):
                                        for index in indexes:
                                            target.add((index + cue_count, position))  # the plain pattern
                    if cues_in:
                        anchored.setdefault(sentence, set()).update(cues_in)
        # Where the words do not give the runs a span's text has: a span starts or ends inside a
        # word, and ``text`` is blanked (spaces) in or next to a word.
        word_starts = [start for start, _ in words]
        safe_second = self.safe_second
        for start, end in spans:
            match = _RUN.match(text, start, end)
            if match is not None:
                # A span that starts a word the word index has read, whose next word is in
                # characters that fold as the regex module compares them: the index found at its
                # first run what the text has there (and the second-word test dropped nothing a
                # pattern would find). Elsewhere read the run from the text, every cue of it tried.
                # (The first word's own check is only a precaution: a fold that keeps a word's
                # length keeps its runs.)
                number = bisect_right(word_starts, start) - 1
                if not (safe_second and number >= 0 and words[number][0] == start
                        and match.end() <= words[number][1]
                        and _case_safe(source[start:words[number][1]])
                        and (number + 1 >= count or _case_safe(source[words[number + 1][0]:words[number + 1][1]]))):
                    add_runs(start, match.end())
            number = bisect_right(word_starts, end) - 1
            if number >= 0 and words[number][0] < end < words[number][1]:
                add_runs(max(words[number][0], start), end)
        for blank_start, blank_end in blanked:
            # The words it touches, and the word before it (whose next word is not the one the
            # word index says: "kan (Hansen 2019) du" reads "kan du").
            number = max(bisect_right(word_starts, blank_start) - 1, 0)
            while number < count and words[number][0] <= blank_end:
                add_runs(*words[number])
                number += 1
        results = []
        start_words = self.start_words
        everywhere = self.everywhere
        empty: set = set()
        for number, (start, end) in enumerate(spans):
            if self.start:
                first = None
                for index in self.start:
                    kinds = start_words[index]
                    if kinds is not None:
                        # Tried only where the first run is one of the cue's first words (when
                        # the run folds as the regex module compares it; else always).
                        if first is None:
                            run = _RUN.search(text, start, end)
                            first = run.group() if run is not None else ""
                        if not first or (_case_safe(first) and not kinds.fits(first.casefold())):
                            continue
                    target = at.get(number)
                    if target is None:
                        target = at[number] = set()
                    target.add((index, start))
            candidates = at.get(number, empty)
            found_in = anchored.get(number, empty)
            if not candidates and not found_in and not everywhere:
                results.append([])
                continue
            sentence_text = text[start:end]
            results.append(self._confirm(sentence_text, 0, len(sentence_text), candidates, found_in, start))
        return results

    def _confirm(self, text: str, start: int, end: int, at: set[tuple[int, int]],
                 anchored: set[int], shift: int = 0) -> list[CueHit]:
        """The hits the group alternations would give: at one position, per alternation, the
        first cue (in the alternation's order) that matches. ``at`` holds (cue, position + shift)."""
        best: dict[tuple[int, int], tuple[int, int, int]] = {}  # (slot, position) -> (rank, cue, end)
        slot, rank, patterns, literal, required = self.slot, self.rank, self.patterns, self.literal, self.required
        count = len(self.cues)
        found = []
        folded: str | None = None
        lacking: set[int] = set()  # regex cues whose texts the sentence lacks
        for code, position in at:
            index = code - count if code >= count else code
            position -= shift
            matcher = literal[index]
            if matcher is not None:
                match_end = matcher.match(text, position, end, code < count)
                if match_end >= 0:
                    found.append((index, position, match_end))
                continue
            needs = required[index]
            if needs:
                if index in lacking:
                    continue
                if folded is None:
                    # The text folded, when it folds letter by letter and holds no "ı" (which the
                    # regex module takes for "I"): then a literal the pattern matches (its letters
                    # in ``_CASE_SAFE``) folds to a piece of it. Else "" (not used).
                    piece = text[start:end]
                    folded = piece.casefold()
                    if len(folded) != len(piece) or "\u0131" in piece:
                        folded = ""
                if folded and not _holds(folded, needs):
                    lacking.add(index)
                    continue
            match = (patterns[code] or self.pattern(code)).match(text, position, end)
            if match is not None:
                found.append((index, match.start(), match.end()))
        for index in (*anchored, *self.everywhere):
            for match in self.pattern(index).finditer(text, start, end, overlapped=True):
                found.append((index, match.start(), match.end()))
        for index, position, match_end in found:
            key = (slot[index], position)
            current = best.get(key)
            if current is None or rank[index] < current[0]:
                best[key] = (rank[index], index, match_end)
        hits = []
        cues = self.cues
        for (_, position), (_, index, match_end) in sorted(best.items()):
            if match_end == position:
                continue
            hits.append(CueHit(cues[index], position, match_end, " ".join(text[position:match_end].split())))
        return hits
