"""Shared fixtures. Public data is read from ../shared and tests skip cleanly without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_path() -> Path:
    return Path(os.environ.get("NEWSDESK_SHARED", REPO_ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return REPO_ROOT / "examples" / "venezuela-russia-2025"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    p = shared_path()
    if not p.is_dir():
        pytest.skip(f"shared folder {p} is absent")
    return p


@pytest.fixture(scope="session")
def data_dir(shared_dir: Path) -> Path:
    p = shared_dir / "data"
    if not p.is_dir():
        pytest.skip(f"public data {p} is absent")
    return p


@pytest.fixture(scope="session")
def meantime_dir(data_dir: Path) -> Path:
    """../shared/data/meantime-en-cdcr (the entities and speakers suites' data)."""
    p = data_dir / "meantime-en-cdcr"
    if not p.is_dir():
        pytest.skip(f"{p} is absent")
    return p


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    p = shared_dir / "gold"
    if not p.is_dir():
        pytest.skip(f"gold {p} is absent")
    return p


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from newsdesk.nlp import load_nlp
    from newsdesk.settings import Settings

    return load_nlp(Settings().spacy_model)
