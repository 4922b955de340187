"""Which of heellint's five languages a text is written in.

The detector tells Norwegian Bokmål (nb), Nynorsk (nn), Danish (da), Swedish
(sv) and English (en) apart with hand-written evidence, no trained model and no
dependency:

- function words and frequent words whose spelling differs between the
  languages (nb "ikke/hva/av/etter", nn "ikkje/kva/eit/frå", da
  "af/hvad/efter/gennem", sv "och/inte/att", en "the/and/of"),
- endings that are typical of one language or two ("-sjon" against "-tion",
  "-het/-heit/-hed", the definite plurals "-ene", "-ane", "-erne", "-arna", the
  Danish and Swedish neuter "-igt", the Nynorsk adjectives in "-leg"),
- letters and letter pairs: Swedish "ä/ö", Danish "æ" (outside the stems it
  shares with Norwegian) and "øj", Norwegian "øy", "kj", "gj" and "ei".

Each piece of evidence adds a weight to the languages it points to; the scores
are turned into probabilities with a softmax.  Weights were set by hand from
knowledge of the languages and checked against the first half of the test set
in ``tests/text/data/langid`` (see ``docs/language-detection.md`` for the
method and the measured accuracy).

The function is pure and linear in the length of the text: ``str.split`` and
``collections.Counter`` for the words (cheaper than a regex word scan), then a
handful of literal-led regex scans for the endings and ``str.count`` for the
letters, both over the joined vocabulary rather than the whole text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

__all__ = ["LANGUAGES", "LanguageGuess", "detect_language"]

LANGUAGES: tuple[str, ...] = ("nb", "nn", "da", "sv", "en")
"""The languages the detector can answer, in a fixed order."""

# Below this many words the detector does not commit to a language.
_MINIMUM_WORDS = 5
# Below this probability for the best language it does not commit either.
_MINIMUM_CONFIDENCE = 0.5
# Softmax temperature, in units of evidence weight: a lead of this many points
# makes the leading language e (2.7) times as likely as the runner-up.
_TEMPERATURE = 2.0
# Longer documents are judged on three windows (beginning, middle, end) that
# add up to this many characters, which keeps the cost bounded.
_MAXIMUM_CHARACTERS = 60_000


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The detector's answer.

    ``lang`` is one of ``LANGUAGES``, or None when the text is too short (under
    five words), carries no evidence, or no language reaches a probability of
    0.5.  ``confidence`` is the probability of the best language (0 when there
    is no evidence at all); ``scores`` maps every language to its probability,
    the probabilities summing to 1.
    """

    lang: str | None
    confidence: float
    scores: dict[str, float]


