"""The timeline's arrays show the user's values: hidden left out, corrections, added events."""

from __future__ import annotations

from tests.edits.test_survival import article_id, filled, mention, source_file  # noqa: F401
from timeline import edits, library
from timeline.edits import read_date
from timeline.store import Store
from timeline.store import edits as user
from timeline.store.timeline_data import load_event_arrays


def starts_by_id(arrays) -> dict[int, int]:
    return dict(zip(arrays.ids.tolist(), arrays.starts.tolist(), strict=True))


def test_overlay_applies_every_kind_and_survives_recompute(filled: Store) -> None:  # noqa: F811
    base = load_event_arrays(filled)
    assert user.overlay_arrays(filled, base) is base  # nothing said: nothing changed
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    truce = mention(filled, "حرب قديمة", "1954")
    war_range = mention(filled, "حرب قديمة", "1950")
    edits.correct_mention(filled, truce, "1960")
    edits.set_hidden(
        filled, user.mention_target(war_range.uid, war_range.span_start, war_range.span_end)
    )
    edits.set_hidden(filled, edits.article_target(filled, other))
    added, _ = edits.add_event(filled, "1990/1991", "حرب الخليج")
    library.recompute_events(filled)
    base = load_event_arrays(filled)
    shown = user.overlay_arrays(filled, base)
    assert set(shown.article_ids.tolist()) == {war, 0}
    assert bool((shown.starts[1:] >= shown.starts[:-1]).all())
    by_id = starts_by_id(shown)
    truce_event = next(e for e in filled.events_of(war) if e.span_start == truce.span_start)
    sixty = read_date("1960")
    assert sixty is not None and by_id[truce_event.id] == sixty.start  # type: ignore[index]
    range_event = next(e for e in filled.events_of(war) if e.span_start == war_range.span_start)
    assert range_event.id not in by_id
    gulf = read_date("1990/1991")
    assert gulf is not None and by_id[-added] == gulf.start
    labels = user.user_event_labels(filled, [-added, truce_event.id])  # type: ignore[list-item]
    assert labels[-added].label == "حرب الخليج"
    # Undone, the computed value is back on the timeline.
    changes = edits.clear_mention_correction(filled, truce)
    assert starts_by_id(user.overlay_arrays(filled, base))[truce_event.id] == truce_event.start  # type: ignore[index]
    edits.undo(filled, changes)
    assert starts_by_id(user.overlay_arrays(filled, base))[truce_event.id] == sixty.start  # type: ignore[index]


def test_colour_codes_by_tag_and_by_source(filled: Store) -> None:  # noqa: F811
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    truce = mention(filled, "حرب قديمة", "1954")
    edits.set_tag(filled, edits.article_target(filled, war), "حروب")
    edits.set_tag(
        filled, user.mention_target(truce.uid, truce.span_start, truce.span_end), "أ-هدنة"
    )
    added, _ = edits.add_event(filled, "1991", "حرب الخليج")
    edits.set_tag(filled, edits.added_target(filled, added), "حروب")
    edits.correct_article(filled, other, "source", "مصدر مصحح")
    arrays = user.overlay_arrays(filled, load_event_arrays(filled))
    codes, names = user.colour_codes(filled, arrays, "tag")
    assert names == ["أ-هدنة", "حروب"]
    by_id = dict(zip(arrays.ids.tolist(), codes.tolist(), strict=True))
    truce_event = next(e for e in filled.events_of(war) if e.span_start == truce.span_start)
    assert by_id[truce_event.id] == 0  # its own tag before its article's
    assert by_id[-added] == 1
    assert {
        by_id[e.id] for e in filled.events_of(war) if e.id != truce_event.id and e.id in by_id
    } == {1}
    assert {by_id[e.id] for e in filled.events_of(other) if e.id in by_id} == {-1}
    codes, names = user.colour_codes(filled, arrays, "source")
    assert names == ["مصدر أ", "مصدر مصحح"]  # the corrected source wins
    by_id = dict(zip(arrays.ids.tolist(), codes.tolist(), strict=True))
    assert by_id[-added] == -1
    assert {by_id[e.id] for e in filled.events_of(other) if e.id in by_id} == {1}
