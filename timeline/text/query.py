"""Search queries: what a person typed, parsed into a safe FTS5 expression, and its hits in a text."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from timeline.text.compounds import compound_spellings, is_first_with_clitic, split_compound
from timeline.text.normalize import (
    DROPPED,
    DROPPED_CODEPOINTS,
    SEARCH_FOLDS,
    fold_fullwidth,
    fold_presentation_forms,
    search_normalize,
    spellings,
)
from timeline.text.stemmer import MIN_EXPANDED, is_arabic_word

# The forms of each expandable token that the index holds (see timeline/text/stemmer.py).
Forms = Mapping[str, Sequence[str]]

# What the index's unicode61 tokenizer keeps as a token: letters and digits.
# Underscore and every other character separate tokens, as they do for unicode61.
_TOKEN = re.compile(r"[^\W_]+")

# A shorter prefix matches much of the vocabulary and makes the index merge thousands
# of lists: ال* took 2 s over 100,000 articles, الع* 0.14 s.
MIN_PREFIX = 3
MAX_TERMS = 32
# The words of a search in all, a phrase's and a word's that punctuation parts
# (e-mail, ع-ع-ع...) included: MAX_TERMS counts a phrase as one, and a pasted line
# of words glued by punctuation or format characters (U+2066, U+08E2) was one word
# of thousands: 10,000 took 1.2 GB and 9 s (the index's phrase holds each of its
# words' state) before the time limit refused it.  A quoted sentence of 117 words is
# found in 4 s on 5,000 articles; 256 words take about 45 MB.
MAX_TOKENS = 256
# Why a query cannot run, by key: the lines are English (the command line prints them);
# the window knows them by these templates and says them in its own language
# (timeline/ui/store_messages.py), the user's words kept apart as a value.
MESSAGES: dict[str, str] = {
    "short_prefix": "“{query}”: a prefix search needs at least {letters} letters before the *",
    "only_excluded": "Excluding words (-word) needs at least one word to look for",
    "too_many_words": "Too many words: a search takes at most {count}",
    "too_many_tokens": "Too long: a search takes at most {count} words in all, a phrase's too",
}

_OR_WORDS = frozenset({"OR", "|"})
# Any of these opens a phrase and any closes it: typographic pairs vary by keyboard.
_QUOTES = '"«»“”„'


class SearchError(ValueError):
    """A search that cannot run; the message is written to be shown to the user."""


class EmptyQueryError(SearchError):
    """The query has no word to look for (empty, or only punctuation and operators)."""


def _latin_base(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0] if len(decomposed) > 1 and unicodedata.combining(decomposed[1]) else ch


# Latin letters with diacritics to their base letter, one character for one, as the
# index's remove_diacritics does.
_LATIN_BASE = str.maketrans(
    {
        ch: base
        for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]
        if (base := _latin_base(ch := chr(code))) != ch
    }
)


def fold_text(text: str) -> str:
    """Lower case without Latin diacritics, as the index compares tokens; same length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower to two characters (İ)
        lowered = "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)
    return lowered.translate(_LATIN_BASE)


def fold_token(token: str) -> str:
    """One token as the index's tokenizer keeps it: lower case, Latin diacritics removed."""
    return fold_text(token)


def search_tokens(text: str) -> list[str]:
    """The folded tokens of a text, as the index sees them (after search_normalize())."""
    return [fold_token(m.group()) for m in _TOKEN.finditer(search_normalize(text))]


# A chunk of a query as typed: its word between the marks around it ("-", quotes,
# brackets before; quotes, brackets, the prefix's * after).
_TYPED_WORD = re.compile(r'(?P<before>[-"(\uff02]*)(?P<word>.+?)(?P<after>[")*\uff02\uff0a]*)')


def with_word_replaced(text: str, token: str, word: str) -> str | None:
    """The query as typed with the word that the index reads as `token` written as
    `word` (a spelling suggestion chosen), the rest as it was typed; None when no word
    typed reads as that token alone."""
    for chunk in re.finditer(r"\S+", text):
        typed = _TYPED_WORD.fullmatch(chunk.group())
        if typed is not None and search_tokens(typed.group("word")) == [token]:
            start = chunk.start() + typed.start("word")
            return text[:start] + word + text[chunk.start() + typed.end("word") :]
    return None


