# Two commands do all the set-up: `make demo` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: install demo test test-fast lint bench score score-corpus score-probes train screenshots clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PY) -c 'import sys; assert sys.version_info[:2] == (3, 11), "sitrep needs Python 3.11"'
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,ray]'
	@touch $(STAMP)

demo: install  ## ingest the bundled examples and serve the map and API on http://127.0.0.1:$(PORT) (make demo PORT=8080)
	$(BIN)/sitrep demo --db sqlite:///sitrep-demo.db --port $(PORT)

test: install  ## run the whole test suite (PostgreSQL and Chromium tests included where present)
	$(BIN)/pytest -q -ra

test-fast: install  ## the tests that need no PostgreSQL, browser or Ray and are not marked slow
	$(BIN)/pytest -q -ra -m "not slow and not postgres and not browser and not ray"

lint: install  ## ruff and mypy, as CI runs them before the tests
	$(BIN)/ruff check src tests
	$(BIN)/mypy src

score: install  ## the tune (dev) and check scores quoted in the README, then places and HTML bodies
	python3 ../shared/eval/score.py --gold ../shared/eval/dev --cmd "$(BIN)/sitrep extract --format jsonl"
	python3 ../shared/eval/score.py --gold ../shared/eval/check --cmd "$(BIN)/sitrep extract --format jsonl"
	python3 ../shared/eval/score.py --gold ../shared/eval/geowebnews-dev --only places --cmd "$(BIN)/sitrep extract --format jsonl"
	python3 ../shared/eval/score_body.py --gold ../shared/eval/zyte-aeb-dev --cmd "$(BIN)/sitrep extract --format jsonl"

score-corpus: install  ## movements and claims on the corpus we wrote (train/corpus/), a third measure
	$(BIN)/python scripts/score_corpus.py

score-probes: install  ## movements and claims on the long articles we wrote (train/probes/)
	$(BIN)/python scripts/score_probes.py

train: install  ## rebuild the movement sentence model's weights from train/corpus (about a minute on 2 cores)
	$(BIN)/python scripts/train_movement_model.py

screenshots: install  ## the README's screenshots: map, claims, documents, quotes at desktop and phone widths
	$(BIN)/python scripts/screenshots.py

bench: install
	$(BIN)/sitrep bench

clean:
	rm -rf $(VENV) sitrep-demo.db* .pytest_cache
