"""Classes samples 106 and 107 left, fixed in the round after them.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 8, 14, 0)


def found(text: str, anchor: datetime = SAT) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# منشأ فرادة هذه اللحظة, كان ينتظر هذه اللحظة بشغف, ليس وليد هذه اللحظة: after a noun
# or a verb, the moment is one the text tells of, not the present (it was PRESENT_REF).
@pytest.mark.parametrize(
    "text",
    [
        "وهذا ما يفسر جمال هذه اللحظة عند الناس",
        "كان الجمهور ينتظر هذه اللحظة بفارغ الصبر",
        "هذا الخلاف ليس وليد هذه اللحظة بل قديم",
    ],
)
def test_the_moment_after_a_noun_or_a_verb_is_no_time(text: str) -> None:
    assert found(text) == []


# After a preposition, a conjunction or a pause, or after a verb of seizing it, it is now.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("لم يصدر أي قرار حتى هذه اللحظة", [("حتى هذه اللحظة", "PRESENT_REF")]),
        ("وقال المدرب: وفي هذه اللحظة لا يوجد عرض رسمي", [("هذه اللحظة", "PRESENT_REF")]),
        ("أود أن أنتهز هذه اللحظة لأشكر الجميع", [("هذه اللحظة", "PRESENT_REF")]),
    ],
)
def test_the_moment_after_a_preposition_stays_now(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected
