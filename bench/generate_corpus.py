#!/usr/bin/env python3
"""Deterministic benchmark corpus: Markdown health articles in Bokmål (nb) and Danish (da).

    python bench/generate_corpus.py                      # 2,000 articles, ~20 MB -> bench/corpus/
    python bench/generate_corpus.py --articles 20 --avg-kb 3 --out /tmp/small

What it builds, from word lists written here (no downloads):

- a vocabulary per language of tens of thousands of distinct word forms: real noun,
  adjective and verb stems, inflected by class (hæl -> hælen, hæler, hælene), and
  compounds of noun stems with the Scandinavian linking rules (hæl + smerte ->
  hælsmerte, hælsmerten ...), drawn with a Zipf distribution so a realistic share
  of words occurs once;
- articles shaped like those of a health site: front matter, headings, paragraphs,
  bullet and numbered lists, inline links, code spans, emphasis, the odd table and
  block quote, and a "Kilder" / "Kilder og litteratur" list with URLs;
- glossary terms used correctly in their inflected forms, and injected misspellings
  of them in three kinds:
    known            a misspelling the glossary lists (hælspace)
    known-inflected  that misspelling with the inflection of a form (hælspacen)
    unknown          a typo the glossary does not list (hælsproe): only fuzzy
                     matching can find it
  Every injection is recorded in ``manifest.json`` with path, offset, line, column,
  the wrong text and the intended form, so recall can be checked. ``misspellings.tsv``
  is the list of known misspellings (every listed misspelling, inflected too) that
  the peers are configured with.

The glossary is read from the repository's ``glossary/*.yaml`` (the contract
format) when it has nb/da terms with misspellings, else a built-in fallback list
is used; ``manifest.json`` says which (``glossary_source``).

Same arguments -> the same bytes: one ``random.Random(seed)``, no set iteration,
no timestamps.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import math
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LANGS = ("nb", "da")

# --------------------------------------------------------------------------- word lists
# Nouns: "stem" (common gender / masculine) or "stem/n" (neuter). Real words;
# inflection is by class, so a few forms are approximations, as in real
# generated text the distribution of forms matters more than each form.

NOUNS = {
    "nb": """
lege pasient sykdom smerte behandling kropp muskel sene fot hæl tå hånd arm skulder rygg nakke nese munn tann
tunge hals lunge nyre lever mage tarm blære hud celle blodåre åre nerve hjerne bakterie infeksjon betennelse
feber hoste forkjølelse dose tablett medisin resept sykepleier jordmor kirurg spesialist undersøkelse prøve
test diagnose operasjon skade kul hevelse rødme kløe tretthet søvn vekt høyde alder kvinne mann gutt jente
baby familie forelder venn risiko årsak faktor tilstand plage lidelse periode uke måned dag time kost diett
frukt grønnsak fisk melk kaffe alkohol røyk trening øvelse bevegelse belastning hvile pause stilling sko såle
skinne krykke bandasje salve krem dråpe injeksjon sprøyte maske hanske seng stol trapp tur sykkel svømming
gange løping kvalme forstoppelse svimmelhet angst demens svulst arv mutasjon hormon protein sukker vitamin
væske urin avføring spytt svette tåre puls rytme temperatur frekvens stråle røntgen ultralyd studie forskning
forsker rapport artikkel kilde retningslinje anbefaling veileder regel rutine praksis klinikk avdeling
legevakt ambulanse helse omsorg pleie bolig kommune stat region fylke skole barnehage arbeidsplass jobb
sykmelding trygd stønad ordning henvisning venteliste timebestilling konsultasjon samtale råd informasjon
kunnskap erfaring opplevelse følelse tanke bekymring frykt glede sorg mestring motivasjon vane livsstil
aktivitet idrett fotball ski gymnastikk dans yoga styrke utholdenhet smidighet balanse koordinasjon reaksjon
overgang utvikling forandring forverring bedring tilheling restitusjon rehabilitering opptrening
fysioterapi ergoterapi terapi metode teknikk prosedyre komplikasjon bivirkning virkning effekt gevinst
ulempe fordel grense verdi måling skala grad nivå mengde andel prosent halvdel tredjedel gruppe befolkning
generasjon pensjonist ungdom voksen senior student arbeidstaker idrettsutøver løper syklist
""",
    "da": """
læge patient sygdom smerte behandling krop muskel sene fod hæl tå hånd arm skulder ryg nakke næse mund tand
tunge hals lunge nyre lever mave tarm blære hud celle blodåre åre nerve hjerne bakterie infektion betændelse
feber hoste forkølelse dosis tablet medicin recept sygeplejerske jordemoder kirurg specialist undersøgelse
prøve test diagnose operation skade bule hævelse rødme kløe træthed søvn vægt højde alder kvinde mand dreng
pige baby familie forælder ven risiko årsag faktor tilstand gene lidelse periode uge måned dag time kost diæt
frugt grøntsag fisk mælk kaffe alkohol røg træning øvelse bevægelse belastning hvile pause stilling sko sål
skinne krykke bandage salve creme dråbe injektion sprøjte maske handske seng stol trappe tur cykel svømning
gang løb kvalme forstoppelse svimmelhed angst demens svulst arv mutation hormon protein sukker vitamin væske
urin afføring spyt sved tåre puls rytme temperatur frekvens stråle røntgen ultralyd undersøger forskning
forsker rapport artikel kilde retningslinje anbefaling vejleder regel rutine praksis klinik afdeling
skadestue ambulance sundhed omsorg pleje bolig kommune stat region skole børnehave arbejdsplads stilling
sygemelding ydelse ordning henvisning venteliste tidsbestilling konsultation samtale rådgivning information
viden erfaring oplevelse følelse tanke bekymring frygt glæde sorg mestring motivation vane livsstil
aktivitet idræt fodbold ski gymnastik dans yoga styrke udholdenhed smidighed balance koordination reaktion
overgang udvikling forandring forværring bedring heling restitution rehabilitering genoptræning
fysioterapi ergoterapi terapi metode teknik procedure komplikation bivirkning virkning effekt gevinst ulempe
fordel grænse værdi måling skala grad niveau mængde andel procent halvdel tredjedel gruppe befolkning
generation pensionist ungdom voksen senior studerende lønmodtager idrætsudøver løber cyklist
""",
}
NEUTER_NOUNS = {
    "nb": """
