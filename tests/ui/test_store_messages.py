"""The store's messages said in the window's language (timeline/ui/store_messages.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline import edits
from timeline.store import (
    MESSAGES,
    READ_ONLY_REASONS,
    SCHEMA_DAMAGE,
    Store,
    StoreError,
    said,
    search,
)
from timeline.text import query
from timeline.ui import store_messages
from timeline.ui.store_messages import in_interface_language

# A value of each kind, and the keys whose English differs in the window on purpose.
VALUES = {"path": "/data/أخبار.db", "folder": "/data", "detail": "file is not a database"}
VALUES |= {"version": "99", "known": "15", "reason": READ_ONLY_REASONS["file"]}
VALUES |= {"what": SCHEMA_DAMAGE["missing_table"].format(name="events")}
VALUES |= {
    "size": "1048576",
    "expected": "4194304",
    "wal": "/data/أخبار.db-wal",
    "shm": "/data/أخبار.db-shm",
}
# The window offers Repair where the line names the command.
WINDOW_WORDED = {"damaged", "damaged_schema", "cut_short", "wal_not_its_own"}
DAMAGE_VALUES = {
    "name": "events",
    "column": "confidence",
    "version": "-3",
    "detail": "no such table",
}


def _line(key: str) -> str:
    names = re.findall(r"\{(\w+)\}", MESSAGES[key])
    return said(key, **{name: VALUES[name] for name in names})


def test_every_message_has_its_words_in_the_window_with_as_many_values(qapp: object) -> None:
    words = store_messages._translations()
    reasons = {f"reason:{key}" for key in READ_ONLY_REASONS}
    reasons |= {f"damage:{key}" for key in SCHEMA_DAMAGE}
    edit_keys = {f"edit:{key}" for key in edits.MESSAGES}
    search_keys = {f"search:{key}" for key in SEARCH_MESSAGES}
    assert set(words) == set(MESSAGES) | reasons | edit_keys | search_keys
    for key, template in [
        *MESSAGES.items(),
        *((f"reason:{k}", t) for k, t in READ_ONLY_REASONS.items()),
        *((f"damage:{k}", t) for k, t in SCHEMA_DAMAGE.items()),
        *((f"edit:{k}", t) for k, t in edits.MESSAGES.items()),
        *((f"search:{k}", t) for k, t in SEARCH_MESSAGES.items()),
    ]:
        names = store_messages._names(template)
        assert sorted(set(re.findall(r"%(\d)", words[key]))) == [
            str(i + 1) for i in range(len(names))
        ]
        if key not in WINDOW_WORDED:  # the same English as the store's, value for value
            filled = words[key]
            for number, name in enumerate(names, start=1):
                filled = filled.replace(f"%{number}", "{" + name + "}")
            assert filled == template, key


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_each_message_is_said_in_arabic_with_its_values(arabic: None, key: str) -> None:
    line = _line(key)
    shown = in_interface_language(line)
    assert shown != line and re.search("[\u0621-\u064a]", shown)
    assert shown.startswith("\u200f")  # right to left, even where a path comes first
    # Each value shown as it is, in an isolate of its own (a path keeps its order).
    for name in store_messages._names(MESSAGES[key]):
        if name == "reason":
            assert "لا يمكن الكتابة في الملف" in shown
        elif name == "what":
            assert "جدولها \u2068events\u2069 مفقود" in shown
        else:
            assert f"\u2068{VALUES[name]}\u2069" in shown
    # None of the English words of the template is left (outside the values).
    english = set(re.findall(r"[a-z]{5,}", re.sub(r"\{\w+\}", " ", MESSAGES[key])))
    words = re.sub("\u2068[^\u2069]*\u2069", " ", shown).replace("SQLite", "")
    assert not english & set(re.findall(r"[a-z]{5,}", words))


@pytest.mark.parametrize("key", sorted(SCHEMA_DAMAGE))
def test_what_a_damaged_library_lacks_is_said_in_arabic_with_its_values(
    arabic: None, key: str
) -> None:
    """The window said "is damaged" in Arabic around English words naming what was
    missing: the phrase is the store's too, said in the interface's language."""
    template = SCHEMA_DAMAGE[key]
    names = store_messages._names(template)
    what = template.format(**{name: DAMAGE_VALUES[name] for name in names})
    shown = in_interface_language(said("damaged_schema", path=VALUES["path"], what=what))
    for name in names:
        assert f"\u2068{DAMAGE_VALUES[name]}\u2069" in shown
    english = set(re.findall(r"[a-z]{5,}", re.sub(r"\{\w+\}", " ", template)))
    words = re.sub("\u2068[^\u2069]*\u2069", " ", shown)
    assert not english & set(re.findall(r"[a-z]{5,}", words))


EDIT_VALUES = {"article": "12", "event": "7", "text": "'غدا'", "most": "200", "given": "300"}
EDIT_VALUES |= {"tag": "'حروب؛ هدنة'", "colour": "'red'", "field": "'author'"}
EDIT_VALUES |= {"start": "40", "end": "52"}


@pytest.mark.parametrize("key", sorted(edits.MESSAGES))
def test_each_refused_edit_is_said_in_arabic_with_its_values(arabic: None, key: str) -> None:
    """An edit the window asked for and edits refused: the status bar said "لم يُحفظ: وسم
    مقالة: a tag's name has at most 200 characters (300 given)"."""
    template = edits.MESSAGES[key]
    line = template.format(**{n: EDIT_VALUES[n] for n in store_messages._names(template)})
    shown = in_interface_language(line)
    assert shown != line and re.search("[\u0621-\u064a]", shown)
    for name in store_messages._names(template):
        assert f"\u2068{EDIT_VALUES[name]}\u2069" in shown
    words = re.sub("\u2068[^\u2069]*\u2069", " ", shown).replace("ISO 8601", " ")
    assert not re.search("[A-Za-z]{2,}", words), shown