# ---------------------------------------------------------------------------
# Word evidence.  One line: a weight, the languages it is given to (comma
# separated), then the words.  A word appears on one line only (a test checks
# it).  Weights: 3 for a word that marks one language, 2 for a word shared by
# two of the Scandinavian languages against the others, 1-1.5 for weaker or
# broader cues.  Words every Scandinavian language shares (som, med, det, har,
# kan, på, om, man, vi, du ...) carry no information between them and are left
# out.
# ---------------------------------------------------------------------------
_WORD_EVIDENCE = """
# --- English -------------------------------------------------------------
3   en  the and of is are was were with that this these those you your it its
3   en  been have has had which what how when why who there their they them than
3   en  from by not or will would should could into about also such some any each
3   en  other only very does did because while our we he she his an on as but can
3   en  pain treatment patients symptoms people doctor weeks months days years
2   en  a in if do be after before more most often one two get make may might us
2   en  help all
1   en  to

# --- Swedish ---------------------------------------------------------------
3   sv  och inte är att också från till vad hur varför någon något några många
3   sv  mycket jag ska vill måste även eftersom därför mellan genom kanske dessa
3   sv  detta denna vilken vilket vilka sina sitt vid ju dock ett upp tillsammans
3   sv  sedan symtom symtomen läkemedel läkare vård hälsa träning vecka veckor
3   sv  smärta smärtan smärtor varit vara kunna kunde hade behöver använda
3   sv  använder andra alla samma hela själv sjukhus vuxna kvinnor när
2   sv  ofta bara fler flera ont
3   sv  annat barnen tidigare senare vila kallas
3   sv  vaccin vaccinet
2   da,sv  efter sig mig dig nu sådan blev aldrig patient patienter patienten
2   nn,sv  utan medan
2   nn,sv  annan
2.5 nn,sv  morgon morgonen
2   nn,sv  sjukdom sjukdomar
1   nb,sv  vanlig mer
1   nb,nn,sv  blir bli fått gått ta foten fot mot natt alltid viktig lite liten
1   nb,nn,sv  mat ute inne riktig bra
2   nb,sv  heter
2.5 da,sv  medicin medicinen
2   da,sv  betyder
2   da,sv  vacciner

# --- Danish ----------------------------------------------------------------
3   da  af hvad nogle noget nogen meget gennem igennem mellem uden ud op os
3   da  bliver blive blevet havde haft fået gået sket sker måske hvornår vores
3   da  lidt endnu igen desuden derudover yderligere netop længe længere blandt
3   da  sjældent sjælden præcis præcist høj højt høje ældre børn kvinder mænd
3   da  måde måder måden vigtig vigtigt vigtige sundhed undersøgelse
3   da  undersøgelser tilfælde ondt altid ind inden indtil anden andet finde
3   da  finder kende kender lige ligesom sige siger sagde løbe løber løbere løb
3   da  købe søge søger bruge bruger brugt gøre gør tage tager træning træne
3   da  træner mave hoved hovedpine knæ knæet fod foden fødder læge lægen
3   da  læger uge uger ugen syg sygdom sygdomme sygdommen sygehus hjælp hjælpe
3   da  hjælper fik gik mærke mærker forsøge efterhånden derhjemme gerne
3   da  desværre fortsat mere behøver hjerte hjertet ret
3   da  mad øge øger øget øgning åbne åbner åben næse mund tand blodtryk vægt
3   da  vægttab læg læggen tæerne sidder sidde ude inde spørgsmål rigtig rigtigt
3   da  rigtige derefter skridt plejer hedder kaldes kaldet lægge lavet selvom
3   da  nem nemt nemmere ligeledes
2.5 da  tryk
2   da  vide aften trænger laver tit
3   da  vaccinen kræft
1.5 da  lave
2   da  mod dage gange nat specielt fælles hvid tillæg ske hurtigt
1.5 da  dog
1   da  at

# --- Norwegian, both written standards ------------------------------------
3   nb,nn  seg meg deg mellom gjennom etter litt kanskje
2   nb,nn  opp blitt hadde hjelp hjelpe hjelper lege legen trening trene måte
2   nb,nn  måten måter kne kneet rygg igjen lenge lengre lenger blant slik
2   nb,nn  dersom spesielt raskt vondt betennelse hevelse pasient pasienter
2   nb,nn  pasienten pasientene viktige nei kjenne kjenner finne finner inn mann
2   nb,nn  skje skjer skjedd gjerne dessverre fortsatt veldig helse løpet eldre
2   nb,nn  menn kvinner tok rett lett tilfelle
1   nb,nn  mage blei
2.5 nb,nn  å medisin medisiner medisinen medisinene
3   nb,nn  blodtrykk
2   nb,nn  bruke brukt leke nese munn tann tenner trykk vekt legg sitte vite
2   nb,nn  spørsmål riktige deretter skritt kveld kvelden lage kalt barna
1.5 nb,nn  laget
2.5 nb,nn  vaksine vaksinen vaksiner vaksinene kreft

# --- Bokmål ------------------------------------------------------------------
3   nb  hva noen noe mye ble uten annen annet innen hode vann sykdom sykdommer
3   nb  sykdommen syk uke uker uken ukene føtter gjøre gjør søke kjøpe løpe
3   nb  løper sier ennå dessuten ytterligere sjelden vært fikk gikk dager
3   nb  ganger tilfeller undersøkelse undersøkelser hvit sykehus vanligvis
3   nb  vanligste trenger fremdeles hun
2   nb  høy høyt høye vanlige presis tar
3   nb  øke øker økt økende økning åpne åpner åpen vekttap tærne bruker
2.5 nb  vet pleier kalles
1.5 nb  fra

# --- Bokmål and Danish ---------------------------------------------------------
2   nb,da  ikke jeg hvordan hvorfor hvem hvor hvilke hvilken hvilket hver hvert
2   nb,da  være selv sammen særlig egne siden mens
1.5 nb,da  også hvis disse deres hele flere føler synes hjemme mulig nødvendig
1.5 nb,da  vanskelig lille et
1.5 nb,da  tidligere senere allerede gulvet hvile hurtig hurtige
1   nb,da  bare kun

# --- Nynorsk ---------------------------------------------------------------
3   nn  ikkje kva korleis kvifor kven kvar kvart nokon noko nokre frå òg berre
3   nn  mykje meir dei deira heile fleire vere vore ho eg sjølv eigen eige eigne
3   nn  eiga desse hjå saman difor dessutan sjeldan vanleg vanlege vanlegvis
3   nn  mogleg veke veker veka vekene gonger gong månad månader sjukdomen
3   nn  hovud heime kjem gjer gjere tek teke seier sjå såg fekk gjekk vart vert
3   nn  verte høg høgt høge låg lågt gje gjev enno framleis ete born borna auge
3   nn  augo kjensle naudsynt trur treng søv ligg byrje tidlegare seinare særleg
3   nn  sidan ein eit hjarte hjartet sjukehus fyrste
3   nn  auke aukar auka brukar medisinar anna døme dømes allereie golv golvet
3   nn  pleiar heiter kvile opne opnar open
1.5 nn  di
2   nn  dagar då
1.5 nn  ei me no

# --- Shared by three -------------------------------------------------------
1   nb,nn,da  til og er dette denne fordi mange andre alle
1   nb,da,sv  de en egen eget tror
1   nb,nn,sv  av ut
"""

