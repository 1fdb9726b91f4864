"""E-mail messages (.eml) and mailboxes (.mbox): each message an article."""

from __future__ import annotations

import base64
import codecs
import gzip
import html
import io
import itertools
import json
import zipfile
from email.header import Header
from email.message import EmailMessage, Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from timeline import library
from timeline.ingest import ArticleFile, BadArticle, Rejected, pasted_suffix
from timeline.ingest import mail as mail_module
from timeline.ingest.mail import mailbox_messages, message_draft
from timeline.model import ArticleDraft
from timeline.store import Store

BODY = "افتتح أمير المنطقة المكتبة العامة يوم الأحد 12 يوليو 2015 بحضور المسؤولين."
MORE = "وقال إن المكتبة ستفتح أبوابها للجمهور في الأول من أغسطس."


def _message(
    subject: str = "افتتاح المكتبة",
    sender: str = "وكالة الأنباء <news@agency.example>",
    date: str = "Tue, 21 Jul 2015 10:20:00 +0300",
    plain: str | None = f"{BODY}\n{MORE}\n",
    html: str | None = None,
) -> bytes:
    """A message as mail programs write one: headers in encoded words (Python's own
    default policy folds a long Arabic subject into words whose spaces are lost, and
    its parser reads them so too), a plain part, an HTML part or both."""
    parts = [
        MIMEText(text, kind, "utf-8")
        for text, kind in ((plain, "plain"), (html, "html"))
        if text is not None
    ]
    message: Message = parts[0] if len(parts) == 1 else MIMEMultipart("alternative")
    if len(parts) > 1:
        for part in parts:
            message.attach(part)
    name, _, address = sender.rpartition(" <")
    message["From"] = f"{Header(name, 'utf-8').encode()} <{address}" if name else sender
    message["Subject"] = Header(subject, "utf-8").encode()
    message["Date"] = date
    return message.as_bytes()


def _mailbox(*messages: bytes) -> bytes:
    """An mbox (mboxrd: a body line beginning "From " written ">From ")."""
    out = io.BytesIO()
    for data in messages:
        out.write(b"From someone@example.org Tue Jul 21 10:20:00 2015\n")
        for line in data.split(b"\n"):
            out.write((b">" + line if line.lstrip(b">").startswith(b"From ") else line) + b"\n")
        out.write(b"\n")
    return out.getvalue()


def test_a_message_is_an_article_of_its_subject_sender_date_and_text() -> None:
    draft = message_draft(_message(subject="Fwd: RE: افتتاح المكتبة"), "x.eml")
    assert draft.title == "افتتاح المكتبة"  # what mail programs add before it is not
    assert draft.source == "وكالة الأنباء"
    assert draft.published_raw == "2015-07-21T10:20:00+03:00"  # the sender's clock
    assert draft.body == f"{BODY}\n{MORE}"
    assert not draft.untitled


def test_encoded_headers_and_a_sender_without_a_name() -> None:
    data = (
        b"From: editor@Sabq.example\n"
        b"Subject: =?utf-8?b?2KfZgdiq2KrYp9itINin2YTZhdmD2KrYqNip?=\n"
        b"Date: Tue, 21 Jul 2015 10:20:00 +0300\n"
        b"Archived-At: <https://lists.example/archive/42>\n"
        b"Content-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: base64\n\n"
    ) + base64.encodebytes(BODY.encode())
    draft = message_draft(data, "x.eml")
    assert draft.title == "افتتاح المكتبة"
    assert draft.source == "sabq.example"  # the address's domain
    assert draft.url == "https://lists.example/archive/42"
    assert draft.body == BODY


def test_windows_1256_written_raw_is_read_in_headers_and_text() -> None:
    data = (
        f"Subject: عاجل من الرياض\nFrom: مكتب الأخبار <a@b.example>\n"
        f"Date: Fri, 24 Jul 2015 09:00:00 +0300\nContent-Type: text/plain\n\n{BODY}\n"
    ).encode("cp1256")
    draft = message_draft(data, "x.eml")
    assert (draft.title, draft.source, draft.body) == ("عاجل من الرياض", "مكتب الأخبار", BODY)
    # Declared UTF-8 and not: the text is read in the encoding it is in.
    wrong = data.replace(b"text/plain", b"text/plain; charset=utf-8")
    assert message_draft(wrong, "x.eml").body == BODY


@pytest.mark.parametrize("charset", ["x-no-such-charset", "\x00tf-8", "utf-8\x00"])
def test_a_charset_that_names_no_encoding_is_detected(charset: str) -> None:
    data = _message().replace(b'charset="utf-8"', f'charset="{charset}"'.encode(), 1)
    assert charset.encode() in data
    assert message_draft(data, "x").body == f"{BODY}\n{MORE}"


def test_the_html_part_is_read_where_the_plain_one_says_less() -> None:
    html = (
        f"<html><body><table><tr><td>وصل</td><td>الوفد</td></tr></table>"
        f"<p>{BODY}</p><p>{MORE}</p><script>track()</script></body></html>"
    )
    stub = message_draft(_message(plain="View this email in your browser.\n", html=html), "x")
    assert stub.body == f"وصل الوفد\n\n{BODY}\n\n{MORE}"
    assert message_draft(_message(plain=None, html=html), "x").body == stub.body
    # A plain part that says as much is read as it is.
    both = message_draft(_message(html=html), "x")
    assert both.body == f"{BODY}\n{MORE}"


def test_pictures_and_files_of_other_kinds_are_not_the_text() -> None:
    message = EmailMessage()
    message["Subject"], message["Date"] = "بيان", "Tue, 21 Jul 2015 10:20:00 +0300"
    message.set_content(BODY)
    message.add_attachment(b"%PDF-1.4 ...", maintype="application", subtype="pdf")  # no name
    message.add_attachment(
        b"\xff\xd8\xff" + bytes(50), maintype="image", subtype="jpeg", filename="photo.jpg"
    )
    message.add_attachment("سطر من جدول", filename="sheet.csv")
    assert message_draft(message.as_bytes(), "x").body == BODY


def _with_attachments(note: str, *files: tuple[str, bytes]) -> bytes:
    message = EmailMessage()
    message["Subject"], message["Date"] = "بيان صحفي", "Tue, 21 Jul 2015 10:20:00 +0300"
    message["From"] = "news@ministry.example"
    message.set_content(note)
    for name, data in files:
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return message.as_bytes()


def _docx(*paragraphs: str) -> bytes:
    import docx

    made = docx.Document()
    for paragraph in paragraphs:
        made.add_paragraph(paragraph)
    out = io.BytesIO()
    made.save(out)
    return out.getvalue()


def test_a_covering_note_is_followed_by_the_release_it_carries() -> None:
    """A ministry's release: a line of note, the release as a Word document and a PDF."""
    from tests.ingest.pdf_fixtures import drawn, pdf_bytes

    data = _with_attachments(
        "مرفق البيان الصحفي.",
        ("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64)),  # a signature's picture: not read
        ("بيان.docx", _docx(BODY, MORE)),
        ("release.pdf", pdf_bytes([drawn("وصل الوفد إلى الرياض", 700)])),
    )
    draft = message_draft(data, "x.eml")
    assert draft.title == "بيان صحفي"
    assert draft.body == f"مرفق البيان الصحفي.\n\n{BODY}\n{MORE}\n\nوصل الوفد إلى الرياض"
    assert draft.body_kind == ""


def test_a_long_message_is_its_own_text_whatever_it_carries() -> None:
    long_note = (BODY + " ") * 10
    data = _with_attachments(long_note, ("بيان.docx", _docx(MORE)))
    assert message_draft(data, "x").body == long_note.strip()


def test_an_attachment_that_cannot_be_read_is_said_when_it_was_all() -> None:
    broken = ("بيان.pdf", b"%PDF-1.4 not really")
    assert message_draft(_with_attachments("مرفق.", broken), "x").body == "مرفق."
    with pytest.raises(BadArticle, match=r"attachment could not be read \(بيان.pdf: "):
        message_draft(_with_attachments("", broken), "x")
    with pytest.raises(BadArticle, match="NUL bytes"):
        message_draft(_with_attachments("", ("a.txt", b"\0\1\2" * 10)), "x")


def test_a_message_without_a_subject_is_named_by_its_first_line() -> None:
    draft = message_draft(_message(subject=""), "x")
    assert draft.title == BODY and draft.untitled


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not an e-mail message"),
        ("مجرد نص بلا ترويسات".encode(), "not an e-mail message"),
        (b"Subject: \nDate: x\n\n", "no subject and no text"),
        # Parts nested far deeper than any mail program writes.
        (
            b"Content-Type: multipart/mixed; boundary=b0\n\n"
            + b"".join(
                b"--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (i, i + 1)
                for i in range(5000)
            ),
            "nested too deep",
        ),
    ],
)
def test_what_is_no_message_is_refused_in_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(BadArticle, match=reason):
        message_draft(data, "x.eml")


def test_a_part_header_of_raw_8_bit_bytes_is_read_as_text() -> None:
    """compat32 gives such a header as a Header object (found by the fuzz tests)."""
    data = _with_attachments("مرفق.", ("a.txt", MORE.encode()))
    data = data.replace(b"Content-Disposition: attachment", b"Content-Disposition:\x80attachment")
    assert b"\x80attachment" in data
    assert message_draft(data, "x").body == f"مرفق.\n\n{MORE}"


def test_a_damaged_encoded_word_is_kept_as_written() -> None:
    data = _message(sender="x <a@b.example>").replace(b"From: ", b"From: =?utf-8?b?\x00Yj?= ", 1)
    assert message_draft(data, "x").source.startswith("=?utf-8?b?")


def test_a_hostile_header_is_read_in_bounded_time() -> None:
    subject = "=?utf-8?q?" + "=D8=A7" * 500_000 + "?=" + " (a" * 100_000
    draft = message_draft(_message(subject="x", plain=BODY).replace(b"x", subject.encode(), 1), "")
    assert len(draft.title) <= mail_module.HEADER_CHARS


def test_a_mailbox_gives_each_message_and_refuses_the_broken_one() -> None:
    quoted = f"{BODY}\nFrom the desk: more to follow.\n>From a quoted line.\n"
    data = _mailbox(
        _message(plain=quoted),
        b"Subject: \nDate: x\n\n",
        _message(subject="الثانية", sender="x@y.example"),
    )
    items = list(mailbox_messages(io.BytesIO(data), "box.mbox"))
    first, broken, second = items
    assert isinstance(first, ArticleDraft) and isinstance(second, ArticleDraft)
    # mboxrd's quoting taken off: one '>' less before "From " at a line's start.
    assert first.body == f"{BODY}\nFrom the desk: more to follow.\n>From a quoted line."
    assert broken == ("message 2", "a message with no subject and no text")
    assert (second.title, second.source) == ("الثانية", "y.example")


def test_a_message_too_large_is_skipped_and_the_next_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mail_module, "MAX_MESSAGE_BYTES", 2_000)
    data = _mailbox(_message(plain=BODY * 40), _message(subject="بعده"))
    big, after = list(mailbox_messages(io.BytesIO(data), "box.mbox"))
    assert big == ("message 1", "a message larger than the 2,000 bytes one may be")
    assert isinstance(after, ArticleDraft) and after.title == "بعده"


def test_a_line_longer_than_a_piece_is_never_taken_for_a_separator() -> None:
    """A line comes in pieces of a megabyte: one that begins inside it is not a line's."""
    piece = 1 << 20
    long_line = "ا" * (piece // 2 - 3) + "From here on"  # "From " at a piece's start
    data = _mailbox(_message(plain=f"{long_line}\n{BODY}\n"))
    (only,) = list(mailbox_messages(io.BytesIO(data), "box.mbox"))
    assert isinstance(only, ArticleDraft) and only.body.endswith(BODY)


@pytest.mark.parametrize("saved", ["utf-8-sig", "utf-16", "utf-16-be-bom"])
def test_a_message_a_text_editor_saved_with_a_byte_order_mark_is_read(saved: str) -> None:
    """Notepad's "UTF-8" writes a BOM first, its "Unicode" UTF-16: both messages were
    refused as "not an e-mail message (no headers at its start)"."""
    text = _message(plain=f"{BODY}\n").decode("ascii")
    data = (
        codecs.BOM_UTF16_BE + text.encode("utf-16-be")
        if saved == "utf-16-be-bom"
        else text.encode(saved)
    )
    draft = message_draft(data, "m.eml")
    assert (draft.title, draft.body) == ("افتتاح المكتبة", BODY)


@pytest.mark.parametrize("saved", ["utf-8-sig", "utf-16"])
def test_a_mailbox_saved_with_a_byte_order_mark_is_read(saved: str) -> None:
    data = _mailbox(_message(), _message(subject="الثانية")).decode("ascii").encode(saved)
    stream = io.BytesIO(data)
    first, second = list(mailbox_messages(stream, "box.mbox"))
    assert isinstance(first, ArticleDraft) and first.title == "افتتاح المكتبة"
    assert isinstance(second, ArticleDraft) and second.title == "الثانية"
    assert not stream.closed  # its owner's to close


def test_a_file_that_is_no_mailbox_fails_whole() -> None:
    with pytest.raises(BadArticle, match="not a mailbox"):
        list(mailbox_messages(io.BytesIO("نص عادي\n".encode()), "x.mbox"))


def test_pasted_or_piped_mail_is_known_by_its_head() -> None:
    assert pasted_suffix(_message()) == ".eml"
    assert pasted_suffix(_mailbox(_message())) == ".mbox"
    # Text that only begins with a line like a header is text.
    assert pasted_suffix(f"Date: 2015\n\n{BODY}".encode()) == ".txt"
    assert pasted_suffix(f"From here\n{BODY}".encode()) == ".txt"
    assert pasted_suffix(f"عنوان\nSubject: x\nDate: y\n\n{BODY}".encode()) == ".txt"


def test_messages_are_imported_from_files_archives_and_compressed_mailboxes(
    tmp_path: Path,
) -> None:
    (tmp_path / "one.eml").write_bytes(_message())
    (tmp_path / "box.mbox.gz").write_bytes(
        gzip.compress(_mailbox(_message(subject="أولى"), _message(subject="ثانية", plain=MORE)))
    )
    with zipfile.ZipFile(tmp_path / "mail.zip", "w") as archive:
        archive.writestr("in/three.eml", _message(subject="ثالثة", plain=f"{MORE} 2016"))
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [tmp_path])
        assert not report.failed and report.added == 4, report
        titles = {a.title for a in store.iter_articles()}
        assert titles == {"افتتاح المكتبة", "أولى", "ثانية", "ثالثة"}
        article = next(a for a in store.iter_articles() if a.title == "ثالثة")
        assert article.published is not None and article.published.startswith("2015-07-21")


def test_a_mailbox_of_corpus_articles_reads_back_each(corpus: Path, tmp_path: Path) -> None:
    path = corpus / "saudinewsnet" / "sample.jsonl"
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in itertools.islice(lines, 60)]
    messages = [
        _message(
            subject=r["title"],
            sender=f"{r['source']} <desk@{r['source']}.example>",
            plain=r["body"] + "\n",
        )
        for r in records
        if r.get("title") and r.get("body")
    ]
    box = tmp_path / "corpus.mbox"
    box.write_bytes(_mailbox(*messages))
    with ArticleFile(box) as read:
        drafts = list(read)
    assert len(drafts) == len(messages) >= 50
    sent = [r for r in records if r.get("title") and r.get("body")]
    for draft, record in zip(drafts, sent, strict=True):
        assert not isinstance(draft, Rejected)
        assert draft.title == " ".join(html.unescape(record["title"]).split())
        assert " ".join(draft.body.split()) == " ".join(html.unescape(record["body"]).split())
        assert draft.source == record["source"]


def test_a_mail_programs_folder_without_a_suffix_is_a_mailbox(tmp_path: Path) -> None:
    """Thunderbird keeps a folder as a file named as the folder; Apple Mail exports one
    as Name.mbox/mbox. A file without a suffix that is text stays text."""
    (tmp_path / "Inbox").write_bytes(_mailbox(_message(subject="أولى"), _message(subject="ثانية")))
    apple = tmp_path / "Press.mbox"
    apple.mkdir()
    (apple / "mbox").write_bytes(_mailbox(_message(subject="ثالثة")))
    (tmp_path / "notes").write_text(f"عنوان\n{BODY}\n", encoding="utf-8")
    (tmp_path / "single").write_bytes(_message(subject="رابعة"))
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(
            store,
            [tmp_path / "Inbox", apple / "mbox", tmp_path / "notes", tmp_path / "single"],
        )
        assert not report.failed and report.added == 5
        titles = {a.title for a in store.iter_articles()}
    assert titles == {"أولى", "ثانية", "ثالثة", "رابعة", "عنوان"}
