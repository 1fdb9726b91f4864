"""Errors an importer raises for input it cannot take."""

# Why a record longer than an article may be (timeline.text.encoding.MAX_ARTICLE_CHARS)
# is refused.
TOO_LONG = "longer than the 10 million characters an article may be"


class BadArticle(Exception):
    """The file (or one record in it) is not an article this importer can read."""


class NotArticles(BadArticle):
    """The file holds no articles at all (one of this program's exports of events,
    ingest.own_exports): refused whole, even where its format is read a record at a time."""


class DamagedData(BadArticle):
    """A compressed file's data (or a web archive's) cannot be read past some point (cut
    short or damaged): what was read before it stands (ingest.until_damaged).

    after: the records of the file read whole before it, where the reader counts them
    itself (a web archive's records, of which only the pages are given); None: the
    records given.
    """

    def __init__(self, message: str, *, after: int | None = None) -> None:
        super().__init__(message)
        self.after = after
