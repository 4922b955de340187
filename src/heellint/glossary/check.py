"""``heellint glossary check``: lint a glossary.

Reports, each with file:line: schema problems (unknown keys, wrong types, bad
language tags: ``no`` must be ``nb`` or ``nn``), duplicate concept ids, more
than one preferred term per language in a concept, a term preferred in one
concept and deprecated in another, the same term in two concepts, generated
forms of two concepts that collide, strings not in Unicode NFC, empty
concepts, and misspellings that are themselves forms of an approved term.
"""

from __future__ import annotations

import os
import unicodedata
from typing import Iterable

from heellint.glossary.forms import fold, term_forms
from heellint.glossary.loader import Problem, load_glossary
from heellint.glossary.model import LANGUAGES, Concept, Glossary, Term, Where


def check_paths(paths: Iterable[str | os.PathLike]) -> tuple[Glossary, list[Problem]]:
    """Load (collecting problems) and lint; raises DataError only for unreadable input."""
    problems: list[Problem] = []
    glossary = load_glossary(paths, problems)
    problems.extend(check_glossary(glossary))
    problems.sort(key=lambda problem: (problem.path, problem.line or 0, problem.message))
    return glossary, problems


def _problem(where: Where, message: str, code: str) -> Problem:
    return Problem(where.path, where.line, message, code)


def check_glossary(glossary: Glossary) -> list[Problem]:
    problems: list[Problem] = []
    problems.extend(_duplicate_ids(glossary))
    problems.extend(_empty_concepts(glossary))
    problems.extend(_preferred_per_language(glossary))
    problems.extend(_nfc(glossary))
    problems.extend(_shared_terms(glossary))
    problems.extend(_colliding_forms(glossary))
    problems.extend(_misspellings_that_are_forms(glossary))
    return problems


def _duplicate_ids(glossary: Glossary) -> list[Problem]:
    seen: dict[str, Concept] = {}
    problems = []
    for concept in glossary.concepts:
        earlier = seen.get(concept.id)
        if earlier is not None:
            problems.append(_problem(concept.where, f"duplicate concept id '{concept.id}' (first at {earlier.where})",
                                     "duplicate-id"))
        else:
            seen[concept.id] = concept
    return problems


def _empty_concepts(glossary: Glossary) -> list[Problem]:
    problems = []
    for concept in glossary.concepts:
        if not any(concept.terms.get(lang) for lang in LANGUAGES):
            problems.append(_problem(concept.where, f"concept '{concept.id}' has no terms", "empty-concept"))
        else:
            for lang, terms in concept.terms.items():
                if not terms:
                    problems.append(_problem(concept.where, f"concept '{concept.id}' lists no terms for '{lang}'",
                                             "empty-concept"))
    return problems


def _preferred_per_language(glossary: Glossary) -> list[Problem]:
    problems = []
    for concept in glossary.concepts:
        for lang in LANGUAGES:
            preferred = concept.preferred(lang)
            if len(preferred) > 1:
                names = ", ".join(f"'{term.term}'" for term in preferred)
                problems.append(_problem(preferred[1].where,
                                         f"concept '{concept.id}' has {len(preferred)} preferred terms in '{lang}': {names}",
                                         "several-preferred"))
    return problems


def _strings_of(concept: Concept) -> Iterable[tuple[Where, str, str]]:
    yield concept.where, "id", concept.id
    for label, value in (("subject", concept.subject), ("source", concept.source), ("note", concept.note)):
        if value:
            yield concept.where, label, value
    for lang, text in concept.definition.items():
        yield concept.where, f"definition ({lang})", text
    for lang, term in concept.all_terms():
        yield term.where, "term", term.term
        for text in term.forms:
            yield term.where, "form", text
        for text in term.misspellings:
            yield term.where, "misspelling", text
        if term.compound:
            yield term.where, "compound", term.compound
        if term.note:
            yield term.where, "note", term.note


