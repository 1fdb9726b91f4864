"""The only place that runs SQL: the SQLite store of articles and events."""

from timeline.store.store import (
    DamagedStoreError,
    EventRows,
    ReadOnlyStoreError,
    Store,
    StoreError,
    default_db_path,
)

__all__ = [
    "DamagedStoreError",
    "EventRows",
    "ReadOnlyStoreError",
    "Store",
    "StoreError",
    "default_db_path",
]
