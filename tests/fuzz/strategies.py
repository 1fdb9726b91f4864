"""Hypothesis strategies for fuzzing: Arabic-like text with dates in it, and mutated files.

FUZZ_EXAMPLES sets how many examples each fuzz test tries: a few in the suite, and
thousands under `make fuzz`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

_WORDS = [
    # months of every regional set, paired forms, weekdays and date cues
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيّار",
    "أيار / مايو",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "يناير",
    "فبراير (شباط)",
    "ابريل",
    "يونيه",
    "يوليه",
    "جانفي",
    "فيفري",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "يوليوز",
    "غشت",
    "شتنبر",
    "دجنبر",
    "شوال",
    "رمضان",
    "ذو الحجة",
    "هـ",
    "هجرية",
    "م",
    "الموافق",
    "اليوم",
    "أمس",
    "أول أمس",
    "غدا",
    "الجمعة",
    "يوم الأحد الماضي",
    "الأسبوع الماضي",
    "العام الماضي",
    "منذ",
    "قبل",
    "في",
    "عام",
    "بين عامي",
    "و",
    "الثمانينيات",
    "لسبعة عقود",
    "سنوات",
    "اليوم الدولي",
    "عقد",
    "صباحاً",
    "مساءً",
    "ص",
    "تم نشره",
    "22nd",
    "مـايو",
    "%",
    "الساعة",
]
_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"


def _number() -> st.SearchStrategy[str]:
    return st.text(alphabet=_DIGITS, min_size=1, max_size=5)


_ARABIC_LETTERS = st.characters(min_codepoint=0x621, max_codepoint=0x64A)
_TOKEN = st.one_of(
    st.sampled_from(_WORDS),
    _number(),
    st.text(alphabet=_ARABIC_LETTERS, min_size=1, max_size=8),
    st.sampled_from(["/", "-", ":", ".", "،", "\n", "(", ")", "\u0651", "\u0640"]),
    st.text(max_size=3),  # anything at all, now and then
)

arabic_like = st.lists(_TOKEN, max_size=80).map(" ".join)
"""Text that looks like Arabic news with dates in it, and some noise."""


def mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """The seed bytes with random flips, insertions, deletions and a possible cut."""

    def apply(edits: list[tuple[int, int, int]], cut: int | None) -> bytes:
        data = bytearray(seed)
        for kind, where, value in edits:
            if not data:
                break
            at = where % len(data)
            if kind == 0:
                data[at] = value
            elif kind == 1:
                data.insert(at, value)
            else:
                del data[at]
        return bytes(data[:cut] if cut is not None else data)

    edit = st.tuples(st.integers(0, 2), st.integers(0, 1 << 30), st.integers(0, 255))
    return st.builds(
        apply, st.lists(edit, max_size=12), st.none() | st.integers(0, max(len(seed), 1))
    )
