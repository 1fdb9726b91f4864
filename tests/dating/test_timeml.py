"""TimeML reading and writing: TIMEX3 offsets, creation time, round trips, mention types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.dating import extract_mentions
from timeline.dating.timeml import (
    TimeMLDocument,
    TimeMLError,
    Timex,
    creation_anchor,
    looks_like_timeml,
    read_timeml,
    tag_mentions,
    timex_type,
    timex_value,
    timexes_from_mentions,
    write_timeml,
)
from timeline.model import DateValue, Mention

# A TempEval-3 style document (the layout of the TempEval-3 .tml files), written here.
TEMPEVAL = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">

<DOCID>ar_test_1</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="2015-08-10" temporalFunction="false" functionInDocument="CREATION_TIME">2015-08-10</TIMEX3></DCT>

<TITLE>عنوان &amp; خبر</TITLE>

<TEXT>
<EVENT eid="e1" class="OCCURRENCE">وصل</EVENT> الوفد <TIMEX3 tid="t1" type="DATE" value="2015-08-09">أمس</TIMEX3> &lt;بعد&gt; رحلة استمرت <TIMEX3 tid="t2" type="DURATION" value="P3D">ثلاثة أيام</TIMEX3>.
</TEXT>

<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>

</TimeML>
"""


def test_read_tempeval_document() -> None:
    doc = read_timeml(TEMPEVAL)
    assert doc.text == "\nوصل الوفد أمس <بعد> رحلة استمرت ثلاثة أيام.\n"
    assert doc.dct == "2015-08-10"
    assert doc.anchor == datetime(2015, 8, 10)
    assert doc.doc_id == "ar_test_1"
    spans = [(doc.text[t.start : t.end], t.type, t.value) for t in doc.timexes]
    assert spans == [("أمس", "DATE", "2015-08-09"), ("ثلاثة أيام", "DURATION", "P3D")]


def test_rewriting_changes_only_the_tags_inside_text() -> None:
    doc = read_timeml(TEMPEVAL)
    start = doc.text.index("ثلاثة")
    retagged = TimeMLDocument(
        doc.text, [Timex(start, start + 5, "DATE", "2015")], doc.dct, doc.doc_id, doc.head, doc.tail
    )
    out = write_timeml(retagged)
    head, _, rest = out.partition("<TEXT>")
    assert head == TEMPEVAL.partition("<TEXT>")[0]
    text_part, _, tail = rest.partition("</TEXT>")
    assert "EVENT" not in text_part and "أمس</TIMEX3>" not in text_part
    assert '<TIMEX3 tid="t1" type="DATE" value="2015">ثلاثة</TIMEX3>' in text_part
    # The link layer pointed at the tags that were replaced; the rest stays.
    assert "TLINK" not in tail and "MAKEINSTANCE" not in tail
    assert tail.rstrip().endswith("</TimeML>")
    again = read_timeml(out)
    assert again.text == doc.text
    assert again.timexes == retagged.timexes
    assert write_timeml(again) == out


def test_given_creation_time_replaces_the_documents() -> None:
    doc = read_timeml(TEMPEVAL)
    out = write_timeml(TimeMLDocument(doc.text, [], "2016-01-02T10:00", "", doc.head, doc.tail))
    assert read_timeml(out).dct == "2016-01-02T10:00"
    assert out.count("CREATION_TIME") == 1
    without_dct = TEMPEVAL.replace(TEMPEVAL.split("\n")[5], "")
    bare = read_timeml(without_dct)
    assert bare.dct is None
    added = write_timeml(TimeMLDocument(bare.text, [], "2015-08-10", "", bare.head, bare.tail))
    assert read_timeml(added).dct == "2015-08-10"


def test_written_document_reads_back_with_same_offsets() -> None:
    # \r, markup characters and a control character must not shift any offset.
    text = "قال\r\nأمس & <اليوم> \x07 في 5 مايو 2015"
    mentions = extract_mentions(text.replace("\x07", " "), datetime(2015, 8, 10, 9, 0))
    doc = TimeMLDocument(text, timexes_from_mentions(mentions), "2015-08-10T09:00", "x:1")
    back = read_timeml(write_timeml(doc))
    assert back.text == text.replace("\x07", "\ufffd")
    assert back.timexes == doc.timexes
    assert [back.text[t.start : t.end] for t in back.timexes] == [m.text for m in mentions]
    assert back.dct == "2015-08-10T09:00" and back.doc_id == "x:1"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_survives_a_round_trip(text: str) -> None:
    back = read_timeml(write_timeml(TimeMLDocument(text, [Timex(0, len(text), "DATE", "X")])))
    expected = "".join(
        "\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" else c
        for c in text
    )
    assert back.text == expected
    assert back.timexes == ([Timex(0, len(text), "DATE", "X")] if text else [])


def test_crossing_timexes_are_not_nested() -> None:
    doc = TimeMLDocument("abcdef", [Timex(0, 4, "DATE", "1"), Timex(2, 6, "DATE", "2")])
    assert read_timeml(write_timeml(doc)).timexes == [Timex(0, 4, "DATE", "1")]


@pytest.mark.parametrize(
    "source",
    ["<TimeML><TEXT>a <b></TEXT></TimeML>", "<TimeML><DOCID>x</DOCID></TimeML>", "plain"],
)
def test_unreadable_timeml_is_an_error(source: str) -> None:
    with pytest.raises(TimeMLError):
        read_timeml(source)


def test_looks_like_timeml() -> None:
    assert looks_like_timeml("a.TML", "anything")
    assert looks_like_timeml("-", '\ufeff<?xml version="1.0"?>\n<TimeML>')
    assert looks_like_timeml("<stdin>", "  <TimeML>")
    assert not looks_like_timeml("a.txt", "قال أمس <TimeML>")


@dataclass(frozen=True)
class TypedMention(Mention):
    """A mention as the extractor will make it once mentions carry a TimeML type."""

    type: str = "DATE"


def _mention(value: str, granularity: str) -> Mention:
    return Mention(0, 1, "x", DateValue(value, granularity, None), "test")


@pytest.mark.parametrize(
    ("value", "granularity", "expected"),
    [
        ("2015-08-10", "day", "DATE"),
        ("2015-08-10T14:30", "minute", "TIME"),
        ("2015-08-10T14:00", "hour", "TIME"),
        ("P70Y", "duration", "DURATION"),
        ("PT3H", "duration", "DURATION"),
        ("PAST_REF", "vague", "DATE"),
        ("PRESENT_REF", "vague", "DATE"),
        ("1950/1953", "interval", "DATE"),
        ("198X", "decade", "DATE"),
    ],
)
def test_type_from_granularity(value: str, granularity: str, expected: str) -> None:
    assert timex_type(_mention(value, granularity)) == expected


def test_a_mentions_own_type_wins() -> None:
    mention = TypedMention(0, 1, "x", DateValue("P1W", "duration", None), "set", type="SET")
    assert timex_type(mention) == "SET"
    assert timexes_from_mentions([mention]) == [Timex(0, 1, "SET", "P1W")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-08-10T14:30+03:00", "2015-08-10T14:30"),
        ("2015-08-10T14:30Z", "2015-08-10T14:30"),
        ("198X", "198"),
        ("2015-08-10", "2015-08-10"),
        ("P70Y", "P70Y"),
    ],
)
def test_timex_value(value: str, expected: str) -> None:
    assert timex_value(value) == expected


def test_creation_anchor() -> None:
    assert creation_anchor("2015-07-21T02:51:32") == datetime(2015, 7, 21, 2, 51, 32)
    assert creation_anchor("2015-07-21T02:51+03:00") == datetime(2015, 7, 21, 2, 51)
    assert creation_anchor("XXXX-XX-XX") is None
    assert creation_anchor(None) is None


def test_tag_mentions_keeps_text_and_creation_time() -> None:
    text = "وصل الوفد أمس الأحد."
    doc = TimeMLDocument(text, [Timex(0, 3, "DATE", "old")], "2015-08-10")
    tagged = tag_mentions(doc, extract_mentions(text, doc.anchor))
    assert tagged.dct == doc.dct and tagged.text == text
    assert [(text[t.start : t.end], t.value) for t in tagged.timexes] == [
        ("أمس الأحد", "2015-08-09")
    ]


def test_hostile_xml_is_refused() -> None:
    lol = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = f"<!DOCTYPE TimeML [{lol}]><TimeML><TEXT>&a9;</TEXT></TimeML>"
    with pytest.raises(TimeMLError):
        read_timeml(bomb)
    external = (
        '<!DOCTYPE TimeML [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
        "<TimeML><TEXT>a&e;b</TEXT></TimeML>"
    )
    with pytest.raises(TimeMLError):
        read_timeml(external)


def test_entities_are_refused_before_any_is_expanded() -> None:
    """expat bounds an expansion by its amplification, so a small one was expanded into
    the text (and a billion laughs grew to 90 MB before the bound stopped it); a
    DOCTYPE that declares none is read."""
    small = (
        '<!DOCTYPE TimeML [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]>'
        "<TimeML><TEXT>&b; 2015</TEXT></TimeML>"
    )
    with pytest.raises(TimeMLError, match=r"declares XML entities is not read \(Entities"):
        read_timeml(small)
    plain = '<!DOCTYPE TimeML SYSTEM "TimeML.dtd"><TimeML><TEXT>في عام 2015</TEXT></TimeML>'
    assert read_timeml(plain).text == "في عام 2015"


def test_links_on_a_shared_line_go_and_the_rest_stays() -> None:
    source = (
        '<TimeML><TEXT>x</TEXT>\n<TLINK lid="l1"/> <SLINK lid="l2"></SLINK>\n'
        "<NOTE>kept</NOTE><ALINK lid='l3'/>\n</TimeML>"
    )
    tail = read_timeml(source).tail
    assert tail == "</TEXT>\n<NOTE>kept</NOTE>\n</TimeML>"
