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
word-start guard; they may not contain capturing groups.

The score of a sentence: for each positive group, its strongest cue plus half
of the others, capped at ``GROUP_CAP``; plus the hedges (never below
``HEDGE_FLOOR``, and ignored when a research cue fired: a hedged research claim
still needs its source); plus the exemptions (never below ``EXEMPT_FLOOR``).
A sentence is a claim when its score reaches the threshold (``claims:
{threshold: ...}``, default ``DEFAULT_THRESHOLD``).

Every language's cues are compiled once (cached) into one alternation per group,
so scoring a sentence is a handful of overlapped scans: linear in its length. At
one position a group counts its heaviest matching cue; a cue lying inside a
longer hit of any group counts once.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from heellint.core.yamlio import DataError, read_located

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
    patterns: tuple[regex.Pattern, ...]  # one alternation per group that has cues

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Every cue that fires in ``text[start:end]`` (overlapping matches included)."""
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

    def score(self, text: str, start: int = 0, end: int | None = None) -> Score:
        return score_hits(self.scan(text, start, end))


def score_hits(hits: list[CueHit]) -> Score:
    # A cue inside a longer one counts once ("liten effekt" holds "effekt"; "mye tyder på" holds "tyder på").
    kept: list[CueHit] = []
    for hit in sorted(hits, key=lambda hit: (hit.start, -(hit.end - hit.start), -abs(hit.cue.weight))):
        if any(other.start <= hit.start and hit.end <= other.end for other in kept):
            continue
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


def _number(value: float) -> str:
    return f"{value:g}"


# ------------------------------------------------------------------ loading


def lexicon_path(lang: str) -> Path:
    from heellint.resources import rules_dir

    return rules_dir() / "claims" / f"{lang}.yaml"


@lru_cache(maxsize=16)
def load_lexicon(lang: str) -> Lexicon | None:
    """The lexicon of ``lang`` (None when no file exists), compiled once."""
    path = lexicon_path(lang)
    if not path.is_file():
        return None
    return read_lexicon(path)


def literal_pattern(phrase: str) -> str:
    words = phrase.split()
    pieces = []
    for word in words:
        if word.endswith("*") and len(word) > 1:
            pieces.append(regex.escape(word[:-1]) + r"\w*")
        else:
            pieces.append(regex.escape(word))
    body = pieces[0] + _ADVERB_SLOT + _GAP + _GAP.join(pieces[1:]) if len(pieces) > 1 else "".join(pieces)
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
    for group, entries in groups.items():
        if group not in GROUPS:
            raise located.error(("cues", group), f"unknown group '{group}' (known: {', '.join(GROUPS)})")
        if not isinstance(entries, list):
            raise located.error(("cues", group), "a group is a list of cues")
        for index, entry in enumerate(entries):
            keys = ("cues", group, index)
            if not isinstance(entry, dict) or "cue" not in entry or "weight" not in entry:
                raise located.error(keys, "a cue is a mapping with 'cue' and 'weight'")
            unknown = set(entry) - {"cue", "weight", "regex", "name", "note"}
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
                try:
                    compiled = regex.compile(text, regex.IGNORECASE | regex.VERSION0)
                except regex.error as error:
                    raise located.error(keys, f"invalid regular expression {text!r}: {error}") from None
                if compiled.groups:
                    raise located.error(keys, "use (?:...) in cue regexes: capturing groups are not allowed")
            cues.append(Cue(group, text, float(weight), is_regex, entry.get("name")))
    return Lexicon(lang, source.strip(), tuple(cues), _compile(cues))


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


def _body(cue: Cue) -> str:
    if cue.regex:
        return "(?:" + cue.cue + ")"
    body = literal_pattern(cue.cue)
    return body[len(_WORD_START):] if body.startswith(_WORD_START) else body
