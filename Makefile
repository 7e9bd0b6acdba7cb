# The two commands of the README:  make demo  (install + run on the sample corpus)  and  make test.
PYTHON ?= python3.11
VENV ?= .venv
BIN = $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: demo test install-core install-all lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Light install for a reporter's laptop: no torch, no Dask, no PostgreSQL driver, no browser.
$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

# Everything, for the test suite: torch 2.13.0 first and alone, then the extras.
$(VENV)/.all: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[all,test]'
	touch $@ $(VENV)/.core

install-core: $(VENV)/.core
install-all: $(VENV)/.all

demo: $(VENV)/.core
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/claimledger ingest samples/campaign/ --db $(DEMO_DB)
	$(BIN)/claimledger link --db $(DEMO_DB)
	$(BIN)/claimledger claims --db $(DEMO_DB) --format table --limit 25
	$(BIN)/claimledger conflicts --db $(DEMO_DB) --format table

test: $(VENV)/.all
	-bash scripts/install-chromium.sh
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
