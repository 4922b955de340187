"""Every form of a term: inflection per language, from a declared or inferred class.

Stemmers merge different words (hælspore/hælspor, sene/senere) and miss forms,
so heellint *generates* a term's forms instead: each form carries a *slot*
(``sg``, ``sg.def``, ``pl``, ``pl.def``, ``past`` ...; ``+gen`` marks the
genitive) so a replacement can keep the inflection of the word it replaces
(hælspacen -> hælsporen: both ``sg.def``).

Classes: ``noun-m``, ``noun-f``, ``noun-n`` (nb, nn), ``noun-c``, ``noun-n``
(da, sv), ``noun`` (gender unknown), ``adj``, ``verb`` (the term is the
infinitive), ``invariable``. A term without a class is a noun (an adjective when
it ends like one: -isk, -lig, -ig), and since its gender is unknown it gets the
forms of every gender of its language: generating a form too many costs
nothing, missing one would make a correct word look like a misspelling.
Explicit ``forms`` replace the generated forms (irregular words); each is given
the slot of the generated form it resembles most.

Terms of several words inflect on the head word: the last one, or the word
before a preposition ("inflammation of the tendon").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from heellint.glossary.model import Term

VOWELS = frozenset("aeiouyæøåäöéèáàüóòíú")
PREPOSITIONS = frozenset(
    "of in on at to for with from by av i på til for med fra ved mot hos under over "
    "af på til med fra ved mod hos av på till för med från vid mot hos".split()
)


@dataclass(frozen=True, slots=True)
class Form:
    text: str  # as written (NFC), case of the term kept
    slot: str  # "sg", "sg.def", "pl", "pl.def", "sg.def/a", ..., with "+gen" for genitives


def nfc(text: str) -> str:
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """The key forms are matched by: NFC, case-folded, one space between words."""
    folded = nfc(text).casefold()
    if "  " in folded or "\n" in folded or "\t" in folded or folded != folded.strip():
        folded = " ".join(folded.split())
    return folded


# ------------------------------------------------------------ class inference

_ADJ_ENDINGS = {
    "nb": ("isk", "lig", "ig", "iv", "ell", "øs"),
    "nn": ("isk", "leg", "ig", "iv", "ell", "øs"),
    "da": ("isk", "lig", "ig", "iv", "el", "øs"),
    "sv": ("isk", "lig", "ig", "iv", "ell", "ös"),
    "en": (),
}
# Adjective endings that are also common noun endings: not inferred as
# adjectives (a noun "ventil", "kapsel"...).
_NOT_ADJ = ("kapsel", "skjell")


def infer_class(word: str, lang: str) -> str:
    """The inflection class a word's ending suggests (nouns unless it looks adjectival)."""
    lowered = word.casefold()
    if lang != "en" and len(lowered) > 5 and lowered.endswith(_ADJ_ENDINGS.get(lang, ())) and not lowered.endswith(_NOT_ADJ):
        # -ig/-lig words are adjectives; -iv/-ell/-isk too (aktiv, klinisk, generell).
        if not lowered.endswith(("rig", "ellig")) or lowered.endswith("lig"):
            return "adj"
    return "noun"


def head_index(words: list[str]) -> int:
    """Which word of a multi-word term inflects."""
    for index, word in enumerate(words):
        if index > 0 and word.casefold() in PREPOSITIONS:
            return index - 1
    return len(words) - 1


# ------------------------------------------------------------------ nouns


def _drop_e(word: str) -> str:
    return word[:-1] if word.endswith("e") and len(word) > 2 else word


def _syncope(word: str) -> str | None:
    """muskel -> muskl, skulder -> skuldr, lagen -> lagn (unstressed -el/-er/-en)."""
    lowered = word.casefold()
    if len(lowered) >= 5 and lowered[-2:] in ("el", "er", "en") and lowered[-3] not in VOWELS:
        return word[:-2] + word[-1]
    return None