@dataclass(frozen=True)
class Term:
    """A word or a phrase to find; prefix when its last token may be a prefix.

    exact when it was quoted: it matches its surface form only, never other forms.
    alternatives: the same words with a compound name joined or spaced the other way
    (timeline/text/compounds.py), found as the typed tokens are: a spelling, not a form.
    """

    tokens: tuple[str, ...]
    prefix: bool = False
    exact: bool = False
    alternatives: tuple[tuple[str, ...], ...] = ()

    @property
    def expandable(self) -> bool:
        """A plain Arabic word of three letters or more: its clitic forms match too."""
        return (
            not self.exact
            and not self.prefix
            and len(self.tokens) == 1
            and len(self.tokens[0]) >= MIN_EXPANDED
            and is_arabic_word(self.tokens[0])
        )

    @property
    def spellings(self) -> tuple[tuple[str, ...], ...]:
        """The tokens as typed, then their alternatives."""
        return (self.tokens, *self.alternatives)

    def other_forms(self, forms: Forms) -> tuple[tuple[str, ...], ...]:
        """An expandable word's forms other than as typed; a compound name's also as
        two words with a clitic on the first (وعبد الله, العبد الله for عبدالله), from
        the forms of the joined word and of the first word (forms_asked: these are
        asked for too); empty for any other term."""
        if not self.expandable:
            return ()
        found: list[tuple[str, ...]] = []
        for form in forms.get(self.tokens[0], ()):
            if form == self.tokens[0]:
                continue
            found.append((form,))
            split = split_compound(form) if self.alternatives else None
            if split is not None and split not in self.alternatives and split not in found:
                found.append(split)
        for first, *rest in (a for a in self.alternatives if len(a) == 2):
            for form in forms.get(first, ()):
                spelled = (form, *rest)
                if form != first and is_first_with_clitic(form, first) and spelled not in found:
                    found.append(spelled)
        return tuple(found)

    @property
    def forms_asked(self) -> tuple[str, ...]:
        """The words whose forms other_forms reads: the word, and a compound's first."""
        if not self.expandable:
            return ()
        return (self.tokens[0], *(a[0] for a in self.alternatives if len(a) == 2))

    def fts(self, forms: Forms | None = None) -> str:
        # Tokens are letters and digits only, so a double quote can never appear.
        star = "*" if self.prefix else ""
        spelled = [*self.spellings, *(self.other_forms(forms) if forms is not None else ())]
        if len(spelled) > 1:
            return "(" + " OR ".join(_phrase(tokens) + star for tokens in spelled) + ")"
        return _phrase(self.tokens) + star


def _phrase(tokens: Sequence[str]) -> str:
    return '"' + " ".join(tokens) + '"'


@dataclass(frozen=True)
class Group:
    """Terms that must all occur (AND), none of the excluded ones.

    joined: (i, word) where required words i and i + 1, typed one after the other, are
    a compound name (عبد الله) that articles also write as one word: either the two
    words or the one matches (timeline/text/compounds.py).
    """

    required: tuple[Term, ...]
    excluded: tuple[Term, ...] = ()
    joined: tuple[tuple[int, Term], ...] = ()

    def fts(self, forms: Forms | None = None, *, positive: bool = False) -> str:
        parts = [t.fts(forms) for t in self.required]
        for i, word in reversed(self.joined):
            parts[i : i + 2] = [f"(({parts[i]} AND {parts[i + 1]}) OR {word.fts(forms)})"]
        expr = " AND ".join(parts)
        if self.excluded and not positive:
            expr = f"({expr}) NOT ({' OR '.join(t.fts(forms) for t in self.excluded)})"
        return expr


