"""Arabic clitics and light stemming for search: the forms of a word that a search finds.

Works on tokens as the index keeps them (after normalize(): ة is ه, أ إ آ are ا).
Arabic writes conjunctions, prepositions, the article and object pronouns as part of
the word (بكوريا, وأمريكا, قمتهما); a search for a word should find those forms.

The search does this by expansion against the index's own vocabulary, not by a
stemmed second index (docs/decisions.md, Search): a typed word is reduced to its base
(clitics stripped only where the stripped form is itself in the vocabulary and more
common), then every vocabulary term that is the base with clitics and endings added
(forms_of_base) is searched for.  Adding affixes to a known base is far safer than
stripping them from every word of the index: كوريا is not ك + وريا, بريطانيا is not
ب + ريطانيا, and a name such as ماليزيا or بايدن never turns into another word.

light10() is Larkey, Ballesteros and Connell's light10 stemmer (2007), kept for the
comparison in bench/search_quality.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Proclitic chains: conjunction (و ف), preposition (ب ل ك), the article, and their
# combinations.  لل is ل + ال (للقمه); a word starting with ل takes ل alone (للجنه).
ARTICLES = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال")
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", *ARTICLES)
# The future particle س goes only before an imperfect verb (سيزور, ستعقد).
FUTURE = ("س", "وس", "فس")
FUTURE_BEFORE = frozenset("يتنا")

# Attached pronouns, and endings of the dual, the plurals and the feminine.
PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا")
NUMBER_ENDINGS = ("ان", "ين", "ون", "ات")
# Endings after a base; ه is both the pronoun and the folded feminine ة.
SUFFIXES = frozenset(
    [
        "",
        *PRONOUNS,
        "ني",  # the object pronoun "me" of a verb: يعزيني
        *NUMBER_ENDINGS,
        *("ات" + p for p in PRONOUNS),  # معلماتهم
        *("ا" + p for p in PRONOUNS),  # dual before a pronoun: كتاباه
        *("ي" + p for p in PRONOUNS),  # oblique plural and dual before a pronoun: معلميه
        *("و" + p for p in PRONOUNS),  # plural before a pronoun: معلموه
    ]
)
# The endings a typed word is cut at to find its base: the pronouns, the number endings
# and ات before a pronoun.  ي and و before a pronoun are forms to find, not endings to
# cut: سعودية is not سعود + ية, ولاية not ولا + ية.
STRIP_SUFFIXES = frozenset(["", *PRONOUNS, *NUMBER_ENDINGS, *("ات" + p for p in PRONOUNS)])
# Endings after the feminine ت of a base that ends in ة (folded ه): قمتهما, حكومتين.
FEMININE_SUFFIXES = frozenset(
    [
        *PRONOUNS,
        "ان",
        "ين",
        *("ا" + p for p in PRONOUNS),
        *("ي" + p for p in PRONOUNS),
    ]
)
# The indefinite accusative writes an alif after a noun (زلزالًا, إعصارًا, متسولًا); not
# after a base that ends in ة, ا or ي, where the alif makes another word (كوري + ا is
# كوريا).
TANWEEN = "ا"
_NO_TANWEEN_AFTER = frozenset("اهي")
# The relative adjective (nisba) of a noun of five letters or more: تايلاندي, السنغالية,
# الدنماركيين, زلزالي.  Shorter bases are left out: سعودي is not about سعود, مالي not
# about مال.
NISBA = "ي"
NISBA_ENDINGS = frozenset(["", "ه", "ين", "ون", "ان", "ات", "تين", "تان"])
MIN_NISBA_BASE = 5
_NO_NISBA_AFTER = frozenset("اهيو")
# A typed word is cut to a shorter form only when that form occurs in at least this many
# times as many articles: a clitic form is a small share of a word's uses (بكوريا 7,
# كوريا 174), while a word that merely starts like one is not (بايدن 14, ايدن 16;
# بلدية 554, لديه 691).  Below MIN_EVIDENCE articles counts tell little, and a form at
# least as common is taken (a new store's first articles).
STRIP_FACTOR = 2
MIN_EVIDENCE = 5

# Shorter words keep their surface form: a two-letter word is mostly a particle (في, من)
# and its "forms" (فيه, منها) are other words.
MIN_EXPANDED = 3
# A base is never shorter than this: stripping ما from ماليزيا or ن from بايدن would not.
MIN_BASE = 3

_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def is_arabic_word(token: str) -> bool:
    """Arabic letters only (no digits or Latin): the tokens clitics attach to."""
    return bool(_ARABIC_WORD.fullmatch(token))


def _strip_candidates(token: str) -> list[tuple[str, str | None]]:
    """Possible bases of a token, in the order to try them, each with the form it was
    cut from when that is not the token itself (a proclitic, then an ending)."""
    found: list[tuple[str, str | None]] = []
    for clitic in ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"):
        if token.startswith(clitic) and len(token) - len(clitic) >= MIN_BASE + 1:
            found.append((token[len(clitic) :], None))
    # Endings: pronouns, number, feminine ت before a pronoun (قمتهما -> قمه).
    bases: list[tuple[str, str | None]] = [(token, None), *found]
    for base, _ in bases:
        via = None if base == token else base
        for suffix in sorted(STRIP_SUFFIXES - {""}, key=len, reverse=True):
            if base.endswith(suffix) and len(base) - len(suffix) >= MIN_BASE:
                stem = base[: -len(suffix)]
                if stem.endswith("ت") and suffix in FEMININE_SUFFIXES:
                    found.append((stem[:-1] + "ه", via))
                found.append((stem, via))
    return found


def query_base(token: str, doc_count: Callable[[str], int]) -> str:
    """The base of a typed word: the token without clitics, where the vocabulary agrees.

    A shorter form is taken only when it occurs in at least STRIP_FACTOR times as many
    articles as the token (doc_count gives a term's document frequency; as many, when
    the token is in fewer than MIN_EVIDENCE), and so does the form between two cuts: بكوريا -> كوريا and قمتهما -> قمه, but بريطانيا, كوريا, بايدن
    and بلدية stay as they are.  Article chains are always stripped.
    """
    if len(token) <= MIN_EXPANDED or not is_arabic_word(token):
        return token
    best = token
    for article in sorted(ARTICLES, key=len, reverse=True):
        if token.startswith(article) and len(token) - len(article) >= MIN_BASE:
            # The article is never part of a word: الكوري is the base كوري with ال;
            # ل + ال + word and ل + a word that starts with ل are both tried (للجنه).
            best = token[len(article) :]
            break
    start = best
    tried = [(c, None) for c in ("ل" + start,) if token.startswith("لل")]
    candidates = [
        (candidate, via, doc_count(candidate))
        for candidate, via in [*tried, *_strip_candidates(start)]
        if len(candidate) >= MIN_BASE and candidate != start
    ]
    if not any(count for _, _, count in candidates):
        return start  # nothing to cut to: the token's own count is not needed
    best_count = doc_count(start)
    needed = max(1, best_count if best_count < MIN_EVIDENCE else STRIP_FACTOR * best_count)
    for candidate, via, count in candidates:
        # Two cuts (a proclitic and an ending) need the form between them in the index
        # as often: كاميرون is not ك + امير + ون, as اميرون does not occur, and بلدية is
        # not ب + لدي + ه.
        if via is not None and doc_count(via) < needed:
            continue
        if count >= needed and count >= best_count:
            best, best_count = candidate, count
    return best


def scan_prefixes(base: str) -> list[str]:
    """Prefixes of the vocabulary to read to find every form of base (one range each)."""
    if len(base) <= MIN_EXPANDED - 1 or not is_arabic_word(base):
        return [base]
    # The feminine base قمه also has forms on قمت: read the range of قم and filter.
    stem = base[:-1] if base.endswith("ه") else base
    chains = list(PROCLITICS)
    if base[0] in FUTURE_BEFORE:
        chains += FUTURE
    return [chain + stem for chain in chains]


def is_form_of(term: str, base: str) -> bool:
    """Whether an index term is base with clitics and endings (بالقمه, قمتهما of قمه)."""
    if term == base:
        return True
    if len(base) < MIN_EXPANDED or not is_arabic_word(base):
        return False
    chains = PROCLITICS + FUTURE if base[0] in FUTURE_BEFORE else PROCLITICS
    for chain in chains:
        if not term.startswith(chain):
            continue
        core = term[len(chain) :]
        if core.startswith(base) and core[len(base) :] in SUFFIXES:
            return True
        if core == base + TANWEEN and base[-1] not in _NO_TANWEEN_AFTER:
            return True
        if (
            len(base) >= MIN_NISBA_BASE
            and base[-1] not in _NO_NISBA_AFTER
            and core.startswith(base + NISBA)
            and core[len(base) + 1 :] in NISBA_ENDINGS
        ):
            return True
        if base.endswith("ه"):
            feminine = base[:-1] + "ت"
            if core.startswith(feminine) and core[len(feminine) :] in FEMININE_SUFFIXES:
                return True
            if core == base[:-1] + "ات" or (
                core.startswith(base[:-1] + "ات") and core[len(base) + 1 :] in PRONOUNS
            ):
                return True
        elif core.startswith(base + "ت") and core[len(base) + 1 :] in FEMININE_SUFFIXES:
            # The feminine of an adjective: الكوريتين of كوري.
            return True
    return False


def forms_of_base(base: str, vocabulary: Iterable[str]) -> list[str]:
    """The terms of vocabulary that are forms of base, base first if present, then sorted."""
    forms = {t for t in vocabulary if is_form_of(t, base)}
    return sorted(forms, key=lambda t: (t != base, t))


# -- light10 (for comparison) ------------------------------------------------------

_L10_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_L10_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def light10(token: str) -> str:
    """Larkey et al.'s light10 on a normalized token (ة folded to ه, so يه covers ية)."""
    word = token
    if len(word) >= 4 and word.startswith("و"):
        word = word[1:]
    for prefix in _L10_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    for suffix in _L10_SUFFIXES:
        if len(word) - len(suffix) >= 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word