def _nfc(glossary: Glossary) -> list[Problem]:
    problems = []
    for concept in glossary.concepts:
        for where, label, text in _strings_of(concept):
            if not unicodedata.is_normalized("NFC", text):
                problems.append(_problem(where, f"{label} {text!r} is not in Unicode NFC (composed) form", "not-nfc"))
    return problems


def _term_index(glossary: Glossary) -> dict[tuple[str, str], list[tuple[Concept, Term]]]:
    index: dict[tuple[str, str], list[tuple[Concept, Term]]] = {}
    for concept in glossary.concepts:
        for lang, term in concept.all_terms():
            index.setdefault((lang, fold(term.term)), []).append((concept, term))
    return index


def _shared_terms(glossary: Glossary) -> list[Problem]:
    problems = []
    for (lang, _), items in _term_index(glossary).items():
        concepts = {concept.id for concept, _ in items}
        if len(concepts) < 2:
            continue
        statuses = {term.status for _, term in items}
        first_concept, first_term = items[0]
        for concept, term in items[1:]:
            if concept.id == first_concept.id:
                continue
            if "preferred" in statuses and statuses & {"deprecated", "superseded"}:
                preferred_in = next(c.id for c, t in items if t.status == "preferred")
                rejected_in = next(c.id for c, t in items if t.status in ("deprecated", "superseded"))
                message = (f"'{term.term}' ({lang}) is preferred in '{preferred_in}' and "
                           f"deprecated in '{rejected_in}'")
                code = "preferred-and-deprecated"
            else:
                message = (f"'{term.term}' ({lang}) is a term of two concepts: '{first_concept.id}' "
                           f"({first_term.where}) and '{concept.id}'")
                code = "term-in-two-concepts"
            problems.append(_problem(term.where, message, code))
    return problems


def _colliding_forms(glossary: Glossary) -> list[Problem]:
    """Two concepts generating the same form in one language (terms already
    shared by two concepts are reported once, by _shared_terms)."""
    owners: dict[tuple[str, str], tuple[Concept, Term, str]] = {}
    problems = []
    shared = {key for key, items in _term_index(glossary).items() if len({c.id for c, _ in items}) > 1}
    reported: set[tuple[str, str, str]] = set()
    for concept in glossary.concepts:
        for lang, term in concept.all_terms():
            for form in term_forms(term, lang):
                key = (lang, fold(form.text))
                owner = owners.get(key)
                if owner is None:
                    owners[key] = (concept, term, form.text)
                    continue
                other_concept, other_term, _ = owner
                if other_concept.id == concept.id:
                    continue
                if (lang, fold(term.term)) in shared and fold(term.term) == fold(other_term.term):
                    continue
                pair = (lang, *sorted((concept.id, other_concept.id)))
                if pair in reported:
                    continue
                reported.add(pair)
                problems.append(_problem(
                    term.where,
                    f"form '{form.text}' ({lang}) of '{term.term}' in '{concept.id}' is also a form of "
                    f"'{other_term.term}' in '{other_concept.id}' ({other_term.where})",
                    "colliding-forms",
                ))
    return problems


def _misspellings_that_are_forms(glossary: Glossary) -> list[Problem]:
    approved: dict[tuple[str, str], tuple[Concept, Term]] = {}
    for concept in glossary.concepts:
        for lang, term in concept.all_terms():
            if term.approved:
                for form in term_forms(term, lang):
                    approved.setdefault((lang, fold(form.text)), (concept, term))
    problems = []
    for concept in glossary.concepts:
        for lang, term in concept.all_terms():
            for misspelling in term.misspellings:
                owner = approved.get((lang, fold(misspelling)))
                if owner is not None:
                    other_concept, other_term = owner
                    problems.append(_problem(
                        term.where,
                        f"misspelling '{misspelling}' of '{term.term}' is a form of the approved term "
                        f"'{other_term.term}' ('{other_concept.id}')",
                        "misspelling-is-form",
                    ))
    return problems
