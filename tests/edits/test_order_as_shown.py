"""Orders judged on the dates the user sees: a search's newest first, a story's first copy.

The list is in the order of the dates shown (store.listing.redated); what orders
articles by their publication elsewhere follows it, so that a re-dated article stands
where the user put it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.store.test_search import add, day
from tests.store.test_search_pairs import _phrases, news  # noqa: F401
from tests.stories.test_store_stories import RECORDS, ids_by_title, write
from timeline import edits, library
from timeline.cli import cli
from timeline.store import Store
from timeline.store import search as search_module
from timeline.store import stories as story_store
from timeline.store.listing import list_keys
from timeline.store.search import matching_article_ids, search


@pytest.fixture
def summits(store: Store) -> dict[str, int]:
    """Articles that all mention a summit, a few re-dated by the user, and one that
    does not mention it (re-dated too)."""
    ids = {
        "jan": add(store, "قمة يناير", "قمة عربية في المدينة", when=day(2021, 1, 1)),
        "feb": add(store, "قمة فبراير", "قمة عربية ثانية", when=day(2021, 2, 1)),
        "mar": add(store, "قمة مارس", "قمة عربية ثالثة", when=day(2021, 3, 1)),
        "apr": add(store, "قمة أبريل", "قمة عربية رابعة", when=day(2021, 4, 1)),
        "may": add(store, "قمة مايو", "قمة عربية", when=day(2021, 5, 1), source="وكالة"),
        "undated": add(store, "قمة بلا تاريخ", "قمة عربية أخرى"),
        "still": add(store, "قمة أخيرة", "قمة عربية بلا موعد"),
        "other": add(store, "خبر", "لا شيء هنا", when=day(2021, 6, 1)),
    }
    edits.correct_article(store, ids["jan"], "published", "2022-01-01")
    edits.correct_article(store, ids["may"], "published", "2000-01-01")
    edits.correct_article(store, ids["undated"], "published", "2021-03-15")
    edits.correct_article(store, ids["other"], "published", "2023-01-01")
    return ids


# Newest first by the dates shown: jan (2022), apr, undated (15 March), mar, feb, may
# (2000), and the article still undated last.
SHOWN_NEWEST = ["jan", "apr", "undated", "mar", "feb", "may", "still"]


@pytest.mark.parametrize("query", ["قمة", '"قمة عربية"', "عربي*"])
def test_newest_first_is_by_the_dates_shown_on_every_page(
    store: Store, summits: dict[str, int], query: str
) -> None:
    expected = [summits[name] for name in SHOWN_NEWEST]
    whole = search(store, query, order="newest", limit=50)
    assert [h.article_id for h in whole.hits] == expected
    assert whole.total == len(expected)
    for limit in (1, 2, 3):
        pages = [
            h.article_id
            for offset in range(0, len(expected), limit)
            for h in search(store, query, order="newest", limit=limit, offset=offset).hits
        ]
        assert pages == expected


def test_newest_first_with_filters_on_the_dates_shown(
    store: Store, summits: dict[str, int]
) -> None:
    march = {"date_from": day(2021, 3, 1), "date_to": day(2021, 4, 1)}
    hits = search(store, "قمة", order="newest", **march).hits  # type: ignore[arg-type]
    assert [h.article_id for h in hits] == [summits["undated"], summits["mar"]]
    hits = search(store, "قمة", order="newest", source="وكالة").hits
    assert [h.article_id for h in hits] == [summits["may"]]


def test_newest_first_without_corrections_is_the_stored_order(store: Store) -> None:
    first = add(store, "قمة", "قمة أولى", when=day(2021, 1, 1))
    second = add(store, "قمة", "قمة ثانية", when=day(2021, 2, 1))
    assert [h.article_id for h in search(store, "قمة", order="newest").hits] == [second, first]
    edits.correct_article(store, first, "published", "2021-03-01")
    assert [h.article_id for h in search(store, "قمة", order="newest").hits] == [first, second]
    edits.correct_article(store, first, "published", None)  # the correction removed
    assert [h.article_id for h in search(store, "قمة", order="newest").hits] == [second, first]


def test_newest_first_by_the_dates_shown_on_real_news(
    news: Store,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Phrases read from the word pairs' index and words from the main one, each with a
    few of its hits re-dated (to the front, the back, and out of the undated)."""
    read_from_pairs = 0
    real = search_module._ranked_pairs

    def counted(*args: object, **kwargs: object) -> object:
        nonlocal read_from_pairs
        read_from_pairs += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "_ranked_pairs", counted)
    queries = [*_phrases(news, 3), "السعودية", "المملكة"]
    dates = ["2030-01-01", "1990-01-01", "2014-06-01"]
    for query in queries:
        hits = [int(i) for i in matching_article_ids(news, query)]
        assert len(hits) >= 6
        undated = [i for i, key in list_keys(news, hits).items() if key[0] is None]
        for article, date in zip([*undated[:1], *hits[1::5]], dates, strict=False):
            edits.correct_article(news, article, "published", date)
        keys = list_keys(news, hits)
        expected = sorted(hits, key=lambda i: (keys[i][0] is None, -(keys[i][0] or 0), -i))
        found = search(news, query, order="newest", limit=len(hits))
        assert [h.article_id for h in found.hits] == expected
        page = search(news, query, order="newest", limit=4, offset=2)
        assert [h.article_id for h in page.hits] == expected[2:6]
    assert read_from_pairs >= 6


