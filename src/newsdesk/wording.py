"""Counts as the brief, the report and the command line word them: one rule for every
place a number of things is printed, so that no line reads "1 stories"."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, with its plural unless ``n`` is 1: "1 story", "3 stories",
    "0 outlets"."""
    if n == 1:
        return f"{n} {word}"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{n} {word[:-1]}ies"
    return f"{n} {word}s"
