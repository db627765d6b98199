"""Capitals for notes written all in lower case, so that every detector reads them as typed notes.

Dictation software that nobody re-reads, and some typists, write a whole letter in lower case:
"je revois monsieur dominique le saux ... artisan couvreur à quimperlé avec son associé yannick".
The name, town and facility rules and the NER lean on capitals; here they see none. In such a
note only (eight words or more, fewer than 3 % of them capitalised), this pass restores the
capitals a typist would have written, one character for one, so that offsets do not move:
- known towns that are no ordinary word: of several words ("ivry sur seine", "doué-en-anjou")
  anywhere, of one word after a preposition ("à craon", "vers concarneau") or when large; a town
  that is also a word ("tours") only after "à" or "au";
- a known first name that is no ordinary word where French introduces a person: after a
  possessive and a word or two ("son associé yannick", "sa belle fille sophie"), after "l'" and
  a role ("l'ergothérapeute camille"), or before a known surname ("jocelyne perrin"), which
  takes a capital too;
- the word after a first name's label ("prénom peio") if it is no ordinary word;
- after a title, a facility or a street type ("docteur", "dr", "chu", "hôpital", "rue"), the
  words of the name that are no ordinary word ("hôpital yves le foll", "rue marat"), and an
  initial before them ("docteur j. ferreira");
- hospital acronyms ("chu" -> "CHU", "ehpad" -> "EHPAD");
- the first word of each sentence.
A note with capitals is left as it is.
"""

from __future__ import annotations

from functools import lru_cache

import regex as re
from spacy.lang.fr.stop_words import STOP_WORDS

from redactor.paths import load_yaml
from redactor.recognizers.identifiers.lexicon import fold, name_lexicon, town_lexicon
from redactor.recognizers.identifiers.spoken import number_words
from redactor.recognizers.vouched.folding import common_word_keys, french_word_keys

# a word with its hyphenated parts and elisions: "doué-en-anjou", "beau-frère", "l'ergothérapeute"
_WORD = re.compile(r"[^\W\d_]+(?:[\-'’][^\W\d_]+)*")
_PART = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 8
_MAX_CAPITALISED_SHARE = 0.03
_LONGEST_TOWN = 4  # words
_LARGE_TOWN = 20_000
# words inside a town's name that stay in lower case ("Nogent-le-Rotrou", "Riec-sur-Bélon")
_TOWN_LINKS = frozenset({"sur", "sous", "en", "la", "le", "les", "lez", "de", "des", "du", "d", "l", "aux", "au", "et"})
_STRONG_TOWN_CONTEXT = re.compile(r"(?<![\w])(?:à|a|au)[ \t\n]+$")
_TOWN_CONTEXT = re.compile(r"(?<![\w])(?:à|a|au|de|du|d['’]|vers|depuis|sur|par|entre|et)[ \t\n]*$")
_NUMBER_WORD = re.compile(number_words(), re.IGNORECASE)
# what a name follows: a title, a facility or a street ("hôpital yves le foll", "rue marat")
# ... and a facility's type word with its preposition ("centre hospitalier de cornouaille",
# "centre hospitalier paul ardier"; an elided "d'" is part of the name's word)
_NAME_AFTER = re.compile(
    r"(?<![\w])(?:docteur|dr|pr|professeur|monsieur|madame|mademoiselle|mme|mlle|m\.|"
    r"chu|chru|chr|ch|ehpad|rue|avenue|boulevard|bd|impasse|allée|chemin|lieu-dit|route|quai|square|"
    r"(?:centre[ \t]+hospitalier|hôpital|hopital|clinique|polyclinique)(?:[ \t]+(?:de[ \t]+la|du|des|de))?)[ \t\n]+$"
)
# a first name's label, as dictated
_FIRST_NAME_LABEL = re.compile(r"(?<![\w])(?:prénom|prenom)(?:[ \t]+deux[ \t]+points|[ \t]*:)?[ \t]+$")
_PERSON_INTRODUCED = re.compile(
    r"(?<![\w])(?:(?:son|sa|ses|leur|leurs|mon|ma|mes|notre|votre)(?:[ \t]+[^\W\d_][\w\-]*){1,2}|l['’][^\W\d_][\w\-]*)[ \t]+$"
)
_POUR_BEFORE = re.compile(r"(?<![\w])pr[ \t]+$")
# where someone lives or was born: "domicilié à muret", "née à vire"
_HOME_BEFORE = re.compile(r"(?<![\w])(?:domicilié|domiciliée|habite|habitant|vit|née?|demeurant)[ \t\n]+(?:à|a)[ \t\n]+$")
_UNACCENTED_A_BEFORE = re.compile(r"(?<![\w])a[ \t\n]+$")
_NAME_PARTICLES = frozenset({"de", "du", "des", "d", "le", "la", "van", "von", "ben", "el", "da", "dos"})
_SENTENCE_START = re.compile(r"(?:\A|[.!?][ \t]+|\n[ \t]*\n[ \t]*)(?P<letter>[^\W\d_])")
_SPOKEN_PUNCTUATION = re.compile(r"(?<![\w])(?:virgule|point[ \t]+à[ \t]+la[ \t]+ligne|deux[ \t]+points|ouvrez[ \t]+la[ \t]+parenthèse)(?![\w])")
_MAX_DICTATED_CAPITALISED_SHARE = 0.10
# what a dictating doctor says to the software: "ouvrez la parenthèse", "fermez les guillemets"
_DICTATION_COMMANDS = frozenset({"ouvrez", "fermez", "virgule", "guillemets", "parenthese", "alinea", "tiret"})
_PARAGRAPH_GAP = re.compile(r"\n[ \t]*\n")
_INITIAL = re.compile(r"(?<![\w])(?P<letter>[^\W\d_])\.[ \t]*(?=\p{Lu})")