ben ledd blod bryst øye øre kne lår legeme sykehus legekontor legemiddel tiltak symptom tegn funn resultat
forsøk utvalg materiale senter system organ vev brusk skjelett hjerte hode kjønn barn foster svangerskap
fødsel år døgn minutt sekund kilo gram liter mål tall nummer skjema kort brev svar spørsmål problem tema
emne kapittel avsnitt dokument register arbeid yrke fag miljø klima vær lys mørke støy vann brød kjøtt egg
smør salt krydder måltid frokostmåltid middagsbord sete gulv rom bad kjøkken hus hjem lokale område land
samfunn fellesskap nettverk team personale tilbud opphold besøk kurs program prosjekt mål forløp utfall
""",
    "da": """
ben led blod bryst øje øre knæ lår legeme sygehus lægehus lægemiddel tiltag symptom tegn fund resultat
forsøg udvalg materiale center system organ væv brusk skelet hjerte hoved køn barn foster svangerskab
år døgn minut sekund kilo gram liter mål tal nummer skema kort brev svar spørgsmål problem tema emne
kapitel afsnit dokument register arbejde erhverv fag miljø klima vejr lys mørke støj vand brød kød æg smør
salt krydderi måltid sæde gulv rum bad køkken hus hjem lokale område land samfund fællesskab netværk team
personale tilbud ophold besøg kursus program projekt forløb udfald
""",
}
ADJECTIVES = {
    "nb": """
vanlig sjelden alvorlig mild kraftig svak sterk stiv øm vond sår hoven rød varm kald tørr fuktig fast myk
hard lett tung lang kort høy lav stor liten ny gammel ung tidlig sen rask langsom akutt kronisk farlig trygg
sikker usikker riktig feil god dårlig bedre viktig nødvendig mulig vanskelig enkel tydelig uklar normal
spesiell generell medisinsk klinisk fysisk psykisk sosial daglig ukentlig årlig vanlig aktiv passiv
forsiktig rolig urolig glad trist sliten frisk syk gravid overvektig undervektig sunn usunn naturlig
kunstig lokal sentral ytre indre øvre nedre fremre bakre venstre høyre dyp overfladisk bred smal tykk tynn
""",
    "da": """
almindelig sjælden alvorlig mild kraftig svag stærk stiv øm ond hævet rød varm kold tør fugtig fast blød
hård let tung lang kort høj lav stor lille ny gammel ung tidlig sen hurtig langsom akut kronisk farlig tryg
sikker usikker rigtig forkert god dårlig bedre vigtig nødvendig mulig vanskelig enkel tydelig uklar normal
speciel generel medicinsk klinisk fysisk psykisk social daglig ugentlig årlig aktiv passiv forsigtig rolig
urolig glad trist træt rask syg gravid overvægtig undervægtig sund usund naturlig kunstig lokal central
ydre indre øvre nedre forreste bageste venstre højre dyb overfladisk bred smal tyk tynd
""",
}
VERBS = {
    # infinitives; "/t" marks the -te past class
    "nb": """
behandle undersøke anbefale bruke trene strekke belaste avlaste hvile lindre forebygge redusere øke
påvirke forårsake utløse forverre bedre hjelpe vurdere måle teste kontrollere følge registrere oppleve
merke kjenne/t føle/t gå løpe sykle svømme spise drikke sove puste hoste kaste/t snakke fortelle spørre
svare lese/t skrive velge/t starte/t stoppe/t fortsette endre/t tilpasse justere planlegge gjennomføre
operere injisere smøre/t massere tape bandasjere avlaste varme/t kjøle/t trappe/t tåle/t unngå trenge/t
""",
    "da": """
behandle undersøge anbefale bruge træne strække belaste aflaste hvile lindre forebygge reducere øge
påvirke forårsage udløse forværre forbedre hjælpe vurdere måle teste kontrollere følge registrere opleve
mærke kende/t føle/t gå løbe cykle svømme spise drikke sove trække hoste kaste snakke fortælle spørge
svare læse/t skrive vælge/t starte stoppe fortsætte ændre tilpasse justere planlægge gennemføre operere
injicere smøre/t massere tape forbinde varme/t køle/t trappe tåle/t undgå behøve/t
""",
}
FUNCTION = {
    "nb": """
og i på av til for med som at det er en et den de ikke kan har vil skal bør må du vi man om hvis når etter
før under over mellom uten ved fra enn eller men også bare ofte sjelden noen mange flere mest mindre alle
hver ingen denne dette disse slik så da nå igjen fortsatt allerede gjerne vanligvis særlig spesielt
""",
    "da": """
