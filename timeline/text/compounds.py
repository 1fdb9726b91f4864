"""Names written as one word or as two: عبدالله / عبد الله, أبوظبي / أبو ظبي, نصرالله / نصر الله.

Arabic news writes the same compound name both ways, often in one outlet: of the 31,030
SaudiNewsNet articles' tokens, عبدالعزيز is written joined 7,846 times and spaced 1,427,
أبو بكر spaced 145 times and joined 63.  A search for one spelling found only the
articles of that one (عبدالله: 792 of 30,154 articles hold only عبد الله; typed spaced,
its two words missed the 3,856 that hold only عبدالله), so the query asks for both.

Three shapes, from those counts (timeline/text/query.py asks for the other spelling):
- عبد before a name with the article or رب (عبد العزيز, عبد الرحمن, عبد ربه);
- أبو before a name of three letters or more (أبو ظبي, أبو مازن, أبو عريش);
- a word of three letters or more before الله (نصر الله, جار الله, عطا الله).
The first word may carry a clitic or the article (وعبد الله, العبد الله); tokens are as
the index holds them (search_tokens: hamza and ta marbuta folded).  A rule that also
splits an ordinary word (أبوابها into أبو ابها) only asks for a phrase no text holds.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from timeline.text.stemmer import PROCLITICS, is_arabic_word

ABD = "عبد"
ABU = "ابو"
ALLAH = "الله"
# A name after عبد: with the article (الله is ال + له), or رب and more (ربه).
_ABD_NAMES = (("ال", 4), ("رب", 3))
_MIN_NAME = 3  # letters of a name after أبو, or of the word before الله

# A phrase's spellings are every choice of joined or spaced at each of its compounds,
# the typed one first; a phrase of many compounds asks for this many at most.
MAX_SPELLINGS = 8

_CLITICS = tuple(sorted(PROCLITICS, key=len, reverse=True))


def _clitic_before(token: str, word: str) -> str | None:
    """The clitic (or "") that token has before word when it is clitic + word + more."""
    for clitic in _CLITICS:
        if token.startswith(clitic + word):
            return clitic
    return None


def is_first_with_clitic(form: str, first: str) -> bool:
    """Whether form is first with a clitic or the article before it and nothing after
    (وعبد, العبد for عبد): a form a compound's first word takes (وعبد الله)."""
    clitic = _clitic_before(form, first)
    return clitic is not None and form == clitic + first


def _is_abd_name(name: str) -> bool:
    return any(name.startswith(start) and len(name) >= size for start, size in _ABD_NAMES)


def _is_name(name: str) -> bool:
    return len(name) >= _MIN_NAME and is_arabic_word(name)


def split_compound(token: str) -> tuple[str, str] | None:
    """The two words of a compound name written as one (وعبدالله -> وعبد, الله), else None."""
    if not is_arabic_word(token):
        return None
    for first, fits in ((ABD, _is_abd_name), (ABU, _is_name)):
        clitic = _clitic_before(token, first)
        if clitic is not None:
            head = clitic + first
            if fits(token[len(head) :]):
                return head, token[len(head) :]
    if token.endswith(ALLAH) and _is_name(token[: -len(ALLAH)]):
        return token[: -len(ALLAH)], ALLAH
    return None


def join_compound(first: str, second: str) -> str | None:
    """The one word of a compound name written as two (عبد, الله -> عبدالله), else None."""
    if not (is_arabic_word(first) and is_arabic_word(second)):
        return None
    for word, fits in ((ABD, _is_abd_name), (ABU, _is_name)):
        clitic = _clitic_before(first, word)
        if clitic is not None and first == clitic + word and fits(second):
            return first + second
    if second == ALLAH and _is_name(first):
        return first + second
    return None


def compound_spellings(tokens: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The other spellings of a phrase's (or a word's) compound names, at most
    MAX_SPELLINGS - 1 of them: each compound joined or spaced the other way."""
    # Each place is a choice between the tokens as typed and the other spelling.
    places: list[tuple[tuple[str, ...], ...]] = []
    i = 0
    while i < len(tokens):
        joined = join_compound(tokens[i], tokens[i + 1]) if i + 1 < len(tokens) else None
        if joined is not None:
            places.append(((tokens[i], tokens[i + 1]), (joined,)))
            i += 2
            continue
        split = split_compound(tokens[i])
        places.append(((tokens[i],), split) if split is not None else ((tokens[i],),))
        i += 1
    typed = tuple(tokens)
    found: list[tuple[str, ...]] = []
    for choice in itertools.islice(itertools.product(*places), MAX_SPELLINGS):
        spelling = tuple(itertools.chain.from_iterable(choice))
        if spelling != typed and spelling not in found:
            found.append(spelling)
    return tuple(found)
