# Two commands on a fresh machine (python3 with pip and venv present):
#   make demo   - serve the bundled sample portal, crawl it, extract the facts, serve the web UI
#   make test   - run the whole test suite (installs Debian's chromium and postgresql for its tests)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000

.PHONY: demo test install system-packages bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/partyfacts demo --port $(PORT)

# Browser tests drive Debian's chromium (Playwright cannot download its own browser here);
# the PostgreSQL tests start a throwaway server from Debian's postgresql package.
SYSTEM_PACKAGES := chromium postgresql
system-packages:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="chromium"; \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	  if [ -n "$$missing" ]; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    echo "installing Debian packages:$$missing"; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	  fi

test: $(VENV)/.installed system-packages
	$(VENV)/bin/lint-imports
	$(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) benchmarks/extract_speed.py
	$(PY) benchmarks/crawl_speed.py
	$(PY) benchmarks/web_speed.py

clean:
	rm -rf $(VENV) partyfacts-demo.db* benchmarks/out