@dataclass(frozen=True)
class Query:
    """A parsed query: groups joined by OR."""

    text: str
    groups: tuple[Group, ...]

    def fts(self, forms: Forms | None = None, *, positive: bool = False) -> str:
        """The FTS5 MATCH expression; safe whatever the user typed.

        With forms, each plain word matches any of its forms in the index; positive
        leaves the excluded words out (for a column filter: the words that must occur).
        """
        if len(self.groups) == 1:
            return self.groups[0].fts(forms, positive=positive)
        return " OR ".join(f"({g.fts(forms, positive=positive)})" for g in self.groups)

    @property
    def terms(self) -> tuple[Term, ...]:
        """The terms that must occur (the excluded ones cannot occur in a hit)."""
        return tuple(t for g in self.groups for t in g.required)

    @property
    def highlighted(self) -> tuple[Term, ...]:
        """Every term to highlight: the terms, and the one word of two typed that name
        a compound (عبدالله for عبد الله)."""
        return (*self.terms, *(word for g in self.groups for _, word in g.joined))

    @property
    def expandable_tokens(self) -> tuple[str, ...]:
        """The plain words (required or excluded) whose forms the index is asked for."""
        seen: dict[str, None] = {}
        for group in self.groups:
            joined = [word for _, word in group.joined]
            for term in (*group.required, *group.excluded, *joined):
                for token in term.forms_asked:
                    seen[token] = None
        return tuple(seen)


def _lex(text: str) -> list[tuple[str, str, bool]]:
    """(kind, text, negated) items: kind is 'word', 'phrase' or 'or'.

    AND (what words are anyway) is dropped and NOT before a word or phrase is its
    minus, as the boolean searches of libraries and archives write them (searched as
    words they found only articles holding the English "and" or "not": none, for an
    Arabic library); in lower case they are words."""
    items: list[tuple[str, str, bool]] = []
    i, n = 0, len(text)
    denied = False  # a NOT before the next word or phrase
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated, denied = denied, False
        if ch == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
            ch = text[i]
        if ch in _QUOTES:
            ends = [p for p in (text.find(q, i + 1) for q in _QUOTES) if p >= 0]
            close = min(ends) if ends else -1
            end = n if close < 0 else close
            body = text[i + 1 : end]
            i = end + 1
            if i < n and text[i] == "*":
                body += "*"
                i += 1
            items.append(("phrase", body, negated))
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in _QUOTES:
            j += 1
        word = text[i:j]
        i = j
        if word in _OR_WORDS and not negated:
            items.append(("or", word, False))
        elif word == "AND" and not negated:
            continue
        elif word == "NOT" and not negated:
            denied = True
        else:
            items.append(("word", word, negated))
    return items


# ASCII letters and digits to their fullwidth forms, as the index holds a text's (its
# tokenizer lowers their case and folds nothing else of them).
_WIDENED = str.maketrans(
    {chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F) if chr(code).isalnum()}
)


def _term(raw: str, exact: bool, wide: bool = False) -> Term | None:
    """The term of a word or phrase as lexed; wide when the query was typed with fullwidth
    forms (folded before lexing): its Latin letters and digits are looked for in those
    forms too, as a text that writes them so is indexed."""
    prefix = raw.rstrip().endswith("*")
    tokens = tuple(search_tokens(raw))
    if not tokens:
        return None
    if prefix and len(tokens[-1]) < MIN_PREFIX:
        raise SearchError(MESSAGES["short_prefix"].format(query=raw.strip(), letters=MIN_PREFIX))
    spelled = () if prefix else compound_spellings(tokens)
    widened = tuple(token.translate(_WIDENED) for token in tokens) if wide else tokens
    if widened != tokens:
        spelled = (*spelled, widened)
    return Term(tokens, prefix, exact, spelled)


