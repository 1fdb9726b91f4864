"""The command line, through click's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLES
from timeline.cli import cli
from timeline.text import for_terminal

SEED_TITLE = "كوريا الجنوبية وأمريكا يتفقان على تحالف قوي في محادثات القمة بينهما"


@pytest.fixture
def run(tmp_path: Path):
    db = tmp_path / "t.db"
    runner = CliRunner()

    def invoke(*args: str, expect: int = 0):
        result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == expect, result.output
        return result

    invoke.db = db  # type: ignore[attr-defined]
    return invoke


def test_import_seed_then_show_json(run, corpus: Path) -> None:
    result = run("import", str(corpus / "seed" / "000_e3dea70be14111b3.txt"))
    assert "1 added" in result.output
    (line,) = run("list", "--json").output.splitlines()
    listed = json.loads(line)
    shown = json.loads(run("show", str(listed["id"]), "--json").output)
    assert shown["title"] == SEED_TITLE
    assert shown["published"] == "2021-05-22T01:32"
    assert shown["source"] == "المدينة نيوز"
    assert shown["published_raw"].startswith("تم نشره السبت 22nd")
    assert shown["credit"] == "وكالات"
    assert {
        "id",
        "uid",
        "body",
        "url",
        "author",
        "caption",
        "origin",
        "imported_at",
    } <= shown.keys()
    assert shown["events"][0]["kind"] == "published"


def test_saudinewsnet_imports_whole_and_only_once(run, corpus: Path) -> None:
    sample = str(corpus / "saudinewsnet" / "sample.jsonl")
    assert "200 added, 0 already stored, 0 failed" in run("import", sample).output
    assert "0 added, 200 already stored, 0 failed" in run("import", sample).output
    assert len(run("list", "--json").output.splitlines()) == 200


def test_broken_file_among_good_ones(run, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    (folder / "broken.jsonl").write_text('{"title": "ok", "body": "ok"}\n{oops', encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = run("import", str(folder), expect=1)
    good = len(list(SAMPLES.glob("*.txt")))
    assert f"{good} added" in result.output
    assert "broken.jsonl: line 2: not valid JSON" in result.output
    assert "empty.txt: the file is empty" in result.output
    # The broken JSON Lines file added nothing, not even its good first line.
    titles = [json.loads(x)["title"] for x in run("list", "--json").output.splitlines()]
    assert "ok" not in titles and len(titles) == good


def test_list_flags_undated_articles(run) -> None:
    run("import", str(SAMPLES))
    undated = [json.loads(x) for x in run("list", "--undated", "--json").output.splitlines()]
    assert [a["published"] for a in undated] == [None]
    assert undated[0]["published_raw"] == "نشر في يوم ما من الأيام 7"


def test_list_is_chronological(run) -> None:
    run("import", str(SAMPLES))
    rows = [json.loads(x) for x in run("list", "--json").output.splitlines()]
    dated = [r["published"] for r in rows if r["published"]]
    assert dated[0].startswith("1945-03-22") and len(dated) == len(rows) - 1
    assert rows[-1]["published"] is None


def test_terminal_display_order(run) -> None:
    run("import", str(SAMPLES / "02_suez.txt"))
    title = "مصر تعلن تأميم شركة قناة السويس"
    piped = run("--no-bidi", "list").output
    shaped = run("--bidi", "list").output
    assert title in piped and title not in shaped
    assert for_terminal(title) in shaped


def test_show_missing_article_is_a_clear_error(run) -> None:
    run("import", str(SAMPLES / "02_suez.txt"))
    result = run("show", "999", expect=1)
    assert "no article with id 999" in result.output


def test_commands_on_a_corrupt_database(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    result = CliRunner().invoke(cli, ["--db", str(db), "list"])
    assert result.exit_code == 1
    assert "not a usable timeline database" in result.output
    assert db.read_bytes() == b"garbage" * 1000


def test_db_option_after_the_command(tmp_path: Path) -> None:
    db = tmp_path / "late.db"
    result = CliRunner().invoke(cli, ["import", "--db", str(db), str(SAMPLES / "02_suez.txt")])
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_timeline_db_environment_variable(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = CliRunner(env={"TIMELINE_DB": str(db)}).invoke(
        cli, ["import", str(SAMPLES / "02_suez.txt")]
    )
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_extract_json_contract(run, corpus: Path) -> None:
    seed = corpus / "seed" / "000_e3dea70be14111b3.txt"
    text = seed.read_text(encoding="utf-8")
    out = run("extract", "--published", "2021-05-22T01:32", "--json", str(seed)).output
    mentions = [json.loads(line) for line in out.splitlines()]
    assert mentions, "no mentions found in the seed"
    for m in mentions:
        assert set(m) == {"start", "end", "text", "value", "granularity", "kind"}
        assert text[m["start"] : m["end"]] == m["text"]
    values = {m["value"] for m in mentions}
    assert {"2021-05-21", "1950/1953", "P70Y"} <= values


@pytest.mark.parametrize(
    ("query", "expected_title_start"),
    [
        ("ايار", "جولة جديدة من المحادثات النووية"),  # أيّار in the body
        ("إيران", "جولة جديدة من المحادثات النووية"),  # إيـــران in the title
        ("اسامة", "جولة جديدة من المحادثات النووية"),  # أسامة
        ("٢٠٢٠", "افتتاح معرض إكسبو 2020"),
        ('"قناة السويس"', "مصر تعلن تأميم"),
        ("السوي*", "مصر تعلن تأميم"),
    ],
)
def test_search_understands_arabic_spelling(run, query: str, expected_title_start: str) -> None:
    run("import", str(SAMPLES))
    hits = [json.loads(x) for x in run("search", query, "--json").output.splitlines()]
    assert any(h["title"].startswith(expected_title_start) for h in hits), hits
    assert all({"id", "title", "published", "snippet"} <= h.keys() for h in hits)


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(", "((", "title:x", "*", "-"])
def test_search_never_crashes_on_odd_input(run, query: str) -> None:
    run("import", str(SAMPLES / "02_suez.txt"))
    result = CliRunner().invoke(cli, ["--db", str(run.db), "search", query, "--json"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


def test_search_filters(run) -> None:
    run("import", str(SAMPLES))
    args = ("search", "قناة", "--json", "--source", "أرشيف التاريخ", "--from", "1970-01-01")
    hits = [json.loads(x) for x in run(*args).output.splitlines()]
    assert [h["published"][:10] for h in hits] == ["1973-10-06"]


def test_recompute_keeps_the_events(run) -> None:
    run("import", str(SAMPLES))
    before = [json.loads(x) for x in run("list", "--json").output.splitlines()]
    result = run("recompute")
    assert f"re-computed the events of {len(before)} articles" in result.output
    after = [json.loads(x) for x in run("list", "--json").output.splitlines()]
    assert [a["published"] for a in after] == [a["published"] for a in before]


def test_search_suggests_spellings_when_nothing_matches(run) -> None:
    run("import", str(SAMPLES / "02_suez.txt"))
    assert run("search", "السويس", "--json").output.strip()
    misspelled = CliRunner().invoke(cli, ["--db", str(run.db), "search", "السوبس", "--no-bidi"])
    assert misspelled.exit_code == 0
    assert "0 matching article(s)" in misspelled.stderr
    assert "Did you mean: السويس" in misspelled.stderr
