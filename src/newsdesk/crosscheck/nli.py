"""Optional NLI hook: a user's own NLI cross-encoder as one more contradiction signal.

No NLI model ships with newsdesk. When ``settings.nli_model`` names a local folder (or an
installed model name) holding a Hugging Face sequence-classification model whose
``config.id2label`` has a contradiction label (MNLI-style: "contradiction",
"CONTRADICTION", "contradict"), ``load_nli`` returns a scorer; contradiction detection
then keeps a pair-level candidate only when the model agrees. Structured checks are
always required: the model never flags a pair on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

import numpy as np

from newsdesk.errors import ConfigError, ModelUnavailable

INSTALL_HINT = "pip install torch transformers, and pass a local NLI model folder as nli_model"
# Pairs per forward pass; a cross-encoder on CPU handles 16 short sentence pairs quickly.
BATCH_SIZE = 16
MAX_TOKENS = 256


@runtime_checkable
class NLIScorer(Protocol):
    """Anything that gives P(contradiction) for (premise, hypothesis) pairs."""

    name: str

    def contradiction_prob(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray: ...


def contradiction_index(id2label: dict[Any, str]) -> int:
    """Index of the contradiction class in a model's ``config.id2label``."""
    for idx, label in id2label.items():
        if str(label).lower().startswith("contradict"):
            return int(idx)
    raise ConfigError(
        f"NLI model labels {sorted(map(str, id2label.values()))} have no contradiction class "
        "(expected an MNLI-style label such as 'contradiction')"
    )


class TransformersNLI:
    """A sequence-classification NLI model on CPU (loaded by ``load_nli``)."""

    def __init__(self, name: str, tokenizer: Any, model: Any) -> None:
        self.name = name
        self.tokenizer = tokenizer
        self.model = model
        self.index = contradiction_index(dict(model.config.id2label))

    def contradiction_prob(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        import torch

        out: list[np.ndarray] = []
        for k in range(0, len(pairs), BATCH_SIZE):
            batch = pairs[k:k + BATCH_SIZE]
            enc = self.tokenizer(
                [a for a, _ in batch], [b for _, b in batch], padding=True, truncation=True,
                max_length=MAX_TOKENS, return_tensors="pt",
            )
            with torch.no_grad():
                logits = self.model(**enc).logits
            out.append(torch.softmax(logits, dim=-1)[:, self.index].cpu().numpy())
        return np.concatenate(out) if out else np.zeros(0, dtype=np.float32)


@lru_cache(maxsize=2)
def load_nli(path_or_name: str) -> NLIScorer:
    """Load (once per process) the NLI model at ``path_or_name``.

    Raises ModelUnavailable when torch/transformers or the model is missing, ConfigError
    when the model has no contradiction label.
    """
    try:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError as exc:
        raise ModelUnavailable("NLI model support", INSTALL_HINT) from exc
    try:
        tokenizer = AutoTokenizer.from_pretrained(path_or_name, local_files_only=True)
        model = AutoModelForSequenceClassification.from_pretrained(path_or_name, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ModelUnavailable(f"NLI model {path_or_name!r}", INSTALL_HINT) from exc
    model.eval()
    return TransformersNLI(path_or_name, tokenizer, model)
