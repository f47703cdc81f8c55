# Lerende Praktijk. `make run` starts the app, `make test` runs the suite; both set up what they need.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
DEV := DJANGO_DEBUG=true

# The first interpreter of 3.12 or newer: on PATH, or from pyenv (the version in .python-version).
FIND_PYTHON = for p in python3.13 python3.12 python3.14 python3 \
	  $$(ls -d "$$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -r); do \
	  if command -v "$$p" >/dev/null 2>&1 && "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    echo "$$p"; break; fi; done

.PHONY: run test e2e faults lint fmt messages messages-check compose-check k8s-check deploy-check audit bench bench-scale bench-conference bench-antwoord bench-dashboard screenshots install clean

$(VENV)/.installed: pyproject.toml
	@if [ ! -x $(PY) ]; then \
	  py=$$($(FIND_PYTHON)); \
	  if [ -z "$$py" ]; then \
	    echo "Python 3.12 or newer is needed and none was found. Install it (for example 'pyenv install 3.13')"; \
	    echo "and run make again."; exit 1; fi; \
	  echo "Creating $(VENV) with $$py"; "$$py" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

# This machine's address on the local network: the interface a packet to the internet would
# leave by (a UDP "connect" sends nothing). Empty without a network.
define LAN_ADDRESS
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    s.connect(("192.0.2.1", 9))
    print(s.getsockname()[0])
except OSError:
    pass
endef
export LAN_ADDRESS

# `make run HOST=0.0.0.0` listens on every interface and allows this machine's network address
# as a host, so phones on the same Wi-Fi can join a session at the address it prints.
run: install
	$(DEV) $(PY) manage.py migrate --no-input
	$(DEV) $(PY) manage.py demo
	@hosts="$${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1,[::1]}"; address="$(HOST)"; \
	if [ "$(HOST)" = "0.0.0.0" ]; then \
	  address=$$($(PY) -c "$$LAN_ADDRESS"); \
	  if [ -z "$$address" ]; then echo "No network address found: phones cannot reach this machine."; address=127.0.0.1; fi; \
	fi; \
	case ",$$hosts," in *",$$address,"*) ;; *) hosts="$$hosts,$$address";; esac; \
	echo ""; \
	echo "Lerende Praktijk runs at http://$$address:$(PORT)/ - log in with a demo account above."; \
	if [ "$(HOST)" = "0.0.0.0" ] && [ "$$address" != 127.0.0.1 ]; then \
	  echo "Phones on the same network join a session at http://$$address:$(PORT)/doe-mee/"; \
	  echo "(open the session page from that address too, so its link and QR code use it)."; fi; \
	echo "Login codes and other emails are printed here in the terminal. Stop with Ctrl+C."; \
	DJANGO_ALLOWED_HOSTS="$$hosts" $(DEV) exec $(PY) -m config.quickstart $(HOST):$(PORT)

# The suite under coverage; the report fails below the floor in pyproject.toml (fail_under).
test: install
	$(PY) -m coverage run -m pytest $(PYTEST_ARGS)
	$(PY) -m coverage report

e2e: install
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

# The fault tests (tests/faults; docs/operations.md) against PostgreSQL and Redis on this machine.
faults: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lerende_praktijk_faults} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/1} \
	  $(PY) -m pytest tests/faults --create-db -p no:cacheprovider $(PYTEST_ARGS)

# Our own Python files and templates (vendored static files and migrations aside).
PY_FILES = $$(git ls-files '*.py' | grep -v '/migrations/')
TEMPLATE_FILES = $$(git ls-files '*.html' | grep -E '(^|/)templates/')

lint: install messages-check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(DEV) $(PY) -m mypy
	$(VENV)/bin/djhtml --check $(TEMPLATE_FILES)
	$(VENV)/bin/django-upgrade --target-version 6.1 --check $(PY_FILES)
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

fmt: install
	-$(VENV)/bin/django-upgrade --target-version 6.1 --exit-zero-even-if-changed $(PY_FILES)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .
	-$(VENV)/bin/djhtml $(TEMPLATE_FILES)

# Refresh the Dutch catalogue from the source strings; then translate what is new and compile.
messages: install
	$(DEV) $(PY) manage.py makemessages -l nl --no-obsolete --add-location=never --ignore=.venv --ignore=static --ignore=staticfiles
	$(DEV) $(PY) manage.py compilemessages -l nl --ignore=.venv