og i på af til for med som at det er en et den de ikke kan har vil skal bør må du vi man om hvis når efter
før under over mellem uden ved fra end eller men også kun ofte sjældent nogle mange flere mest mindre alle
hver ingen denne dette disse sådan så da nu igen stadig allerede gerne normalt især specielt
""",
}
PLACES = {
    "nb": "Oslo Bergen Trondheim Stavanger Tromsø Bodø Kristiansand Drammen Fredrikstad Ålesund Hamar Lillehammer".split(),
    "da": "København Aarhus Odense Aalborg Esbjerg Randers Kolding Horsens Vejle Roskilde Herning Silkeborg".split(),
}
SOURCES = {
    "nb": [
        ("Helsedirektoratet", "https://www.helsedirektoratet.no/retningslinjer/"),
        ("Norsk elektronisk legehåndbok", "https://www.legehandboka.no/handboken/"),
        ("Folkehelseinstituttet", "https://www.fhi.no/sykdommer/"),
        ("Store medisinske leksikon", "https://sml.snl.no/"),
        ("Helsenorge", "https://www.helsenorge.no/sykdom/"),
        ("Tidsskrift for Den norske legeforening", "https://tidsskriftet.no/"),
    ],
    "da": [
        ("Sundhedsstyrelsen", "https://www.sst.dk/da/udgivelser/"),
        ("Lægehåndbogen", "https://www.sundhed.dk/borger/patienthaandbogen/"),
        ("Statens Serum Institut", "https://www.ssi.dk/sygdomme/"),
        ("Den Store Danske", "https://denstoredanske.lex.dk/"),
        ("Netdoktor", "https://www.netdoktor.dk/sygdomme/"),
        ("Ugeskrift for Læger", "https://ugeskriftet.dk/"),
    ],
}
HEADINGS = {
    "nb": ["Hva er {t}?", "Symptomer på {t}", "Årsaker", "Hvem får {t}?", "Diagnose", "Behandling",
           "Hva kan du gjøre selv?", "Når bør du kontakte lege?", "Forebygging", "Prognose", "Komplikasjoner",
           "Trening og {t}", "Behandling hos fysioterapeut", "Medisiner mot {t}", "Ofte stilte spørsmål"],
    "da": ["Hvad er {t}?", "Symptomer på {t}", "Årsager", "Hvem får {t}?", "Diagnose", "Behandling",
           "Hvad kan du selv gøre?", "Hvornår skal du søge læge?", "Forebyggelse", "Prognose", "Komplikationer",
           "Træning og {t}", "Behandling hos fysioterapeut", "Medicin mod {t}", "Ofte stillede spørgsmål"],
}
SOURCES_HEADING = {"nb": "Kilder", "da": "Kilder og litteratur"}

# Sentence templates. Slots: {N} noun indefinite, {Nd} definite singular,
# {Np} indefinite plural, {Npd} definite plural, {A} adjective, {Ae} adjective
# -e form, {Ac} comparative, {V} present, {Vi} infinitive, {Vp} past participle,
# {T}/{Td}/{Tp} a glossary term of the article (indef / def / plural),
# {NUM} number, {PCT} percent, {PLACE} a place, {SRC} an institution.
TEMPLATES = {
    "nb": """
{Td} er en {A} {N} som {V} {Nd} og {Nd}.
Mange med {T} opplever at {Nd} {V} etter {Nd}.
Studier viser at {Np} {V} hos {PCT} prosent av {Npd}.
Det er vanlig å {Vi} {Nd} i {NUM} uker før {Nd} blir {A}.
Snakk med fastlegen hvis {Nd} ikke blir bedre etter {NUM} uker.
{Nd} består av {Ae} {Np} og {Np}.
Behandlingen av {T} kan omfatte {Np}, {Np} og {Np}.
Ifølge {SRC} bør {Np} {Vi} {Nd} minst {NUM} ganger i uken.
Du kan selv {Vi} {Nd} ved å {Vi} {Nd} og {Vi} {Npd}.
{Ae} {Np} kan gi {A} {N} i {Nd}.
Hos {Np} over {NUM} år er {T} {Ac} enn hos {Np}.
Legen vil ofte {Vi} {Nd} og spørre om {Nd}.
En {A} {N} kan være et tegn på {T}.
Det finnes ingen {A} {N} som {V} {Td} helt.
{Td} {V} ofte {Nd}, særlig hos {Np}.
I {PLACE} har {Np} fått tilbud om {N} siden {YEAR}.
Forskning fra {YEAR} tyder på at {N} {V} {Nd} hos {Np}.
Hvis du har {T}, bør du unngå {Ae} {Np} og {A} {N}.
Mange blir helt {A} i løpet av {NUM} måneder.
{Nd} kan {Vi} {Nd} og gjøre {Nd} {Ac}.
Ved {A} {N} kan legen henvise deg til {N}.
Det er {A} å {Vi} {Nd} når {Nd} er {A}.
Omtrent {PCT} prosent av {Npd} får {T} i løpet av livet.
{Npd} {V} {Nd} når {Nd} {V} {Np}.
Av og til er det nødvendig å {Vi} {Td} med {N}.
Ta kontakt med legevakten ved {A} {N} eller {A} {N}.
""",
    "da": """
{Td} er en {A} {N} som {V} {Nd} og {Nd}.
Mange med {T} oplever at {Nd} {V} efter {Nd}.
Undersøgelser viser at {Np} {V} hos {PCT} procent af {Npd}.
Det er almindeligt at {Vi} {Nd} i {NUM} uger før {Nd} bliver {A}.
Tal med din læge hvis {Nd} ikke bliver bedre efter {NUM} uger.
{Nd} består af {Ae} {Np} og {Np}.
Behandlingen af {T} kan omfatte {Np}, {Np} og {Np}.
Ifølge {SRC} bør {Np} {Vi} {Nd} mindst {NUM} gange om ugen.
Du kan selv {Vi} {Nd} ved at {Vi} {Nd} og {Vi} {Npd}.
{Ae} {Np} kan give {A} {N} i {Nd}.
Hos {Np} over {NUM} år er {T} {Ac} end hos {Np}.
Lægen vil ofte {Vi} {Nd} og spørge om {Nd}.
En {A} {N} kan være et tegn på {T}.
Der findes ingen {A} {N} som {V} {Td} helt.
{Td} {V} ofte {Nd}, især hos {Np}.
I {PLACE} har {Np} fået tilbud om {N} siden {YEAR}.
Forskning fra {YEAR} tyder på at {N} {V} {Nd} hos {Np}.
Hvis du har {T}, bør du undgå {Ae} {Np} og {A} {N}.
Mange bliver helt {A} i løbet af {NUM} måneder.
{Nd} kan {Vi} {Nd} og gøre {Nd} {Ac}.
Ved {A} {N} kan lægen henvise dig til {N}.
Det er {A} at {Vi} {Nd} når {Nd} er {A}.
Omkring {PCT} procent af {Npd} får {T} i løbet af livet.
{Npd} {V} {Nd} når {Nd} {V} {Np}.
Nogle gange er det nødvendigt at {Vi} {Td} med {N}.
Kontakt lægevagten ved {A} {N} eller {A} {N}.
""",
}

# Fallback glossary (used when glossary/*.yaml has no nb/da terms with
# misspellings): preferred term, class ("c" common/masculine, "n" neuter,
# "x" no inflection), known misspellings.
FALLBACK_GLOSSARY = {
    "nb": [
        ("heel-spur", "hælspore", "c", ["hælspace", "hælspre"]),
        ("plantar-fasciitis", "plantarfasciitt", "c", ["plantarfascitt", "plantarfaciitt"]),
        ("tendinitis", "senebetennelse", "c", ["senebettennelse", "senebetenelse"]),
        ("tendinopathy", "tendinopati", "c", ["tendinophati", "tendinopathi"]),
        ("inflammation", "betennelse", "c", ["bettennelse", "betenelse"]),
        ("diabetes", "diabetes", "x", ["diabites", "diabetis"]),
        ("asthma", "astma", "c", ["asthma", "asma"]),
        ("allergy", "allergi", "c", ["alergi", "allergie"]),
        ("migraine", "migrene", "c", ["migrenne", "migréne"]),
        ("eczema", "eksem", "n", ["eksemm", "exem"]),
        ("pneumonia", "lungebetennelse", "c", ["lungebettennelse", "lungebetenelse"]),
        ("myocardial-infarction", "hjerteinfarkt", "n", ["hjerteinfakt", "hjerteinfarct"]),
        ("blood-pressure", "blodtrykk", "n", ["blodtryk", "blodtrykkk"]),
        ("cholesterol", "kolesterol", "n", ["kolestrol", "kolesterool"]),
        ("vaccine", "vaksine", "c", ["vaksinne", "vaxine"]),
        ("osteoarthritis", "artrose", "c", ["artrosse", "arthrose"]),
        ("physiotherapist", "fysioterapeut", "c", ["fysioterapaut", "fysioterapuet"]),
        ("sinusitis", "bihulebetennelse", "c", ["bihulebetenelse", "bihulebettennelse"]),
        ("urinary-tract-infection", "urinveisinfeksjon", "c", ["urinvesinfeksjon", "urinveisinfeksion"]),
        ("headache", "hodepine", "c", ["hodepinne", "hodpine"]),
        ("dizziness", "svimmelhet", "c", ["svimelhet", "svimmelheit"]),
        ("depression", "depresjon", "c", ["depressjon", "depresion"]),
        ("achilles-tendinopathy", "akillessenebetennelse", "c", ["akilessenebetennelse", "achillessenebetennelse"]),
        ("paracetamol", "paracetamol", "x", ["parasetamol", "paracetamoll"]),
    ],
    "da": [
        ("heel-spur", "hælspore", "c", ["hælspure", "hælspre"]),
        ("plantar-fasciitis", "plantar fasciitis", "x", []),
        ("tendinitis", "senebetændelse", "c", ["senebetendelse", "senebetændelsse"]),
        ("tendinopathy", "tendinopati", "c", ["tendinophati", "tendinopathi"]),
        ("inflammation", "betændelse", "c", ["betendelse", "betænddelse"]),
        ("diabetes", "diabetes", "x", ["diabites", "diabetis"]),
        ("asthma", "astma", "c", ["asthma", "asma"]),
        ("allergy", "allergi", "c", ["alergi", "allergie"]),
        ("migraine", "migræne", "c", ["migrene", "migrænne"]),
        ("eczema", "eksem", "n", ["eksemm", "exem"]),
        ("pneumonia", "lungebetændelse", "c", ["lungebetendelse", "lungebetændelsse"]),
        ("myocardial-infarction", "blodprop", "c", ["blodpropp", "blodprob"]),
        ("blood-pressure", "blodtryk", "n", ["blodtrykk", "blodtrryk"]),
        ("cholesterol", "kolesterol", "n", ["kolestrol", "kolesterool"]),
        ("vaccine", "vaccine", "c", ["vacine", "vaksine"]),
        ("osteoarthritis", "slidgigt", "c", ["slidgikt", "slidgit"]),
        ("physiotherapist", "fysioterapeut", "c", ["fysioterapaut", "fysioterapuet"]),
        ("sinusitis", "bihulebetændelse", "c", ["bihulebetendelse", "bihulebetændelsse"]),
        ("cystitis", "blærebetændelse", "c", ["blærebetendelse", "blærebetændelsse"]),
        ("headache", "hovedpine", "c", ["hovedpinne", "hovedpien"]),
        ("dizziness", "svimmelhed", "c", ["svimelhed", "svimmelhedd"]),
        ("depression", "depression", "c", ["depresion", "depressjon"]),
        ("achilles-tendinopathy", "akillessenebetændelse", "c", ["akilessenebetændelse", "achillessenebetændelse"]),
        ("paracetamol", "paracetamol", "x", ["parasetamol", "paracetamoll"]),
    ],
}


# --------------------------------------------------------------------------- inflection


def noun_forms(lang: str, stem: str, cls: str) -> tuple[str, str, str, str]:
    """(indefinite, definite, plural, definite plural)."""
    if cls == "x":
        return stem, stem, stem, stem
    e = stem.endswith("e")
    if lang == "nb":
        if cls == "n":
            return (stem, stem + ("t" if e else "et"), stem + ("r" if e else ""), stem + ("ne" if e else "ene"))
        return (stem, stem + ("n" if e else "en"), stem + ("r" if e else "er"), stem + ("ne" if e else "ene"))
    if cls == "n":
        return (stem, stem + ("t" if e else "et"), stem + ("r" if e else "e"), stem + ("rne" if e else "ene"))
    return (stem, stem + ("n" if e else "en"), stem + ("r" if e else "er"), stem + ("rne" if e else "erne"))


def adjective_forms(lang: str, stem: str) -> tuple[str, str, str, str, str]:
    """(base, neuter, -e form, comparative, superlative)."""
    no_t = stem.endswith(("ig", "sk", "t")) and lang == "nb"
    neuter = stem if no_t else stem + "t"
    e_form = stem if stem.endswith("e") else stem + "e"
    base = stem[:-1] if stem.endswith("e") else stem
    return stem, neuter, e_form, base + "ere", base + "est"


def verb_forms(lang: str, entry: str) -> tuple[str, str, str, str]:
    """(infinitive, present, past, participle)."""
    infinitive, _, cls = entry.partition("/")
    stem = infinitive[:-1] if infinitive.endswith("e") else infinitive
    present = infinitive + "r" if infinitive.endswith(("e", "å")) else infinitive + "er"
    if infinitive.endswith("å"):
        return infinitive, present, infinitive + "dde", infinitive + "tt"
    if cls == "t":
        return infinitive, present, stem + "te", stem + "t"
    if lang == "nb":
        return infinitive, present, stem + "et", stem + "et"
    return infinitive, present, stem + "ede", stem + "et"


def linking(lang: str, first: str) -> str:
    """The linking element of a compound after ``first`` (Scandinavian -s- after
    derivational suffixes, none after a vowel)."""
    if first.endswith(("ing", "sjon", "tion", "het", "hed", "else", "dom", "skap", "skab", "tet", "ment")):
        return "s"
    return ""


# --------------------------------------------------------------------------- glossary


@dataclass
class Term:
    concept: str
    lang: str
    term: str
    forms: tuple[str, ...]  # indefinite, definite, plural, definite plural (or fewer)
    misspellings: tuple[str, ...]  # listed in the glossary
    generated: tuple[str, ...] = ()  # made here: known to the peers, not to the glossary


def _inflect_like(term: str, form: str, misspelling: str) -> str | None:
    """Apply to ``misspelling`` the ending change that turns ``term`` into ``form``."""
    common = 0
    for a, b in zip(term, form):
        if a != b:
            break
        common += 1
    removed, added = term[common:], form[common:]
    if removed and not misspelling.endswith(removed):
        return None
    base = misspelling[: len(misspelling) - len(removed)] if removed else misspelling
    result = base + added
    return result if result != misspelling else None


def _default_class(lang: str, term: str) -> str:
    if " " in term or term.endswith(("es", "ol", "in")):
        return "x"
    return "c"


_VOWELS = "aeiouyæøå"


def one_edit_typos(word: str, rng: random.Random, count: int, avoid: set[str]) -> list[str]:
    """Plausible one-edit typos of ``word`` (a doubled letter dropped or a single one
    doubled, two letters swapped, a vowel replaced), never in its first two or last
    two letters, never a word in ``avoid`` (case-folded)."""
    if len(word) < 6 or " " in word or not word.isalpha():
        return []
    found: list[str] = []
    for _ in range(count * 12):
        if len(found) >= count:
            break
        position = rng.randrange(2, len(word) - 2)
        kind = rng.randrange(4)
        if kind == 0:
            candidate = word[:position] + word[position + 1] + word[position] + word[position + 2:]
        elif kind == 1:
            candidate = word[:position] + word[position + 1:]
        elif kind == 2:
            candidate = word[:position] + word[position] + word[position:]
        else:
            if word[position] not in _VOWELS:
                continue
            replacement = rng.choice([v for v in "aeioy" if v != word[position]])
            candidate = word[:position] + replacement + word[position + 1:]
        if candidate != word and candidate.casefold() not in avoid and candidate not in found:
            found.append(candidate)
    return found


def load_glossary(paths: list[Path], seed: int = 0) -> tuple[dict[str, list[Term]], str]:
    """Preferred single-word nb/da terms from glossary YAML files (contract format),
    with their listed misspellings and two generated ones each."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        elif path.is_file():
            files.append(path)
    result: dict[str, list[Term]] = {lang: [] for lang in LANGS}
    every_form: dict[str, set[str]] = {lang: set() for lang in LANGS}
    if files:
        import yaml

        for file in files:
            try:
                data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError):
                continue
            for concept in data.get("concepts", []) or []:
                if not isinstance(concept, dict):
                    continue
                terms = concept.get("terms") or {}
                for lang in LANGS:
                    for entry in terms.get(lang, []) or []:
                        if not isinstance(entry, dict):
                            continue
                        term = str(entry.get("term", ""))
                        explicit = [str(f) for f in entry.get("forms", []) or []]
                        every_form[lang].update(f.casefold() for f in [term, *explicit])
                        every_form[lang].update(str(m).casefold() for m in entry.get("misspellings", []) or [])
                        if entry.get("status", "preferred") != "preferred" or not term or " " in term or not term.isalpha():
                            continue
                        if entry.get("inflection") == "invariable" or not explicit:
                            forms = [term]
                        else:
                            forms = [term, *explicit]
                        misspellings = tuple(str(m) for m in entry.get("misspellings", []) or [] if " " not in str(m))
                        result[lang].append(Term(str(concept.get("id", term)), lang, term, tuple(dict.fromkeys(forms)), misspellings))
    if all(len(result[lang]) >= 10 for lang in LANGS):
        source = "glossary: " + ", ".join(f.relative_to(REPO).as_posix() if f.is_relative_to(REPO) else f.name for f in files)
    else:
        source = "built-in fallback list (glossary/*.yaml had too few nb/da terms)"
        result = {}
        for lang in LANGS:
            result[lang] = []
            every_form[lang] = set()
            for concept, term, cls, misspellings in FALLBACK_GLOSSARY[lang]:
                if " " in term:
                    continue
                forms = tuple(dict.fromkeys(noun_forms(lang, term, cls)))
                every_form[lang].update(f.casefold() for f in forms)
                result[lang].append(Term(concept, lang, term, forms, tuple(misspellings)))
    # Two generated misspellings per term (deterministic per term), known to the peers.
    for lang in LANGS:
        for term in result[lang]:
            rng = random.Random(f"{seed}-{lang}-{term.term}-typos")
            avoid = every_form[lang] | {m.casefold() for m in term.misspellings}
            term.generated = tuple(one_edit_typos(term.term, rng, 2, avoid))
        result[lang].sort(key=lambda term: (term.term, term.concept))
    return result, source


