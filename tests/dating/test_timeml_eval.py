"""bench/timeml_eval.py's scoring and bench/timeml_devset.py's gold, on spans made here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.dating.timeml import TIMEX_TYPES, TimeMLDocument, Timex, read_timeml, write_timeml

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))

import timeml_devset  # noqa: E402
import timeml_eval  # noqa: E402

TEXT = "0123456789" * 5


def test_strict_overlap_and_attribute_scores() -> None:
    gold = [
        Timex(0, 5, "DATE", "2015-08-09"),  # found exactly, right value
        Timex(10, 20, "DURATION", "P3D"),  # overlapped, wrong type and value
        Timex(30, 35, "DATE", "2015"),  # missed
        Timex(40, 40, "DATE", "2014"),  # non-consuming: not scored
    ]
    found = [
        Timex(0, 5, "DATE", "2015-08-09"),
        Timex(12, 25, "DATE", "2015-08-07"),
        Timex(44, 48, "DATE", "2016"),  # extra
    ]
    score = timeml_eval.score_document("d", TEXT, gold, found)
    assert score.strict == 1
    assert (score.gold_overlapped, score.found_overlapping) == (2, 2)
    assert score.missed == [gold[2]] and score.extra == [found[2]]
    summary = timeml_eval.summarize([score])
    assert (summary.gold, summary.found) == (3, 3)
    assert summary.strict == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert summary.overlap == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert summary.type_accuracy == pytest.approx(0.5)
    assert summary.value_accuracy == pytest.approx(0.5)
    assert summary.date_time_value_accuracy == pytest.approx(1.0)
    gold_n, found_n, p, r, _f1, value = summary.by_type["DATE"]
    assert (gold_n, found_n) == (2, 3)
    assert (p, r, value) == pytest.approx((2 / 3, 1 / 2, 1.0))
    assert summary.by_type["DURATION"][:2] == (1, 0)


def test_each_gold_span_pairs_with_the_mention_it_shares_most_with() -> None:
    gold = [Timex(0, 10, "DATE", "2015-08-09")]
    found = [Timex(0, 2, "DATE", "1999"), Timex(3, 10, "DATE", "2015-08-09")]
    (pair,) = timeml_eval.score_document("d", TEXT, gold, found).pairs
    assert pair.found == found[1] and pair.value_right


def test_values_compare_as_timex3_writes_them() -> None:
    gold = [Timex(0, 4, "DATE", "198"), Timex(5, 9, "TIME", "2015-08-09T10:00")]
    found = [Timex(0, 4, "DATE", "198X"), Timex(5, 9, "TIME", "2015-08-09T10:00+03:00")]
    score = timeml_eval.score_document("d", TEXT, gold, found)
    assert all(p.value_right for p in score.pairs)


def test_scores_a_folder_with_and_without_the_creation_time(tmp_path: Path) -> None:
    text = "وصل الوفد أمس إلى الرياض."
    start = text.index("أمس")
    doc = TimeMLDocument(text, [Timex(start, start + 3, "DATE", "2015-08-09")], "2015-08-10")
    (tmp_path / "a.tml").write_text(write_timeml(doc), encoding="utf-8")
    docs = timeml_eval.read_folder(tmp_path)
    with_dct = timeml_eval.summarize(timeml_eval.score_documents(docs, use_dct=True))
    without = timeml_eval.summarize(timeml_eval.score_documents(docs, use_dct=False))
    assert with_dct.value_accuracy == 1.0 and with_dct.overlap[2] == 1.0
    assert without.overlap[2] == 1.0 and without.value_accuracy == 0.0
    out = subprocess.run(
        [sys.executable, str(BENCH / "timeml_eval.py"), str(tmp_path), "--no-dct", "--show"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert "without the creation time" in out
    assert "PAST_REF" in out and "2015-08-09" in out


@pytest.fixture(scope="module")
def gold_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not timeml_devset.FULL.exists():
        pytest.skip(f"the shared corpus is not at {timeml_devset.FULL} (a user's machine)")
    out = tmp_path_factory.mktemp("gold")
    timeml_devset.build_gold(out)
    return out


@pytest.mark.corpus
def test_dev_set_gold_is_rebuilt_from_corpus_and_standoff(gold_folder: Path) -> None:
    entries = timeml_devset.load_standoff()
    files = sorted(gold_folder.glob("*.tml"))
    assert len(files) == len(entries) >= 40
    types = set()
    for path in files:
        doc = read_timeml(path.read_text(encoding="utf-8"))
        assert doc.anchor is not None
        for t in doc.timexes:
            assert 0 <= t.start < t.end <= len(doc.text)
            assert doc.text[t.start : t.end].strip() == doc.text[t.start : t.end]
            types.add(t.type)
    assert types == set(TIMEX_TYPES)


@pytest.mark.corpus
def test_dev_set_is_the_seeded_draw_and_not_the_tuning_sample(gold_folder: Path) -> None:
    ids = [e["id"] for e in timeml_devset.load_standoff()]
    assert ids == timeml_devset.draw()[: len(ids)]


@pytest.mark.corpus
def test_a_changed_article_is_detected(gold_folder: Path, tmp_path: Path) -> None:
    entries = timeml_devset.load_standoff()
    line = entries[0]["id"].split(":")[0]
    standoff = tmp_path / "standoff.jsonl"
    standoff.write_text(
        json.dumps({"id": f"{line}:000000000000", "timex": []}) + "\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit, match="changed in the corpus"):
        timeml_devset.gold_documents(standoff)


@pytest.mark.corpus
def test_train_set_is_its_own_seeded_draw_apart_from_the_dev_set(gold_folder: Path) -> None:
    train = [e["id"] for e in timeml_devset.load_standoff(timeml_devset.TRAIN_STANDOFF)]
    dev = [e["id"] for e in timeml_devset.load_standoff()]
    assert len(train) >= 40
    assert train == timeml_devset.draw("train")[: len(train)]
    assert not {i.split(":")[1] for i in train} & {i.split(":")[1] for i in dev}
    out = gold_folder.parent / "train-gold"
    assert timeml_devset.build_gold(out, timeml_devset.TRAIN_STANDOFF) == len(train)


@pytest.mark.corpus
def test_second_train_set_is_its_own_draw_apart_from_the_others(gold_folder: Path) -> None:
    train2 = [e["id"] for e in timeml_devset.load_standoff(timeml_devset.TRAIN2_STANDOFF)]
    assert len(train2) >= 30
    assert train2 == timeml_devset.draw("train2")[: len(train2)]
    hashes = {i.split(":")[1] for i in train2}
    assert not hashes & {i.split(":")[1] for i in timeml_devset.draw("dev")}
    assert not hashes & {i.split(":")[1] for i in timeml_devset.draw("train")}
    lines = {int(i.split(":")[0]) - 1 for i in train2}
    assert not lines & timeml_devset._precision_sampled_lines()
    out = gold_folder.parent / "train2-gold"
    assert timeml_devset.build_gold(out, timeml_devset.TRAIN2_STANDOFF) == len(train2)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("which", "others"),
    [("test", ("dev", "train", "train2")), ("test2", ("dev", "train", "train2", "test"))],
)
def test_a_test_set_is_its_own_draw_apart_from_every_set_and_sample(
    gold_folder: Path, which: str, others: tuple[str, ...]
) -> None:
    standoff = timeml_devset.SETS[which]
    drawn = [e["id"] for e in timeml_devset.load_standoff(standoff)]
    assert len(drawn) >= 30
    assert drawn == timeml_devset.draw(which)[: len(drawn)]
    hashes = {i.split(":")[1] for i in drawn}
    for other in others:
        assert not hashes & {i.split(":")[1] for i in timeml_devset.draw(other)}
    lines = {int(i.split(":")[0]) - 1 for i in drawn}
    assert not lines & timeml_devset._precision_sampled_lines(every=True)
    out = gold_folder.parent / f"{which}-gold"
    assert timeml_devset.build_gold(out, standoff) == len(drawn)
