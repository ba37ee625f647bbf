# Two commands on a fresh machine (python3 with pip and venv present):
#   make demo   - serve the bundled sample portal, crawl it, extract the facts, serve the web UI
#   make test   - run the whole test suite (installs Debian's chromium and postgresql for its tests)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000

.PHONY: demo test install system-packages bench clean

$(VENV)/.installed: pyproject.toml setup.py
	@echo "==> creating the virtual environment $(VENV) (once; 'make clean' removes it)"
	$(PYTHON) -m venv $(VENV)
	@echo "==> upgrading pip inside $(VENV)"
	$(PY) -m pip install --progress-bar off --upgrade pip
	@echo "==> installing partyfacts (editable) with its dependencies and the test tools from pyproject.toml"
	@echo "    (first run: about two minutes; the packages and what each is for are listed in README.md)"
	@# setuptools warns about every editable install of a package_dir mapping (harmless here: no folder is named partyfacts)
	PYTHONWARNINGS="ignore:Editable installation" $(PY) -m pip install --progress-bar off -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	PARTYFACTS_ALLOW_PRIVATE_TARGETS=1 $(VENV)/bin/partyfacts demo --port $(PORT)

# Browser tests drive Debian's chromium (Playwright cannot download its own browser here);
# the PostgreSQL tests start a throwaway server from Debian's postgresql package; the job-queue
# tests (Celery workers) start a throwaway Redis from Debian's redis-server package.
SYSTEM_PACKAGES := chromium postgresql redis-server
system-packages:
	@missing=""; \
	  command -v chromium >/dev/null 2>&1 || { missing="chromium"; echo "==> chromium is missing: the browser tests drive Debian's headless Chromium"; }; \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { missing="$$missing postgresql"; echo "==> postgresql is missing: the PostgreSQL tests start a throwaway server from it"; }; \
	  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || { missing="$$missing redis-server"; echo "==> redis-server is missing: the job-queue tests start a throwaway Redis (Celery broker) from it"; }; \
	  if [ -n "$$missing" ]; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    echo "==> installing Debian packages:$$missing (apt-get; about a minute)"; \
	    $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	  else echo "==> Debian packages for the tests are present (chromium, postgresql, redis-server)"; fi

test: $(VENV)/.installed system-packages
	@echo "==> checking the import layers (import-linter contracts in pyproject.toml)"
	$(VENV)/bin/lint-imports
	@echo "==> running the test suite (pytest)"
	$(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) benchmarks/extract_speed.py
	$(PY) benchmarks/crawl_speed.py
	$(PY) benchmarks/web_speed.py
	$(PY) benchmarks/crawl_workers.py

clean:
	rm -rf $(VENV) partyfacts-demo.db* benchmarks/out
