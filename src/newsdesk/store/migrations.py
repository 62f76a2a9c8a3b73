"""Versioned schema: an ordered list of migrations, applied once each, recorded in
``schema_version``. Add a new ``Migration`` at the end; never edit an applied one.

Statements use ``{blob}``, ``{serial}`` and ``{real}`` for the few types the SQL
dialects spell differently (see ``newsdesk.store.backends``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, stories, story history, fetch state, skipped inputs", (
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            url TEXT UNIQUE,
            text_hash TEXT NOT NULL UNIQUE,
            raw_hash TEXT NOT NULL,
            source TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            published TEXT,
            story_id TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            embedding {blob} NOT NULL,
            entity_keys TEXT NOT NULL,
            body TEXT NOT NULL,
            annotations TEXT NOT NULL)""",
        "CREATE INDEX articles_story ON articles (story_id)",
        "CREATE INDEX articles_raw_hash ON articles (raw_hash)",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            headline TEXT NOT NULL,
            article_count INTEGER NOT NULL,
            outlets TEXT NOT NULL,
            vec_sum {blob} NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            claims INTEGER NOT NULL DEFAULT 0,
            contradictions INTEGER NOT NULL DEFAULT 0,
            body TEXT NOT NULL)""",
        "CREATE INDEX stories_updated ON stories (updated_at)",
        """CREATE TABLE story_entities (
            story_id TEXT NOT NULL,
            entity_key TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (story_id, entity_key))""",
        "CREATE INDEX story_entities_key ON story_entities (entity_key)",
        """CREATE TABLE story_history (
            seq {serial},
            story_id TEXT NOT NULL,
            event TEXT NOT NULL,
            other_story_id TEXT,
            article_id TEXT,
            score {real},
            at TEXT NOT NULL)""",
        "CREATE INDEX story_history_story ON story_history (story_id)",
        """CREATE TABLE url_state (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            fetched_at TEXT NOT NULL)""",
        """CREATE TABLE skipped (
            seq {serial},
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            stage TEXT NOT NULL,
            at TEXT NOT NULL)""",
    )),
    Migration(2, "story revision counter: lets each process refresh its centroid cache incrementally", (
        "ALTER TABLE stories ADD COLUMN rev INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX stories_rev ON stories (rev)",
    )),
    Migration(3, "entity keys indexed by count (candidate stories are a bounded top-k lookup per key); "
                 "stale flag: a story whose articles changed and whose cross-check is not yet redone", (
        "CREATE INDEX story_entities_key_n ON story_entities (entity_key, n DESC, story_id)",
        "DROP INDEX story_entities_key",
        "ALTER TABLE stories ADD COLUMN stale INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX stories_stale ON stories (stale)",
    )),
)

LATEST_VERSION = MIGRATIONS[-1].version
