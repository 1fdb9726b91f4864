# make run   - set up this machine (system libraries, .venv, the package) and open the sample;
#              with DISPLAY / WAYLAND_DISPLAY set, also the X11 / Wayland libraries Qt needs
# make test  - the same set-up, then lint, layering contracts and the whole test suite
#              (including the smoke test of the frozen build, built first if it is stale)
# make dist  - build the packaged program (PyInstaller one-folder) at dist/timeline/
# make smoke - build it if needed and run its smoke test (tests/packaging/)
# make fuzz  - fuzz importers, dates, extraction, search and terminal output at length
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE_DB := var/sample.db
DIST_EXE := dist/timeline/timeline
DIST_INPUTS := packaging/timeline.spec packaging/entry.py pyproject.toml \
	$(shell find timeline resources -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: run test lint bench dist smoke clean system translations fuzz

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
	@scripts/system-deps.sh window
	$(BIN)/timeline --db $(SAMPLE_DB)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: $(STAMP) lint $(DIST_EXE)
	@scripts/system-deps.sh test
	@# TimelineJS3 and Chromium for the browser tests of the TimelineJS export (skipped
	@# without them; a machine without npm gets neither).
	@if command -v npm >/dev/null 2>&1; then \
		scripts/system-deps.sh browser || true; \
		if [ ! -d tests/export/js/node_modules ]; then \
			npm install --prefix tests/export/js --no-audit --no-fund --silent || true; fi; fi
	QT_QPA_PLATFORM=offscreen TIMELINE_SMOKE=1 $(BIN)/python -m pytest -q

dist: $(STAMP)
	@scripts/system-deps.sh dist $(BIN)/python
	test -x $(BIN)/pyinstaller || $(BIN)/python -m pip install -q -e '.[dist]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build packaging/timeline.spec
	@du -sh dist/timeline

$(DIST_EXE): $(STAMP) $(DIST_INPUTS)
	$(MAKE) dist

smoke: $(DIST_EXE)
	@scripts/system-deps.sh test
	QT_QPA_PLATFORM=offscreen TIMELINE_SMOKE=1 $(BIN)/python -m pytest -q tests/packaging

# A long fuzzing run by hand (the suite runs the same tests with a few examples each).
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		-p no:cacheprovider --hypothesis-show-statistics tests/fuzz tests/text/test_safe.py
	$(BIN)/python bench/fuzz_timing.py

# After changing interface strings: refresh the .ts, fill in the Arabic table, compile.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate timeline/ui/*.py -ts resources/translations/timeline_ar.ts -target-language ar -no-obsolete
	$(BIN)/python scripts/translations_ar.py
	$(BIN)/pyside6-lrelease resources/translations/timeline_ar.ts

clean:
	rm -rf $(VENV) var build dist