def _joined_words(
    required: Sequence[Term], follows: Sequence[bool]
) -> tuple[tuple[int, Term], ...]:
    """(i, word) for each two plain words typed one after the other (follows[i + 1]:
    word i + 1 came right after word i) that are a compound name written spaced; no
    word in two of them."""
    found: list[tuple[int, Term]] = []
    i = 0
    while i + 1 < len(required):
        first, second = required[i], required[i + 1]
        if follows[i + 1]:
            spelled = compound_spellings((*first.tokens, *second.tokens))
            if len(spelled) == 1 and len(spelled[0]) == 1:
                found.append((i, Term(spelled[0], alternatives=())))
                i += 2
                continue
        i += 1
    return tuple(found)


def parse_query(text: str) -> Query:
    """Parse what a user typed. Raises SearchError (EmptyQueryError) with a message to show.

    Words must all occur; "a phrase" must occur as written; word* is a prefix;
    -word (or NOT word) excludes; OR (or |) between words gives alternatives; AND is
    what words are anyway. Every other character
    (FTS operators, column filters, brackets, ^, NEAR) is plain text: its letters and
    digits are searched for, its punctuation separates words.
    """
    groups: list[Group] = []
    required: list[Term] = []
    excluded: list[Term] = []
    # Whether each required term is one plain word typed right after another (nothing
    # between them but spaces): the two may be a compound name (_joined_words).
    follows: list[bool] = []
    count = 0
    tokens = 0
    after_word = False

    def close_group() -> None:
        nonlocal required, excluded, follows
        if required:
            groups.append(Group(tuple(required), tuple(excluded), _joined_words(required, follows)))
        elif excluded:
            raise SearchError(MESSAGES["only_excluded"])
        required, excluded, follows = [], [], []

    # Pasted from a page that wrote its letters as presentation forms (ﺍﻟﺴﻌﻮﺩﻳﺔ): the
    # letters, as the stored texts hold them (library.as_stored).  Typed in an East Asian
    # keyboard's wide mode (ＯＰＥＣ ２０１５, ＂a phrase＂, －word): ASCII, operators
    # included, as articles write them (one of SaudiNewsNet's 31,030 articles holds a
    # fullwidth form: a comma), and each word in those forms too (_term).
    unwide = fold_fullwidth(text)
    for kind, raw, negated in _lex(fold_presentation_forms(unwide)):
        if kind == "or":
            close_group()
            after_word = False
            continue
        term = _term(raw, exact=kind == "phrase", wide=unwide is not text)
        if term is None:
            after_word = False
            continue
        count += 1
        if count > MAX_TERMS:
            raise SearchError(MESSAGES["too_many_words"].format(count=MAX_TERMS))
        tokens += len(term.tokens)
        if tokens > MAX_TOKENS:
            raise SearchError(MESSAGES["too_many_tokens"].format(count=MAX_TOKENS))
        word = kind == "word" and not negated and not term.prefix and len(term.tokens) == 1
        if negated:
            excluded.append(term)
        else:
            required.append(term)
            # After an excluded word, a phrase or a prefix, a word starts afresh.
            follows.append(word and after_word)
        after_word = word
    close_group()
    if not groups:
        raise EmptyQueryError("Type a word to search for")
    return Query(text, tuple(groups))


# Between the letters of a word in the original text: dropped marks and tatweel, and
# combining accents (a decomposed é).
_IN_WORD = "(?:" + DROPPED + "|[\u0300-\u036f])*"
_NOT_TOKEN = r"[\W_]+"
_WORD_START = r"(?<![^\W_])(?<!" + DROPPED + ")"
_WORD_END = r"(?![^\W_])"
_LATIN_FROM: dict[str, str] = {}
for _code, _base in _LATIN_BASE.items():
    _LATIN_FROM[_base] = _LATIN_FROM.get(_base, "") + chr(_code)


def _letter(ch: str) -> str:
    forms = spellings(ch) + _LATIN_FROM.get(ch, "")
    return (re.escape(forms) if len(forms) == 1 else f"[{re.escape(forms)}]") + _IN_WORD


def _term_regex(term: Term) -> str:
    """A regex for a term's words, one after the other, in original (unnormalized) text.

    Each letter matches every spelling that normalizes and folds to it, with any marks
    after it, so the match is found and measured in the original text.
    """
    words = ["".join(_letter(ch) for ch in token) for token in term.tokens]
    tail = r"(?:[^\W_]|" + DROPPED + ")*" if term.prefix else _WORD_END
    return _NOT_TOKEN.join(words) + tail


