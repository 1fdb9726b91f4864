"""Arabic normalization for search: the same folding for the index and for queries."""

from __future__ import annotations

import re
import unicodedata

# Tashkeel and Quranic marks (DESIGN.md, Text) and tatweel are dropped; this is
# their regex character class, and the same set as code points.
DROPPED = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
DROPPED_CODEPOINTS = frozenset(
    [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640]
)
_MARKS = re.compile(DROPPED)
# A word as written: letters and digits with the marks and tatweel normalize() drops.
WRITTEN_WORD = re.compile(rf"(?:[^\W_]|{DROPPED})+")

# One character to one: the spelling variants writers mix (أبريل/ابريل/إبريل).
SPELLING_FOLDS: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    # Arabic-Indic and Persian (extended) digits to ASCII.
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}

# Letters of other alphabets that Arabic text carries: the Persian and Urdu forms of
# Arabic letters (ی for ي, ک for ك, ھ for ه: the same letters, typed on keyboards set
# for those languages; ی in 64 of SaudiNewsNet's articles, 474 times, in names such as
# ایران), and the letters Arabic writers add for sounds Arabic lacks, as often written
# with the nearest Arabic letter (ڤ or ف for v, پ or ب for p).  Search folds them
# (SEARCH_FOLDS, search_normalize), and so do the date rules and copy detection (a copy
# retyped on a Persian keyboard is still a copy: schema v16); normalize() does not: the
# dedup key made from it must stay as it was computed.
OTHER_ALPHABET_FOLDS: dict[str, str] = {"ی": "ي", "ک": "ك", "ھ": "ه", "ڤ": "ف", "پ": "ب"}
SEARCH_FOLDS: dict[str, str] = {**SPELLING_FOLDS, **OTHER_ALPHABET_FOLDS}

# The fullwidth forms of ASCII (U+FF01-FF5E) and the ideographic space: the Latin
# letters, digits and punctuation of text copied from pages in East Asian encodings
# ("１７ Ｊｕｎｅ ２０１５").  The date rules read each as its ASCII character (NFKC's own
# mapping, one character to one, so offsets hold); the text as written keeps them.
_FULLWIDTH = re.compile("[\u3000\uff01-\uff5e]")
_FULLWIDTH_TABLE = str.maketrans(
    {"\u3000": " ", **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}}
)


def fold_fullwidth(text: str, step: int = 0) -> str:
    """text with each fullwidth form of an ASCII character written as that character
    ("１７ Ｊｕｎｅ" is "17 June"); text itself when it holds none.  Given a step, the
    text is searched and folded that many characters at a time (the date rules'
    GIL_STEP: one pass over a long text holds the GIL to its end)."""
    size = len(text)
    step = step or size or 1
    if not any(_FULLWIDTH.search(text, at, at + step) for at in range(0, size, step)):
        return text
    if size <= step:
        return text.translate(_FULLWIDTH_TABLE)
    return "".join(text[at : at + step].translate(_FULLWIDTH_TABLE) for at in range(0, size, step))


_FOLDED_FROM: dict[str, str] = {}
for _variant, _folded in SEARCH_FOLDS.items():
    _FOLDED_FROM[_folded] = _FOLDED_FROM.get(_folded, "") + _variant


# str.translate with a dict looks every character up in Python: one str.replace per
# folded character is about 20 times faster on Arabic text (1 ms against 50 us for a
# 2 KB article), and no folded character is the source of another fold.
_FOLD_PAIRS = tuple(SPELLING_FOLDS.items())
_OTHER_ALPHABET_PAIRS = tuple(OTHER_ALPHABET_FOLDS.items())


def normalize(text: str) -> str:
    """Fold spelling variants so that ايار finds أيّار and ٢٠٢١ finds 2021."""
    text = _MARKS.sub("", unicodedata.normalize("NFC", text))
    for variant, folded in _FOLD_PAIRS:
        if variant in text:
            text = text.replace(variant, folded)
    return text