def test_what_set_tag_raises_is_a_line_the_window_knows(arabic: None, tmp_path: Path) -> None:
    from timeline.model import MAX_TAG_CHARS

    with Store(tmp_path / "t.db") as store:
        for tag in ("", "ت" * (MAX_TAG_CHARS + 1), "حروب؛ هدنة"):
            with pytest.raises(edits.EditError) as raised:
                edits.set_tag(store, "article:x", tag)
            assert store_messages.said_parts(str(raised.value)) is not None, tag


def test_english_is_the_store_s_words_with_each_value_apart(qapp: object) -> None:
    """In English the store's line is kept, word for word, laid out left to right with
    each value in an isolate: a line that began with a value in Arabic was laid out
    right to left, its English words reversed around it."""
    for key in MESSAGES:
        shown = in_interface_language(_line(key))
        assert shown.startswith("\u200e")
        if key in WINDOW_WORDED:  # the window's own words: Repair, not the command
            assert "Repair copies" in shown and "timeline --db" not in shown
        else:
            assert re.sub("[\u200e\u2068\u2069]", "", shown) == _line(key)
    for name in ("path", "detail"):
        assert f"\u2068{VALUES[name]}\u2069" in in_interface_language(_line("cannot_open"))


SEARCH_MESSAGES = {**query.MESSAGES, **search.MESSAGES}
SEARCH_VALUES = {"query": "اس*", "letters": "3", "count": "32", "detail": "disk I/O error"}


def _search_line(key: str) -> str:
    template = SEARCH_MESSAGES[key]
    return template.format(**{n: SEARCH_VALUES[n] for n in store_messages._names(template)})


@pytest.mark.parametrize("key", sorted(SEARCH_MESSAGES))
def test_why_a_search_cannot_run_is_said_in_arabic(arabic: None, key: str) -> None:
    """The search bar showed these in English in the Arabic window."""
    line = _search_line(key)
    shown = in_interface_language(line)
    assert shown.startswith("\u200f") and re.search("[\u0621-\u064a]", shown)
    for name in store_messages._names(SEARCH_MESSAGES[key]):
        assert f"\u2068{SEARCH_VALUES[name]}\u2069" in shown
    words = re.sub("\u2068[^\u2069]*\u2069", " ", shown)
    assert not re.search("[A-Za-z]{3,}", words), shown


def test_a_search_that_cannot_run_says_the_words_typed_apart(qapp: object) -> None:
    """What parse_query raises for a short Arabic prefix, in the English window: the
    line starts left to right and the words typed are an isolate of their own."""
    with pytest.raises(query.SearchError) as raised:
        query.parse_query("اس*")
    shown = in_interface_language(str(raised.value))
    assert (
        shown
        == "\u200e“\u2068اس*\u2069”: a prefix search needs at least \u20683\u2069 letters before the *"
    )


def test_a_line_the_store_did_not_write_is_left_as_it_is(arabic: None) -> None:
    assert in_interface_language("a.jsonl: ValueError: bad") == "a.jsonl: ValueError: bad"
    # A read-only reason the window has no words for is kept as it is.
    line = said("read_only", path="x.db", reason="some other reason")
    assert "\u2068some other reason\u2069" in in_interface_language(line)


