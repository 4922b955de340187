"""Sentence boundaries inside one block of a document.

``split_sentences(text, lang, start, end)`` returns the sentences of the block
``text[start:end]`` as half-open offsets into ``text``; leading and trailing
whitespace is left out, and so is a list marker ("- ", "* ", "1. ") that opens a
line.  The block is a paragraph, a heading or a list item of a document whose
markup may have been replaced by spaces.

How a boundary is found:

1. Candidates are runs of terminal punctuation (``. ! ? …``), optionally
   followed by closing quotes or brackets, that stand before whitespace.  A
   period glued to the next character ("3.5", "10.30", "vg.no") is never one.
2. A candidate followed by a lower-case letter is not a boundary (abbreviation
   or ordinal: "f.eks. ibux", "den 3. mai", "«Hvorfor?» spurte hun"), unless a
   line break comes in between and the period ends an ordinary word.
3. A period after a known abbreviation of the language is not a boundary when
   text follows ("f.eks. Ibux", "Dr. Hansen", "ca. 30", "t.ex. Alvedon");
   abbreviations that often end a sentence ("osv.", "etc.", "et al.", "kr.")
   are boundaries before a capital letter, but not before a number or a
   citation ("et al. (2015)").
4. An ordinal number ("3.") ends a sentence only before a capital ("Uge 5.
   Derefter"); a single capital letter ("M.") is an initial when another
   initial follows, or a capitalised word or a name-introducing preposition
   ("av", "by", "af") precedes it; otherwise ("vitamin D.") it ends the
   sentence.
5. A line break is a boundary only after terminal punctuation (rule 2 aside),
   before a line that starts with a list marker, or when it is a blank line.

Everything is regex scans plus a little work per candidate, linear in the
length of the block.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "split_sentences"]


def _words(text: str) -> frozenset[str]:
    """Whitespace-separated words; "_" stands for a space inside one ("et_al.")."""
    return frozenset(word.replace("_", " ") for word in text.split())


# Abbreviations are written in lower case with their periods; a spaced form
# such as "f. eks." is found by joining it ("f.eks."), except "et al.".
# Three kinds:
# - _NEVER_FINAL: titles and "for example"-like words that always have more
#   text after them in the same sentence;
# - _BEFORE_NUMBER: words that stand before a number ("nr. 5", "s. 45"), and
#   may end a sentence otherwise;
# - _MAY_BE_FINAL: "and so on" words and units that often close a sentence;
#   they are protected only before a lower-case word, a number or a citation.
_NEVER_FINAL: dict[str, frozenset[str]] = {
    "common": _words("ca. e.g. i.e. vs. cf. jf. jfr. dr. prof. fig. figs. ibid. bl.a. inkl. ev. evt."),
    "nb": _words(
        "f.eks. eks. dvs. pga. ekskl. hhv. iflg. ift. mht. vha. ang. t.o.m. f.o.m. kl. ref. tlf. nb. "
        "obs. spes. avd. bl."
    ),
    "nn": _words(
        "t.d. m.a. f.eks. dvs. pga. ekskl. hhv. iflg. ift. mht. vha. ang. t.o.m. f.o.m. kl. ref. tlf. "
        "nb. obs. avd. bl."
    ),
    "da": _words(
        "fx. f.eks. eks. dvs. pga. mht. ift. vha. ifm. ifb. pr. hhv. iflg. ekskl. sml. jvf. vedr. ang. "
        "t.o.m. f.o.m. kl. tlf. nb. obs. bl."
    ),
    "sv": _words(
        "t.ex. d.v.s. dvs. p.g.a. pga. t.o.m. fr.o.m. s.k. el. resp. exkl. f.d. f.ö. s.a.s. ung. kl. "
        "tel. obs. bl."
    ),
    "en": _words("mr. mrs. ms. mx. approx. eq. dept. est. st."),
}
# Month abbreviations belong here: "15. jan. 2020", but "Han heter Jan. Han ..."
# ("jul." is also Christmas in the Scandinavian languages).
_BEFORE_NUMBER: dict[str, frozenset[str]] = {
    "common": _words("nr. no. nos. s. p. pp. vol. jan. feb. mar. apr. jun. jul. aug. sep. sept. nov."),
    "nb": _words("kap. pkt. okt. des."),
    "nn": _words("kap. pkt. okt. des."),
    "da": _words("kap. pkt. stk. okt. dec."),
    "sv": _words("kap. okt. dec."),
    "en": _words("oct. dec. ch. sec."),
}
_MAY_BE_FINAL: dict[str, frozenset[str]] = {
    "common": _words("etc. et_al. kr."),
    "nb": _words("mv. m.fl. osv. o.l. mm. m.m. e.l. o.a. pst. mill. mrd. stk."),
    "nn": _words("mv. m.fl. osb. osv. o.l. mm. m.m. e.l. o.a. pst. mill. mrd. stk."),
    "da": _words("mv. m.fl. osv. o.l. o.lign. m.m. mm. el.lign. pct. mio. mia. stk."),
    "sv": _words("m.m. osv. o.s.v. m.fl. st. milj. mdr. proc."),
    "en": _words("a.m. p.m. inc. ltd. co. jr. sr. u.s. u.k."),
}

_LANGUAGES = ("nb", "nn", "da", "sv", "en")


def _for_language(table: dict[str, frozenset[str]], lang: str | None) -> frozenset[str]:
    if lang in _LANGUAGES:
        return table["common"] | table[lang]
    return frozenset().union(*table.values())


_KIND_NEVER_FINAL = 0
_KIND_BEFORE_NUMBER = 1
_KIND_MAY_BE_FINAL = 2
_TABLES_BY_KIND = (
    (_KIND_NEVER_FINAL, _NEVER_FINAL),
    (_KIND_BEFORE_NUMBER, _BEFORE_NUMBER),
    (_KIND_MAY_BE_FINAL, _MAY_BE_FINAL),
)


def _kinds(lang: str | None) -> dict[str, int]:
    """Abbreviation -> kind for one language; a never-final entry wins."""
    kinds: dict[str, int] = {}
    for kind, table in _TABLES_BY_KIND:
        for abbreviation in _for_language(table, lang):
            kinds.setdefault(abbreviation, kind)
    return kinds


# Per language (and None for "unknown": the union of all), computed once.
_KINDS_BY_LANG = {lang: _kinds(lang) for lang in (*_LANGUAGES, None)}

ABBREVIATIONS: dict[str | None, frozenset[str]] = {
    lang: frozenset(kinds) for lang, kinds in _KINDS_BY_LANG.items()
}
"""Every abbreviation the splitter knows, per language (None: all of them)."""

# Words after which a single capital letter is an initial of a name.
_NAME_INTRODUCERS = _words("av af by of von van ved fra från with and og och &")

_CLOSERS = "\"'»”’›)]}"
_OPENERS = "\"'«“‘„‹([{¡¿*_"
# Terminal punctuation, closing quotes/brackets, an optional note marker
# ("hælen.[1]", "hælen.¹"), then whitespace or the end of the block.
_TERMINAL = re.compile(
    rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?:\[\d+(?:[,–-]\d+)*\]|[¹²³⁰⁴-⁹]+)?(?=\s|\Z)"
)
# What follows a candidate: whitespace, opening punctuation, the first
# character of the next word.
_FOLLOWING = re.compile(rf"(\s*)([{re.escape(_OPENERS)}]*)(\S?)")
_NEXT_TOKEN = re.compile(r"\S*")
# A list marker: a bullet, or a number or letter with a period or parenthesis,
# followed by a space; at the start of the block or after a line break.  A
# number with a period before a lower-case word is an ordinal ("3. mai"
# wrapped onto a new line), not a marker; ``_is_marker`` checks that.
_MARKER = r"[ \t]*(?:[-*+•–—]|\d{1,3}[.)]|[a-zA-Z]\))[ \t]+(?=\S)"
_BLOCK_MARKER = re.compile(_MARKER)
_NEWLINE_MARKER = re.compile(rf"\n{_MARKER}")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_HAS_ALNUM = re.compile(r"[^\W_]")
_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])*")
_SPACE = re.compile(r"\s*")
# The longest token looked at before a candidate; longer ones are URLs or
# noise and are judged on their last characters.
_TOKEN_WINDOW = 64


def _token_start(segment: str, end: int) -> int:
    """Where the whitespace-delimited token ending at ``end`` starts."""
    low = max(0, end - _TOKEN_WINDOW)
    space = max(segment.rfind(" ", low, end), segment.rfind("\n", low, end), segment.rfind("\t", low, end))
    return space + 1 if space >= 0 else low


def _is_initial(token: str) -> bool:
    """"M", "S.", "M.S." or "M.S": capital initials."""
    core = token.rstrip(".")
    return bool(core) and core.isupper() and _INITIALS.fullmatch(core) is not None and len(core) <= 5


def _ends_sentence(segment: str, match: re.Match[str], lang: str | None, last_cut: int) -> bool:
    """Decide whether the terminal punctuation in ``match`` ends a sentence.

    ``last_cut`` is where the previous sentence boundary of the block lies (the
    block start when there is none yet).
    """
    following = _FOLLOWING.match(segment, match.end())
    assert following is not None
    space, openers, first = following.groups()
    if not first:
        # End of the block: the block end closes the sentence anyway.
        return False
    newline = "\n" in space
    next_is_lower = first.islower()
    if match.group() != ".":
        # "?", "!", "…", "...", or a period with closing quotes, brackets or a
        # note ("hælen.)", "«Nei.»", "hælen.[1]"): a sentence end unless the
        # sentence visibly goes on in lower case on the same line.
        return newline or not next_is_lower

    # A bare period: look at the word before it.
    period = match.start()
    token_start = _token_start(segment, period)
    word = segment[token_start:period].lstrip(_OPENERS)
    if not word or word[-1] in _CLOSERS:
        # "slutt ." or "(se figur 2).": an ordinary end.
        return newline or not next_is_lower
    next_is_digit = first.isdigit()
    kinds = _KINDS_BY_LANG[lang]
    previous: str | None = None
    # Abbreviations are looked up only for words with a lower-case letter:
    # "MS." is an acronym (multiple sclerosis) and "S." an initial, not "ms."
    # (Ms) or "s." (side).
    if word != word.upper():
        lowered = word.lower()
        kind = kinds.get(lowered + ".")
        if kind is None and len(lowered) <= 4:
            # The second half of "et al." or of a spaced "f. eks.", "bl. a.".
            previous = _previous_token(segment, token_start)
            previous_lowered = previous.lower()
            kind = kinds.get(previous_lowered + " " + lowered + ".")
            if kind is None and previous_lowered.endswith("."):
                kind = kinds.get(previous_lowered + lowered + ".")
        if kind == _KIND_NEVER_FINAL:
            return False
        if kind == _KIND_BEFORE_NUMBER:
            return not (next_is_lower or next_is_digit)
        if kind == _KIND_MAY_BE_FINAL:
            citation = next_is_digit and ("(" in openers or "[" in openers)
            return not (next_is_lower or citation or (next_is_digit and not newline))
    if word.isdigit():
        # An ordinal ("den 3. mai", "1. 2. og 3. klasse") or an enumeration
        # label ("i to trinn: 1. Først ...", "... ferdig. 2. Deretter ...")
        # unless it closes a sentence before a capital ("Uge 5. Derefter").
        if next_is_lower or next_is_digit:
            return False
        if previous is None:
            previous = _previous_token(segment, token_start)
        if not previous or previous[-1] in ":;,":
            return False
        # A number that opens a sentence is a label; one inside it ends it.
        return _SPACE.fullmatch(segment, last_cut, token_start) is None
    if _is_initial(word):
        if next_is_lower:
            return False
        next_token = _NEXT_TOKEN.match(segment, following.end() - len(first)).group()
        if next_token.endswith(".") and _is_initial(next_token):
            return False
        if previous is None:
            previous = _previous_token(segment, token_start)
        if previous and (
            _is_initial(previous)
            or kinds.get(previous.lower()) == _KIND_NEVER_FINAL
            or previous.lower() in _NAME_INTRODUCERS
            or previous[0].isupper()
        ):
            return False
        return True
    if next_is_lower:
        # Unknown abbreviation, or a sentence that goes on after a line break.
        return newline
    return True


def _previous_token(segment: str, token_start: int) -> str:
    """The whitespace-delimited token before the one starting at ``token_start``."""
    if token_start == 0:
        return ""
    end = token_start - 1
    return segment[_token_start(segment, end) : end].lstrip(_OPENERS)


def split_sentences(
    text: str, lang: str | None, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """The sentences of the block ``text[start:end]`` as (start, end) offsets.

    ``lang`` selects the abbreviations ("nb", "nn", "da", "sv", "en"); any other
    value, or None, uses the abbreviations of all five languages.  Offsets are
    into ``text``, in order, without surrounding whitespace and without a list
    marker that opens a line.  Spans with no letter or digit are dropped.
    """
    if end is None:
        end = len(text)
    if lang not in _LANGUAGES:
        lang = None
    segment = text[start:end]

    # Cuts: (where a sentence ends, where the next one may start).
    cuts: list[tuple[int, int]] = []
    # Ends of the "1." of numbered markers, which are not sentence ends.
    marker_periods: set[int] = set()
    cursor = 0
    leading = _BLOCK_MARKER.match(segment)
    if leading is not None and _is_marker(segment, leading):
        cursor = leading.end()
        _note_marker_period(segment, leading, marker_periods)
    if "\n" in segment:
        for marker in _NEWLINE_MARKER.finditer(segment):
            if _is_marker(segment, marker):
                cuts.append((marker.start(), marker.end()))
                _note_marker_period(segment, marker, marker_periods)
        for blank in _BLANK_LINE.finditer(segment):
            cuts.append((blank.start(), blank.end()))
    last_cut = cursor
    for terminal in _TERMINAL.finditer(segment):
        terminal_end = terminal.end()
        if terminal_end in marker_periods:
            continue
        if _ends_sentence(segment, terminal, lang, last_cut):
            cuts.append((terminal_end, terminal_end))
            last_cut = terminal_end
    cuts.sort()

    sentences: list[tuple[int, int]] = []
    for cut_end, cut_next in cuts:
        if cut_end > cursor:
            _append(sentences, segment, cursor, cut_end, start)
        cursor = max(cursor, cut_next)
    _append(sentences, segment, cursor, len(segment), start)
    return sentences


def _is_marker(segment: str, marker: re.Match[str]) -> bool:
    """A numbered marker with a period before a lower-case word is an ordinal."""
    return not (marker.group().rstrip().endswith(".") and segment[marker.end()].islower())


def _note_marker_period(segment: str, marker: re.Match[str], marker_periods: set[int]) -> None:
    period = segment.rfind(".", marker.start(), marker.end())
    if period >= 0:
        marker_periods.add(period + 1)


def _append(sentences: list[tuple[int, int]], segment: str, low: int, high: int, offset: int) -> None:
    """Add segment[low:high] without surrounding whitespace, if it has content."""
    piece = segment[low:high]
    stripped_left = piece.lstrip()
    if not stripped_left:
        return
    left = low + len(piece) - len(stripped_left)
    right = low + len(piece.rstrip())
    if _HAS_ALNUM.search(segment, left, right) is None:
        return
    sentences.append((offset + left, offset + right))