# ---------------------------------------------------------------------------
# Endings: (weight, languages, regex).  Each regex starts with the literal
# ending so that the regex engine can search for it quickly; the lookbehind
# that follows asks for a minimum word length, and the negative lookbehinds
# leave out known words that end the same way in another language.
# ---------------------------------------------------------------------------
_ENDING_EVIDENCE: tuple[tuple[float, str, str], ...] = (
    # informasjon/informasjonen/informasjoner, nn -sjonar/-sjonane
    (2.0, "nb,nn", r"sjon(?<=\w\wsjon)(?:en|er|ene|ar|ane)?\b"),
    # information/informationen/informationer
    (1.5, "da,sv", r"tion(?<=\w\wtion)(?:en|er|erne|erna)?\b"),
    # nn -heit (moglegheit, usikkerheit)
    (3.0, "nn", r"heit(?<=\w\wheit)(?:a|en|ar|ane)?\b"),
    # nb and sv -het (mulighet, möjlighet)
    (1.5, "nb,sv", r"het(?<=\w\w\whet)(?:en|er|ene|erna)?\b"),
    # da -hed (mulighed, sundhed)
    (3.0, "da", r"hed(?<=\w\w\whed)(?:en|er|erne)?\b"),
    # Danish and Swedish neuter -igt (vigtigt, muligt); Bokmål writes -ig
    (2.0, "da,sv", r"igt(?<=\w\wigt)\b"),
    # nn adjectives in -leg (vanleg, vanlegt, vanlegare, vanlegast)
    (3.0, "nn", r"leg(?<=\w\wleg)(?:t|are|ast|aste)?\b"),
    # ... and their plural -lege, but not the Norwegian doctor compounds
    (
        2.0,
        "nn",
        r"lege(?<=\w\wlege)\b(?<!fastlege)(?<!tannlege)(?<!barnelege)(?<!øyelege)"
        r"(?<!skolelege)(?<!skulelege)(?<!kommunelege)(?<!bedriftslege)(?<!allmennlege)",
    ),
    # Norwegian definite plural -ene (smertene, musklene)
    (1.0, "nb,nn", r"ene(?<=\w\w\wene)\b"),
    # nn definite plural -ane (smertane, musklane)
    (2.0, "nn", r"ane(?<=\w\w\wane)\b"),
    # Danish definite plural -erne, but not gjerne/fjerne/hjerne or moderne
    (2.0, "da", r"erne(?<=\w\w\werne)\b(?<!jerne)(?<!moderne)(?<!interne)(?<!eksterne)(?<!externe)"),
    # Swedish definite plural -arna/-orna/-erna
    (3.0, "sv", r"rna(?<=\w\w\w\w[aoe]rna)\b"),
    # nn definite feminine -inga (behandlinga, treninga)
    (2.5, "nn", r"inga(?<=\w\w\winga)\b"),
    # nn and sv plurals and presents in -ar (smertar, dagar, kastar)
    (1.0, "nn,sv", r"ar(?<=\w\w\war)\b(?<!ansvar)(?<!forsvar)(?<!januar)(?<!februar)"),
    # nn superlatives and passives in -ast, sv adverbs in -ast (endast)
    (1.0, "nn,sv", r"ast(?<=\w\w\wast)\b"),
    # nn infinitives in -gje/-kje (ringje, søkje, byggje), not nb "skje"
    (2.5, "nn", r"je(?<=\w\w\w[gk]je)\b(?<!skje)"),
    # Swedish participles in -ad (stukad, ökad, planerad)
    (1.5, "sv", r"ad(?<=\w\w\wad)\b(?<!månad)"),
)