def known_misspellings(terms: list[Term]) -> dict[str, str]:
    """wrong -> right for every listed or generated misspelling and its inflected forms."""
    known: dict[str, str] = {}
    correct = {form.casefold() for term in terms for form in term.forms}
    for term in terms:
        for misspelling in (*term.misspellings, *term.generated):
            if misspelling.casefold() not in correct:
                known.setdefault(misspelling, term.term)
            for form in term.forms[1:]:
                wrong = _inflect_like(term.term, form, misspelling)
                if wrong and wrong.casefold() not in correct and " " not in wrong:
                    known.setdefault(wrong, form)
    return known


# --------------------------------------------------------------------------- vocabulary


class Zipf:
    """Draw items with probability proportional to 1 / rank**exponent."""

    def __init__(self, items: list, exponent: float = 1.0) -> None:
        self.items = items
        total = 0.0
        self.cumulative = []
        for rank in range(1, len(items) + 1):
            total += 1.0 / rank**exponent
            self.cumulative.append(total)
        self.total = total

    def draw(self, rng: random.Random):
        return self.items[bisect.bisect_left(self.cumulative, rng.random() * self.total)]


@dataclass
class Vocabulary:
    nouns: Zipf
    adjectives: Zipf
    verbs: Zipf
    function: list[str]
    size: int  # distinct word forms


def build_vocabulary(lang: str, rng: random.Random, compounds: int) -> Vocabulary:
    common = NOUNS[lang].split()
    neuter = NEUTER_NOUNS[lang].split()
    simple = [(stem, "c") for stem in dict.fromkeys(common)] + [(stem, "n") for stem in dict.fromkeys(neuter) if stem not in common]
    rng.shuffle(simple)
    lexemes: list[tuple[str, ...]] = [noun_forms(lang, stem, cls) for stem, cls in simple]
    seen = {forms[0] for forms in lexemes}
    # Compounds: first element from all stems, head (gives the inflection) too.
    attempts = 0
    made: list[tuple[str, ...]] = []
    while len(made) < compounds and attempts < compounds * 20:
        attempts += 1
        first, _ = simple[rng.randrange(len(simple))]
        head, cls = simple[rng.randrange(len(simple))]
        if first == head:
            continue
        if rng.random() < 0.12:  # three-part compounds
            middle, _ = simple[rng.randrange(len(simple))]
            first = first + linking(lang, first) + middle
        joint = first + linking(lang, first)
        if joint.endswith(head[0]) and joint[-1] == head[0] and joint[-2:-1] == head[0]:
            continue  # no triple letters
        word = joint + head
        if word in seen:
            continue
        seen.add(word)
        made.append(noun_forms(lang, word, cls))
    lexemes.extend(made)

    adjectives = [adjective_forms(lang, stem) for stem in dict.fromkeys(ADJECTIVES[lang].split())]
    # Negated adjectives (u-/u-) double the adjective lexicon, as real text does.
    prefix = "u"
    adjectives += [adjective_forms(lang, prefix + stem) for stem in dict.fromkeys(ADJECTIVES[lang].split())
                   if not stem.startswith(("u", "i"))]
    rng.shuffle(adjectives)
    verbs = [verb_forms(lang, entry) for entry in dict.fromkeys(VERBS[lang].split())]
    prefixes = ("be", "for", "over", "under", "gjen" if lang == "nb" else "gen", "til", "ut" if lang == "nb" else "ud")
    verbs += [tuple(prefix + form for form in verb_forms(lang, entry))
              for prefix in prefixes for entry in list(dict.fromkeys(VERBS[lang].split()))[:40]]
    rng.shuffle(verbs)
    distinct = {form for lexeme in itertools.chain(lexemes, adjectives, verbs) for form in lexeme}
    return Vocabulary(Zipf(lexemes, 1.0), Zipf(adjectives, 1.0), Zipf(verbs, 1.0), FUNCTION[lang].split(), len(distinct))


