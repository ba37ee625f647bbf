# Two commands on a fresh machine (python3 with pip and venv present):
#   make demo   - serve the bundled sample portal, crawl it, extract the facts, serve the web UI
#   make test   - run the whole test suite (installs Debian's chromium for the browser tests)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000

.PHONY: demo test install chromium bench lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/partyfacts demo --port $(PORT)

# Browser tests drive Debian's chromium (Playwright cannot download its own browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(VENV)/.installed chromium
	$(VENV)/bin/lint-imports
	$(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) benchmarks/extract_speed.py
	$(PY) benchmarks/crawl_speed.py
	$(PY) benchmarks/web_speed.py

clean:
	rm -rf $(VENV) partyfacts-demo.db* benchmarks/out
