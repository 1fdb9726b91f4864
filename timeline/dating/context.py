"""Shared pieces of the mention rules: the folded document, candidates, regex fragments."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any, NamedTuple

import ahocorasick

from timeline.dating import lexicon as lx
from timeline.dating.lazy import lazy
from timeline.dating.normalize import GIL_STEP, Folded, fold, strip_marks
from timeline.model import DateValue


def rx(pattern: str) -> re.Pattern[str]:
    """A pattern written in ordinary spelling, against folded text (حتى -> حتي); lazy."""
    return lazy(strip_marks(pattern))


# Every character the regex engine's \\s matches in a str pattern (str.isspace()); a
# test checks the list.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


class Anchor:
    """A regex whose every match begins with one of a few literals.

    Context.scan looks for a rule only near its anchor's hits, so finding those hits is
    the one pass over the whole text each rule makes.  The regex engine tries an
    alternation at every position of the text; str.find runs at C speed, so the regex
    is tried only where a literal starts.  The hits are exactly the regex's own finditer
    hits as long as every match begins with one of the literals (tests check that on
    real text).  One combined regex of every anchor's literals, run once, was tried
    instead: with a lookahead to see overlapping literals it took as long as the finds.
    """

    def __init__(self, pattern: str, literals: Iterable[str]) -> None:
        self.regex = rx(pattern)
        # A space in a lexicon word matches any run of whitespace (lexicon.alternation):
        # its first word and each whitespace character are literal (ذي القعدة: ذي, and
        # ذي then a space, a newline...), where the first word alone would be hit inside
        # every ذي and ذا of the text.  A word that is also an entry of its own stays.
        words = {strip_marks(word) for word in literals}
        alone = {word for word in words if " " not in word}
        self.literals = tuple(
            sorted(
                alone
                | {
                    first + space
                    for first in {word.split(" ")[0] for word in words - alone} - alone
                    for space in WHITESPACE
                }
            )
        )
        if not all(self.literals):
            raise ValueError("an anchor literal is empty")
        # Literals of one character each (digits, sentence ends) are found by str.find,
        # not by the automaton: a few finds per character run at C speed, where the
        # automaton's walk and its Python loop over hits cost several times more.
        single = all(len(literal) == 1 for literal in self.literals)
        self.chars = "".join(self.literals) if single else ""
        self.index = len(_ANCHORS)
        _ANCHORS.append(self)
        _AUTOMATON.clear()  # built again, with this anchor's literals, on next use

    def starts(self, text: str) -> list[int]:
        """Where any literal begins in text, in order: str.find, for one anchor alone."""
        find = text.find
        if self.chars:
            if len(text) >= _VECTOR_MIN:
                return char_positions(text, self.chars)
            # One character each: no two literals begin at one place, so no set is needed.
            starts: list[int] = []
            for char in self.chars:
                at = find(char)
                while at != -1:
                    starts.append(at)
                    at = find(char, at + 1)
            starts.sort()
            return starts
        found: set[int] = set()
        for literal in self.literals:
            at = find(literal)
            while at != -1:
                found.add(at)
                at = find(literal, at + 1)
        return sorted(found)

    def finditer(self, text: str, starts: Iterable[int] | None = None) -> Iterator[re.Match[str]]:
        """The regex's non-overlapping hits in text, as its own finditer gives them.

        starts are where its literals begin, if already known (Context.starts_of).
        """
        match = self.regex.match
        after = 0
        for start in self.starts(text) if starts is None else starts:
            if start < after:
                continue
            hit = match(text, start)
            if hit is not None:
                yield hit
                end = hit.end()
                after = end if end > start else start + 1  # inline: max() costs a call

    def search(self, text: str, starts: Iterable[int] | None = None) -> re.Match[str] | None:
        """The regex's first hit in text."""
        return next(self.finditer(text, starts), None)