# Characters SQLite's FTS5 tokenizer (its tables are Unicode 6.1's) keeps inside the
# word they touch where Python's [^\W_] cuts: the letter mark, the isolates, the number
# marks above, the end of text mark, newer Arabic symbols, honorific ligatures and
# Quranic marks, and the newer currency signs (500₺).  The search index holds each as a
# space since schema v22, so search writes them so too (for the words, changing
# nothing: each already parted two words; copy detection's signatures are the same).
SEARCH_SPACED = frozenset(
    [
        0x0605,
        0x061C,
        0x061D,
        0x0888,
        0x0890,
        0x0891,
        *range(0x0898, 0x08A0),
        *range(0x08CA, 0x08E4),
        0x08FF,
        0xFBC2,
        *range(0xFD40, 0xFD50),
        0xFDCF,
        0xFDFE,
        0xFDFF,
        *range(0x2066, 0x206A),
        *range(0x20BA, 0x20C1),
    ]
)
_SPACED = re.compile("[" + "".join(chr(c) for c in sorted(SEARCH_SPACED)) + "]")


def search_normalize(text: str) -> str:
    """normalize(text) with the letters of other alphabets folded too, as the search
    index holds its articles: ایران finds ايران, ڤيينا finds فيينا; and SEARCH_SPACED
    written as spaces."""
    text = fold_other_alphabets(normalize(text))
    return _SPACED.sub(" ", text) if _SPACED.search(text) else text


def fold_other_alphabets(text: str) -> str:
    """text with the letters of other alphabets (OTHER_ALPHABET_FOLDS) folded alone."""
    for variant, folded in _OTHER_ALPHABET_PAIRS:
        if variant in text:
            text = text.replace(variant, folded)
    return text


# Arabic presentation forms: the shaped glyphs of letters (an initial ﺍﻟ, a final ﺔ, the
# lam-alef ligature ﻻ) that renderers which cannot shape, and text copied out of PDFs,
# write instead of the letters.  0.7% of SaudiNewsNet's articles hold some (214 of
# 31,030, whole paragraphs in some): no one types them, so their words were found by
# no search and their dates by no rule.  Each is its letters again by NFKC (at most
# three characters); the word ligatures after U+FDEF (ﷲ, ﷺ, ﷽, the rial sign) are
# written on purpose and stay.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdcf\ufe70-\ufefc]+")


def fold_presentation_forms(text: str) -> str:
    """text with each Arabic presentation form written as its letters (ﺍﻟﺴﻌﻮﺩﻳﺔ:
    السعودية); text itself when it holds none."""
    if not _may_hold_presentation_forms(text) or _PRESENTATION_FORMS.search(text) is None:
        return text
    return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _may_hold_presentation_forms(text: str) -> bool:
    """False when text holds no character from U+F000 to U+FFFF, presentation forms
    among them: its UTF-8 then has no byte EF, which a memchr finds (bytes.find).  The
    regex's search looks at every character with its class: on SaudiNewsNet's bodies
    (2 KB) 18 us against 5 us for the encoding and the find, on every text of every
    article an import reads (as_stored); fewer than one body in a hundred holds an EF.
    Lone surrogates are encoded as they are (three bytes from ED)."""
    return b"\xef" in text.encode("utf-8", "surrogatepass")


def fold_presentation_forms_keeping_offsets(text: str) -> tuple[str, list[int] | None]:
    """fold_presentation_forms(text) and, where it changed anything, where each of its
    characters came from in text (one more entry: len(text)); None where it did not."""
    if not _may_hold_presentation_forms(text) or _PRESENTATION_FORMS.search(text) is None:
        return text, None
    parts: list[str] = []
    origins: list[int] = []
    done = 0
    for match in _PRESENTATION_FORMS.finditer(text):
        parts.append(text[done : match.start()])
        origins.extend(range(done, match.start()))
        for at in range(match.start(), match.end()):
            letters = unicodedata.normalize("NFKC", text[at])
            parts.append(letters)
            origins.extend([at] * len(letters))
        done = match.end()
    parts.append(text[done:])
    origins.extend(range(done, len(text) + 1))
    return "".join(parts), origins


def spellings(ch: str) -> str:
    """Every character that search folds to ch, ch first (ا: ا أ إ آ ٱ; ي: ي ى ئ ی)."""
    return ch + _FOLDED_FROM.get(ch, "")


_NUMBER = re.compile(r"(\d+)")


def name_order(name: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key for names as a reader orders them: spelling variants and case folded,
    numbers by value in any digits (مصدر-2 before مصدر-10, as Arabic-Indic ٢ before ١٠).
    Equal keys keep their order in a stable sort."""
    parts = _NUMBER.split(normalize(name).casefold())
    # (kind, number, text): text parts (kind 1) and numbers (kind 0) never compare
    # across kinds, so a tuple comparison never meets an int beside a str.
    return tuple(
        (0, int(part), part) if i % 2 else (1, 0, part) for i, part in enumerate(parts) if part
    )
