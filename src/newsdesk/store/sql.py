"""``Store``: the persistent story store, one code path over any ``Backend``.

Tables (see ``migrations``): ``articles`` (one row per article: cleaned Article and its
annotations as JSON, embedding, entity keys, story), ``stories`` (running centroid as a
vector sum, outlets, the last cross-checked Story as JSON), ``story_entities`` (entity
key -> story, the index that finds candidate stories without scanning them all),
``story_history`` (created / joined / merged events), ``url_state`` (ETag and
Last-Modified per fetched URL) and ``skipped``.

Writes go through ``Store.write()``: one serialised transaction, committed whole or not
at all, so a process killed at any point leaves every article either fully stored (with
its annotations and story update) or absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from newsdesk.errors import StoreError
from newsdesk.model import Article, ArticleAnnotations, Skipped, Story
from newsdesk.store import codec
from newsdesk.store.backends import Backend, backend_for
from newsdesk.store.migrations import LATEST_VERSION, MIGRATIONS

# At most this many of an article's entity keys pick candidate stories (one index lookup each).
MAX_CANDIDATE_KEYS = 200
# An entity key in more stories than this picks no candidates (see ``_stories_sharing``).
COMMON_KEY_STORIES = 50


def now_iso() -> str:
    """UTC timestamp with microseconds: sorts as text in both databases."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _vec(blob: Any) -> np.ndarray:
    return np.frombuffer(bytes(blob), dtype=np.float32).copy()


@dataclass(frozen=True)
class StorySummary:
    """One line of ``newsdesk stories``."""

    id: str
    headline: str
    article_count: int
    outlets: tuple[str, ...]
    created_at: str
    updated_at: str
    claims: int
    contradictions: int
    stale: bool = False  # articles joined since its last cross-check (done at the end of a batch)


@dataclass(frozen=True)
class StoryState:
    """What linking needs of a stored story: size, vector sum and entity counts (of a
    candidate story, only the counts of the arriving article's keys)."""

    id: str
    article_count: int
    vec_sum: np.ndarray
    entities: dict[str, int]

    @property
    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vec_sum))
        return self.vec_sum / norm if norm else self.vec_sum


@dataclass(frozen=True)
class StoredArticle:
    """An article row to insert: the record, its annotation layer and linking features."""

    article: Article
    annotations: ArticleAnnotations
    text_hash: str
    raw_hash: str
    embedding: np.ndarray
    entity_keys: tuple[str, ...]


@dataclass(frozen=True)
class HistoryEvent:
    seq: int
    story_id: str
    event: str
    other_story_id: str | None
    article_id: str | None
    score: float | None
    at: str


