# newsdesk: every install step lives here (and in pyproject.toml).
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | sha256sum | cut -c1-12)
OUT    ?= out/demo

.PHONY: setup demo test bench lint eval clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (set PYTHON=...)" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	# torch first, pinned to the local CPU build (otherwise pip pulls a multi-GB CUDA build)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[embeddings,live,postgres,eval,dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/newsdesk analyze examples/venezuela-russia-2025 --out $(OUT)

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/run.py

eval: setup
	$(BIN)/newsdesk eval

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

clean:
	rm -rf out build dist .pytest_cache .mypy_cache .ruff_cache