# Letters and letter sequences, counted with str.count: (weight, languages,
# strings); the counts of all the strings of one entry are added up.
_LETTER_EVIDENCE: tuple[tuple[float, str, tuple[str, ...]], ...] = (
    (2.0, "sv", ("ä", "ö")),
    (2.0, "da", ("øj",)),
    (1.5, "nb,nn", ("øy",)),
    (1.0, "nb,nn", ("kj", "gj")),
    (0.4, "nb,nn", ("ei",)),
    (0.4, "nb,nn,da", ("ø", "æ")),
    # English spelling: "w" is rare in Scandinavian words.  ("th" is not a
    # usable cue: Scandinavian compounds have it at the seam, kost+holdet.)
    (1.0, "en", ("w",)),
)

# "æ" is far more frequent in Danish (træning, læge, mærke) than in Norwegian,
# which keeps it in a few stems (hæl, være, lære, tær, nær ...).  Occurrences
# inside those shared stems are not counted.
_DANISH_AE_WEIGHT = 0.7
_SHARED_AE_STEMS = ("hæl", "vær", "lær", "tær", "nær", "bær", "sær", "ærl", "væsk")

# Words are found with str.split, which is several times faster than a regex
# scan, and are not lower-cased; so every evidence word is also looked up
# capitalised and with the punctuation that most often follows a word.
_GLUED_PUNCTUATION = ("", ",", ".", ":", "?", ")")


def _language_indices(languages: str) -> tuple[int, ...]:
    return tuple(LANGUAGES.index(language) for language in languages.split(","))


