"""The only place that runs SQL: the SQLite store of articles and events."""

from timeline.store.store import (
    DamagedStoreError,
    ReadOnlyStoreError,
    Store,
    StoreError,
    default_db_path,
)

__all__ = ["DamagedStoreError", "ReadOnlyStoreError", "Store", "StoreError", "default_db_path"]
