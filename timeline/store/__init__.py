"""The only place that runs SQL: the SQLite store of articles and events."""

from timeline.store.store import (
    MESSAGES,
    READ_ONLY_REASONS,
    SCHEMA_DAMAGE,
    DamagedStoreError,
    EventRows,
    LockedStoreError,
    ReadOnlyStoreError,
    Store,
    StoreError,
    default_db_path,
    said,
)

__all__ = [
    "MESSAGES",
    "READ_ONLY_REASONS",
    "SCHEMA_DAMAGE",
    "DamagedStoreError",
    "EventRows",
    "LockedStoreError",
    "ReadOnlyStoreError",
    "Store",
    "StoreError",
    "default_db_path",
    "said",
]
