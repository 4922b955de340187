"""existence: a word, phrase or pattern that should not appear.

Options: ``tokens`` (literal words/phrases, or regexes with ``regex: true``),
``ignore-case`` (default true), ``exceptions`` (matched texts never flagged).
Must not flag: the token inside a longer word (matches are whole words), text
outside prose (code, links' destinations, front matter).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from heellint.core.diagnostic import Finding
from heellint.core.document import Document
from heellint.core.rule import RuleMeta
from heellint.core.yamlio import Located
from heellint.kinds.common import format_message, normalise, read_bool, read_strings
from heellint.kinds.matching import (
    PhraseIndex,
    UserPattern,
    WORD_END,
    WORD_START,
    compile_user_pattern,
    finditer,
    in_scope,
    phrase_pattern,
    word_hits,
)


@dataclass(frozen=True, slots=True)
class ExistenceRule:
    meta: RuleMeta
    words: frozenset[str]  # case-folded single words (fast path)
    phrases: PhraseIndex  # case-folded literal phrases
    pattern: UserPattern | None  # regexes and case-sensitive phrases
    exceptions: frozenset[str]
    ignore_case: bool

    def check(self, document: Document) -> Iterator[Finding]:
        source = document.source
        scope = self.meta.scope
        if self.words:
            for _, start, end in word_hits(document, self.words):
                text = source[start:end]
                if not self.ignore_case and text not in self.words:
                    continue
                if normalise(text) in self.exceptions or not in_scope(document, scope, start):
                    continue
                yield Finding(start, end, format_message(self.meta.message, match=text))
        for start, end, _ in self.phrases.find(document) if self.phrases else ():
            text = source[start:end]
            if normalise(text) in self.exceptions or not in_scope(document, scope, start):
                continue
            yield Finding(start, end, format_message(self.meta.message, match=text))
        if self.pattern is not None:
            for match in finditer(self.pattern, document, scope):
                text = source[match.start():match.end()]
                if normalise(text) in self.exceptions or match.start() == match.end():
                    continue
                yield Finding(match.start(), match.end(), format_message(self.meta.message, match=text))


def build_existence(meta: RuleMeta, entry: dict, keys: tuple, located: Located, compile_now: bool = True) -> ExistenceRule:
    """The rule of a pack entry; with ``compile_now`` false (a shipped pack) its
    regular expressions compile on first use and are checked by the tests."""
    tokens = read_strings(entry, "tokens", keys, located)
    if not tokens:
        raise located.error(keys + ("tokens",), "an existence rule needs 'tokens'")
    use_regex = read_bool(entry, "regex", False, keys, located)
    ignore_case = read_bool(entry, "ignore-case", True, keys, located)
    exceptions = frozenset(normalise(item) for item in read_strings(entry, "exceptions", keys, located))
    words: set[str] = set()
    phrases: list[tuple[str, None]] = []
    bodies: list[str] = []
    for index, token in enumerate(tokens):
        if use_regex:
            if compile_now:
                try:
                    compile_user_pattern(token, ignore_case)
                except regex.error as error:
                    raise located.error(keys + ("tokens", index), f"invalid regular expression {token!r}: {error}") from None
            bodies.append(f"(?:{token})")
        elif " " not in token.strip() and ignore_case:
            words.add(token.strip().casefold())
        elif ignore_case:
            phrases.append((token, None))
        else:
            bodies.append(phrase_pattern(token))
    pattern = None
    if bodies:
        pattern = UserPattern(WORD_START + "(?:" + "|".join(bodies) + ")" + WORD_END, ignore_case, compile_now)
    return ExistenceRule(meta, frozenset(words), PhraseIndex(phrases), pattern, exceptions, ignore_case)