def _double_final(word: str) -> str:
    """sykdom -> sykdomm (short vowel before a final -m of -dom)."""
    if word.casefold().endswith("dom"):
        return word + "m"
    return word


def _nb_noun(word: str, gender: str) -> list[Form]:
    forms: list[Form] = []
    add = lambda text, slot: forms.append(Form(text, slot))  # noqa: E731
    lowered = word.casefold()
    if gender in ("m", "f"):
        if lowered.endswith("e"):
            add(word + "n", "sg.def")
            add(word + "r", "pl")
            add(word + "ne", "pl.def")
        else:
            base = _double_final(word)
            add(base + "en", "sg.def")
            add(base + "er", "pl")
            add(base + "ene", "pl.def")
            short = _syncope(word)
            if short:
                add(short + "er", "pl/sync")
                add(short + "ene", "pl.def/sync")
            if lowered.endswith("er") and len(lowered) > 4:
                # agent nouns: behandler -> behandlere, behandlerne; sykepleier -> sykepleiere
                add(word + "e", "pl/agent")
                add(word + "ne", "pl.def/agent")
        if gender == "f":
            stem = _drop_e(_double_final(word))
            add(stem + "a", "sg.def/a")
    else:  # neuter
        if lowered.endswith("e"):
            add(word + "t", "sg.def")
            add(word + "r", "pl")
            add(word + "ne", "pl.def")
            add(_drop_e(word) + "a", "pl.def/a")
        else:
            add(word + "et", "sg.def")
            add(word, "pl/zero")
            add(word + "er", "pl")
            add(word + "ene", "pl.def")
            add(word + "a", "pl.def/a")
            short = _syncope(word)
            if short:
                add(short + "et", "sg.def/sync")
                add(short + "ene", "pl.def/sync")
                add(short + "a", "pl.def/a/sync")
    return forms


def _nn_noun(word: str, gender: str) -> list[Form]:
    forms: list[Form] = []
    add = lambda text, slot: forms.append(Form(text, slot))  # noqa: E731
    lowered = word.casefold()
    stem = _drop_e(word)
    short = _syncope(word)
    if gender == "m":
        add(word + "n" if lowered.endswith("e") else word + "en", "sg.def")
        add(stem + "ar", "pl")
        add(stem + "ane", "pl.def")
        if short:
            add(short + "ar", "pl/sync")
            add(short + "ane", "pl.def/sync")
    elif gender == "f":
        add(stem + "a", "sg.def")
        if lowered.endswith(("ing", "ning")):
            add(stem + "ar", "pl")
            add(stem + "ane", "pl.def")
        else:
            add(stem + "er", "pl")
            add(stem + "ene", "pl.def")
            add(stem + "ar", "pl/ar")
            add(stem + "ane", "pl.def/ar")
    else:
        add(word + "t" if lowered.endswith("e") else word + "et", "sg.def")
        add(word, "pl/zero")
        add(stem + "a", "pl.def")
        if short:
            add(short + "et", "sg.def/sync")
            add(short + "a", "pl.def/sync")
    return forms


def _da_noun(word: str, gender: str) -> list[Form]:
    forms: list[Form] = []
    add = lambda text, slot: forms.append(Form(text, slot))  # noqa: E731
    lowered = word.casefold()
    short = _syncope(word)
    if gender == "c":
        if lowered.endswith("e"):
            add(word + "n", "sg.def")
            add(word + "r", "pl")
            add(word + "rne", "pl.def")
        elif lowered.endswith("dom"):
            add(word + "men", "sg.def")
            add(word + "me", "pl")
            add(word + "mene", "pl.def")
        else:
            add(word + "en", "sg.def")
            add(word + "er", "pl")
            add(word + "erne", "pl.def")
            if short:
                add(short + "en", "sg.def/sync")  # muskel -> musklen
                add(short + "er", "pl/sync")
                add(short + "erne", "pl.def/sync")
            if lowered.endswith("er") and len(lowered) > 4:
                add(word + "e", "pl/agent")  # apoteker -> apotekere, apotekerne
                add(word + "ne", "pl.def/agent")
            double = _da_double(word)
            if double:  # klinik -> klinikken, hælkop -> hælkoppen
                add(double + "en", "sg.def/dbl")
                add(double + "er", "pl/dbl")
                add(double + "erne", "pl.def/dbl")
    else:
        if lowered.endswith("e"):
            add(word + "t", "sg.def")
            add(word + "r", "pl")
            add(word + "rne", "pl.def")
        else:
            add(word + "et", "sg.def")
            add(word, "pl/zero")
            add(word + "ene", "pl.def/zero")
            add(word + "er", "pl")
            add(word + "erne", "pl.def")
            add(word + "e", "pl/e")  # sygehus -> sygehuse
            double = _da_double(word)
            if double:  # hekseskud -> hekseskuddet
                add(double + "et", "sg.def/dbl")
                add(double + "ene", "pl.def/dbl")
    return forms


