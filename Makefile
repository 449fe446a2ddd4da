# Set-up, run, test, bench.  `make run` and `make test` are all a fresh machine needs.
# CPython 3.12+ (3.13 first), found on PATH or under pyenv: PySide6 on 3.11
# loses references to True/None and aborts long sessions (issue 10).
PYTHON ?= $(shell tools/find_python.sh)
ifeq ($(strip $(PYTHON)),)
$(error no CPython 3.12 or newer found: install python3.13 (pyenv install 3.13, or apt-get install python3.13-venv), then run make again)
endif
# A venv made by an older interpreter is made again.
VENV_OK = $(1)/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# Debian packages the bundled Qt loads (xcb for a real screen, EGL/GL, fonts)
# and poppler-utils, whose pdftoppm renders PDF pages in the tests; LibreOffice
# (Writer, no GUI) converts the Word export to PDF in its test; npm (only if
# missing) fetches the pinned font packages.
DEB_PACKAGES := libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-xcb1 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 \
	libxcb-image0 libxcb-randr0 libxcb-xkb1 libxcb-xinerama0 libwayland-cursor0 \
	poppler-utils xvfb xdotool imagemagick chromium libreoffice-writer-nogui
# LXGW WenKai (OFL), the 楷体-style face of （一） sub-headings:
# assets/fonts/fetch_fonts.py subsets it from this package's file.
DEB_PACKAGES += fonts-lxgw-wenkai

BUILD_VENV := .venv-build
BUILD_STAMP := $(BUILD_VENV)/.installed

.PHONY: run test lint fuzz bench screenshots clerk-walk exe exe-test system-deps clean

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(VENV)/bin/ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

# Style, the import layers (pyproject.toml's [tool.importlinter]) and types
# (strict on models/ and export/, [tool.mypy]).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# The fuzz tests at full length: 10,000 cell entries, 1,000 draft files and 300
# imports (the suite runs a few of each).  Hypothesis prints the examples run.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider \
	  --hypothesis-show-statistics \
	  tests/test_fuzz_values.py tests/test_fuzz_drafts.py tests/test_fuzz_import.py

# LibreOffice is the yardstick the PDF bench compares against (Debian package).
bench: $(STAMP) exe
	@command -v soffice >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends libreoffice-writer-nogui >/dev/null; }
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m gui.screenshots screenshots/1400x900
	QT_QPA_PLATFORM=offscreen $(PY) -m gui.screenshots screenshots/1366x768 --screen 1366x768
	QT_QPA_PLATFORM=offscreen $(PY) -m gui.screenshots screenshots/1280x720 --screen 1280x720
	QT_QPA_PLATFORM=offscreen $(PY) -m gui.screenshots screenshots/1024x700 --screen 1024x700
	QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.5 $(PY) -m gui.screenshots screenshots/1366x768@150 --screen 1366x768

# The clerk's walk in a real X server (Xvfb + xdotool), keeping its screenshot.
clerk-walk: $(STAMP)
	QT_QPA_PLATFORM=offscreen CLERK_SHOTS=screenshots/xvfb $(PY) -m pytest -q -p no:cacheprovider tests/gui/test_xvfb_clerk.py

# The executable is built in a virtual environment holding only what ships.
exe: $(STAMP) $(BUILD_STAMP)
	$(BUILD_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec

exe-test: exe
	QT_QPA_PLATFORM=offscreen $(PY) tests/smoke_exe.py

$(BUILD_STAMP): requirements.txt
	$(call VENV_OK,$(BUILD_VENV)) || { rm -rf $(BUILD_VENV); $(PYTHON) -m venv $(BUILD_VENV); }
	$(BUILD_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt \
	  $$(grep -i '^pyinstaller==' requirements-dev.txt)
	touch $@

$(STAMP): requirements.txt requirements-dev.txt Makefile
	$(MAKE) system-deps
	$(call VENV_OK,$(VENV)) || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	$(PY) assets/fonts/fetch_fonts.py
	touch $@

# Installs only what is missing; needs root (or sudo) and apt-get, else explains.
system-deps:
	@missing=""; \
	if command -v dpkg >/dev/null 2>&1; then \
	  for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	fi; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf $(VENV) $(BUILD_VENV) build dist screenshots