@pytest.fixture
def story(store: Store, tmp_path: Path) -> tuple[int, int]:
    """A story of two copies: the agency's (9:00) and a paper's (13:30) of one day."""
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    ids = ids_by_title(store)
    return ids[RECORDS[0]["title"]], ids[RECORDS[2]["title"]]


def test_a_storys_first_copy_is_the_earliest_by_the_dates_shown(
    store: Store, story: tuple[int, int]
) -> None:
    agency, paper = story

    def firsts() -> tuple[list[int], list[int], dict[int, int], list[int]]:
        (cluster,) = story_store.clusters(store)
        found = story_store.story_of(store, agency)
        assert found is not None
        collapse = story_store.read_collapse(store)
        return (
            [a.article_id for a in cluster.articles],
            [a.article_id for a in found.articles],
            collapse.earliest,
            list(collapse.counts),
        )

    assert firsts() == ([agency, paper], [agency, paper], {paper: agency}, [agency])
    edits.correct_article(store, paper, "published", "2015-08-01")  # the day before
    assert firsts() == ([paper, agency], [paper, agency], {agency: paper}, [paper])
    (size, first, last) = story_store.read_collapse(store).counts[paper]
    assert (size, first) == (2, day(2015, 8, 1)) and last == day(2015, 8, 2) + 9 * 3600
    # The rows keep the stored values (the user's are laid over them where shown).
    (cluster,) = story_store.clusters(store)
    assert cluster.articles[0].published_start == day(2015, 8, 2) + 13.5 * 3600
    edits.correct_article(store, paper, "published", None)  # the correction removed
    assert firsts() == ([agency, paper], [agency, paper], {paper: agency}, [agency])


def test_cli_stories_mark_the_first_copy_by_the_dates_shown(tmp_path: Path) -> None:
    db = tmp_path / "t.db"

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    run("import", str(write(tmp_path / "a.jsonl", RECORDS)))
    before = json.loads(run("stories", "--json"))
    agency, paper = before["earliest"], before["articles"][1]["id"]
    run("edit", "article", str(paper), "--published", "2015-08-01")
    lines = run("--no-bidi", "stories").splitlines()
    assert "first 2015-08-01*" in lines[0]
    # (two spaces, the mark, the id in seven)
    assert [line[:10].split() for line in lines[1:]] == [["*", str(paper)], [str(agency)]]
    story = json.loads(run("stories", "--json"))
    assert story["earliest"] == paper and [a["id"] for a in story["articles"]] == [paper, agency]