# Fails when the catalogue is out of date, has an empty or fuzzy entry, or was not compiled.
messages-check: install
	@# A folder of its own: two checkouts checking at once must not swap their catalogues.
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	po=locale/nl/LC_MESSAGES/django.po; cp $$po $$tmp/before.po; \
	$(DEV) $(PY) manage.py makemessages -l nl --no-obsolete --add-location=never --ignore=.venv --ignore=static --ignore=staticfiles >/dev/null; \
	if ! diff -q -I '^"POT-Creation-Date' $$tmp/before.po $$po >/dev/null; then \
	  diff -I '^"POT-Creation-Date' $$tmp/before.po $$po | head -40; \
	  cp $$tmp/before.po $$po; \
	  echo "The Dutch catalogue is out of date: run 'make messages' and translate the new entries."; exit 1; fi; \
	cp $$tmp/before.po $$po; \
	stats=$$(msgfmt --statistics -o $$tmp/django.mo $$po 2>&1); echo "nl: $$stats"; \
	case "$$stats" in *untranslated*|*fuzzy*) echo "Every Dutch entry must be translated and not fuzzy."; exit 1;; esac; \
	cmp -s $$tmp/django.mo locale/nl/LC_MESSAGES/django.mo || { echo "django.mo is not compiled from django.po: run 'make messages'."; exit 1; }

compose-check: install
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

# The Kubernetes manifests (deploy/kubernetes; docs/operations.md): each overlay rendered by
# `kubectl kustomize`, validated against the API schemas of the oldest and the newest Kubernetes
# that kubernetes-validate bundles (offline; --strict fails on unknown fields), then scanned by
# checkov (deploy/kubernetes/.checkov.yaml lists the checks skipped and why). The two checkers
# live in a venv of their own: checkov's pins conflict with the app's dev tools.
K8S_DIR := deploy/kubernetes
K8S_OVERLAYS := klein conferentie
K8S_VERSIONS := 1.25.0 1.37.0
K8S_VENV := .venv-k8s

$(K8S_VENV)/.installed: $(K8S_DIR)/requirements-check.txt
	@if [ ! -x $(K8S_VENV)/bin/python ]; then \
	  py=$$($(FIND_PYTHON)); \
	  if [ -z "$$py" ]; then echo "Python 3.12 or newer is needed for $(K8S_VENV) and none was found."; exit 1; fi; \
	  echo "Creating $(K8S_VENV) with $$py"; "$$py" -m venv $(K8S_VENV); fi
	$(K8S_VENV)/bin/python -m pip install --quiet -r $(K8S_DIR)/requirements-check.txt
	@touch $@