class _Queries:
    """Statements shared by the store (autocommit reads) and a write transaction."""

    backend: Backend

    def _cursor(self) -> Any:
        raise NotImplementedError

    def run(self, query: str, params: Sequence[Any] = ()) -> Any:
        cur = self._cursor()
        try:
            cur.execute(self.backend.sql(query), tuple(params))
        except self.backend.errors as exc:
            raise StoreError(f"{self.backend.name} store {self.backend.url}: {exc}") from exc
        return cur

    def find_article(self, *, url: str | None = None, text_hash: str | None = None,
                     raw_hash: str | None = None, article_id: str | None = None) -> str | None:
        """Id of a stored article with this URL, text hash, raw hash or id (first given match)."""
        for column, value in (("url", url), ("text_hash", text_hash), ("raw_hash", raw_hash), ("id", article_id)):
            if value is not None:
                row = self.run(f"SELECT id FROM articles WHERE {column} = ? LIMIT 1", (value,)).fetchone()
                if row:
                    return str(row[0])
        return None

    def story_articles(self, story_id: str) -> tuple[list[Article], list[ArticleAnnotations]]:
        """A story's articles (ingest order) and their annotation layers."""
        rows = self.run(
            "SELECT body, annotations FROM articles WHERE story_id = ? ORDER BY ingested_at, id", (story_id,)
        ).fetchall()
        arts = [codec.loads(Article, r[0]) for r in rows]
        anns = [codec.loads(ArticleAnnotations, r[1]) for r in rows]
        return arts, anns

    def story_embeddings(self, story_id: str) -> np.ndarray:
        return self.story_vectors(story_id)[1]

    def story_vectors(self, story_id: str) -> tuple[list[str], np.ndarray]:
        """A story's article ids and their embeddings (rows in the same, ingest, order)."""
        rows = self.run("SELECT id, embedding FROM articles WHERE story_id = ? ORDER BY ingested_at, id",
                        (story_id,)).fetchall()
        vecs = np.stack([_vec(r[1]) for r in rows]) if rows else np.zeros((0, 0), dtype=np.float32)
        return [str(r[0]) for r in rows], vecs

    def stale_stories(self) -> list[str]:
        """Ids of stories whose cross-check is out of date (articles joined since)."""
        return [str(r[0]) for r in self.run("SELECT id FROM stories WHERE stale = 1 ORDER BY id").fetchall()]

    def is_stale(self, story_id: str) -> bool:
        row = self.run("SELECT stale FROM stories WHERE id = ?", (story_id,)).fetchone()
        return bool(row and row[0])

    def story_state(self, story_id: str) -> StoryState | None:
        row = self.run("SELECT id, article_count, vec_sum FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        ents = self.run("SELECT entity_key, n FROM story_entities WHERE story_id = ?", (story_id,)).fetchall()
        return StoryState(str(row[0]), int(row[1]), _vec(row[2]), {str(k): int(n) for k, n in ents})

    def merged_into(self, story_id: str) -> str | None:
        row = self.run("SELECT other_story_id FROM story_history WHERE story_id = ? AND event = 'merged-into' "
                       "ORDER BY seq DESC LIMIT 1", (story_id,)).fetchone()
        return str(row[0]) if row else None


class CentroidCache:
    """This process's copy of every story centroid, for nearest-story lookup.

    Refreshed incrementally: stories whose ``rev`` grew since the last refresh (one index
    range scan) and stories merged away since (history ``seq``). A lookup is one
    matrix-vector product over the stories (about 1 ms per 10,000 stories at 384 dims);
    the database work per article does not grow with the store.
    """

    def __init__(self) -> None:
        self.rev = 0
        self.history_seq = 0
        self.ids: list[str | None] = []
        self.pos: dict[str, int] = {}
        self.matrix = np.zeros((0, 0), dtype=np.float32)

    def refresh(self, q: _Queries) -> None:
        for sid, blob, rev in q.run("SELECT id, vec_sum, rev FROM stories WHERE rev > ? ORDER BY rev",
                                    (self.rev,)).fetchall():
            self._put(str(sid), _vec(blob))
            self.rev = max(self.rev, int(rev))
        for sid, seq in q.run("SELECT story_id, seq FROM story_history WHERE event = 'merged-into' AND seq > ? "
                              "ORDER BY seq", (self.history_seq,)).fetchall():
            self._drop(str(sid))
            self.history_seq = max(self.history_seq, int(seq))

    def nearest(self, embedding: np.ndarray, k: int) -> list[str]:
        """Ids of the ``k`` stories with the highest cosine to ``embedding``."""
        if not self.pos or embedding.shape[0] != self.matrix.shape[1] or k <= 0:
            return []
        sims = self.matrix[: len(self.ids)] @ embedding
        top = np.argsort(-sims)[: k * 2]
        return [i for i in (self.ids[j] for j in top) if i is not None][:k]

    def _put(self, sid: str, vec_sum: np.ndarray) -> None:
        norm = float(np.linalg.norm(vec_sum))
        if self.matrix.shape[1] == 0:
            self.matrix = np.zeros((64, vec_sum.shape[0]), dtype=np.float32)
        if norm == 0 or vec_sum.shape[0] != self.matrix.shape[1]:
            return  # empty story, or embedded by another embedder: not comparable
        if sid not in self.pos:
            if len(self.ids) == self.matrix.shape[0]:
                self.matrix = np.vstack([self.matrix, np.zeros_like(self.matrix)])
            self.pos[sid] = len(self.ids)
            self.ids.append(sid)
        self.matrix[self.pos[sid]] = vec_sum / norm

    def _drop(self, sid: str) -> None:
        if sid in self.pos:
            i = self.pos.pop(sid)
            self.ids[i] = None
            self.matrix[i] = 0.0


class WriteTx(_Queries):
    """One open write transaction (use ``Store.write()``)."""

    def __init__(self, backend: Backend, cursor: Any, centroids: CentroidCache) -> None:
        self.backend = backend
        self._cur = cursor
        self.at = now_iso()
        self._centroids = centroids
        self._rev: int | None = None

    def next_rev(self) -> int:
        """This transaction's story revision (writers are serialised, so it only grows)."""
        if self._rev is None:
            self._rev = int(self.run("SELECT COALESCE(MAX(rev), 0) + 1 FROM stories").fetchone()[0])
        return self._rev

    def _cursor(self) -> Any:
        return self._cur

    def candidate_stories(self, embedding: np.ndarray, entity_keys: Sequence[str], by_embedding: int = 10,
                          by_entities: int = 20, recent: int = 5) -> list[StoryState]:
        """Stories nearest to the article's embedding, sharing most of its entity keys, and
        the most recently updated. The lookups are an incremental cache refresh and index
        range scans with a LIMIT: linking cost does not grow with the number of stories."""
        self._centroids.refresh(self)
        ids = self._centroids.nearest(np.asarray(embedding, dtype=np.float32), by_embedding)
        all_keys = sorted(set(entity_keys))
        keys = all_keys[:MAX_CANDIDATE_KEYS]
        if keys and by_entities:
            ids += self._stories_sharing(keys, by_entities)
        ids += [str(r[0]) for r in self.run(
            "SELECT id FROM stories ORDER BY rev DESC, id LIMIT ?", (recent,)).fetchall()]
        return self._candidate_states(list(dict.fromkeys(ids)), all_keys)

    def _candidate_states(self, ids: Sequence[str], keys: Sequence[str]) -> list[StoryState]:
        """StoryStates of ``ids`` (in order) whose ``entities`` hold only the counts of
        ``keys``: all that scoring an article against them reads (primary-key lookups, so
        a big story costs no more than a small one)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {str(r[0]): r for r in self.run(
            f"SELECT id, article_count, vec_sum FROM stories WHERE id IN ({marks})", list(ids)).fetchall()}
        counts: dict[str, dict[str, int]] = {i: {} for i in rows}
        for start in range(0, len(keys), 500):  # bounded statement size for very long articles
            chunk = keys[start:start + 500]
            found = self.run(f"SELECT story_id, entity_key, n FROM story_entities WHERE story_id IN ({marks}) "
                             f"AND entity_key IN ({','.join('?' * len(chunk))})", [*ids, *chunk]).fetchall()
            for sid, key, n in found:
                counts[str(sid)][str(key)] = int(n)
        return [StoryState(i, int(rows[i][1]), _vec(rows[i][2]), counts[i]) for i in ids if i in rows]

    def _stories_sharing(self, keys: Sequence[str], k: int) -> list[str]:
        """The ``k`` stories with the most mentions of ``keys`` that are specific: a key in
        more than ``COMMON_KEY_STORIES`` stories (a country, a big company) says little
        about which story an article belongs to and is left to the embedding lookup. One
        index range scan with a LIMIT per key, so the cost does not grow with the store."""
        cap = COMMON_KEY_STORIES + 1
        per_key = ("SELECT {0} AS k, story_id, n FROM (SELECT story_id, n FROM story_entities "
                   "WHERE entity_key = ? ORDER BY n DESC, story_id LIMIT ?) AS t{0}")
        query = " UNION ALL ".join(per_key.format(i) for i in range(len(keys)))
        rows = self.run(query, [v for key in keys for v in (key, cap)]).fetchall()
        per: dict[int, int] = {}
        for key_index, _, _ in rows:
            per[int(key_index)] = per.get(int(key_index), 0) + 1
        shared: dict[str, int] = {}
        for key_index, sid, n in rows:
            if per[int(key_index)] < cap:
                shared[str(sid)] = shared.get(str(sid), 0) + int(n)
        return sorted(shared, key=lambda s: (-shared[s], s))[:k]

    def insert_article(self, row: StoredArticle, story_id: str) -> None:
        a = row.article
        self.run(
            "INSERT INTO articles (id, url, text_hash, raw_hash, source, title, outlet, published, story_id, "
            "ingested_at, embedding, entity_keys, body, annotations) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (a.id, a.url, row.text_hash, row.raw_hash, a.source, a.title, a.outlet, a.published, story_id,
             self.at, np.asarray(row.embedding, dtype=np.float32).tobytes(), json.dumps(list(row.entity_keys)),
             codec.dumps(a), codec.dumps(row.annotations)),
        )

    def create_story(self, story_id: str, row: StoredArticle) -> None:
        outlets = [row.article.outlet] if row.article.outlet else []
        self.run(
            "INSERT INTO stories (id, headline, article_count, outlets, vec_sum, created_at, updated_at, body) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (story_id, row.article.title or "", 0, json.dumps(outlets),
             np.zeros_like(row.embedding, dtype=np.float32).tobytes(), self.at, self.at,
             codec.dumps(Story(story_id, row.article.title or "", ()))),
        )
        self.add_history(story_id, "created", article_id=row.article.id)

    def add_to_story(self, story_id: str, row: StoredArticle, score: float | None) -> None:
        """Update a story's size, vector sum, outlets and entity counts for one new article."""
        state = self.story_state(story_id)
        if state is None:
            raise StoreError(f"story {story_id} vanished during linking")
        vec = state.vec_sum + np.asarray(row.embedding, dtype=np.float32)
        outlets = self._outlets(story_id)
        if row.article.outlet and row.article.outlet not in outlets:
            outlets.append(row.article.outlet)
        self.run("UPDATE stories SET article_count = article_count + 1, vec_sum = ?, outlets = ?, updated_at = ?, "
                 "rev = ? WHERE id = ?", (vec.astype(np.float32).tobytes(), json.dumps(sorted(outlets)), self.at,
                                          self.next_rev(), story_id))
        self._add_entities(story_id, {k: 1 for k in row.entity_keys})
        if state.article_count:
            self.add_history(story_id, "joined", article_id=row.article.id, score=score)

    def merge_stories(self, survivor: str, absorbed: str, article_id: str, score: float) -> None:
        """Move every article of ``absorbed`` into ``survivor`` and drop ``absorbed``."""
        keep, gone = self.story_state(survivor), self.story_state(absorbed)
        if keep is None or gone is None:
            raise StoreError(f"cannot merge {absorbed} into {survivor}: story missing")
        outlets = sorted(set(self._outlets(survivor)) | set(self._outlets(absorbed)))
        self.run("UPDATE articles SET story_id = ? WHERE story_id = ?", (survivor, absorbed))
        self.run("UPDATE stories SET article_count = ?, vec_sum = ?, outlets = ?, updated_at = ?, rev = ? "
                 "WHERE id = ?", (keep.article_count + gone.article_count, (keep.vec_sum + gone.vec_sum).tobytes(),
                                  json.dumps(outlets), self.at, self.next_rev(), survivor))
        self._add_entities(survivor, gone.entities)
        self.run("DELETE FROM story_entities WHERE story_id = ?", (absorbed,))
        self.run("DELETE FROM stories WHERE id = ?", (absorbed,))
        self.add_history(survivor, "merged", other=absorbed, article_id=article_id, score=score)
        self.add_history(absorbed, "merged-into", other=survivor, article_id=article_id, score=score)

    def split_story(self, story_id: str, new_id: str, moved: Sequence[str], article_id: str, score: float) -> None:
        """Move the articles ``moved`` out of ``story_id`` into a new story ``new_id``;
        both stories' size, vector sum, outlets and entity counts are recomputed from
        their articles, and the history of both records the split and its score."""
        rows = self.run("SELECT id, title, outlet, embedding, entity_keys FROM articles WHERE story_id = ? "
                        "ORDER BY ingested_at, id", (story_id,)).fetchall()
        ids = {str(r[0]) for r in rows}
        move = set(moved)
        if not move or not move < ids:
            raise StoreError(f"cannot split {story_id}: the articles to move must be some, not all, of its own")
        parts = {story_id: [r for r in rows if str(r[0]) not in move], new_id: [r for r in rows if str(r[0]) in move]}
        title = next((str(r[1]) for r in parts[new_id] if r[1]), "")
        self.run(
            "INSERT INTO stories (id, headline, article_count, outlets, vec_sum, created_at, updated_at, body) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (new_id, title, 0, "[]", _vec(rows[0][3]).tobytes(), self.at, self.at,
             codec.dumps(Story(new_id, title, ()))),
        )
        marks = ",".join("?" * len(move))
        self.run(f"UPDATE articles SET story_id = ? WHERE id IN ({marks})", (new_id, *sorted(move)))
        for sid, part in parts.items():
            vec = np.sum([_vec(r[3]) for r in part], axis=0).astype(np.float32)
            outlets = sorted({str(r[2]) for r in part if r[2]})
            counts: dict[str, int] = {}
            for r in part:
                for key in json.loads(r[4]):
                    counts[key] = counts.get(key, 0) + 1
            self.run("UPDATE stories SET article_count = ?, vec_sum = ?, outlets = ?, updated_at = ?, rev = ? "
                     "WHERE id = ?", (len(part), vec.tobytes(), json.dumps(outlets), self.at, self.next_rev(), sid))
            self.run("DELETE FROM story_entities WHERE story_id = ?", (sid,))
            self._add_entities(sid, counts)
        self.add_history(story_id, "split", other=new_id, article_id=article_id, score=score)
        self.add_history(new_id, "split-from", other=story_id, article_id=article_id, score=score)

    def save_story(self, story: Story) -> None:
        """Store the story's latest cross-check (headline, claims, contradictions, ...)."""
        self.run("UPDATE stories SET headline = ?, claims = ?, contradictions = ?, body = ?, stale = 0 WHERE id = ?",
                 (story.headline, len(story.claims), len(story.contradictions), codec.dumps(story), story.id))

    def mark_stale(self, story_id: str) -> None:
        """The story's articles changed; its cross-check is redone later (``save_story``)."""
        self.run("UPDATE stories SET stale = 1 WHERE id = ?", (story_id,))

    def add_history(self, story_id: str, event: str, *, other: str | None = None,
                    article_id: str | None = None, score: float | None = None) -> None:
        self.run("INSERT INTO story_history (story_id, event, other_story_id, article_id, score, at) "
                 "VALUES (?,?,?,?,?,?)", (story_id, event, other, article_id, score, self.at))

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Remember a URL's ETag / Last-Modified for the next conditional GET."""
        self.run("INSERT INTO url_state (url, etag, last_modified, fetched_at) VALUES (?,?,?,?) "
                 "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
                 "fetched_at = excluded.fetched_at", (url, etag, last_modified, self.at))

    def record_skipped(self, skipped: Skipped) -> None:
        self.run("INSERT INTO skipped (source, reason, stage, at) VALUES (?,?,?,?)",
                 (skipped.source, skipped.reason, skipped.stage, self.at))

    def _outlets(self, story_id: str) -> list[str]:
        row = self.run("SELECT outlets FROM stories WHERE id = ?", (story_id,)).fetchone()
        return list(json.loads(row[0])) if row else []

    def _add_entities(self, story_id: str, counts: dict[str, int]) -> None:
        for key, n in sorted(counts.items()):
            self.run("INSERT INTO story_entities (story_id, entity_key, n) VALUES (?,?,?) "
                     "ON CONFLICT (story_id, entity_key) DO UPDATE SET n = story_entities.n + excluded.n",
                     (story_id, key, n))