def _parse_word_evidence(table: str) -> dict[str, tuple[tuple[int, float], ...]]:
    """Read ``_WORD_EVIDENCE`` into word -> ((language index, weight), ...)."""
    evidence: dict[str, tuple[tuple[int, float], ...]] = {}
    for line in table.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        weight_text, languages_text, *words = line.split()
        weight = float(weight_text)
        entry = tuple((index, weight) for index in _language_indices(languages_text))
        for word in words:
            for form in (word, word[0].upper() + word[1:]):
                for punctuation in _GLUED_PUNCTUATION:
                    evidence[form + punctuation] = entry
    return evidence


_WORD_WEIGHTS = _parse_word_evidence(_WORD_EVIDENCE)
_WORD_KEYS = frozenset(_WORD_WEIGHTS)
_ENDINGS = tuple(
    (weight, _language_indices(languages), re.compile(pattern))
    for weight, languages, pattern in _ENDING_EVIDENCE
)
_LETTERS = tuple(
    (weight, _language_indices(languages), strings) for weight, languages, strings in _LETTER_EVIDENCE
)
_DANISH = LANGUAGES.index("da")


def _sample(text: str) -> str:
    """The text itself, or for a very long text its beginning, middle and end."""
    if len(text) <= _MAXIMUM_CHARACTERS:
        return text
    window = _MAXIMUM_CHARACTERS // 3
    middle = (len(text) - window) // 2
    return "\n".join((text[:window], text[middle : middle + window], text[-window:]))


def _evidence_scores(text: str) -> tuple[list[float], int]:
    """Raw evidence per language (in ``LANGUAGES`` order) and the word count.

    Words count every time they occur; endings and letters are counted once
    per distinct word (on the joined vocabulary), which keeps their cost
    proportional to the vocabulary rather than to the text.
    """
    sample = _sample(text)
    if not unicodedata.is_normalized("NFC", sample):
        sample = unicodedata.normalize("NFC", sample)
    tokens = sample.split()
    counts = Counter(tokens)
    scores = [0.0] * len(LANGUAGES)
    for token in _WORD_KEYS.intersection(counts):
        count = counts[token]
        for index, weight in _WORD_WEIGHTS[token]:
            scores[index] += weight * count
    vocabulary = " ".join(counts).lower()
    for weight, indices, pattern in _ENDINGS:
        found = len(pattern.findall(vocabulary))
        if found:
            for index in indices:
                scores[index] += weight * found
    for weight, indices, strings in _LETTERS:
        found = sum(vocabulary.count(string) for string in strings)
        if found:
            for index in indices:
                scores[index] += weight * found
    danish_ae = vocabulary.count("æ") - sum(vocabulary.count(stem) for stem in _SHARED_AE_STEMS)
    if danish_ae > 0:
        scores[_DANISH] += _DANISH_AE_WEIGHT * danish_ae
    return scores, len(tokens)


def detect_language(text: str) -> LanguageGuess:
    """Guess the language of ``text`` (an article, a paragraph, a sentence).

    Markup replaced by spaces does no harm.  Whole articles are decided with
    near certainty; a paragraph of twenty words usually is; under five words,
    or with no evidence at all, the answer is ``lang=None``.
    """
    raw, word_count = _evidence_scores(text)
    best_raw = max(raw)
    if best_raw <= 0.0:
        uniform = 1.0 / len(LANGUAGES)
        return LanguageGuess(None, 0.0, {language: uniform for language in LANGUAGES})
    exponentials = [math.exp((score - best_raw) / _TEMPERATURE) for score in raw]
    total = sum(exponentials)
    probabilities = {language: value / total for language, value in zip(LANGUAGES, exponentials)}
    best = max(LANGUAGES, key=probabilities.__getitem__)
    confidence = probabilities[best]
    if word_count < _MINIMUM_WORDS:
        # Too little text to commit: report the evidence, scaled down.
        return LanguageGuess(None, confidence * word_count / _MINIMUM_WORDS / 2, probabilities)
    if confidence < _MINIMUM_CONFIDENCE:
        return LanguageGuess(None, confidence, probabilities)
    return LanguageGuess(best, confidence, probabilities)