def _da_double(word: str) -> str | None:
    """Danish doubles a final consonant after a short vowel: klinik -> klinikk-en."""
    lowered = word.casefold()
    if len(lowered) >= 3 and lowered[-1] not in VOWELS and lowered[-1] in "bdgklmnprst" \
            and lowered[-2] in VOWELS and lowered[-3] not in VOWELS:
        return word + word[-1]
    return None


def _sv_noun(word: str, gender: str) -> list[Form]:
    forms: list[Form] = []
    add = lambda text, slot: forms.append(Form(text, slot))  # noqa: E731
    lowered = word.casefold()
    short = _syncope(word)
    if gender == "c":
        if lowered.endswith("are"):
            add(word + "n", "sg.def")
            add(word, "pl/zero")
            add(word[:-1] + "na", "pl.def")
        elif lowered.endswith("a"):
            stem = word[:-1]
            add(word + "n", "sg.def")
            add(stem + "or", "pl")
            add(stem + "orna", "pl.def")
        elif lowered.endswith("e"):
            stem = word[:-1]
            add(word + "n", "sg.def")
            add(stem + "ar", "pl")
            add(stem + "arna", "pl.def")
        elif short:
            add(word + "n", "sg.def")  # muskel -> muskeln
            add(short + "ar", "pl")
            add(short + "arna", "pl.def")
            add(short + "er", "pl/er")
            add(short + "erna", "pl.def/er")
        elif lowered.endswith("i"):  # terapi -> terapin, terapier, terapierna
            add(word + "n", "sg.def")
            add(word + "er", "pl")
            add(word + "erna", "pl.def")
        elif lowered.endswith(("ing", "dom")):
            add(word + "en", "sg.def")
            add(word + "ar", "pl")
            add(word + "arna", "pl.def")
        elif lowered.endswith(("het", "ion", "it", "os", "ur", "ent", "ism", "ist", "ör", "ik", "tet", "ans", "ens", "in")):
            add(word + "en", "sg.def")
            add(word + "er", "pl")
            add(word + "erna", "pl.def")
        else:
            add(word + "en", "sg.def")
            add(word + "ar", "pl")
            add(word + "arna", "pl.def")
            add(word + "er", "pl/er")
            add(word + "erna", "pl.def/er")
    else:
        if lowered[-1:] in VOWELS and not lowered.endswith("i"):
            add(word + "t", "sg.def")
            add(word + "n", "pl")
            add(word + "na", "pl.def")
        elif lowered.endswith("i"):
            add(word + "et", "sg.def")
            add(word + "er", "pl")
            add(word + "erna", "pl.def")
        else:
            add(word + "et", "sg.def")
            add(word, "pl/zero")
            add(word + "en", "pl.def")
            add(word + "er", "pl/er")
            add(word + "erna", "pl.def/er")
    return forms


