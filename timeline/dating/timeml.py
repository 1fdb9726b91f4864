"""Read and write TimeML: a text with TIMEX3 tags and its creation time. Pure, no I/O.

A document read from a .tml file keeps the markup around its TEXT element (DOCID, DCT,
TITLE, ...) so that writing it back changes nothing but the tags inside TEXT; the link
layer after TEXT (MAKEINSTANCE, TLINK, SLINK, ALINK) is dropped with the EVENT and
TIMEX3 tags it points at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from timeline.dating.lazy import lazy
from timeline.model import Mention

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
CREATION_TIME = "CREATION_TIME"
_TIME_OF_DAY = frozenset({"hour", "minute", "second"})

# Characters XML 1.0 cannot carry even as references; they become U+FFFD (same length,
# so offsets still hold).
_NOT_XML = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT_OPEN = lazy(r"<TEXT\b[^<>]*>")
_TEXT_CLOSE = lazy(r"</TEXT\s*>")
# [^<>]* rather than [^>]* or .*?: every scan stops at the next tag, so a hostile file
# cannot make these searches quadratic.
_LINKS = lazy(r"<(MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^<>]*(?:/>|>[ \t\r\n]*</\1\s*>)")
_DCT_TAG = lazy(r"<TIMEX3\b[^<>]*functionInDocument\s*=\s*[\"']CREATION_TIME[\"'][^<>]*>")
_VALUE_ATTR = lazy(r"""\bvalue\s*=\s*("[^"]*"|'[^']*')""")
_UTC_OFFSET = lazy(r"(T[\d:.]+)(?:Z|[+-]\d\d(?::?\d\d)?)$")
_DECADE = lazy(r"^(\d{3})X$")
_DURATION_VALUE = lazy(r"P(?:T)?[\d.X]")  # not PAST_REF / PRESENT_REF


class TimeMLError(ValueError):
    """The input is not a TimeML document this module can read."""


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 over text[start:end] (start == end for a non-consuming one)."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    """A text, its TIMEX3 tags and its creation time (a TIMEX3 value, or None).

    head and tail are the markup read before and after the TEXT element's content
    (None for a document made here); writing reuses them verbatim.
    """

    text: str
    timexes: list[Timex] = field(default_factory=list)
    dct: str | None = None
    doc_id: str = ""
    head: str | None = None
    tail: str | None = None

    @property
    def anchor(self) -> datetime | None:
        """The creation time as a naive wall-clock datetime, None when it names no day."""
        return creation_anchor(self.dct)


def creation_anchor(value: str | None) -> datetime | None:
    """'2015-07-21T02:51:32', '1998-03-03', '2015-07-21T02:51+03:00' -> datetime."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).replace(tzinfo=None)
    except ValueError:
        return None


def timex_type(mention: Mention) -> str:
    """The TIMEX3 type of a mention: its own when it has one, else read off its granularity."""
    own = getattr(mention, "type", None)
    if isinstance(own, str) and own in TIMEX_TYPES:
        return own
    granularity = mention.granularity
    if granularity == "duration" or _DURATION_VALUE.match(mention.value):
        return "DURATION"
    if granularity in _TIME_OF_DAY:
        return "TIME"
    return "DATE"


def timex_value(value: str) -> str:
    """A value as TIMEX3 writes it: no UTC offset, a decade as its three digits ('198')."""
    value = _UTC_OFFSET.sub(r"\1", value.strip())
    decade = _DECADE.match(value)
    return decade.group(1) if decade else value


# A range (بين 2005 و2008, 1999-2000, من 15 حزيران حتى 15 أيلول) is two TIMEX3 DATEs, as
# TimeML tags it: the words that make it a range (بين, من, the dash) stay outside both.
_RANGE_PARTS = lazy(
    r"(?:(?:في\s+)?(?:ال)?فتر[ةه]\s+(?:من|بين)\s+|[وف]?بين\s+|[وف]?من\s+)?(?P<a>\S.*?)"
    r"(?:\s*[-–_]\s*|\s+(?:إلى|الى|حتى|لغاية)\s+|\s+و\s*)(?P<b>\S.*)"
)
_PLAIN_DATE = lazy(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


def _range_timexes(mention: Mention) -> list[Timex] | None:
    """A range mention's two ends, each with its own value; None when it is not one."""
    first, _, last = mention.value.partition("/")
    if mention.kind != "range" or not (
        _PLAIN_DATE.fullmatch(first) and _PLAIN_DATE.fullmatch(last)
    ):
        return None
    hit = _RANGE_PARTS.fullmatch(mention.text)
    if hit is None:
        return None
    start = mention.start
    return [
        Timex(start + hit.start("a"), start + hit.end("a"), "DATE", first),
        Timex(start + hit.start("b"), start + hit.end("b"), "DATE", last),
    ]


# A conjunction or preposition glued to the first word (والأيام الماضية, بالأمس, لعام 2014)
# is outside the TIMEX3, as TempEval-3 tags tokens; the mention keeps the whole word.
_CLITIC = lazy(
    r"(?:[وف][بلك]?|[بلك])(?=ال|\d|عام|سن[هةو]|شهر|يوم|صباح|مساء|ظهر|عصر|ليل|فجر|[أا]سبوع|[أا]يام"
    r"|ساع|دقيق|عقد|قرن|ثلاث|[أا]ربع|خمس|سبع|ثمان|تسع|عشر|نصف|ربع)"
)


def _timex(mention: Mention) -> Timex:
    clitic = _CLITIC.match(mention.text)
    start = mention.start + (clitic.end() if clitic else 0)
    return Timex(start, mention.end, timex_type(mention), timex_value(mention.value))


def timexes_from_mentions(mentions: Iterable[Mention]) -> list[Timex]:
    timexes: list[Timex] = []
    for m in mentions:
        timexes.extend(_range_timexes(m) or [_timex(m)])
    return timexes


# --- reading


def _flatten(element: Element, parts: list[str], found: list[Timex], offset: int) -> int:
    """Append element's text to parts and its TIMEX3s (at their offsets) to found."""
    start = offset
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _flatten(child, parts, found, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        found.append(Timex(start, offset, element.get("type", "DATE"), element.get("value", "")))
    return offset


def _without_links(markup: str) -> str:
    """The markup without its link layer, and without the lines that only held links."""
    lines = []
    for line in markup.splitlines(keepends=True):
        kept = _LINKS.sub("", line)
        if kept == line or kept.strip():
            lines.append(kept)
    return "".join(lines)


def read_timeml(source: str) -> TimeMLDocument:
    """Parse a TimeML document; the text is the content of its TEXT element, tags removed.

    The creation time is the value of the TIMEX3 marked functionInDocument=CREATION_TIME.
    Raises TimeMLError when the XML is malformed or there is no TEXT element.
    """
    # Imported here: `timeline extract` on plain text never parses XML.  defusedxml
    # refuses a document that declares entities, as the importers' XML readers do:
    # expat bounds an expansion (a "billion laughs" grew to 90 MB before its limit
    # stopped it) but expands one under its bounds.  A DOCTYPE alone is read.
    import xml.etree.ElementTree as ET

    import defusedxml.ElementTree
    from defusedxml import DefusedXmlException

    try:
        root = defusedxml.ElementTree.fromstring(source)
    except DefusedXmlException as exc:
        raise TimeMLError(
            f"TimeML that declares XML entities is not read ({type(exc).__name__})"
        ) from exc
    except ET.ParseError as exc:
        raise TimeMLError(f"not well-formed TimeML: {exc}") from exc
    text_element = root if root.tag == "TEXT" else root.find(".//TEXT")
    if text_element is None:
        raise TimeMLError("no TEXT element")
    parts: list[str] = []
    timexes: list[Timex] = []
    # The TEXT element itself is not a TIMEX3; flatten its content only.
    end = len(text_element.text or "")
    if text_element.text:
        parts.append(text_element.text)
    for child in text_element:
        end = _flatten(child, parts, timexes, end)
        if child.tail:
            parts.append(child.tail)
            end += len(child.tail)
    dct = next(
        (
            t.get("value")
            for t in root.iter("TIMEX3")
            if t.get("functionInDocument") == CREATION_TIME
        ),
        None,
    )
    doc_id = root.findtext("DOCID", default="").strip()
    head = tail = None
    opening = _TEXT_OPEN.search(source)
    # The last </TEXT>: a TEXT element does not nest.
    closings = list(_TEXT_CLOSE.finditer(source, opening.end())) if opening else []
    closing = closings[-1] if closings else None
    if opening is not None and closing is not None:
        head = source[: opening.end()]
        tail = _without_links(source[closing.start() :])
    timexes.sort(key=lambda t: (t.start, -t.end))
    return TimeMLDocument("".join(parts), timexes, dct, doc_id, head, tail)


# --- writing


def escape(text: str) -> str:
    """Character data for XML (xml.sax.saxutils would import urllib at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """An attribute value in double quotes."""
    escaped = escape(text).replace('"', "&quot;")
    return '"' + escaped.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


def _text_markup(text: str) -> str:
    """Escaped text: \\r kept as a reference (a parser would fold \\r\\n into \\n)."""
    return escape(_NOT_XML.sub("\ufffd", text)).replace("\r", "&#13;")


def _tagged_text(text: str, timexes: Iterable[Timex]) -> str:
    """The text with a TIMEX3 around each consuming timex that does not cross another."""
    out: list[str] = []
    pos = 0
    tid = 0
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if timex.start < pos or timex.end <= timex.start or timex.end > len(text):
            continue  # overlapping, empty or out of range: TimeML cannot nest these
        tid += 1
        out.append(_text_markup(text[pos : timex.start]))
        out.append(
            f'<TIMEX3 tid="t{tid}" type={quoteattr(timex.type)} value={quoteattr(timex.value)}>'
        )
        out.append(_text_markup(text[timex.start : timex.end]))
        out.append("</TIMEX3>")
        pos = timex.end
    out.append(_text_markup(text[pos:]))
    return "".join(out)


def _dct_markup(value: str) -> str:
    kind = "TIME" if "T" in value else "DATE"
    return (
        f'<DCT><TIMEX3 tid="t0" type="{kind}" value={quoteattr(value)} '
        f'temporalFunction="false" functionInDocument="{CREATION_TIME}">'
        f"{escape(value)}</TIMEX3></DCT>"
    )


def _head_with_dct(head: str, dct: str) -> str:
    """The read head with its creation time set to dct (added before TEXT when missing)."""
    tag = _DCT_TAG.search(head)
    if tag is None:
        opening = _TEXT_OPEN.search(head)
        at = opening.start() if opening else len(head)
        return head[:at] + _dct_markup(dct) + "\n" + head[at:]
    new_tag = _VALUE_ATTR.sub(lambda _m: f"value={quoteattr(dct)}", tag.group(0), count=1)
    return head[: tag.start()] + new_tag + head[tag.end() :]


def write_timeml(doc: TimeMLDocument) -> str:
    """The document as TimeML text; a read document keeps its markup outside TEXT."""
    body = _tagged_text(doc.text, doc.timexes)
    if doc.head is not None and doc.tail is not None:
        head = doc.head
        if doc.dct is not None and _dct_value(head) != doc.dct:
            head = _head_with_dct(head, doc.dct)
        return head + body + doc.tail
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    if doc.doc_id:
        lines.append(f"<DOCID>{escape(doc.doc_id)}</DOCID>")
    if doc.dct is not None:
        lines.append(_dct_markup(doc.dct))
    lines.append(f"<TEXT>{body}</TEXT>")
    lines.append("</TimeML>")
    return "\n".join(lines) + "\n"


def _dct_value(head: str) -> str | None:
    tag = _DCT_TAG.search(head)
    value = _VALUE_ATTR.search(tag.group(0)) if tag else None
    return value.group(1)[1:-1] if value else None


def tag_mentions(doc: TimeMLDocument, mentions: Iterable[Mention]) -> TimeMLDocument:
    """The document with its TIMEX3s replaced by the mentions'."""
    return replace(doc, timexes=timexes_from_mentions(mentions))


def looks_like_timeml(name: str, text: str) -> bool:
    """Whether an input (file name, content) is TimeML rather than plain text."""
    if name.lower().endswith(".tml"):
        return True
    start = text.lstrip("\ufeff \t\r\n")[:200]
    return start.startswith("<TimeML") or (start.startswith("<?xml") and "<TimeML" in start)