class Before:
    """A pattern searched in a short stretch of text, which none of its matches lacks
    one of a few literals (a cue word before a date: منذ, كل, الساعة).

    Such a pattern ends with $ or starts with optional clitics, so the regex engine
    tries it at every position of the stretch; in a text dense with dates, these
    searches were a large part of extraction.  One search for any of the literals goes
    first, and the pattern runs only when one of them is in the stretch: the result is
    the pattern's own (a test checks every one on real and dense text).  Without
    literals there is no gate.

    stops are characters none of its matches holds (the punctuation that ends a
    clause): no match begins before the last of them in the stretch, so the pattern is
    searched from after it, not tried at every position before (tests check both).
    """

    def __init__(self, pattern: str, literals: Iterable[str], stops: str = "") -> None:
        self.regex = rx(pattern)
        self.literals = tuple(sorted({strip_marks(word) for word in literals}))
        if not all(self.literals):
            raise ValueError("a literal is empty")
        self.stops = stops
        # One search for any of them: literals only, so the engine skips to their first
        # letters (a str.find per literal was a Python loop of up to 16 calls).
        self.gate = lazy("|".join(map(re.escape, self.literals))) if self.literals else None
        # The stretch up to the last stop, in one match: greedy, it runs to the end and
        # steps back to the last of them (a str.rfind per stop was eight calls).
        self.last_stop = lazy(f"(?s:.*)[{re.escape(stops)}]") if stops else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if self.gate is not None and self.gate.search(text, pos, end) is None:
            return None
        if pos < 0:
            pos = 0  # as the regex takes it (str.rfind would count from the end)
        if self.last_stop is not None and (stop := self.last_stop.match(text, pos, end)):
            pos = stop.end()
        return self.regex.search(text, pos, end)


# The punctuation that ends a clause: a Before's stops where its pattern holds none of
# them.  Never a newline: $ matches before one that ends the stretch, and \s takes it.
CLAUSE_STOPS = ".!?؟،,:؛"

# From this length on, a text's one-character literals are found by char_positions: a
# str.find and an append per digit of a long text dense with dates (20,000 in 100 KB)
# cost several times its comparisons of the whole text at once; on an article of a few
# KB the finds are as quick.
_VECTOR_MIN = 8192