def _en_noun(word: str) -> list[Form]:
    forms: list[Form] = []
    lowered = word.casefold()
    if lowered.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(Form(word + "es", "pl"))
    elif lowered.endswith("y") and len(lowered) > 2 and lowered[-2] not in VOWELS:
        forms.append(Form(word[:-1] + "ies", "pl"))
    else:
        forms.append(Form(word + "s", "pl"))
    if lowered.endswith("is"):
        forms.append(Form(word[:-2] + "es", "pl/latin"))  # diagnosis -> diagnoses
    elif lowered.endswith("um"):
        forms.append(Form(word[:-2] + "a", "pl/latin"))  # bacterium -> bacteria
    elif lowered.endswith("us"):
        forms.append(Form(word[:-2] + "i", "pl/latin"))  # fungus -> fungi
    elif lowered.endswith("on") and len(lowered) > 6:
        forms.append(Form(word[:-2] + "a", "pl/latin"))  # criterion -> criteria
    return forms


_GENDERS = {"nb": ("m", "f", "n"), "nn": ("m", "f", "n"), "da": ("c", "n"), "sv": ("c", "n"), "en": ("c",)}
_NOUN_BUILDERS = {"nb": _nb_noun, "nn": _nn_noun, "da": _da_noun, "sv": _sv_noun}


def _noun(word: str, lang: str, gender: str | None) -> list[Form]:
    if lang == "en":
        return _en_noun(word)
    builder = _NOUN_BUILDERS[lang]
    if gender is not None:
        return builder(word, gender)
    # Gender unknown: every gender's forms; the later genders' slots are marked
    # (sg.def/n) so a replacement keeps a neuter form neuter.
    forms: list[Form] = []
    for number, each in enumerate(_GENDERS[lang]):
        for form in builder(word, each):
            forms.append(form if number == 0 else Form(form.text, form.slot + "/" + each))
    return forms


# -------------------------------------------------------------- adjectives


def _adjective(word: str, lang: str) -> list[Form]:
    forms: list[Form] = []
    add = lambda text, slot: forms.append(Form(text, slot))  # noqa: E731
    lowered = word.casefold()
    if lang == "en":
        return forms
    if lowered.endswith("e"):  # moderne: invariable
        return forms
    short = _syncope(word)
    definite = "a" if lang == "sv" else "e"
    if lowered.endswith(("el", "en", "er")) and short and lang != "sv":
        add(short + "e", "pos.def")
    elif lowered.endswith(("el", "en", "er")) and short and lang == "sv":
        add(short + "a", "pos.def")
    else:
        # a short vowel before a final consonant doubles it: akutt -> akutte (already double)
        add(word + definite, "pos.def")
    if lang == "sv":
        add(word + "e", "pos.def/masc")
    neuter_t = not lowered.endswith("t")
    if lang in ("nb", "nn", "da") and lowered.endswith(("isk", "ig", "lig", "leg")):
        neuter_t = lang == "da" and lowered.endswith("ig")  # da: vigtig -> vigtigt; nb: viktig -> viktig
    if neuter_t:
        add(word + "t", "pos.n")
    if lang in ("nb", "da"):
        add(word + "ere", "comp")
        add(word + "est", "sup")
        add(word + "este", "sup.def")
    else:
        add(word + "are", "comp")
        add(word + "ast", "sup")
        add(word + "aste", "sup.def")
    return forms


# ------------------------------------------------------------------- verbs