def test_what_a_locked_library_raises_is_said_in_arabic(arabic: None, tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "a.db"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with (
            pytest.raises(StoreError) as raised,
            Store(path, timeout=0.05) as store,
            store.transaction(),
        ):
            pass
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    shown = in_interface_language(str(raised.value))
    assert "مقفلة" in shown and f"\u2068{path}\u2069" in shown


def test_a_library_that_cannot_be_opened_is_said_in_the_arabic_start_box(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opened from a desktop menu while an import held it: the box was Arabic around an
    # English line.
    from PySide6.QtWidgets import QMessageBox

    from timeline.ui.app import show_start_failure
    from timeline.ui.application import create_application

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    try:
        show_start_failure(said("locked", path="/data/w.db"), "ar")
    finally:
        create_application("en")  # the English translators again, for the tests after
    assert shown == [
        "تعذّر فتح المكتبة:\n\u200f\u2068/data/w.db\u2069 مقفلة لأن برنامجًا آخر يكتب فيها"
        " (استيراد، أو أداة قواعد بيانات تمسكها)؛ أعد المحاولة حين ينتهي"
    ]


def test_a_read_only_reason_is_said_in_its_words_with_its_own_values(arabic: None) -> None:
    folder = "/بيانات/أخبار"
    line = said(
        "read_only", path=f"{folder}/w.db", reason=READ_ONLY_REASONS["folder"].format(folder=folder)
    )
    parts = store_messages.said_parts(line)
    assert parts is not None
    words, values = parts
    assert values == [f"{folder}/w.db", folder]  # each a unit of its own in a message box
    assert words.startswith("\u200f%1 مفتوحة للقراءة فقط: لا يمكن الكتابة في مجلدها %2 (")
    text, shown = store_messages.for_message_box("تعذّر:\n%1", line)
    assert text == "تعذّر:\n" + words and shown == values
    assert store_messages.for_message_box("x: %1", "another failure") == (
        "x: %1",
        ["another failure"],
    )


def test_a_long_text_is_no_store_line_and_is_looked_at_quickly(arabic: None) -> None:
    # Untrusted text (an exception's words) reaches these searches: each is bounded.
    text = "/x" * 50_000 + " is damaged (" + "/x" * 50_000
    assert store_messages.said_parts(text) is None
    assert store_messages.said_parts(said("damaged", path="/a/b.db", detail="x")) is not None


def test_a_locked_library_is_offered_to_try_again_in_the_arabic_start_box(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from timeline.ui.app import ask_to_try_again
    from timeline.ui.application import create_application

    shown: list[tuple[str, str, list[str]]] = []

    def answer(box: QMessageBox, which: str) -> int:
        shown.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        (
            box.defaultButton()
            if which == "again"
            else box.button(QMessageBox.StandardButton.Close)
        ).click()
        return 0

    try:
        monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "again"))
        assert ask_to_try_again(said("locked", path="/data/w.db"), "ar")
        monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "close"))
        assert not ask_to_try_again(said("locked", path="/data/w.db"), "ar")
    finally:
        create_application("en")
    text, informative, buttons = shown[0]
    assert "\u2068/data/w.db\u2069 مقفلة" in text
    assert informative.startswith("يُمسك استيرادُ ملفٍّ كبير المكتبةَ وحده")
    assert "أعد ال&محاولة" in buttons


def test_every_refusal_of_an_edit_is_one_of_the_templates() -> None:
    """Each EditError is made by edits._refused from a key of edits.MESSAGES: one built
    of its own words (a colour not #rrggbb, a span gone, an unknown field) reached the
    Arabic window in English."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(edits))
    made = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "EditError"
    ]
    refused = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "_refused"
    )
    assert made and all(node in ast.walk(refused) for node in made)


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("key", sorted(WINDOW_WORDED))
def test_the_start_box_of_a_damaged_library_says_what_repair_does_once(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str, key: str
) -> None:
    """The box's line already says what Repair does: an informative text that said it
    again made the Arabic box say one sentence twice, and the English one named the
    command line's `timeline --db ... repair` beside a Repair button."""
    from PySide6.QtWidgets import QMessageBox

    from timeline.ui.app import show_start_failure
    from timeline.ui.application import create_application

    shown: list[tuple[str, str, list[str]]] = []

    def look(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look)
    try:
        show_start_failure(_line(key), lang, tmp_path / "w.db")
    finally:
        create_application("en")  # the English translators again, for the tests after
    ((text, informative, buttons),) = shown
    said_in_box = text + "\n" + informative
    repair = {"ar": "يَنسخ الإصلاح", "en": "Repair copies"}[lang]
    assert said_in_box.count(repair) == 1
    assert "timeline --db" not in said_in_box
    assert {"ar": "إصلاح…", "en": "Repair…"}[lang] in buttons
