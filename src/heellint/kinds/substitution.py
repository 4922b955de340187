"""substitution: a variant that should be written another way.

Options: ``swap`` (variant -> preferred; a list of preferred texts means several
candidates, never auto-fixed), ``regex`` (variants are regexes), ``ignore-case``
(default true), ``suffixes`` (inflection endings that may follow a variant and
are carried over to the replacement: ``klinnikken`` -> ``klinikken``),
``exceptions``, ``prefilter`` (a plain pattern every match of the rule's
regular expressions contains, as for the pattern kind; the word and phrase
look-ups do not use it).

The replacement keeps the original's case pattern (Hælspace -> Hælspore,
HÆLSPACE -> HÆLSPORE). Must not flag: the variant inside a longer word, or a
word that is itself the preferred form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from heellint.core.diagnostic import Finding
from heellint.core.document import Document
from heellint.core.rule import RuleMeta
from heellint.core.yamlio import Located
from heellint.kinds.common import format_message, normalise, read_bool, read_prefilter, read_strings
from heellint.kinds.matching import (
    PhraseIndex,
    UserPattern,
    WORD_END,
    WORD_START,
    finditer,
    in_scope,
    phrase_pattern,
    word_hits,
)
from heellint.text.tokens import apply_case, case_pattern


@dataclass(frozen=True, slots=True)
class SubstitutionRule:
    meta: RuleMeta
    words: dict[str, tuple[str, tuple[str, ...]]]  # folded inflected variant -> (suffix, candidates)
    phrases: PhraseIndex  # literal multi-word variants -> candidates
    case_sensitive_phrases: UserPattern | None
    phrase_targets: tuple[tuple[str, ...], ...]  # per capture group of case_sensitive_phrases
    regex_entries: tuple[tuple[UserPattern, tuple[str, ...]], ...]
    exceptions: frozenset[str]
    ignore_case: bool
    prefilter: UserPattern | None = None

    def _finding(self, start: int, end: int, text: str, candidates: tuple[str, ...]) -> Finding | None:
        if normalise(text) in self.exceptions:
            return None
        pattern = case_pattern(text) if self.ignore_case else "mixed"
        replacements = tuple(dict.fromkeys(apply_case(pattern, candidate) for candidate in candidates))
        if text in replacements:
            return None
        applicability = self.meta.fixable if len(replacements) == 1 else None
        message = format_message(self.meta.message, match=text, replacement=" / ".join(replacements))
        return Finding(start, end, message, replacements, applicability)

    def check(self, document: Document) -> Iterator[Finding]:
        source = document.source
        scope = self.meta.scope
        if self.words:
            for key, start, end in word_hits(document, self.words.keys()):
                if not in_scope(document, scope, start):
                    continue
                suffix, candidates = self.words[key]
                text = source[start:end]
                if suffix:
                    candidates = tuple(attach_suffix(candidate, suffix) for candidate in candidates)
                finding = self._finding(start, end, text, candidates)
                if finding:
                    yield finding
        if self.phrases:
            for start, end, candidates in self.phrases.find(document):
                if not in_scope(document, scope, start):
                    continue
                finding = self._finding(start, end, source[start:end], candidates)
                if finding:
                    yield finding
        if self.case_sensitive_phrases is not None:
            for match in finditer(self.case_sensitive_phrases, document, scope, self.prefilter):
                group = match.lastindex or 0
                candidates = self.phrase_targets[group - 1]
                text = source[match.start():match.end()]
                finding = self._finding(match.start(), match.end(), text, candidates)
                if finding:
                    yield finding
        for pattern, candidates in self.regex_entries:
            for match in finditer(pattern, document, scope, self.prefilter):
                if match.start() == match.end():
                    continue
                text = source[match.start():match.end()]
                expanded = tuple(match.expand(candidate) for candidate in candidates)
                finding = self._finding(match.start(), match.end(), text, expanded)
                if finding:
                    yield finding


def attach_suffix(word: str, suffix: str) -> str:
    """``word`` + an inflection ``suffix``; a final -e absorbs the suffix's -e
    (hælspore + en -> hælsporen, + ene -> hælsporene)."""
    if suffix and word.endswith("e") and suffix.startswith("e"):
        return word + suffix[1:]
    return word + suffix


def build_substitution(
    meta: RuleMeta, entry: dict, keys: tuple, located: Located, compile_now: bool = True
) -> SubstitutionRule:
    """The rule of a pack entry; with ``compile_now`` false (a shipped pack) its
    regular expressions compile on first use and are checked by the tests."""
    swap = entry.get("swap")
    if not isinstance(swap, dict) or not swap:
        raise located.error(keys + ("swap",), "a substitution rule needs 'swap': a mapping of variant to preferred text")
    use_regex = read_bool(entry, "regex", False, keys, located)
    ignore_case = read_bool(entry, "ignore-case", True, keys, located)
    # (suffix, its case-folded form, whether a final -e absorbs it): see attach_suffix.
    suffixes = [
        (suffix, suffix.casefold(), suffix.startswith("e"))
        for suffix in read_strings(entry, "suffixes", keys, located)
        if suffix
    ]
    exceptions = frozenset(normalise(item) for item in read_strings(entry, "exceptions", keys, located))
    prefilter = read_prefilter(entry, ignore_case, compile_now, keys, located)
    words: dict[str, tuple[str, tuple[str, ...]]] = {}
    phrases: list[tuple[str, tuple[str, ...]]] = []
    bodies: list[str] = []
    targets: list[tuple[str, ...]] = []
    regex_entries = []
    for variant, preferred in swap.items():
        variant_keys = keys + ("swap", variant)
        if isinstance(preferred, str):
            candidates = (preferred,)
        elif isinstance(preferred, list) and preferred and all(isinstance(item, str) for item in preferred):
            candidates = tuple(preferred)
        else:
            raise located.error(variant_keys, "the preferred text must be a string or a list of strings")
        variant = str(variant)
        if use_regex:
            try:
                pattern = UserPattern(WORD_START + f"(?:{variant})" + WORD_END, ignore_case, compile_now)
            except regex.error as error:
                raise located.error(variant_keys, f"invalid regular expression {variant!r}: {error}") from None
            regex_entries.append((pattern, candidates))
        elif " " not in variant.strip() and ignore_case:
            # attach_suffix(stem, suffix).casefold() for every suffix, built from
            # folded parts (case folding maps each character on its own): the
            # big spelling packs have thousands of inflected keys.
            stem = variant.strip()
            folded = stem.casefold()
            if folded in words and words[folded][1] != candidates:
                raise located.error(variant_keys, f"variant {variant!r} is listed twice")
            words.setdefault(folded, ("", candidates))
            absorbing = stem[:-1].casefold() if stem.endswith("e") else folded
            for suffix, folded_suffix, starts_with_e in suffixes:
                words.setdefault((absorbing if starts_with_e else folded) + folded_suffix, (suffix, candidates))
        elif ignore_case:
            phrases.append((variant, candidates))
        else:
            bodies.append("(" + phrase_pattern(variant) + ")")
            targets.append(candidates)
    case_sensitive = None
    if bodies:
        case_sensitive = UserPattern(WORD_START + "(?:" + "|".join(bodies) + ")" + WORD_END, False, compile_now)
    return SubstitutionRule(
        meta,
        words,
        PhraseIndex(phrases),
        case_sensitive,
        tuple(targets),
        tuple(regex_entries),
        exceptions,
        ignore_case,
        prefilter,
    )
