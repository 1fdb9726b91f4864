"""Errors an importer raises for input it cannot take."""


class BadArticle(Exception):
    """The file (or one record in it) is not an article this importer can read."""


class NotArticles(BadArticle):
    """The file holds no articles at all (one of this program's exports of events,
    ingest.own_exports): refused whole, even where its format is read a record at a time."""


class DamagedData(BadArticle):
    """A compressed file's data cannot be inflated past some point (cut short or
    damaged): what was read before it stands (ingest.until_damaged)."""
