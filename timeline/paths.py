"""Paths: where the bundled resources are (the same way from source and from a frozen
build), and a file's path as an article's origin names it."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def without_dot_dots(path: Path) -> Path:
    """An absolute path without its ".." steps, naming the file the system names by it.

    A step is taken out by the text (links the path passes through are kept as written,
    not resolved), except where the folder it leaves is a link: link/.. is the parent
    of the link's target, so the path up to it is resolved there.  An origin kept its
    ".." steps: ../shared/a.jsonl was stored as /home/u/timeline/../shared/a.jsonl, another
    spelling of the file than its own path's, which `--origin` missed.
    """
    parts: list[str] = []
    for part in path.parts:
        if part != ".." or not parts or parts[-1] == "..":
            parts.append(part)  # (a relative path's leading steps are kept)
            continue
        here = Path(*parts)
        try:
            if len(parts) > 1 and here.is_symlink():
                parts = list(here.resolve().parts)
            elif here.exists() and not here.is_dir():
                # No step the system takes: after an archive ("a.zip/../x", a member's
                # name as a hostile zip may give it), which must not name a file outside.
                return path
        except (OSError, RuntimeError):
            pass  # a link that loops or cannot be read: taken out by the text
        if len(parts) > 1:
            parts.pop()
    return Path(*parts)


def origin_as_named(origin: str) -> str:
    """An article's origin as the file it names: an absolute path stored with ".." steps
    (by versions before the import took them out: ingest.origin_of) without them; an
    address, a relative path or any other origin as it was stored.  For showing it;
    the stored value stays, a record of what was read.  Asks the file system where a
    step leaves a folder (without_dot_dots): off the GUI thread."""
    if ".." not in origin or "://" in origin or not Path(origin).is_absolute():
        return origin
    return str(without_dot_dots(Path(origin)))
