"""Persistent story store for live ingest: SQLite by default, PostgreSQL by URL.

``open_store(url)`` picks the backend from the URL scheme (a file path or ``sqlite:///``
-> SQLite, ``postgresql://`` -> PostgreSQL); the rest of newsdesk only sees ``Store``.
"""

from __future__ import annotations

from newsdesk.store.sql import (
    HistoryEvent,
    Store,
    StoredArticle,
    StoryState,
    StorySummary,
    WriteTx,
    open_store,
)

DEFAULT_DB = "newsdesk.db"

__all__ = [
    "DEFAULT_DB", "HistoryEvent", "Store", "StoredArticle", "StoryState", "StorySummary", "WriteTx", "open_store",
]
