"""Database backends, picked by the URL scheme of ``--db``: the only place that knows
which database is underneath. Everything else runs the same SQL through ``Backend``.

- a path or ``sqlite:///path``: embedded SQLite (WAL journal, busy timeout), stdlib only.
- ``postgresql://...``: PostgreSQL through psycopg 3 (extra ``newsdesk[postgres]``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsdesk.errors import ModelUnavailable, StoreError

# How long a writer waits for another process's write transaction before giving up with
# a StoreError. 30 s covers one article's cross-check on a large story with margin.
BUSY_TIMEOUT_MS = 30_000
# Pause between tries to switch a file another process is opening to WAL (``_set_wal``).
WAL_RETRY_S = 0.01
# Key of the PostgreSQL advisory lock that serialises writers (story linking reads then
# writes the candidate stories; two writers at once could both create the same story).
PG_WRITE_LOCK = 0x6E657773  # "news"


@dataclass(frozen=True)
class Backend:
    """How to connect, begin a write transaction and spell types for one database."""

    name: str
    url: str
    connect: Callable[[], Any]
    begin_write: tuple[str, ...]  # statements that open a serialised write transaction
    placeholder: str  # DB-API paramstyle marker
    types: dict[str, str]
    errors: tuple[type[BaseException], ...]  # driver errors to wrap as StoreError

    def sql(self, query: str) -> str:
        """``query`` written with ``?`` markers, in this driver's paramstyle."""
        return query if self.placeholder == "?" else query.replace("?", self.placeholder)


def _set_wal(conn: sqlite3.Connection) -> None:
    """Switch to the WAL journal. SQLite answers "database is locked" at once, without its
    busy handler, while another process opens or creates the same file, so this waits
    out such a lock itself, up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_S)


def _sqlite_connect(path: str) -> Callable[[], Any]:
    def connect() -> sqlite3.Connection:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _set_wal(conn)
        # NORMAL is durable across process crashes in WAL mode (only an OS crash can lose
        # the last commits); every article is still all-or-nothing.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    return connect


def sqlite_backend(url: str) -> Backend:
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    return Backend(
        name="sqlite", url=url, connect=_sqlite_connect(path), begin_write=("BEGIN IMMEDIATE",),
        placeholder="?", types={"blob": "BLOB", "serial": "INTEGER PRIMARY KEY AUTOINCREMENT", "real": "REAL"},
        errors=(sqlite3.Error,),
    )


def postgres_backend(url: str) -> Backend:
    try:
        import psycopg
    except ImportError as exc:
        raise ModelUnavailable("PostgreSQL store", "pip install 'newsdesk[postgres]' (psycopg[binary])") from exc

    def connect() -> Any:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)

    return Backend(
        name="postgresql", url=url, connect=connect,
        begin_write=("BEGIN", f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})"),
        placeholder="%s", types={"blob": "BYTEA", "serial": "BIGSERIAL PRIMARY KEY", "real": "DOUBLE PRECISION"},
        errors=(psycopg.Error,),
    )


_BY_SCHEME: dict[str, Callable[[str], Backend]] = {
    "": sqlite_backend,
    "sqlite": sqlite_backend,
    "postgresql": postgres_backend,
    "postgres": postgres_backend,
}


def backend_for(url: str) -> Backend:
    """The backend for a ``--db`` value: a file path, ``sqlite:///...`` or ``postgresql://...``."""
    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    try:
        factory = _BY_SCHEME[scheme]
    except KeyError:
        raise StoreError(
            f"--db {url!r}: unknown scheme {scheme!r} (use a file path, sqlite:///PATH or postgresql://...)"
        ) from None
    return factory(url)
