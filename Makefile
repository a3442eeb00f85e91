# The README's two commands are `make serve` and `make test`; the rest are helpers.
SHELL := /bin/bash
VENV := .venv/bin
# Material and MkDocs print end-of-life / MkDocs 2 banners on every build; they are noise here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build bench pdf lock clean

serve:  ## Build and serve the site at http://127.0.0.1:8000 with live reload
	scripts/venv.sh site
	$(VENV)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

test:  ## Install what the tests need (browser included) and run the whole suite
	scripts/venv.sh test
	scripts/browser.sh
	scripts/npm-test-tools.sh
	$(VENV)/python -m pytest

build:  ## Strict build into site/; a failed build leaves the previous site/ untouched
	scripts/venv.sh site
	rm -rf site.new
	$(VENV)/mkdocs build --strict --site-dir site.new
	rm -rf site && mv site.new site

pdf: build  ## The print edition as site/seoul-in-the-lead.pdf, printed by headless Chromium
	scripts/venv.sh test
	scripts/browser.sh
	$(VENV)/python scripts/make_pdf.py site

bench:  ## Build time, site size and each page's first-view weight (prints, asserts nothing)
	scripts/venv.sh test
	$(VENV)/python scripts/bench.py

lock:  ## Re-pin requirements/*.txt after editing requirements/*.in
	python3 scripts/lock_requirements.py

clean:
	rm -rf .venv site site.new .pytest_cache
