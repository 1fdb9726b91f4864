"""Phrases across the seam between an article's lead and the rest of its body.

The index holds an article's body in two columns, its lead (the first paragraph, or
the text up to a space after 400 characters: schema v4) and the rest, so that ranking
weighs the lead above the rest; a phrase is matched within one column, so one whose
words lie on both sides of the cut was not found ("الملك سلمان" in 2 of about 900
articles that hold it on the 30,154-article SaudiNewsNet library).  For each phrase a
query asks for, and each place its words may be cut, the index gives the articles
whose lead holds the words before the cut and whose rest begins with those after it
(`{lead} : "a b" AND {body} : ^"c"`); the words before the cut must also end the lead,
which the index cannot be asked, so each such article is read and checked here.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.text.query import Forms, Group, Query, Term, search_tokens

# Characters read first either side of the cut: a few words of news text.
NEAR = 64


@dataclass(frozen=True)
class Seam:
    """A phrase cut at one place: its words before the cut end an article's lead and
    those after begin the rest (the last a prefix when the phrase's is)."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    prefix: bool

    @property
    def reach(self) -> int:
        """How many characters either side of the cut are read for the words (what lies
        between words may be long: punctuation, marks)."""
        return len(" ".join((*self.before, *self.after))) * 4 + 256

    def holds(self, body: str, cut: int) -> bool:
        """Whether a body (as schema.lead_cut gives it, with where its lead ends) holds
        the phrase across the seam: the words before the cut end the lead, the others
        begin the rest.  Only the text near the cut is read (a 10 MB body without a space
        is all lead): NEAR characters either side, or the reach when they hold no more
        tokens than the words (the one farthest from the cut may be a word cut short,
        and the rest are those the reach gives there).  Cutting the reach's 290
        characters into tokens twice was most of a phrase's search when a common word
        ended many leads ("كما لمدة" at a million articles: 180 leads, 47 of 110 ms)."""
        ending = search_tokens(body[max(0, cut - NEAR) : cut])
        if len(ending) <= len(self.before) and cut > NEAR:
            ending = search_tokens(body[max(0, cut - self.reach) : cut])
        if tuple(ending[-len(self.before) :]) != self.before:
            return False
        beginning = search_tokens(body[cut : cut + NEAR])
        if len(beginning) <= len(self.after) and cut + NEAR < len(body):
            beginning = search_tokens(body[cut : cut + self.reach])
        head = tuple(beginning[: len(self.after)])
        if len(head) < len(self.after):
            return False
        if self.prefix:
            return head[:-1] == self.after[:-1] and head[-1].startswith(self.after[-1])
        return head == self.after


@dataclass(frozen=True)
class _SeamTerm(Term):
    """A term matched across the seam, as the index can be asked for it (the words
    before the cut anywhere in the lead; seam.holds checks that they end it)."""

    seam: Seam = Seam((), (), False)

    def fts(self, forms: Forms | None = None) -> str:
        before = '"' + " ".join(self.seam.before) + '"'
        after = '"' + " ".join(self.seam.after) + '"' + ("*" if self.seam.prefix else "")
        return f"({{lead}} : {before} AND {{body}} : ^{after})"


def seam_queries(query: Query, forms: Forms) -> list[tuple[str, Seam]]:
    """(FTS expression, seam) for each phrase the query requires, spelled each way, cut at
    each place: the phrase's group with the phrase matched across the seam."""
    found: list[tuple[str, Seam]] = []
    for group in query.groups:
        for i, term in enumerate(group.required):
            for tokens in term.spellings:
                for cut in range(1, len(tokens)):
                    seam = Seam(tokens[:cut], tokens[cut:], term.prefix)
                    seamed = _SeamTerm(tokens, term.prefix, True, (), seam)
                    required = (*group.required[:i], seamed, *group.required[i + 1 :])
                    # A compound joined to its neighbour stays as the group says it.
                    alone = Group(required, group.excluded, group.joined)
                    found.append((alone.fts(forms), seam))
    return found
