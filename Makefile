# The README's two commands are `make serve` and `make test`; the rest are helpers.
# PYTHON picks the interpreter .venv is made with: make test PYTHON=/usr/bin/python3
SHELL := /bin/bash

# The recipes name the checkout's own paths (scripts/, .venv/): started from another folder
# (make -f path/to/Makefile build), make runs them again from the checkout.
CHECKOUT := $(realpath $(dir $(lastword $(MAKEFILE_LIST))))
ifneq ($(realpath $(CURDIR)),$(CHECKOUT))
.PHONY: from-elsewhere $(MAKECMDGOALS)
from-elsewhere $(MAKECMDGOALS):
	@$(MAKE) --no-print-directory -C "$(CHECKOUT)" $(filter-out from-elsewhere,$@)
else
PYTHON ?= python3
export PYTHON
# Tools run as `python -m`: a moved checkout leaves scripts in .venv/bin with stale paths.
PY := .venv/bin/python
# Material and MkDocs print end-of-life / MkDocs 2 banners on every build; they are noise here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-ko test check build bench pdf edition check-review lock lint-workflows clean

serve:  ## Build and serve the site at http://127.0.0.1:8000 with live reload
	scripts/venv.sh site
	$(PY) -m properdocs serve --strict --config-file mkdocs.yml --dev-addr 127.0.0.1:8000

serve-ko:  ## The Korean edition alone (ko/, mkdocs.ko.yml), served at http://127.0.0.1:8001/ko/ with live reload
	scripts/venv.sh site
	$(PY) -m properdocs serve --strict --config-file mkdocs.ko.yml --dev-addr 127.0.0.1:8001

test: check  ## Install what the tests need (browser included), run make check, then the whole suite
	scripts/browser.sh
	scripts/npm-test-tools.sh
	$(PY) -m pytest

check:  ## Under a minute: lint (ruff), format, types (mypy, strict on explainer/), workflows (zizmor), the data files, the unit tests
	scripts/venv.sh test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	.venv/bin/zizmor --offline --persona pedantic --quiet .github/workflows/*.yml .github/dependabot.yml
	$(PY) -m explainer check
	$(PY) -m pytest -q -m unit

build:  ## Strict build into site/; a failed build leaves the previous site/ untouched
	scripts/venv.sh site
	scripts/build.sh

pdf:  ## The print edition as site/seoul-in-the-lead.pdf, printed by headless Chromium
	scripts/venv.sh test
	scripts/browser.sh
	SITE_PDF=1 $(MAKE) build  # a site that links the PDF (a plain build has none to link)
	$(PY) scripts/make_pdf.py site

edition:  ## Cut today's dated edition into docs/editions/ and register it (commit what it writes)
	scripts/venv.sh test
	$(PY) -m explainer edition

check-review:  ## List pages whose last review is older than the review cycle (about.html#last-review)
	scripts/venv.sh site
	$(PY) -m explainer review

bench:  ## Build time, site size and each page's first-view weight (prints, asserts nothing)
	scripts/venv.sh test
	$(PY) -m tests.support.bench

lint-workflows:  ## GitHub Actions static analysis of .github/workflows/ (zizmor, offline, strictest persona)
	scripts/venv.sh test
	.venv/bin/zizmor --offline --persona pedantic .github/workflows/*.yml .github/dependabot.yml

lock:  ## Re-pin requirements/*.txt after editing requirements/*.in (with uv, from .venv)
	scripts/venv.sh lock
	scripts/lock.sh

clean:  ## Remove what the make targets wrote into the checkout (Debian packages stay)
	rm -rf .venv .venv.lock site site.new site.old site.build.lock .site-build.* .pytest_cache node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

endif