@functools.lru_cache(maxsize=256)
def _term_pattern(*terms: Term) -> re.Pattern[str]:
    """One regex for terms (a term's spellings): one pass over a text, where a regex
    each cost a pass each (nine spellings of عبدالله: 12 ms a page of hits).  The
    longest first, so that of two spellings at one place the longer is the hit."""
    ordered = sorted(terms, key=lambda t: -sum(map(len, t.tokens)))
    return re.compile(
        _WORD_START + "(?:" + "|".join(_term_regex(t) for t in ordered) + ")", re.IGNORECASE
    )


# A word of the original text: letters and digits with the marks inside or after them.
_WORD = re.compile("(?:[^\\W_]|" + DROPPED + "|[\u0300-\u036f])+")
# Normalization and folding of one word as a single table (marks dropped, spelling
# folded, A-Z, their fullwidth forms and Latin letters with diacritics to their
# lower-case base letter): one C-level pass a word.  Other scripts' capitals are left
# as they are.
_KEY = str.maketrans(
    {
        **{chr(c): None for c in DROPPED_CODEPOINTS},
        **SEARCH_FOLDS,
        **{chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)},
        # Fullwidth capitals to their small forms, as the index lowers them (a query
        # typed in wide mode looks for those forms too: _term).
        **{chr(c): chr(c).lower() for c in range(0xFF21, 0xFF3B)},
        **{
            ch: fold_text(ch)
            for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]
            if len(fold_text(ch := chr(code))) == 1 and fold_text(ch) != ch
        },
    }
)


# Every character of the Basic Multilingual Plane, one for one: a letter or digit to its
# key (_KEY), a mark inside a word to _MARK, anything else to a space.  As a list it is
# read without a dictionary miss per character.
_MARK = "\x01"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _word_keys() -> list[int | str]:
    table: list[int | str] = []
    for code in range(0x10000):
        ch = chr(code)
        if ch.isalnum() or code in DROPPED_CODEPOINTS or 0x300 <= code <= 0x36F:
            key = ch.translate(_KEY)
            table.append(key if key else _MARK)
        else:
            table.append(" ")
    return table