def _verb(word: str, lang: str) -> list[Form]:
    forms: list[Form] = []
    add = lambda text, slot: forms.append(Form(text, slot))  # noqa: E731
    lowered = word.casefold()
    if lang == "en":
        if lowered.endswith(("s", "x", "z", "ch", "sh", "o")):
            add(word + "es", "pres")
        elif lowered.endswith("y") and len(lowered) > 2 and lowered[-2] not in VOWELS:
            add(word[:-1] + "ies", "pres")
        else:
            add(word + "s", "pres")
        if lowered.endswith("e"):
            add(word + "d", "past")
            add(word[:-1] + "ing", "ing")
        elif lowered.endswith("y") and len(lowered) > 2 and lowered[-2] not in VOWELS:
            add(word[:-1] + "ied", "past")
            add(word + "ing", "ing")
        else:
            add(word + "ed", "past")
            add(word + "ing", "ing")
        return forms
    if lang == "sv":
        stem = word[:-1] if lowered.endswith("a") else word
        add(stem + "ar", "pres")
        add(stem + "er", "pres/er")
        add(stem + "ade", "past")
        add(stem + "de", "past/de")
        add(stem + "te", "past/te")
        add(stem + "at", "sup")
        add(stem + "t", "sup/t")
        add(stem + "ad", "ptc")
        add(stem + "ade", "ptc.def")
        add(stem + "ande", "prespt")
        add(word + "s", "pass")
        add(stem + "ades", "past.pass")
        add(stem + "es", "pass/es")
        return forms
    stem = _drop_e(word) if lowered.endswith("e") else (word[:-1] if lang == "nn" and lowered.endswith("a") else word)
    if lang == "nb":
        add(word + "r" if lowered.endswith("e") else word + "r", "pres")
        add(stem + "et", "past")
        add(stem + "a", "past/a")
        add(stem + "te", "past/te")
        add(stem + "de", "past/de")
        add(stem + "t", "ptc/t")
        add(stem + "d", "ptc/d")
        add(word + "s", "pass")
        add(stem + "es", "pass/es")
        add(stem + "ende", "prespt")
    elif lang == "nn":
        add(stem + "ar", "pres")
        add(stem + "er", "pres/er")
        add(stem + "a", "past")
        add(stem + "te", "past/te")
        add(stem + "de", "past/de")
        add(stem + "t", "ptc/t")
        add(stem + "d", "ptc/d")
        add(word + "st", "pass")
        add(stem + "ast", "pass/ast")
        add(stem + "ande", "prespt")
    else:  # da
        add(word + "r", "pres")
        add(stem + "ede", "past")
        add(stem + "te", "past/te")
        add(stem + "de", "past/de")
        add(stem + "et", "ptc")
        add(stem + "t", "ptc/t")
        add(word + "s", "pass")
        add(word + "rs", "pres.pass")
        add(stem + "ende", "prespt")
    return forms


# ---------------------------------------------------------------- genitive


def _genitives(forms: Iterable[Form], lang: str) -> list[Form]:
    result = []
    for form in forms:
        if "+gen" in form.slot or form.slot.startswith(("pres", "past", "ptc", "sup", "pass", "inf", "ing")):
            continue
        lowered = form.text.casefold()
        if lang == "en":
            if lowered.endswith("s"):
                continue  # patients' (the apostrophe is outside the word)
            result.append(Form(form.text + "'s", form.slot + "+gen"))
            result.append(Form(form.text + "’s", form.slot + "+gen/curly"))
        elif not lowered.endswith(("s", "x", "z")):
            result.append(Form(form.text + "s", form.slot + "+gen"))
    return result


# ------------------------------------------------------------------ public


def word_forms(word: str, lang: str, inflection: str | None) -> list[Form]:
    """Forms of one word (the base form first, slot ``sg``), genitives included."""
    klass = inflection or infer_class(word, lang)
    base_slot = {"verb": "inf", "adj": "pos"}.get(klass, "sg")
    forms = [Form(word, base_slot)]
    if klass == "invariable":
        return forms
    if klass.startswith("noun"):
        gender = klass.split("-", 1)[1] if "-" in klass else None
        if lang == "en":
            gender = None
        elif gender is not None and gender not in _GENDERS[lang]:
            gender = None
        forms.extend(_noun(word, lang, gender))
    elif klass == "adj":
        forms.extend(_adjective(word, lang))
    elif klass == "verb":
        forms.extend(_verb(word, lang))
    if klass.startswith("noun"):
        forms.extend(_genitives(forms, lang))
    return _unique(forms)


def _unique(forms: Iterable[Form]) -> list[Form]:
    seen: set[str] = set()
    result = []
    for form in forms:
        key = form.text
        if key not in seen:
            seen.add(key)
            result.append(form)
    return result