def char_positions(text: str, chars: str, step: int = GIL_STEP) -> list[int]:
    """Where any of chars is in text, in order: what Anchor.starts' finds give.

    One code point per 4 bytes of UTF-32 (a lone surrogate passed through as its own
    code point), so an element's index is the character's index in text.  numpy is
    imported here, for a long text only: extracting from the command line loads
    nothing heavy.  A step of the text at a time (see GIL_STEP).
    """
    import numpy as np

    found: list[int] = []
    for at in range(0, len(text), step):
        part = text[at : at + step]
        codes = np.frombuffer(part.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        hit = codes == ord(chars[0])
        for char in chars[1:]:
            hit |= codes == ord(char)
        found += (np.flatnonzero(hit) + at).tolist()
    return found


_ANCHORS: list[Anchor] = []
_AUTOMATON: list[ahocorasick.Automaton] = []  # built on first use


def _automaton() -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of every anchor's literals: what each hit means to whom.

    One pass over the text finds every literal of every anchor, overlapping ones too
    (اليوم holds يوم), where a str.find pass per literal cost a third of extraction.
    """
    if not _AUTOMATON:
        owners: dict[str, list[int]] = {}
        for anchor in _ANCHORS:
            if anchor.chars:
                continue  # a character class finds these (Anchor.starts)
            for literal in anchor.literals:
                owners.setdefault(literal, []).append(anchor.index)
        automaton = ahocorasick.Automaton()
        for literal, indexes in owners.items():
            # A literal of one anchor (nearly all) carries its index, not a tuple to loop over.
            owner = indexes[0] if len(indexes) == 1 else tuple(indexes)
            automaton.add_word(literal, (len(literal) - 1, owner))
        automaton.make_automaton()
        _AUTOMATON.append(automaton)
    return _AUTOMATON[0]


def literal_starts(text: str) -> list[list[int]]:
    """For each anchor (by its index), where its literals begin in text, in order.

    Anchors of one-character literals (digits, sentence ends) are left empty here:
    Context.starts_of finds theirs with str.find when asked, once for anchors of the
    same characters.
    """
    found: list[list[int]] = [[] for _ in _ANCHORS]
    for end, (back, owner) in _automaton().iter(text):
        if owner.__class__ is int:
            found[owner].append(end - back)
        else:
            for index in owner:
                found[index].append(end - back)
    # Hits come in the order of their ends; two literals of one anchor (اب, ابريل) can
    # begin at one place.
    return [sorted(set(starts)) if len(starts) > 1 else starts for starts in found]


DIGITS = "0123456789"


def one_space(words: str) -> str:
    """re.sub(r"\\s+", " ", words): a matched word of the lexicon with its spaces as the
    lexicon writes them.  Most hold none or one plain space (every other whitespace
    character is unprintable), so re.sub, a look-up of its cache and a pass, is spared."""
    if words.isprintable() and "  " not in words:
        return words
    return re.sub(r"\s+", " ", words)  # re's own cache: the rare case keeps no pattern


# Regex fragments over folded text (no tashkeel, أ/إ/آ -> ا, ة -> ه, ASCII digits).
START = r"(?<!\w)"
END = r"(?!\w)"
# The proclitics that glue onto a word: و/ف (and), ب/ل/ك (in, for, like); with the
# article ال, ل + ال is written لل.
DEFINITE = r"(?:[وف]?[بلك]?ال|[وف]?لل)"
INDEFINITE = r"(?:[وف]?[بلك]?)"
MONTHS = lx.alternation(lx.GREGORIAN_MONTHS)
HIJRI_MONTHS = lx.alternation(lx.HIJRI_MONTHS)
WEEKDAYS = lx.alternation(lx.WEEKDAYS)
PAST = lx.alternation(lx.PAST_WORDS)
FUTURE = lx.alternation(lx.FUTURE_WORDS)
CURRENT = lx.alternation(lx.CURRENT_WORDS)
MODIFIER = f"{PAST}|{FUTURE}|{CURRENT}"
CARDINAL = lx.alternation(lx.CARDINALS)
# Era markers after a year: هـ / ه / هجري(ة) for Hijri, م / ميلادي(ة) for Gregorian.
ERA = r"(?:\s*(?P<era>ه(?:جري(?:ه)?)?|م(?:يلادي(?:ه)?)?)(?!\w))?"

# Words after a number that make it a quantity, not a year (2015 طن, 2015 ريال).
QUANTITY_WORDS = (
    "طن|اطنان|ريال|ريالا|دولار|دولارا|يورو|جنيه|درهم|دينار|"
    "مليون|مليار|الف|الاف|شخص|شخصا|متر|مترا|كيلو|كم|كيلومتر|نقطه|سهم|برميل|لاعب|لاعبا|"
    "موظف|طالب|طالبا|حاله|وحده|مرشح|مرشحا|صوت|صوتا|مشارك|قتيل|جريح|مريض|مقعد|دائره|"
    "ميغاواط|هكتار|سياره|منزل|وظيفه|فرصه|مدرسه|ساعه|دقيقه|يوما|ايام"
)
# The words as a trie (a year's context tries them after every year, with and without a
# clitic): each is a whole word ((?!\w) after it), so no two of them can match at one
# place and the trie finds what the flat alternation of them found (a test compares).
QUANTITY_AFTER = rx(
    r"\s*(?:[%٪]|[.,]\d|(?:[وبل]?(?:"
    + lx.alternation(strip_marks(QUANTITY_WORDS).split("|"))
    + r")(?!\w)))"
)
# 331 قبل الميلاد, عام 1800 ما قبل الميلاد, 65 ق.م, قبل ميلاد المسيح: a time before the
# era, which no value here can hold; what it follows is no year of ours.  A bare ميلاد is
# anyone's birth (عام 1990 قبل ميلاد ابنه).
BEFORE_THE_ERA = r"\s*(?:ما\s+)?(?:قبل\s+(?:الميلاد|ميلاد\s+(?:السيد\s+)?المسيح)|ق\s?\.\s?م)(?!\w)"
BEFORE_THE_ERA_AFTER = rx(BEFORE_THE_ERA)
QUANTITY_BEFORE = Before(
    r"(?:رقم|عدد|بقيمه|بمبلغ|نسبه|بنسبه|[#№])\s*[(:]?\s*$",
    ("رقم", "عدد", "بقيمه", "بمبلغ", "نسبه", "#", "№"),
)


class Candidate(NamedTuple):
    """A date expression a rule found, in folded offsets, before overlaps are settled.

    A named tuple, not a frozen dataclass: a dense text makes one per few characters,
    and a tuple is built (and copied by moved) several times faster.
    """

    start: int
    end: int
    date: DateValue
    kind: str
    confidence: float
    # What merging steps need: the Gregorian day of a day-level date, whether its
    # year was written, and (month, day, calendar) to redo it with another year.
    # dt.date, not date: in this class body `date` is the field above.
    day: dt.date | None = None
    has_year: bool = True
    month_day: tuple[int, int, str] | None = None
    weak: bool = False  # a bare clock time: kept only when it follows a date
    clock: tuple[int, int | None, int | None, str] | None = None  # h, m, s, offset

    def moved(self, start: int, end: int, **changes: Any) -> Candidate:
        # Any, as in dataclasses.replace: each keyword names a field of its own type.
        return self._replace(start=start, end=end, **changes)


@dataclass
class Context:
    """The folded text of one document and its publication anchor."""

    folded: Folded
    anchor: datetime | None
    # Whether the anchor is a time the document declares as its own (a TimeML creation
    # time, a stamp with its UTC offset, a --published given by hand), not a stamp of
    # unknown kind that may be a crawl's: only the latter is read as a crawl's.
    declared: bool = False
    # The folded text, an attribute: the rules read it tens of thousands of times in a
    # dense text, where a property was a call each time.
    text: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.text = self.folded.text

    @cached_property
    def _anchor_starts(self) -> list[list[int]]:
        return literal_starts(self.text)

    def starts_of(self, anchor: Anchor) -> list[int]:
        """Where anchor's literals begin in the text (one pass for all anchors)."""
        if anchor.chars:
            starts = self._char_starts.get(anchor.chars)
            if starts is None:
                starts = self._char_starts[anchor.chars] = anchor.starts(self.text)
            return starts
        return self._anchor_starts[anchor.index]

    def _stops(self, stops: Anchor | None) -> list[int] | None:
        """Where stops lie, for _near_starts: in a long text only, where the positions
        each search skips outweigh finding them (on a 3 KB article, a Python step for
        each comma and full stop cost more than the few searches gained)."""
        if stops is None or len(self.text) < _VECTOR_MIN:
            return None
        return self.starts_of(stops)

    @cached_property
    def _char_starts(self) -> dict[str, list[int]]:
        """Where the one-character literals of anchors begin, by their characters."""
        return {}

    @cached_property
    def anchor_day(self) -> date | None:
        return self.anchor.date() if self.anchor else None

    @cached_property
    def today(self) -> date | None:
        """The day the article calls "today".

        Usually the publication day; but when the text says "اليوم الجمعة" and the
        publication (or crawl) time falls on another weekday, the writer's today is
        that Friday, and every other relative day in the text counts from it.
        """
        if self.anchor_day is None:
            return None
        for hit in TODAY_WEEKDAY.finditer(self.text, self.starts_of(TODAY_WEEKDAY)):
            if self.text.endswith(THIS_BEFORE, 0, hit.start()):
                continue  # هذا اليوم السبت: a quoted document's own date, not the writer's day
            return last_weekday(self.anchor_day, lx.WEEKDAYS[hit.group("wd")], strict=False)
        # غداً الخميس, أمس (السبت), أول من أمس الجمعة name a day next to today: the
        # writer's today is the weekday that makes it so, on or before the anchor's day
        # (or the next day after 21:00: late in the evening is the writer's next day).
        for hit in NEXT_DAY_WEEKDAY.finditer(self.text, self.starts_of(NEXT_DAY_WEEKDAY)):
            before = self.text[max(0, hit.start() - 8) : hit.start()]
            if before.endswith(AFTER_BEFORE):
                continue  # بعد غد الخميس: the day after tomorrow
            weekday = lx.WEEKDAYS[hit.group("wd")]
            late = self.anchor is not None and self.anchor.hour >= 21
            latest = self.anchor_day + timedelta(days=1 if late else 0)
            if hit.group("w").lstrip("وف").startswith("غد"):
                # As the mention reads it: the weekday nearest the anchor's tomorrow; a
                # today after the anchor's is not taken (the crawl is late, not early).
                near = self.anchor_day + timedelta(days=1)
                before_near = last_weekday(near, weekday, strict=False)
                after_near = next_weekday(self.anchor_day, weekday)
                closer = after_near - near <= near - before_near
                writer = (after_near if closer else before_near) - timedelta(days=1)
                if writer > latest + timedelta(days=1):
                    # The nearer reading would make the writer's today later than the
                    # stamp by days; a crawl is late, never early, so the text was
                    # written the day before the last such weekday (غداً الجمعة stamped
                    # on a Tuesday: written on the Thursday before).
                    writer = before_near - timedelta(days=1)
                elif writer > latest:
                    continue  # a day after the stamp: the next day's print issue, posted
                return writer
            step = 2 if before.endswith(FIRST_BEFORE) else 1
            small = self.anchor is not None and _small_hours(self.anchor)
            if step == 1 and weekday == latest.weekday() and not small:
                continue  # أمس الأربعاء stamped on a Wednesday: a slip, not a week-old text
            return last_weekday(latest, (weekday + step) % 7, strict=False)
        if self.anchor is not None and not self.declared and _small_hours(self.anchor):
            # A stamp of unknown kind after midnight and before five is the crawl's or
            # the press's, not the writer's: of the SaudiNewsNet articles stamped then
            # whose text names its own today, about one in six was written on the
            # stamp's day, half the day before (docs/decisions.md, seventh round). A
            # declared creation time is the writer's own and is taken as it is.
            return self.anchor_day - timedelta(days=1)
        return self.anchor_day

    @cached_property
    def year_starts(self) -> list[int]:
        """Where the four-digit numbers that year_windows are around begin, in order."""
        _ = self.year_windows  # which finds them, and keeps them here
        return self.__dict__["year_starts"]

    @cached_property
    def year_windows(self) -> list[tuple[int, int]]:
        """Stretches of text around four-digit numbers, where year and date rules look.

        Running those rules only here, not over the whole text, is most of what keeps
        extraction fast: their cue words are optional, so a whole-text scan tries them
        at every position.
        """
        windows: list[tuple[int, int]] = []
        text = self.text
        size = len(text)
        # The regex's own finditer: its matches are FOUR_DIGITS.finditer's (each begins
        # at a digit, one of the anchor's literals), found in C where a Python step for
        # each digit of a text dense with dates cost several times more.
        found: list[int] = []
        self.__dict__["year_starts"] = found
        for hit in FOUR_DIGITS.regex.finditer(text):
            start, end = hit.span()
            found.append(start)
            lo = start - YEAR_BEFORE if start > YEAR_BEFORE else 0
            hi = end + YEAR_AFTER if end + YEAR_AFTER < size else size
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
        return windows

    def scan(
        self,
        pattern: re.Pattern[str],
        anchor: Anchor,
        before: int = 40,
        after: int = 60,
        skip_after: str = "",
        word: str | None = None,
        reach: int | None = None,
        stops: Anchor | None = None,
        near: list[int] | None = None,
    ) -> Iterator[re.Match[str]]:
        """pattern's matches, looked for only around hits of anchor, a cheap literal regex.

        Every rule's pattern begins with optional proclitics and cue words, which the
        regex engine would try at every position of the text; a required literal
        (the month name, اليوم, منذ...) is found much faster, with str.find (Anchor).  The window around it
        (before and after characters) is wider than any prefix or suffix the pattern
        can match, so nothing is lost.  An anchor should begin with a literal: the
        regex engine then skips to it; a leading lookbehind makes it try every position.
        An anchor hit right after skip_after (ال for a unit: اليوم, العام) is passed over;
        with word (the proclitics allowed before it), so is a hit inside a longer word
        (آب folds to اب, which ends كتاب and إرهاب).

        Within a window the pattern is tried only from reach characters before each
        literal of the anchor (before, unless given): every match must hold one of its
        literals at most reach characters after the match's start (_near_starts).  With
        stops (characters none of pattern's matches holds), from after the last of them
        before the literal, if that is nearer.

        near, if given, are the literal starts (of the anchor's, in order) near which the
        pattern is tried, where not every one is: a rule whose matches count only at some
        of its literals (a unit of time with a number next to it) passes those, and the
        others are never searched from.  The windows are the anchor's own either way.
        """
        lo_hi: list[tuple[int, int]] = []
        text = self.text
        size = len(text)
        starts = self.starts_of(anchor)
        if not starts or (near is not None and not near):
            return
        # anchor.finditer written out: a generator's step for each of the anchor's
        # literal starts cost more than the match itself.
        match = anchor.regex.match
        covered = 0
        # The window being widened, in locals (-1: none yet); appended when the next
        # hit's window does not meet it.
        win_lo = win_hi = -1
        for start in starts:
            if start < covered:
                continue
            hit = match(text, start)
            if hit is None:
                continue
            end = hit.end()
            covered = end if end > start else start + 1
            if skip_after and text.endswith(skip_after, 0, start):
                continue
            if word is not None:
                # _whole_word written out: most hits of a month name's اب are inside a
                # word, and a call for each cost more than the look itself.
                if end < size and (text[end].isalnum() or text[end] == "_"):
                    continue
                i = start
                while i > 0 and start - i < 2 and text[i - 1] in word:
                    i -= 1
                if i and (text[i - 1].isalnum() or text[i - 1] == "_"):
                    continue
            # Conditionals, not max()/min(): this runs for every anchor hit of every rule.
            lo = start - before if start > before else 0
            hi = end + after if end + after < size else size
            if lo <= win_hi:
                win_hi = hi
            else:
                if win_hi >= 0:
                    lo_hi.append((win_lo, win_hi))
                win_lo, win_hi = lo, hi
        if win_hi < 0:
            return  # before pattern.finditer: a lazy pattern compiles on that first look
        lo_hi.append((win_lo, win_hi))
        yield from _near_starts(
            pattern,
            text,
            lo_hi,
            starts if near is None else near,
            before if reach is None else reach,
            self._stops(stops),
            near is not None,
        )

    def each_match(
        self,
        pattern: re.Pattern[str],
        core: re.Pattern[str] | None = None,
        stops: Anchor | None = None,
    ) -> Iterator[re.Match[str]]:
        """pattern's matches that contain a four-digit number, scanning only near them.

        core, if given, is a pattern every match of pattern holds (no lookarounds): a
        window without it holds no match and is not scanned with pattern. In a text
        dense with dates the windows cover it all, and a pattern that begins with a
        lookbehind and optional words costs several times its core.
        """
        windows = self.year_windows
        if not windows:
            return  # before pattern.search: a lazy pattern compiles on that first look
        text = self.text
        if core is not None:
            windows = [(lo, hi) for lo, hi in windows if core.search(text, lo, hi) is not None]
        # Every match holds its year (or a date's), which begins a four-digit number no
        # more than YEAR_BEFORE characters after the match's start: the windows' premise.
        yield from _near_starts(
            pattern,
            text,
            windows,
            self.year_starts,
            YEAR_BEFORE,
            self._stops(stops),
        )

    @cached_property
    def sentence_ends(self) -> list[int]:
        """Offsets of every sentence-ending character, in order."""
        return self.starts_of(SENTENCE_END)  # each literal is a whole match

    def crosses_sentence(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a sentence end (a bisection, whatever its length)."""
        i = bisect_left(self.sentence_ends, start)
        return i < len(self.sentence_ends) and self.sentence_ends[i] < end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.folded.span(start, end)

    def original_has(self, start: int, end: int, chars: str) -> bool:
        """Whether the original text of a folded span contains any of chars (tanween)."""
        lo, hi = self.original_span(start, end)
        chunk = self.folded.original[lo : hi + 1]
        return any(c in chunk for c in chars)


# How near a window's end a match's lookahead may be misled by it, and how far past the
# end the match is read again (_near_starts).
_EDGE, _EDGE_READ = 16, 64


def _near_starts(
    pattern: re.Pattern[str],
    text: str,
    windows: list[tuple[int, int]],
    starts: list[int],
    reach: int,
    stops: list[int] | None = None,
    some: bool = False,
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, lo, hi) for each window, searched only near starts.

    starts (in order) are where a literal begins, of which every match of pattern holds
    one at most reach characters after its own start.  So no match begins more than
    reach before the next start at or after where the last match ended: the search
    jumps there, and after the window's last start it stops.  What it finds is
    finditer's own (the leftmost match from where the last ended, the same endpos);
    the engine no longer tries every position of the stretch after a window's last
    literal (the window's `after`), where no match can begin.  Matches are never
    empty (each holds a literal).

    stops (in order) are where characters lie that no match holds: a match beginning
    before the last of them ahead of the next start would hold it on its way to that
    start's literal or a later one, so the search begins after it where that is nearer
    (whitespace runs make a pattern's reach long; a clause's punctuation ends it).

    some says starts are only some of the literals (Context.scan's near): a match found
    may then hold an earlier literal and end before the start searched for, which is
    searched for again from the match's end.

    A window's end can cut a word, and a lookahead at the end of the searched stretch
    sees nothing after it: عامين in عامينساعه passed END ((?!\\w)) where the window ended
    after its ن.  So a match ending within _EDGE of a window's end (not the text's) is
    matched again where the text goes on past it, and kept only as that match; where
    none holds there, the search goes on from the next position.
    """
    search = pattern.search
    match = pattern.match
    count = len(starts)
    size = len(text)
    i = 0
    for lo, hi in windows:
        if i < count and starts[i] < lo:
            i = bisect_left(starts, lo, i)
        pos = lo
        edge = hi - _EDGE if hi < size else size + 1
        while i < count:
            start = starts[i]
            if start >= hi:
                break
            i += 1
            if start < pos:
                continue
            lower = start - reach if start - reach > pos else pos
            if stops:
                j = bisect_left(stops, start) - 1
                if j >= 0 and stops[j] >= lower:
                    lower = stops[j] + 1
            hit = search(text, lower, hi)
            while hit is not None and hit.end() > edge:
                # Read again with the text after the window's end (see above).
                whole = match(text, hit.start(), hi + _EDGE_READ)
                if whole is not None:
                    hit = whole
                    break
                hit = search(text, hit.start() + 1, hi)
            if hit is None:
                break
            yield hit
            pos = hit.end()
            if pos <= start and some:
                # A match before this start, which holds a literal not among starts
                # (Context.scan's near): this start is searched from after it again.
                # Where starts are all the literals, a match holds this one or a later.
                i -= 1
        if i < count and starts[i] < hi:
            i = bisect_left(starts, hi, i)


def _whole_word(text: str, start: int, end: int, clitics: str) -> bool:
    """Whether text[start:end] is a word of its own, but for up to two proclitics."""
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return False
    i = start
    while i > 0 and start - i < 2 and text[i - 1] in clitics:
        i -= 1
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


# Folded text has ASCII digits only (Arabic-Indic and Persian ones are folded).
# A year window reaches this far before and after its four digits.
YEAR_BEFORE, YEAR_AFTER = 60, 40
FOUR_DIGITS = Anchor(r"[0-9]{4}", DIGITS)
THIS_BEFORE = ("هذا ", "هذا\n")
TODAY_WEEKDAY = Anchor(
    rf"{START}[وف]?اليوم\s*\(?\s*ال(?P<wd>{WEEKDAYS}){END}", ("اليوم", "واليوم", "فاليوم")
)
# غداً الخميس, أمس (السبت), أول من أمس الجمعة: a weekday named for a day next to today.
NEXT_DAY_WEEKDAY = Anchor(
    rf"{START}(?P<w>[وف]?(?:غدا|غد|امس))\s*[،,]?\s*\(?\s*ال(?P<wd>{WEEKDAYS}){END}",
    ("غد", "وغد", "فغد", "امس", "وامس", "فامس"),
)
AFTER_BEFORE = ("بعد ", "بعد\n")
# أول أمس, أول من أمس, قبل أمس: the day before yesterday.
FIRST_BEFORE = ("اول ", "اول من ", "قبل ")


def _small_hours(anchor: datetime) -> bool:
    """Whether anchor is a time between midnight and five (not a bare day's midnight)."""
    return anchor.hour < 5 and (anchor.hour, anchor.minute, anchor.second) != (0, 0, 0)


def make_context(text: str, anchor: datetime | None, *, declared: bool = False) -> Context:
    """The context of text; declared says the anchor is the document's own creation time.

    An anchor with a UTC offset is declared too: a source that states its offset states
    when it published, where a bare stamp may be a crawl's.
    """
    if anchor is not None and anchor.tzinfo is not None:
        anchor = anchor.replace(tzinfo=None)  # the axis is wall-clock time
        declared = True
    return Context(fold(text), anchor, declared)


def last_weekday(ref: date, weekday: int, strict: bool) -> date:
    """The latest date with that weekday on or before ref (strictly before if strict)."""
    back = (ref.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return ref - timedelta(days=back)


def next_weekday(ref: date, weekday: int) -> date:
    """The earliest date with that weekday strictly after ref."""
    ahead = (weekday - ref.weekday()) % 7
    return ref + timedelta(days=ahead or 7)


def direction_of(modifier: str | None) -> str | None:
    """'past', 'future', 'current' or None for a modifier word (الماضي, المقبل, الجاري)."""
    if not modifier:
        return None
    if modifier in lx.PAST_WORDS:
        return "past"
    if modifier in lx.FUTURE_WORDS:
        return "future"
    if modifier in lx.CURRENT_WORDS:
        return "current"
    return None


SENTENCE_ENDS = ".!?؟\n"
SENTENCE_END = Anchor(rf"[{re.escape(SENTENCE_ENDS)}]", SENTENCE_ENDS)
# Punctuation that neither a year with its cue words (YEAR) nor a length of time
# (DURATION) holds: their searches begin after the last of it before their literal
# (_near_starts); tests check that no match of theirs holds one.
PHRASE_STOPS = Anchor(rf"[{re.escape(CLAUSE_STOPS + '/')}]", CLAUSE_STOPS + "/")