def _word_hits(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the words of text that normalize and fold to one of words.

    The text is keyed one character for one (C-level), so a word's offsets in the
    text are its offsets in the keys; only hits are looked at one by one.
    """
    if _ASTRAL.search(text):  # outside the table's plane: word by word
        return [m.span() for m in _WORD.finditer(text) if m.group().translate(_KEY) in words]
    keyed = text.translate(_word_keys())
    tokens = keyed.split(" ")
    keys = " ".join(tokens).replace(_MARK, "").split(" ") if _MARK in keyed else tokens
    found = [i for i, key in enumerate(keys) if key in words]
    if not found:
        return []
    # Token i starts after the tokens before it and one space after each.
    ends = list(itertools.accumulate(map(len, tokens)))
    return [(ends[i] - len(tokens[i]) + i, ends[i] + i) for i in found]


def _common_core(words: Sequence[str]) -> str:
    """The longest string that every word contains (a word's forms share their base)."""
    shortest = min(words, key=len)
    for size in range(len(shortest), 1, -1):
        for start in range(len(shortest) - size + 1):
            core = shortest[start : start + size]
            if all(core in word for word in words):
                return core
    return ""


_ARABIC_LETTERS = re.compile("[\u0621-\u064a]+")


# A character that the table keys (not a space): a letter or digit, or a mark.
_WORD_CHAR = "(?:[^\\W_]|" + DROPPED + "|[\u0300-\u036f])"


def _to_word_end(cores: str) -> re.Pattern[str]:
    """A regex of a match of cores and the rest of its word (every character of a core
    is a word's)."""
    return re.compile(f"(?:{cores}){_WORD_CHAR}*")


def _word_hits_near(
    text: str, words: frozenset[str], cores: re.Pattern[str]
) -> list[tuple[int, int]]:
    """_word_hits for words of Arabic letters, keying only the words around a core.

    Every word whose key is one of words holds one of their cores (in any spelling, with
    marks between the letters), so only the words where cores matches are keyed: a few
    words of a text rather than all of it (keying a 1 KB body cost 150 us).  cores runs
    on to the word's end (_to_word_end); only the letters before the match (a clitic or
    two) are looked at one by one.
    """
    if _ASTRAL.search(text):
        return _word_hits(text, words)
    table = _word_keys()
    found: list[tuple[int, int]] = []
    for match in cores.finditer(text):
        start, end = match.span()
        while start and table[ord(text[start - 1])] != " ":
            start -= 1
        if text[start:end].translate(table).replace(_MARK, "") in words:
            found.append((start, end))
    return found


def prepare_hit_spans(query: Query | None = None) -> None:
    """Make the table hit_spans keys text with (28 ms, once a process), and with a query
    its finder's regexes (a word's cores in every spelling: 20-40 ms to compile), kept in
    re's cache where the finder made for the same query on the GUI thread finds them: a
    search's worker prepares them, or the list's first marks after it would wait."""
    _word_keys()
    if query is not None:
        hit_finder(query)


def hit_spans(text: str, query: Query | str, forms: Forms | None = None) -> list[tuple[int, int]]:
    """Offsets (start, end) in the original text of every occurrence of the query's terms.

    With forms, a plain word's other forms (بكوريا for كوريا) are hits too.  Spans are
    sorted and do not overlap; each covers whole words with their marks.
    """
    return hit_finder(query, forms)(text)


def hit_finder(
    query: Query | str, forms: Forms | None = None
) -> Callable[[str], list[tuple[int, int]]]:
    """hit_spans for one query, made once for many texts (a page of hits)."""
    if isinstance(query, str):
        query = parse_query(query)
    # Every spelling of every term (عبدالله and عبد الله), and an expandable word's
    # forms with their compounds spaced (وعبد الله).
    spelled: list[Term] = []
    patterns: list[re.Pattern[str]] = []
    for term in query.highlighted:
        its = [Term(tokens, term.prefix, term.exact) for tokens in term.spellings]
        if forms:
            its += [Term(tokens) for tokens in term.other_forms(forms) if len(tokens) > 1]
        spelled += its
        # Phrases and prefixes are found by a regex of the term's (one pass a term).
        if found_by_regex := tuple(t for t in its if len(t.tokens) > 1 or t.prefix):
            patterns.append(_term_pattern(*found_by_regex))
    # Single words (and their forms) are found by looking each word of the text up.
    singles = [t.tokens[0] for t in spelled if len(t.tokens) == 1 and not t.prefix]
    words = set(singles)
    if forms:
        for term in query.highlighted:
            if term.expandable:
                words.update(forms.get(term.tokens[0], ()))
    frozen = frozenset(words)
    # Words of Arabic letters are found through what each word's forms share.
    cores: re.Pattern[str] | None = None
    if frozen and all(_ARABIC_LETTERS.fullmatch(w) for w in frozen):
        groups = [[word, *(forms or {}).get(word, ())] for word in singles]
        shared = {_common_core(group) for group in groups}
        if all(len(core) >= 2 for core in shared):
            alternatives = sorted(shared, key=len, reverse=True)
            cores = _to_word_end("|".join("".join(map(_letter, c)) for c in alternatives))

    def spans(text: str) -> list[tuple[int, int]]:
        if not frozen:
            found = []
        elif cores is not None:
            found = _word_hits_near(text, frozen, cores)
        else:
            found = _word_hits(text, frozen)
        if not patterns:
            # Words only: their spans are sorted and never touch (a word ends where a
            # character that is not a word's comes), so there is nothing to merge.
            return found
        found += [m.span() for pattern in patterns for m in pattern.finditer(text)]
        found.sort()
        merged: list[tuple[int, int]] = []
        for start, end in found:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    return spans