class Store(_Queries):
    """The story store at ``url`` (file path, ``sqlite:///``, ``postgresql://``); migrated on open."""

    def __init__(self, url: str) -> None:
        self.backend = backend_for(url)
        try:
            self._conn = self.backend.connect()
        except self.backend.errors as exc:
            raise StoreError(f"cannot open {self.backend.name} store {url}: {exc}") from exc
        self._centroids = CentroidCache()
        self.migrate()

    def _cursor(self) -> Any:
        return self._conn.cursor()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[WriteTx]:
        """A serialised write transaction: committed on success, rolled back on any error.

        SQLite takes the write lock up front (BEGIN IMMEDIATE) and waits up to the busy
        timeout for other writers; after that it raises StoreError ("database is locked").
        """
        cur = self._cursor()
        for stmt in self.backend.begin_write:
            self.run(stmt)
        try:
            yield WriteTx(self.backend, cur, self._centroids)
        except BaseException:
            # The original error propagates; a failed ROLLBACK (connection already gone)
            # must not hide it, and the server discards the open transaction anyway.
            with suppress(*self.backend.errors):
                cur.execute("ROLLBACK")
            raise
        self.run("COMMIT")

    def schema_version(self) -> int:
        row = self.run("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> None:
        """Apply every migration newer than the stored ``schema_version``, in order."""
        self.run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                 "description TEXT NOT NULL, applied_at TEXT NOT NULL)")
        if self.schema_version() > LATEST_VERSION:
            raise StoreError(f"{self.backend.url}: schema version {self.schema_version()} is newer than this "
                             f"newsdesk understands ({LATEST_VERSION}); upgrade newsdesk")
        for mig in MIGRATIONS:
            if self.schema_version() >= mig.version:
                continue
            with self.write() as tx:
                if tx.run("SELECT 1 FROM schema_version WHERE version = ?", (mig.version,)).fetchone():
                    continue  # another process applied it while we waited for the lock
                for stmt in mig.statements:
                    tx.run(stmt.format(**self.backend.types))
                tx.run("INSERT INTO schema_version (version, description, applied_at) VALUES (?,?,?)",
                       (mig.version, mig.description, now_iso()))

    def list_stories(self, limit: int | None = None) -> list[StorySummary]:
        """Stories, most recently updated first."""
        rows = self.run("SELECT id, headline, article_count, outlets, created_at, updated_at, claims, contradictions, "
                        "stale FROM stories ORDER BY rev DESC, id LIMIT ?", (limit or 1_000_000_000,)).fetchall()
        return [StorySummary(str(r[0]), str(r[1]), int(r[2]), tuple(json.loads(r[3])), str(r[4]), str(r[5]),
                             int(r[6]), int(r[7]), bool(r[8])) for r in rows]

    def get_story(self, story_id: str) -> Story:
        """The last cross-checked Story; StoreError naming the survivor if it was merged."""
        row = self.run("SELECT body FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            target = self.merged_into(story_id)
            hint = f"it was merged into {target}" if target else "see `newsdesk stories` for the ids"
            raise StoreError(f"story {story_id!r} is not in {self.backend.url}: {hint}")
        return codec.loads(Story, row[0])

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.run("SELECT etag, last_modified FROM url_state WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def history(self, story_id: str | None = None) -> list[HistoryEvent]:
        where, params = ("WHERE story_id = ?", (story_id,)) if story_id else ("", ())
        rows = self.run("SELECT seq, story_id, event, other_story_id, article_id, score, at FROM story_history "
                        f"{where} ORDER BY seq", params).fetchall()
        return [HistoryEvent(int(r[0]), str(r[1]), str(r[2]), r[3], r[4], r[5], str(r[6])) for r in rows]

    def skipped(self) -> list[Skipped]:
        rows = self.run("SELECT source, reason, stage FROM skipped ORDER BY seq").fetchall()
        return [Skipped(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "stories", "story_entities", "story_history", "url_state", "skipped")
        return {t: int(self.run(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}

    def check_integrity(self) -> list[str]:
        """Violations of the store's invariants (empty when consistent)."""
        problems: list[str] = []
        if self.backend.name == "sqlite":
            verdict = str(self.run("PRAGMA integrity_check").fetchone()[0])
            problems += [] if verdict == "ok" else [f"sqlite integrity_check: {verdict}"]
        problems += [f"article {r[0]} points at missing story {r[1]}" for r in self.run(
            "SELECT a.id, a.story_id FROM articles a LEFT JOIN stories s ON s.id = a.story_id "
            "WHERE s.id IS NULL").fetchall()]
        problems += [f"story {r[0]} says {r[1]} articles, has {r[2]}" for r in self.run(
            "SELECT s.id, s.article_count, COUNT(a.id) FROM stories s LEFT JOIN articles a ON a.story_id = s.id "
            "GROUP BY s.id, s.article_count HAVING COUNT(a.id) <> s.article_count OR COUNT(a.id) = 0").fetchall()]
        return problems


def open_store(url: str) -> Store:
    """Open (creating and migrating if needed) the store at ``url``."""
    return Store(url)