# --------------------------------------------------------------------------- articles


@dataclass
class Injection:
    path: str
    offset: int
    line: int
    column: int
    end_column: int
    wrong: str
    correct: str
    concept: str
    lang: str
    kind: str


@dataclass
class Writer:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    marks: list[tuple[int, str, str, str, str]] = field(default_factory=list)  # offset, wrong, correct, concept, kind

    def emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


_SLOT = re.compile(r"\{(\w+)\}")


class ArticleMaker:
    def __init__(self, lang: str, vocabulary: Vocabulary, terms: list[Term], known: dict[str, str], rng: random.Random):
        self.lang = lang
        self.vocabulary = vocabulary
        self.terms = terms
        self.known_by_form: dict[str, list[str]] = {}
        for wrong, right in known.items():
            self.known_by_form.setdefault(right, []).append(wrong)
        self.known = known
        self.correct_forms = {form.casefold() for term in terms for form in term.forms}
        self.known_folded = {wrong.casefold() for wrong in known}
        self.rng = rng
        self.templates = [t for t in TEMPLATES[lang].strip().splitlines() if t.strip()]

    # ---- words
    def noun(self, slot: str) -> str:
        forms = self.vocabulary.nouns.draw(self.rng)
        return forms[{"N": 0, "Nd": 1, "Np": 2, "Npd": 3}[slot]]

    def term_form(self, term: Term, slot: str) -> str:
        index = {"T": 0, "Td": 1, "Tp": 2}[slot]
        return term.forms[index] if index < len(term.forms) else term.forms[0]

    def misspell(self, term: Term, slot: str) -> tuple[str, str, str] | None:
        """(wrong, correct, kind) for an injected misspelling of ``term``."""
        rng = self.rng
        correct = self.term_form(term, slot)
        roll = rng.random()
        base_misspellings = sorted({*term.misspellings, *term.generated})
        if roll < 0.8:
            if correct == term.term and base_misspellings:
                return rng.choice(base_misspellings), correct, "known"
            candidates = sorted(w for w in self.known_by_form.get(correct, []) if w not in base_misspellings)
            if candidates:
                return rng.choice(candidates), correct, "known-inflected"
        typo = self.typo(correct)
        if typo:
            return typo, correct, "unknown"
        return None

    def typo(self, word: str) -> str | None:
        """A one-edit typo of ``word`` that is neither a correct form nor a known misspelling."""
        typos = one_edit_typos(word, self.rng, 1, self.correct_forms | self.known_folded)
        return typos[0] if typos else None

    # ---- sentences
    def sentence(self, writer: Writer, topic: Term, inject_probability: float) -> None:
        rng = self.rng
        vocabulary = self.vocabulary
        template = self.templates[rng.randrange(len(self.templates))]
        position = 0
        first = True
        for match in _SLOT.finditer(template):
            literal = template[position:match.start()]
            if literal:
                writer.emit(literal)
                first = False
            slot = match.group(1)
            position = match.end()
            mark = None
            if slot in ("N", "Nd", "Np", "Npd"):
                if rng.random() < 0.04:
                    term = self.terms[rng.randrange(len(self.terms))]
                    word = self.term_form(term, {"N": "T", "Nd": "Td", "Np": "Tp", "Npd": "Tp"}[slot])
                else:
                    word = self.noun(slot)
            elif slot in ("T", "Td", "Tp"):
                word = self.term_form(topic, slot)
                if rng.random() < inject_probability:
                    mark = self.misspell(topic, slot)
                    if mark:
                        word = mark[0]
            elif slot in ("A", "Ae", "Ac"):
                forms = vocabulary.adjectives.draw(rng)
                word = forms[{"A": 0, "Ae": 2, "Ac": 3}[slot]]
            elif slot in ("V", "Vi", "Vp"):
                forms = vocabulary.verbs.draw(rng)
                word = forms[{"Vi": 0, "V": 1, "Vp": 3}[slot]]
            elif slot == "NUM":
                word = str(rng.choice((2, 3, 4, 5, 6, 8, 10, 12, 14, 20, 30, 40, 50, 60)))
            elif slot == "PCT":
                word = str(rng.randrange(2, 95)) if rng.random() < 0.7 else f"{rng.randrange(1, 40)},{rng.randrange(10)}"
            elif slot == "YEAR":
                word = str(rng.randrange(1995, 2025))
            elif slot == "PLACE":
                word = rng.choice(PLACES[self.lang])
            elif slot == "SRC":
                word = rng.choice(SOURCES[self.lang])[0]
            else:  # pragma: no cover - template typo
                raise ValueError(slot)
            if first and word[:1].islower():
                word = word[:1].upper() + word[1:]
                if mark:
                    mark = (word, mark[1][:1].upper() + mark[1][1:], mark[2])
            if mark:
                writer.marks.append((writer.length, mark[0], mark[1], topic.concept, mark[2]))
            elif rng.random() < 0.015 and word.isalpha() and len(word) > 4:
                word = ("*" + word + "*") if rng.random() < 0.6 else ("**" + word + "**")
            writer.emit(word)
            first = False
        writer.emit(template[position:])

    def paragraph(self, writer: Writer, topic: Term, sentences: int, inject: float) -> None:
        for index in range(sentences):
            if index:
                writer.emit(" " if self.rng.random() < 0.8 else "\n")
            self.sentence(writer, topic, inject)
            if self.rng.random() < 0.05:
                name, url = self.rng.choice(SOURCES[self.lang])
                more = "Les mer hos" if self.lang == "nb" else "Læs mere hos"
                writer.emit(f" {more} [{name}]({url}{self.slug(topic.term)}).")
            if self.rng.random() < 0.03:
                writer.emit(f" Diagnosekoden er `{self.rng.choice('LMJR')}{self.rng.randrange(10, 99)}.{self.rng.randrange(10)}`.")
        writer.emit("\n\n")

    @staticmethod
    def slug(text: str) -> str:
        return re.sub(r"[^a-z0-9æøå]+", "-", text.lower()).strip("-")

    def article(self, number: int, target_chars: int, inject_count: int) -> tuple[str, list[tuple[int, str, str, str, str]], str]:
        rng = self.rng
        topic = self.terms[rng.randrange(len(self.terms))]
        writer = Writer()
        title = topic.term[:1].upper() + topic.term[1:]
        writer.emit(f"---\ntitle: {title}\nlang: {self.lang}\nid: {number:04d}\n---\n\n# {title}\n\n")
        # Injections are spread by a per-sentence probability tuned to the target count.
        expected_sentences = max(4, target_chars // 95)
        term_slot_share = 0.45  # measured: about 0.45 term slots per sentence
        inject = min(1.0, inject_count / (expected_sentences * term_slot_share))
        self.paragraph(writer, topic, rng.randint(2, 4), inject)
        headings = HEADINGS[self.lang][:]
        rng.shuffle(headings)
        section = 0
        # Long articles get more blocks per section rather than repeated headings.
        blocks_per_section = max(1, round(target_chars / (len(headings) * 1400)))
        while writer.length < target_chars and section < len(headings):
            heading = headings[section].format(t=topic.term)
            section += 1
            writer.emit(f"## {heading}\n\n")
            for _ in range(rng.randint(1, 2 * blocks_per_section + 1)):
                if writer.length >= target_chars:
                    break
                roll = rng.random()
                if roll < 0.18:
                    ordered = rng.random() < 0.35
                    for item in range(rng.randint(3, 7)):
                        writer.emit(f"{item + 1}. " if ordered else "- ")
                        self.sentence(writer, topic, inject)
                        writer.emit("\n")
                    writer.emit("\n")
                elif roll < 0.21:
                    writer.emit("> ")
                    self.sentence(writer, topic, inject)
                    writer.emit("\n\n")
                elif roll < 0.23:
                    header = ("Tiltak", "Effekt") if self.lang == "nb" else ("Tiltag", "Effekt")
                    writer.emit(f"| {header[0]} | {header[1]} |\n| --- | --- |\n")
                    for _ in range(rng.randint(2, 4)):
                        forms = self.vocabulary.nouns.draw(rng)
                        adjective = self.vocabulary.adjectives.draw(rng)[0]
                        writer.emit(f"| {forms[0][:1].upper() + forms[0][1:]} | {adjective} |\n")
                    writer.emit("\n")
                else:
                    self.paragraph(writer, topic, rng.randint(3, 7), inject)
            if rng.random() < 0.3:
                subheading = headings[(section + 5) % len(headings)].format(t=topic.term)
                writer.emit(f"### {subheading}\n\n")
                self.paragraph(writer, topic, rng.randint(2, 5), inject)
        writer.emit(f"## {SOURCES_HEADING[self.lang]}\n\n")
        for index, (name, url) in enumerate(rng.sample(SOURCES[self.lang], 3), 1):
            writer.emit(f"{index}. {name}. {title}. <{url}{self.slug(topic.term)}> ({rng.randrange(2015, 2025)})\n")
        return writer.text(), writer.marks, self.slug(topic.term)


# --------------------------------------------------------------------------- corpus


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def generate(out: Path, articles: int, seed: int, avg_kb: float, compounds: int, glossary_paths: list[Path],
             injections_per_article: float = 2.0, langs: tuple[str, ...] = LANGS) -> dict:
    terms, glossary_source = load_glossary(glossary_paths, seed)
    rng = random.Random(seed)
    makers: dict[str, ArticleMaker] = {}
    known_all: dict[str, dict[str, str]] = {}
    vocabulary_sizes = {}
    for lang in langs:
        known = known_misspellings(terms[lang])
        known_all[lang] = known
        vocabulary = build_vocabulary(lang, random.Random(f"{seed}-{lang}-vocabulary"), compounds)
        vocabulary_sizes[lang] = vocabulary.size
        makers[lang] = ArticleMaker(lang, vocabulary, terms[lang], known, random.Random(f"{seed}-{lang}-text"))
    out.mkdir(parents=True, exist_ok=True)
    injected: list[Injection] = []
    total_bytes = 0
    tokens: dict[str, None] = {}
    word = re.compile(r"[^\W_]+")
    files = []
    for number in range(articles):
        lang = langs[number % len(langs)]
        maker = makers[lang]
        # Log-normal article sizes around avg_kb (median a little lower), 1-8x spread.
        size = int(avg_kb * 1024 * math.exp(rng.gauss(-0.18, 0.6)))
        size = max(900, min(size, int(avg_kb * 1024 * 6)))
        inject_count = max(0, round(rng.gauss(injections_per_article, 1.0)))
        text, marks, slug = maker.article(number, size, inject_count)
        relative = f"{lang}/{number:04d}-{slug}.md"
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        files.append(relative)
        total_bytes += len(data)
        for token in word.findall(text):
            tokens[token] = None
        for offset, wrong, correct, concept, kind in marks:
            line, column = line_and_column(text, offset)
            assert text[offset:offset + len(wrong)] == wrong
            injected.append(Injection(relative, offset, line, column, column + len(wrong), wrong, correct, concept, lang, kind))
    known_union: dict[str, str] = {}
    for lang in langs:
        for wrong, right in known_all[lang].items():
            known_union.setdefault(wrong, right)
    manifest = {
        "generator": "bench/generate_corpus.py",
        "seed": seed,
        "articles": articles,
        "avg_kb": avg_kb,
        "compounds": compounds,
        "languages": list(langs),
        "bytes": total_bytes,
        "distinct_tokens": len(tokens),
        "distinct_tokens_casefolded": len({token.casefold() for token in tokens}),
        "vocabulary_forms": vocabulary_sizes,
        "glossary_source": glossary_source,
        "glossary_terms": {lang: len(terms[lang]) for lang in langs},
        "files": files,
        "known_misspellings": {lang: dict(sorted(known_all[lang].items())) for lang in langs},
        "injected_counts": {kind: sum(1 for i in injected if i.kind == kind) for kind in ("known", "known-inflected", "unknown")},
        "injected": [vars(injection) for injection in injected],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    with open(out / "misspellings.tsv", "w", encoding="utf-8", newline="\n") as handle:
        for wrong, right in sorted(known_union.items()):
            handle.write(f"{wrong}\t{right}\n")
    return manifest


def corpus_digest(out: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        digest.update(path.relative_to(out).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE / "corpus", help="output folder (default: bench/corpus)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--avg-kb", type=float, default=11.0, help="target mean article size in KiB (default: 11, about 10 KB on disk)")
    parser.add_argument("--compounds", type=int, default=6000,
                        help="compound nouns per language; sets the vocabulary size (default: 6000)")
    parser.add_argument("--injections", type=float, default=2.0, help="mean injected misspellings per article")
    parser.add_argument("--glossary", type=Path, action="append",
                        help="glossary file or folder (default: the repository's glossary/); 'none' for the fallback list")
    parser.add_argument("--clean", action="store_true", help="remove the output folder's nb/ and da/ first")
    args = parser.parse_args(argv)
    glossary = args.glossary if args.glossary else [REPO / "glossary"]
    glossary = [path for path in glossary if str(path) != "none"]
    if args.clean:
        import shutil

        for lang in LANGS:
            shutil.rmtree(args.out / lang, ignore_errors=True)
    manifest = generate(args.out, args.articles, args.seed, args.avg_kb, args.compounds, glossary, args.injections)
    print(
        f"{args.out}: {manifest['articles']} articles, {manifest['bytes'] / 1e6:.1f} MB, "
        f"{manifest['distinct_tokens']} distinct tokens ({manifest['distinct_tokens_casefolded']} case-folded), "
        f"{len(manifest['injected'])} injected misspellings {manifest['injected_counts']}; {manifest['glossary_source']}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
