"""The only place that runs SQL: the SQLite store of articles and events."""

from timeline.store.store import Store, StoreError, default_db_path

__all__ = ["Store", "StoreError", "default_db_path"]
