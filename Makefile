# The two commands of the README: `make site` and `make test`.
# Everything is installed from pinned requirement files into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
QUERIES ?= ../shared/eval/queries-dev.tsv

.PHONY: site test serve search-eval bench clean ids import screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.site-installed
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

# Build strictly into a fresh folder, then swap it in at once; one run at a
# time, Ctrl-C is quiet, a failed build leaves site/ as it was (tools/make_site.py).
site: $(VENV)/.site-installed
	$(BIN)/python tools/make_site.py

# Write a stable id into every question that lacks one, in every language,
# and lock every id in docs/ids.yml (tools/ids.py). A second run changes nothing.
ids: $(VENV)/.site-installed
	$(BIN)/python tools/ids.py

# Bring FAQ pages in from the upstream layout (<FROM>/zh/x.md, <FROM>/en/x.md):
# copy, turn remote badges into links, add to the nav, run make ids.
import: $(VENV)/.site-installed
	@test -n "$(FROM)" || { echo "make import FROM=<folder with zh/ and en/>"; exit 2; }
	$(BIN)/python tools/import_faq.py $(FROM) $(PAGES)

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

search-eval: site $(VENV)/.test-installed
	$(BIN)/python -m tests.search_eval $(QUERIES)

$(VENV)/.bench-installed: requirements-bench.txt $(VENV)/.test-installed
	$(BIN)/pip install --quiet -r requirements-bench.txt
	touch $@

# S, FAQ, M, L, 2L and XL: ours, plain Material and Pagefind in one run; writes
# benchmarks/results.json and results.md (README: Performance). BENCH= passes options.
bench: $(VENV)/.bench-installed
	$(BIN)/python -m benchmarks.run --write $(BENCH)

# A PNG of every page type, both languages, light and dark, desktop and phone,
# into screenshots/ (git-ignored), for reviewers to look at.
screenshots: site $(VENV)/.test-installed
	$(BIN)/python -m tests.screenshots

clean:
	rm -rf site .site-build-* .site.lock $(VENV)
