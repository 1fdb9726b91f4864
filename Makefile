# make run   - set up this machine (system libraries, .venv, the package) and open the sample
# make test  - the same set-up, then lint, layering contracts and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE_DB := var/sample.db

.PHONY: run test lint bench dist smoke clean system

system:
	@scripts/system-deps.sh offscreen

$(STAMP): pyproject.toml
	@scripts/system-deps.sh offscreen
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

$(SAMPLE_DB): $(STAMP) $(wildcard resources/samples/*.txt)
	@mkdir -p var
	rm -f $(SAMPLE_DB) $(SAMPLE_DB)-wal $(SAMPLE_DB)-shm
	$(BIN)/timeline --db $(SAMPLE_DB) import resources/samples

run: $(SAMPLE_DB)
	$(BIN)/timeline --db $(SAMPLE_DB)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) var build dist
