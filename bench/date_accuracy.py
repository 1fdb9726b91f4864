"""Accuracy of parse_date_line and extract_mentions on the labelled dev.tsv expressions."""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline.dating import extract_mentions, fold, parse_date_line  # noqa: E402
from timeline.model import Mention  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
DEV_TSV = CORPUS / "dates" / "dev.tsv"
# Kinds whose rows are whole dates (day or finer, year written): parse_date_line's job.
WHOLE_DATE_KINDS = {"greg_dmy", "greg_num", "hijri_dmy", "hijri_num", "published_meta"}


@dataclass(frozen=True)
class DevRow:
    """One labelled expression of dev.tsv."""

    raw: str
    value: str  # 'NONE' for a negative row
    granularity: str
    kind: str
    anchor: datetime
    note: str
    context: str

    @property
    def text(self) -> str:
        """The text to search: the context when it holds the expression, else the raw."""
        for candidate in (self.context, *re.findall(r'context "([^"]+)"', self.note)):
            if fold(self.raw).text in fold(candidate).text:
                return candidate
        return self.raw


def load_dev_rows(path: Path = DEV_TSV) -> list[DevRow]:
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    rows = []
    for rec in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        expected = rec["expected"].strip()
        hit = re.match(r"(?P<value>.+?)\s*(?:\[(?P<gran>\w+)\])", expected)
        value, gran = (hit.group("value"), hit.group("gran")) if hit else (expected, "")
        value = re.sub(r"\s*\(.*\)$", "", value).strip()
        value = re.sub(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:)", r"\1T\2", value)
        rows.append(
            DevRow(
                raw=rec["raw"],
                value=value,
                granularity=gran,
                kind=rec["kind"],
                anchor=datetime.fromisoformat(rec["anchor"]),
                note=rec.get("note") or "",
                context=rec.get("context") or "",
            )
        )
    return rows


def mention_for(row: DevRow) -> tuple[Mention | None, list[Mention]]:
    """The mention extract_mentions finds over the row's expression, and all it found."""
    text = row.text
    folded = fold(text)
    pos = folded.text.find(fold(row.raw).text)
    lo, hi = folded.span(pos, pos + len(fold(row.raw).text))
    found = extract_mentions(text, row.anchor)
    over = [m for m in found if m.start < hi and m.end > lo]
    return (over[0] if over else None), found


def main() -> None:
    if not DEV_TSV.exists():
        print(f"dev.tsv not found at {DEV_TSV}")
        return
    rows = load_dev_rows()
    whole = [r for r in rows if r.kind in WHOLE_DATE_KINDS]
    good = 0
    print("parse_date_line on whole-date rows")
    for row in whole:
        got = parse_date_line(row.raw)
        ok = got is not None and got.value == row.value and got.granularity == row.granularity
        good += ok
        if not ok:
            print(
                f"  FAIL {row.kind:15} {row.raw!r}: expected {row.value} [{row.granularity}], got {got}"
            )
    print(f"parse_date_line: {good}/{len(whole)} = {good / len(whole):.0%}")

    print("\nextract_mentions on all rows (value of the mention over the expression)")
    good = 0
    by_kind: dict[str, list[int]] = {}
    for row in rows:
        mention, _ = mention_for(row)
        if row.value == "NONE":
            ok = mention is None
        else:
            ok = mention is not None and mention.value == row.value
        good += ok
        tally = by_kind.setdefault(row.kind, [0, 0])
        tally[0] += ok
        tally[1] += 1
        if not ok:
            got = f"{mention.value} ({mention.text!r}, {mention.kind})" if mention else "nothing"
            print(f"  FAIL {row.kind:15} {row.raw!r}: expected {row.value}, got {got}")
    for kind, (ok_count, total) in sorted(by_kind.items()):
        print(f"  {kind:15} {ok_count}/{total}")
    print(f"extract_mentions: {good}/{len(rows)} = {good / len(rows):.0%}")


if __name__ == "__main__":
    main()
