"""`timeline recompute` brings a store made by older rules up to the current ones."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from timeline import library
from timeline.cli import cli
from timeline.model import Event
from timeline.store import Store

BODY = (
    "يعمل المركز يوميا، وعمل لمدة خمسة وعشرين عاما، وهو حاليا يستعد لموسم ربيع 2019. "
    "وقال المدير يوم الأحد الماضي إن الافتتاح الساعة السابعة من مساء الجمعة."
)


def test_recompute_replaces_events_of_older_rules(tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    line = {"title": "مركز", "body": BODY, "published": "2019-03-12T10:00"}
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "t.db"
    with Store(db) as store:
        library.import_paths(store, [source])
        (article,) = store.articles()
        fresh = [(e.kind, e.value) for e in store.events_of(article.id)]
        # What the rules before issue 12 stored: only the weekday, as a vague event.
        old = Event(article.id, "vague", None, None, "vague", "PAST_REF", "قال", 80, 91)
        store.replace_mentions(article.id, [old])
        assert [(e.kind, e.value) for e in store.events_of(article.id)] != fresh
    result = CliRunner().invoke(cli, ["--db", str(db), "recompute"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        events = store.events_of(article.id)
    assert [(e.kind, e.value) for e in events] == fresh
    kinds = {e.value: (e.kind, e.start is None) for e in events}
    assert kinds["P1D"] == ("set", True)
    assert kinds["P25Y"] == ("duration", True)
    assert kinds["PRESENT_REF"] == ("vague", True)
    assert kinds["2019-SP"] == ("mentioned", False)
    assert kinds["2019-03-08T19:00"] == ("mentioned", False)