k8s-check: $(K8S_VENV)/.installed
	@command -v kubectl >/dev/null 2>&1 || { \
	  echo "kubectl is not installed: k8s-check renders the overlays with 'kubectl kustomize'."; \
	  echo "Install kubectl (the Kubernetes command-line tool; no cluster is needed) and run it again."; exit 1; }
	@out=$$(mktemp -d /tmp/lp-k8s.XXXXXX); \
	for overlay in $(K8S_OVERLAYS); do \
	  kubectl kustomize $(K8S_DIR)/overlays/$$overlay > $$out/$$overlay.yaml || exit 1; \
	  echo "kubectl kustomize overlays/$$overlay: $$(grep -c '^kind:' $$out/$$overlay.yaml) resources"; \
	done; \
	for version in $(K8S_VERSIONS); do \
	  $(K8S_VENV)/bin/kubernetes-validate --strict --quiet --kubernetes-version $$version \
	    $$out/*.yaml $(K8S_DIR)/secret.example.yaml || { echo "Rendered manifests kept in $$out"; exit 1; }; \
	  echo "kubernetes-validate --strict against Kubernetes $$version: all valid"; \
	done; \
	$(K8S_VENV)/bin/checkov --directory $$out --config-file $(K8S_DIR)/.checkov.yaml \
	  || { echo "Rendered manifests kept in $$out"; exit 1; }; \
	rm -rf $$out

# `check --deploy` as production would run it: debug off, a real secret, PostgreSQL and Redis.
deploy-check: install
	DJANGO_DEBUG=false DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(60))')" \
	DJANGO_ALLOWED_HOSTS=lerendepraktijk.example DATABASE_URL=postgres://lp@127.0.0.1:5432/lp \
	REDIS_URL=redis://127.0.0.1:6379/0 EMAIL_URL=smtp://mail.example:587?tls=1 \
	$(PY) manage.py check --deploy --fail-level WARNING

# Known vulnerabilities in the installed dependencies (the project itself is skipped): PyPI's
# advisories, or OSV's when PyPI gave none; where a registry mirror answers only PyPI's per-project
# documents, .ci/audit_latest.py checks every package that is its latest release against them (and
# names the others). Fails on any finding. When no vulnerability service can be reached (a machine without internet) it says so loudly and passes: no network is not a
# vulnerability. AUDIT_STRICT=1 makes that fail too; AUDIT_ARGS passes options to pip-audit.
AUDIT_JSON := /tmp/lp-pip-audit.json
define AUDIT_CHECK
import json, sys
path, service = sys.argv[1:]
deps = json.load(open(path))["dependencies"]
audited = [d for d in deps if "skip_reason" not in d]
found = [(d, v) for d in audited for v in d.get("vulns", [])]
for d, v in found:
    fix = ", ".join(v.get("fix_versions") or []) or "no fixed release yet"
    print(f"VULNERABLE: {d['name']} {d['version']}: {v['id']} (fixed in: {fix})")
print(f"pip-audit ({service}): {len(audited)} of {len(deps)} packages audited, {len(found)} known vulnerabilities.")
sys.exit(1 if found else 0 if audited else 3)
endef
export AUDIT_CHECK

audit: install
	@for service in pypi osv; do \
	  rm -f $(AUDIT_JSON); \
	  $(VENV)/bin/pip-audit --skip-editable --progress-spinner off --vulnerability-service $$service \
	    --format json --output $(AUDIT_JSON) $(AUDIT_ARGS) >/dev/null 2>/tmp/lp-pip-audit.log; \
	  if [ -s $(AUDIT_JSON) ]; then \
	    $(PY) -c "$$AUDIT_CHECK" $(AUDIT_JSON) $$service; rc=$$?; \
	    if [ $$rc -ne 3 ]; then exit $$rc; fi; \
	  else \
	    echo "pip-audit ($$service): no answer: $$(tail -n 1 /tmp/lp-pip-audit.log | cut -c1-200)"; \
	  fi; \
	done; \
	$(PY) .ci/audit_latest.py; rc=$$?; \
	if [ $$rc -ne 3 ]; then exit $$rc; fi; \
	echo "pip-audit: NOT AUDITED - no vulnerability service answered from this machine."; \
	if [ -n "$(AUDIT_STRICT)" ]; then exit 1; fi

# The app under load: live session, members browsing, carers' form burst; see bench/README.md.
bench: install
	$(PY) -m bench.run

# Page speed at a small and a large installation (PostgreSQL, a few minutes); see bench/scale.py.
# PNGs of the pages the room and the members see, at 320x640, 1280x720 and 1920x1080, into
# screenshots/ (not committed): a fresh demo database, an open workshop, Chromium from Debian.
screenshots: install
	$(PY) -m bench.screenshots screenshots

bench-scale: install
	$(PY) -m bench.scale

# Issue #13's conference: 2,000 phones join within two minutes (20/s) and rate all 25 statements
# with 6–14 s between answers, two screens polling; live scenario only (bench/README.md).
bench-conference: install
	BENCH_SCENARIOS=live BENCH_USERS=2000 BENCH_SPAWN_RATE=20 BENCH_THINK=6-14 \
	BENCH_TARGET_P95_MS=100 BENCH_TARGET_RATIO=0.5 \
	BENCH_RUN_TIME=$${BENCH_RUN_TIME:-8m} $(PY) -m bench.run

# The answer click in-process (PostgreSQL, a minute): CPU and statements per answer; bench/antwoord.py.
bench-antwoord: install
	$(PY) -m bench.antwoord

# The practice dashboard in-process (PostgreSQL, a minute): CPU per page against the bare view,
# its statements and a profile; bench/dashboard.py.
bench-dashboard: install
	$(PY) -m bench.dashboard

clean:
	rm -rf $(VENV) $(K8S_VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache
