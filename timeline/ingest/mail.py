"""E-mail: a message saved as a file (.eml) and a mailbox (.mbox, read as a stream).

A press release, an agency's bulletin or a newsletter often reaches a newsroom as an
e-mail.  Each message is one article: its subject the title, its sender's name the
source (the address's domain where no name is given), the time it was sent the
publication date (on the sender's clock, with its offset), its text the body: the
plain part where it says as much as the HTML part, else the HTML part's text.  An
address in Archived-At (RFC 5064: where a list keeps the message) is its link.

Messages are parsed with the standard library's compat32 parser, which reads the
headers as text without parsing their structure; only the subject, the sender and the
date are decoded, each cut to HEADER_CHARS first (the structured parser's time on a
hostile header is not bounded on every Python this runs on).

A press release often comes as an attached document with a line of covering note: where
the message's own text is shorter than COVERING_NOTE_CHARS, its attached PDF, Word,
OpenDocument and text files are read (each by its own reader, a PDF's scanned pages by
OCR where it is installed) and follow the note.  Other attachments (pictures, a
signature's logo) are not read.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from timeline.ingest.encoding import utf8_reader
from timeline.ingest.errors import BadArticle
from timeline.ingest.feeds import html_text
from timeline.ingest.reading import PageCheck
from timeline.model import ArticleDraft, title_from_body

if TYPE_CHECKING:
    from email.message import Message

# A message is read whole: a bulletin with its pictures is a few MB, a mailbox's
# largest messages (with attachments) tens.
MAX_MESSAGE_BYTES = 50 * 1024 * 1024
# What is decoded of a header: a subject or a sender's name is never longer.
HEADER_CHARS = 2_000
# "Fwd:", "RE:", "رد:" before a subject, as mail programs add them (repeated too).
_REPLY_PREFIX = re.compile(
    r"^(?:\s*(?:re|fwd?|aw|wg|tr|sv|rv|رد|إعادة توجيه|توجيه|تحويل)\s*(?:\[\d+\])?\s*[:：]\s*)+",
    re.IGNORECASE,
)
_TABLE_CELL_END = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
_ARCHIVED_AT = re.compile(r"<?\s*(https?://[^\s<>]{1,2000})\s*>?", re.IGNORECASE)
# A mailbox's separator line: "From " at a line's start (a body line beginning so is
# written ">From " by the program that made the mailbox).
_SEPARATOR = b"From "
_QUOTED_FROM = re.compile(rb"^>(>*From )")
_PIECE = 1 << 20
# A message's own text shorter than this is a covering note: its documents are read.
COVERING_NOTE_CHARS = 400
# Attached documents read, at most, and their kinds by the file name's suffix.
MAX_ATTACHMENTS_READ = 5
_ATTACHED_KINDS = {".pdf": "pdf", ".docx": "docx", ".odt": "odt", ".txt": "text"}


def _header(message: Message, name: str) -> str:
    """A header's text, its encoded words (=?utf-8?b?...?=) decoded, and raw 8-bit
    text (a mail program that wrote Windows-1256 unencoded) read in the encoding it
    is in; '' if absent."""
    from email.errors import MessageError
    from email.header import Header, decode_header, make_header

    raw = message.get(name)
    if raw is None:
        return ""
    value = raw if isinstance(raw, Header) else str(raw)[:HEADER_CHARS]
    try:
        # A Header where the raw header held 8-bit bytes: its chunks give them back.
        chunks = decode_header(value)
    except (LookupError, UnicodeError, ValueError, AssertionError, MessageError):
        chunks = [(str(raw)[:HEADER_CHARS], None)]  # a damaged encoded word: as written
    try:  # make_header keeps the spaces between encoded words and text as written
        decoded = str(make_header(chunks)) if isinstance(value, str) else ""
    except (LookupError, UnicodeError, ValueError, AssertionError, MessageError):
        decoded = ""
    if not decoded:  # 8-bit text, or a charset Python does not know: each chunk read
        decoded = "".join(_chunk_text(text, charset) for text, charset in chunks)
    return " ".join(decoded[:HEADER_CHARS].split())


def _chunk_text(text: bytes | str, charset: str | None) -> str:
    from timeline.text.encoding import decode

    if isinstance(text, str):
        return text
    text = text[: 4 * HEADER_CHARS]
    if charset and charset != "unknown-8bit":
        try:
            return text.decode(charset, "replace")
        except (LookupError, ValueError):
            pass
    return decode(text)


def _published(message: Message) -> str:
    import email.utils

    raw = _header(message, "Date")
    if not raw:
        return ""
    try:  # kept on the sender's wall clock with its offset, as a feed's RFC 822 date
        return email.utils.parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return raw


def _sender(message: Message) -> str:
    """The sender's name, else the domain of the sender's address."""
    import email.utils

    raw = _header(message, "From")
    name, address = email.utils.parseaddr(raw)
    name = " ".join(name.split()).strip("\"' ")
    if name:
        return name
    return address.rpartition("@")[2].strip().lower() if "@" in address else ""


def _part_text(part: Message) -> str:
    """A text part's content as text, in the charset it declares (detected where it
    declares none or one Python does not know)."""
    from timeline.text.encoding import decode

    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError, ValueError):
            pass  # a charset Python does not know (or no name), or not the text's
    return decode(payload)


def _said(text: str) -> int:
    """How much a text says: its characters other than white space."""
    return len(text) - sum(map(text.count, " \n\t\r\xa0"))


@dataclass(frozen=True)
class _Attached:
    """What a message's attached documents gave: their text, paragraphs apart, and
    whether a scanned page of one was read by OCR; why one could not be read."""

    text: str = ""
    recognized: bool = False
    failures: tuple[str, ...] = ()


def _attached(message: Message, check: PageCheck | None) -> _Attached:
    from timeline.ingest.document import docx_text, odt_text
    from timeline.ingest.pdf import MAX_PDF_BYTES, pdf_text
    from timeline.text.encoding import MAX_ARTICLE_CHARS, MAX_TEXT_BYTES, decode

    texts: list[str] = []
    failures: list[str] = []
    recognized = False
    for part in message.walk():
        if len(texts) + len(failures) >= MAX_ATTACHMENTS_READ:
            break
        if part.is_multipart():
            continue
        name = part.get_filename() or ""
        suffix = name[name.rfind(".") :].lower() if "." in name else ""
        kind = _ATTACHED_KINDS.get(suffix)
        if kind is None:
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes) or not data.strip():
            continue
        try:
            if kind == "pdf":
                if len(data) > MAX_PDF_BYTES:
                    raise BadArticle(f"more than the {MAX_PDF_BYTES:,} bytes a pdf file may be")
                found = pdf_text(data, MAX_ARTICLE_CHARS, check=check)
                text, recognized = found.text, recognized or bool(found.recognized)
            elif kind == "docx":
                text = docx_text(data)
            elif kind == "odt":
                text = odt_text(data)
            else:
                if len(data) > MAX_TEXT_BYTES:
                    raise BadArticle(f"more than the {MAX_TEXT_BYTES:,} bytes a text may be")
                if b"\0" in data[:8192]:
                    raise BadArticle("not text (it holds NUL bytes)")
                text = decode(data)
        except BadArticle as exc:
            failures.append(f"{' '.join(name.split())[:100]}: {exc}")
            continue
        if text.strip():
            texts.append(text.strip())
    return _Attached("\n\n".join(texts), recognized, tuple(failures))


def _body(message: Message) -> str:
    """The message's text: its first plain part unless its first HTML part says more
    (a newsletter's plain part is often a line saying to open the HTML one)."""
    plain = html = None
    for part in message.walk():
        if part.is_multipart():
            continue
        if str(part.get("Content-Disposition") or "").strip().lower().startswith("attachment"):
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = _part_text(part)
        elif kind == "text/html" and html is None:
            html = _part_text(part)
        if plain is not None and html is not None:
            break
    plain_text = (plain or "").replace("\r\n", "\n").strip()
    if html is None:
        return plain_text
    html_as_text = html_text(_TABLE_CELL_END.sub(" ", html))
    if plain_text and 2 * _said(plain_text) >= _said(html_as_text):
        return plain_text
    return html_as_text or plain_text


def _without_bom(data: bytes) -> bytes:
    """A message as mail is written (bytes of ASCII headers) where a text editor saved it
    with a byte order mark (Notepad's UTF-8, or "Unicode": UTF-16 throughout): both were
    refused as "no headers at its start".  Anything else as it is."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace").encode("utf-8")
    return data


def message_draft(data: bytes, origin: str, check: PageCheck | None = None) -> ArticleDraft:
    """The article an e-mail message holds; BadArticle when it is none.  check, if
    given, is called between an attached PDF's pages (it may raise to stop)."""
    import email
    import email.policy

    if len(data) > MAX_MESSAGE_BYTES:
        raise BadArticle(f"a message larger than the {MAX_MESSAGE_BYTES:,} bytes one may be")
    data = _without_bom(data)
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        if not message.keys():
            raise BadArticle("not an e-mail message (no headers at its start)")
        body = _body(message)
        attached = _Attached() if len(body) >= COVERING_NOTE_CHARS else _attached(message, check)
    except RecursionError:  # parts nested thousands deep: no mail program writes that
        raise BadArticle("its parts are nested too deep to be a message") from None
    except (AttributeError, TypeError) as exc:
        # compat32 gives a header holding 8-bit bytes as a Header object, which its own
        # parameter parsing (a part's charset, a file's name) then fails on.
        raise BadArticle(f"not a readable e-mail message ({exc})") from None
    body = "\n\n".join(text for text in (body.strip(), attached.text) if text)
    title = _REPLY_PREFIX.sub("", _header(message, "Subject")).strip()
    if not body.strip():
        if attached.failures:
            raise BadArticle(f"its attachment could not be read ({attached.failures[0]})")
        if not title:
            raise BadArticle("a message with no subject and no text")
        body = title
    untitled = not title
    archived = _ARCHIVED_AT.fullmatch(_header(message, "Archived-At"))
    return ArticleDraft(
        title=title or title_from_body(body),
        body=body,
        source=_sender(message),
        url=archived.group(1) if archived else "",
        published_raw=_published(message),
        origin=origin,
        untitled=untitled,
        body_kind="ocr" if attached.recognized else "",
    )


def _message_item(
    data: bytes, number: int, origin: str, check: PageCheck | None
) -> ArticleDraft | tuple[str, str]:
    try:
        return message_draft(data, origin, check)
    except BadArticle as exc:
        return f"message {number}", str(exc)


def mailbox_messages(
    stream: BinaryIO, origin: str, check: PageCheck | None = None
) -> Iterator[ArticleDraft | tuple[str, str]]:
    """A draft for each message of an mbox mailbox (Thunderbird's folders, a Google
    Takeout export), read a line at a time; (where, reason) for one that is no article
    or is larger than a message may be (the lines up to the next message are skipped)."""
    stream = utf8_reader(stream)  # a mailbox a text editor saved as UTF-16
    lines: list[bytes] = []
    size = 0
    number = 0
    too_large = False
    started = False

    def finished() -> ArticleDraft | tuple[str, str] | None:
        if not started:
            return None
        if too_large:
            return (
                f"message {number}",
                f"a message larger than the {MAX_MESSAGE_BYTES:,} bytes one may be",
            )
        return _message_item(b"".join(lines), number, origin, check)

    at_line_start = True
    # A line longer than _PIECE comes in pieces (never held whole): only one that
    # begins a line can be a separator.
    for line in iter(lambda: stream.readline(_PIECE), b""):
        if number == 0 and not started and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]  # a mailbox a text editor saved
        starts_line, at_line_start = at_line_start, line.endswith(b"\n")
        if starts_line and line.startswith(_SEPARATOR):
            item = finished()
            if item is not None:
                yield item
            number += 1
            started, too_large, lines, size = True, False, [], 0
            continue
        if not started:
            if line.strip():
                raise BadArticle("not a mailbox (it does not begin with a 'From ' line)")
            continue
        if too_large:
            continue
        size += len(line)
        if size > MAX_MESSAGE_BYTES:
            too_large, lines = True, []
            continue
        quoted = starts_line and line.startswith(b">")
        lines.append(_QUOTED_FROM.sub(rb"\1", line) if quoted else line)
    item = finished()
    if item is not None:
        yield item


def looks_like_message(head: str) -> str:
    """'.mbox' or '.eml' for text that begins as a mailbox or a message does ('' if
    neither): what is pasted or piped without a name."""
    if head.startswith("From ") and "\n" in head:
        return ".mbox" if _is_header_block(head.partition("\n")[2]) else ""
    return ".eml" if _is_header_block(head) else ""


_HEADER_LINE = re.compile(r"^[!-9;-~]{1,76}:")


def _is_header_block(text: str) -> bool:
    """Whether text begins with a message's headers: lines "Name: value" (or folded
    on to the next), Subject or From among them and Date, up to a blank line."""
    names: set[str] = set()
    for line in text.replace("\r\n", "\n").split("\n")[:200]:
        if not line.strip():
            break
        if line[:1] in " \t" and names:
            continue
        match: Any = _HEADER_LINE.match(line)
        if match is None:
            return False
        names.add(line[: match.end() - 1].lower())
    return "date" in names and bool(names & {"subject", "from"})