def phrase_forms(text: str, lang: str, inflection: str | None) -> list[Form]:
    """Forms of a term of one or more words: the head word inflects."""
    text = " ".join(nfc(text).split())
    words = text.split(" ")
    if len(words) == 1:
        return word_forms(text, lang, inflection)
    head = head_index(words)
    klass = inflection or infer_class(words[head], lang)
    result = []
    for form in word_forms(words[head], lang, klass):
        result.append(Form(" ".join(words[:head] + [form.text] + words[head + 1:]), form.slot))
    return result


def _common_suffix(left: str, right: str) -> int:
    count = 0
    for a, b in zip(reversed(left), reversed(right)):
        if a != b:
            break
        count += 1
    return count


def assign_slots(term_text: str, explicit: Iterable[str], lang: str, inflection: str | None) -> list[Form]:
    """Slots for explicitly listed forms: each gets the slot of the generated
    form whose ending it shares most (føttene ~ fotene -> pl.def)."""
    generated = phrase_forms(term_text, lang, inflection)[1:]
    result = []
    for text in explicit:
        text = " ".join(nfc(text).split())
        best_slot, best_score = "sg/explicit", 0
        folded = text.casefold()
        for form in generated:
            if "/" in form.slot:
                continue
            score = _common_suffix(folded, form.text.casefold())
            if score > best_score:
                best_slot, best_score = form.slot, score
        if best_score == 0:
            for form in generated:
                score = _common_suffix(folded, form.text.casefold())
                if score > best_score:
                    best_slot, best_score = form.slot.split("/")[0], score
        result.append(Form(text, best_slot))
    return result


@lru_cache(maxsize=None)
def _term_forms_cached(term_text: str, lang: str, inflection: str | None, forms: tuple[str, ...]) -> tuple[Form, ...]:
    text = " ".join(nfc(term_text).split())
    if forms:
        base = Form(text, {"verb": "inf", "adj": "pos"}.get(inflection or "", "sg"))
        explicit = assign_slots(text, forms, lang, inflection)
        listed = [base] + explicit
        # Genitives of explicit forms (nouns only): hælsporens, føttenes.
        klass = inflection or infer_class(text.split()[-1], lang)
        if klass.startswith("noun") or klass == "noun":
            listed.extend(_genitives(listed, lang))
        return tuple(_unique(listed))
    return tuple(phrase_forms(text, lang, inflection))


def term_forms(term: Term, lang: str) -> tuple[Form, ...]:
    """Every form of ``term`` (itself first)."""
    return _term_forms_cached(term.term, lang, term.inflection, term.forms)


def variant_forms(variant: str, term: Term, lang: str) -> tuple[Form, ...]:
    """Forms of a misspelling or variant of ``term``, inflected like the term
    (hælspace -> hælspacen, hælspacer ...), so each maps to a slot."""
    return _term_forms_cached(variant, lang, term.inflection, ())


def base_slot(slot: str) -> str:
    """``pl.def/sync+gen`` -> ``pl.def+gen``: the slot without its variant mark."""
    genitive = "+gen" if "+gen" in slot else ""
    core = slot.split("+", 1)[0].split("/", 1)[0]
    return core + genitive


def form_in_slot(forms: tuple[Form, ...], slot: str) -> Form:
    """The form of ``forms`` for ``slot``: the same slot, else the same slot
    without variant marks, else the base form (with a genitive -s kept)."""
    for form in forms:
        if form.slot == slot:
            return form
    wanted = base_slot(slot)
    for form in forms:
        if base_slot(form.slot) == wanted:
            return form
    if "+gen" in slot:
        for form in forms:
            if form.slot == "sg+gen" or form.slot.endswith("+gen"):
                return form
    # pos.def/masc etc.: the first form whose slot starts like the wanted one
    family = wanted.split(".", 1)[0].split("+", 1)[0]
    for form in forms:
        if form.slot.split(".", 1)[0].split("/", 1)[0] == family and "+gen" not in form.slot:
            return form
    return forms[0]
