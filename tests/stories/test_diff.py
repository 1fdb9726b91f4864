"""The word diff of two copies, as spans of the original texts."""

from __future__ import annotations

from timeline.stories import word_diff


def test_marks_only_the_words_one_side_lacks_on_the_original_text() -> None:
    left = "أعلنت الوزارة اليوم افتتاح المهرجان في بريدة"
    right = "أعلنت الوزارة أمس افتتاح المهرجان السنوي في بريدة"
    diff = word_diff(left, right)
    assert [left[s:e] for s, e in diff.left] == ["اليوم"]
    assert [right[s:e] for s, e in diff.right] == ["أمس", "السنوي"]
    assert diff.same_words == 6


def test_spelling_variants_and_marks_are_the_same_word() -> None:
    left = "أعلنت الوزارة افتتاح المهرجان"
    right = "اعلنت الوزاره افتِتَاح المهرجـان"
    diff = word_diff(left, right)
    assert diff.left == [] and diff.right == []


def test_letters_typed_on_a_persian_keyboard_are_the_same_word() -> None:
    left = "وقال وكيل الوزارة إن المهرجان يستمر عشرين يوما في إيران"
    right = "وقال وکیل الوزارة إن المهرجان یستمر عشرین یوما فی ایران"
    diff = word_diff(left, right)
    assert diff.left == [] and diff.right == []
    assert diff.same_words == 10


def test_neighbouring_changed_words_are_one_span_with_their_space() -> None:
    left = "قال الوكيل إن المبيعات كبيرة"
    right = "قال الوكيل خالد العتيبي إن المبيعات كبيرة"
    diff = word_diff(left, right)
    assert [right[s:e] for s, e in diff.right] == ["خالد العتيبي"]


def test_a_word_with_tashkeel_is_marked_whole() -> None:
    left = "افتتح المهرجان"
    right = "افتتح المِهْرَجَانُ الكبير"
    diff = word_diff(left, right)
    assert [right[s:e] for s, e in diff.right] == ["الكبير"]