def _case_counts(text: str) -> tuple[int, int, int]:
    """The words of two letters or more, those in capitals (acronyms, letters spelled out: "une
    IRM", "je répète K E R H E R V E") and those only capitalised."""
    words = [w for w in _WORD.findall(text) if len(w) >= 2]
    in_capitals = sum(w.isupper() for w in words)
    return len(words), in_capitals, sum(w[0].isupper() for w in words) - in_capitals


def is_lowercase_note(text: str) -> bool:
    """Eight words or more, mostly in lower case, and fewer than 3 % of them capitalised."""
    words, in_capitals, capitalised = _case_counts(text)
    return words >= _MIN_WORDS and in_capitals < words / 2 and capitalised < _MAX_CAPITALISED_SHARE * words


def _needs_capitals(text: str) -> bool:
    """A text in lower case, or dictated: speech recognition's spoken punctuation three times or
    more ("virgule", "point à la ligne") and fewer than 10 % of the words capitalised (a typist
    capitalised its names, nobody its facilities and places)."""
    words, in_capitals, capitalised = _case_counts(text)
    if words < _MIN_WORDS:
        return False
    if in_capitals < words / 2 and capitalised < _MAX_CAPITALISED_SHARE * words:
        return True
    return capitalised < _MAX_DICTATED_CAPITALISED_SHARE * words and len(_SPOKEN_PUNCTUATION.findall(text)) >= 3


@lru_cache(maxsize=1)
def _hospital_acronyms() -> frozenset[str]:
    acronyms = load_yaml("identifiers/places.yaml")["facility_acronyms"]
    return frozenset(a.casefold() for a in acronyms if len(a) >= 3 and a.isupper())


def _is_word(key: str) -> bool:
    """An ordinary word: of clinical text, a stop word, a number word, or a compound of them."""
    parts = _PART.findall(key)
    return any(p in common_word_keys() or p in STOP_WORDS or _NUMBER_WORD.fullmatch(p) for p in parts)


def _is_french_word(key: str) -> bool:
    """A word of the language's dictionary, its plural ("bains"), or a dictation command."""
    return (
        _is_word(key)
        or key in french_word_keys()
        or (key[-1:] in ("s", "x") and key[:-1] in french_word_keys())
        or key in _DICTATION_COMMANDS
    )


def _capital(chars: list[str], position: int) -> None:
    upper = chars[position].upper()
    if len(upper) == 1:  # one character for one ("ß" stays)
        chars[position] = upper


def _capital_parts(chars: list[str], word: re.Match, links: frozenset[str] = frozenset(), first: bool = True) -> None:
    """A capital on each part of a hyphenated word ("Riec-sur-Bélon"), except the linking words
    in `links` (and the first part too if it is one and `first` is false)."""
    for number, part in enumerate(_PART.finditer(word.group())):
        if (number == 0 and first) or fold(part.group()) not in links:
            _capital(chars, word.start() + part.start())


def truecase(text: str) -> str:
    """The text with a typist's capitals if it is written all in lower case; else each of its
    paragraphs that is (a dictated body under a typed header: "courrier pour le docteur
    gwenaëlle tanguy virgule ..."), the rest unchanged."""
    if _needs_capitals(text):
        return _truecase(text)
    parts = []
    start = 0
    for gap in [*_PARAGRAPH_GAP.finditer(text), None]:
        end = gap.start() if gap else len(text)
        block = text[start:end]
        parts.append(_truecase(block) if _needs_capitals(block) else block)
        if gap:
            parts.append(gap.group())
            start = gap.end()
    return "".join(parts)


def _truecase(text: str) -> str:
    chars = list(text)
    words = list(_WORD.finditer(text))
    in_towns = _towns(text, words, chars)
    names = name_lexicon()
    acronyms = _hospital_acronyms()
    for index, word in enumerate(words):
        if index in in_towns:
            continue
        value = word.group()
        before = text[max(0, word.start() - 40) : word.start()]
        if value.casefold() in acronyms:
            for position in range(word.start(), word.end()):
                _capital(chars, position)
        elif _NAME_AFTER.search(before):
            _after_title(text, words, index, chars)
        elif _FIRST_NAME_LABEL.search(before) and len(value) >= 2 and (
            names.is_first_name(value) or not _is_french_word(fold(value))  # not "prénom fermez la parenthèse"
        ):
            _capital_parts(chars, word)  # "prénom yannick", "prénom deux points peio"
        elif len(value) >= 3 and not _is_word(fold(value)) and names.is_distinct_first_name(value):
            surname = words[index + 1] if index + 1 < len(words) else None
            has_surname = bool(surname) and text[word.end() : surname.start()] == " " and names.is_last_name(surname.group()) and not _is_word(fold(surname.group()))
            if has_surname or _PERSON_INTRODUCED.search(before):
                _capital_parts(chars, word)
            if has_surname:
                _capital_parts(chars, surname)
    for match in _SENTENCE_START.finditer(text):
        _capital(chars, match.start("letter"))
    cased = "".join(chars)
    # "docteur j. ferreira" -> "docteur J. Ferreira": an initial before a name just capitalised
    for match in _INITIAL.finditer(cased):
        _capital(chars, match.start("letter"))
    return "".join(chars)


def _after_title(text: str, words: list[re.Match], index: int, chars: list[str]) -> None:
    """The name after a title: its first word if it is no ordinary word ("docteur mesnil"), and
    after a known first name the surname too ("docteur karim benmansour", "monsieur dominique
    le saux": particles stay in lower case). Not "docteur mesnil ouvrez les guillemets"."""
    first = words[index]
    key = fold(first.group())
    if len(key) < 2:
        return
    if _is_word(key):
        # a first name that is a word too, before a surname that is none: "docteur claire
        # dupont-lafforgue", "docteur marie-pierre susini" (not "docteur claire virgule")
        following = words[index + 1] if index + 1 < len(words) else None
        if (
            following
            and text[first.end() : following.start()] == " "
            and name_lexicon().is_first_name(first.group())
            and not _is_french_word(fold(following.group()))  # not "docteur claire virgule"
            and len(following.group()) >= 3
            and following.group().islower()  # a name already cased stays as typed ("Guivarc'h")
        ):
            _capital_parts(chars, first)
            _capital_parts(chars, following, _NAME_PARTICLES)
        return
    if _POUR_BEFORE.search(text, max(0, first.start() - 4), first.start()) and (
        _is_french_word(key) or not name_lexicon().is_known_name(first.group())
    ):
        return  # "vu ce jour pr renouvellement", "pr certif": "pr" is "pour"
    _capital_parts(chars, first, _NAME_PARTICLES)
    if not name_lexicon().is_first_name(first.group()):
        return
    previous_end = first.end()
    for word in words[index + 1 : index + 4]:
        if not re.fullmatch(r"[ \t]+", text[previous_end : word.start()]):
            return  # the name ends at a comma or a line's end
        previous_end = word.end()
        key = fold(word.group())
        if key in _NAME_PARTICLES:
            continue
        if len(key) >= 2 and not _is_word(key):
            _capital_parts(chars, word, _NAME_PARTICLES)
        return


def _towns(text: str, words: list[re.Match], chars: list[str]) -> set[int]:
    """Capitals on known towns of one to four words, longest first; the indices of their words."""
    towns = town_lexicon()
    found: set[int] = set()
    # one space between the words of a town's name: whether each word is followed by just one
    spaced = [text[a.end() : b.start()] == " " for a, b in zip(words, words[1:])] + [False]
    index = 0
    while index < len(words):
        if not towns.may_start_a_town(words[index].group()):
            index += 1  # no town starts with this word: a cheap first test
            continue
        longest = 1
        while longest < _LONGEST_TOWN and spaced[index + longest - 1]:
            longest += 1
        for length in range(longest, 0, -1):
            run = words[index : index + length]
            name = text[run[0].start() : run[-1].end()]
            if not (towns.is_town(name) or towns.is_abroad(name)):
                continue
            before = text[max(0, run[0].start() - 20) : run[0].start()]
            parts = [fold(p) for p in _PART.findall(name)]
            named = [p for p in parts if p not in _TOWN_LINKS]
            plain = (towns.is_known(name, 1) or towns.is_abroad(name)) and not all(_is_word(p) for p in named)
            if len(parts) == 1 and not (_TOWN_CONTEXT.search(before) or towns.is_known(name, _LARGE_TOWN)):
                plain = False  # a one-word town needs a preposition or size ("rue" is a town too)
            if len(parts) == 1 and _is_french_word(parts[0]):
                plain = False  # "salle de bains", "changé": a word of the language first
            # after "à", a large town that is a word too ("à tours"), but no number ("deux à
            # trois"), and after "a" written for "à" no word ("le patient a changé de tel")
            strong = bool(_STRONG_TOWN_CONTEXT.search(before)) and not any(p in STOP_WORDS or _NUMBER_WORD.fullmatch(p) for p in parts)
            if strong and all(_is_french_word(p) for p in named) and (
                _UNACCENTED_A_BEFORE.search(before) or not (towns.is_known(name, _LARGE_TOWN) or _HOME_BEFORE.search(before))
            ):
                strong = False  # "à tours", not "au cours de", "à cheval sur", "au sixième mois"
            if not (plain or strong):
                continue  # "tours", "le bourg": words unless after "à"
            for word in run:
                _capital_parts(chars, word, _TOWN_LINKS, first=word is run[0])
            found.update(range(index, index + length))
            index += length
            break
        else:
            index += 1
    return found
