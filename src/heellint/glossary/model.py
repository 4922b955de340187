"""The glossary's data model: concepts, their terms per language, and statuses.

A concept is one meaning; its terms name it in each language. A term has a
status (``preferred`` | ``admitted`` | ``deprecated`` | ``superseded``), may list
known misspellings and explicit inflected forms, and may name an inflection
class, a compound split point and a case policy. Values are frozen; where a
value was read from (file, line) is kept for error messages but never compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Mapping

LANGUAGES = ("nb", "nn", "da", "sv", "en")
# Languages whose terms can be mistaken for each other (wrong variety).
NORDIC = frozenset({"nb", "nn", "da", "sv"})
STATUSES = ("preferred", "admitted", "deprecated", "superseded")
APPROVED = frozenset({"preferred", "admitted"})
REJECTED = frozenset({"deprecated", "superseded"})

# Inflection classes. ``noun`` is a generic noun (gender inferred); the gendered
# classes are the ones each language has.
INFLECTIONS = ("noun", "noun-m", "noun-f", "noun-n", "noun-c", "adj", "verb", "invariable")
LANGUAGE_INFLECTIONS: Mapping[str, frozenset[str]] = {
    "nb": frozenset({"noun", "noun-m", "noun-f", "noun-n", "adj", "verb", "invariable"}),
    "nn": frozenset({"noun", "noun-m", "noun-f", "noun-n", "adj", "verb", "invariable"}),
    "da": frozenset({"noun", "noun-c", "noun-n", "adj", "verb", "invariable"}),
    "sv": frozenset({"noun", "noun-c", "noun-n", "adj", "verb", "invariable"}),
    "en": frozenset({"noun", "adj", "verb", "invariable"}),
}


@dataclass(frozen=True, slots=True)
class Where:
    """Where a value was read: file and 1-based line (never compared)."""

    path: str = ""
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    status: str = "preferred"
    misspellings: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    compound: str | None = None  # "hæl|spore": split point(s)
    inflection: str | None = None  # one of INFLECTIONS; None: inferred from the ending
    case_sensitive: bool = False
    translate: bool = True  # false: keep the term untranslated (brand names, Latin)
    note: str | None = None
    where: Where = field(default=Where(), compare=False, repr=False)

    @property
    def approved(self) -> bool:
        return self.status in APPROVED

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.term.split())


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    terms: Mapping[str, tuple[Term, ...]]  # language -> terms, in file order
    subject: str | None = None
    definition: Mapping[str, str] = field(default_factory=dict)
    source: str | None = None
    note: str | None = None
    where: Where = field(default=Where(), compare=False, repr=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Concept):
            return NotImplemented
        return (
            self.id == other.id
            and dict(self.terms) == dict(other.terms)
            and self.subject == other.subject
            and dict(self.definition) == dict(other.definition)
            and self.source == other.source
            and self.note == other.note
        )

    def __hash__(self) -> int:
        return hash(self.id)

    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGUAGES if self.terms.get(lang))

    def preferred(self, lang: str) -> tuple[Term, ...]:
        return tuple(term for term in self.terms.get(lang, ()) if term.status == "preferred")

    def approved(self, lang: str) -> tuple[Term, ...]:
        return tuple(term for term in self.terms.get(lang, ()) if term.approved)

    def all_terms(self) -> Iterator[tuple[str, Term]]:
        for lang in LANGUAGES:
            for term in self.terms.get(lang, ()):
                yield lang, term

    def label(self, lang: str | None = None) -> str:
        """A human name for the concept: its preferred term in ``lang`` (or English), else its id."""
        for candidate in (lang, "en", *LANGUAGES):
            if candidate:
                preferred = self.preferred(candidate) or self.approved(candidate)
                if preferred:
                    return preferred[0].term
        return self.id


@dataclass(frozen=True, slots=True)
class Glossary:
    concepts: tuple[Concept, ...] = ()
    sources: tuple[str, ...] = ()  # the files it was read from

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Glossary):
            return NotImplemented
        return self.concepts == other.concepts

    def __hash__(self) -> int:
        return hash(tuple(concept.id for concept in self.concepts))

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def by_id(self) -> dict[str, Concept]:
        return {concept.id: concept for concept in self.concepts}

    def merged(self, other: Glossary) -> Glossary:
        """This glossary extended by ``other``.

        A concept of ``other`` with a new id is added. One with an id already
        present is merged into it: each language it names replaces that
        language's terms, and the fields it sets (subject, definition per
        language, source, note) replace the earlier ones.
        """
        concepts = {concept.id: concept for concept in self.concepts}
        for concept in other.concepts:
            earlier = concepts.get(concept.id)
            if earlier is None:
                concepts[concept.id] = concept
                continue
            terms = dict(earlier.terms)
            terms.update(concept.terms)
            definition = dict(earlier.definition)
            definition.update(concept.definition)
            concepts[concept.id] = Concept(
                id=concept.id,
                terms={lang: terms[lang] for lang in LANGUAGES if lang in terms},
                subject=concept.subject if concept.subject is not None else earlier.subject,
                definition=definition,
                source=concept.source if concept.source is not None else earlier.source,
                note=concept.note if concept.note is not None else earlier.note,
                where=concept.where,
            )
        return Glossary(tuple(concepts.values()), self.sources + other.sources)
