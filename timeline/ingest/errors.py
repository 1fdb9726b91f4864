"""Errors an importer raises for input it cannot take."""


class BadArticle(Exception):
    """The file (or one record in it) is not an article this importer can read."""
