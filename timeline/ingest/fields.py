"""The fields of an article a table's header or a JSON record's key may name, and the
names each is known by, in Arabic and English (the first one present is read)."""

from __future__ import annotations

import re

FIELDS = ("title", "body", "published", "source", "url", "author", "caption", "credit", "lang")
# Compared after folding case, spaces, hyphens and underscores ("Published At",
# "published_at" and "publishedAt" are one name).
NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "عنوان", "العنوان"),
    "body": (
        "body", "content", "text", "article", "articlebody", "fulltext",
        "نص", "النص", "المحتوى", "محتوى",
    ),
    "published": (
        "date", "published", "publishedat", "pubdate", "datepublished", "publicationdate",
        "publishedraw", "تاريخ", "التاريخ",
    ),
    "source": ("source", "site", "sitename", "المصدر", "مصدر"),
    "url": ("url", "link", "رابط", "الرابط"),
    "author": ("author", "byline", "الكاتب", "كاتب"),
    # Kept when a table has them (the program's own CSV export does): a round trip
    # gives back the article as it was.
    "caption": ("caption", "imagecaption", "التعليق", "تعليق"),
    "credit": ("credit", "photocredit", "الحقوق", "حقوق"),
    "lang": ("lang", "language", "اللغة", "لغة"),
}  # fmt: skip
_FOLD = re.compile(r"[\s_\-\ufeff]+")


def fold_name(name: str) -> str:
    """A header or key as NAMES holds it: no spaces, hyphens or underscores, case folded."""
    return _FOLD.sub("", name).casefold()
