# Packaging chores. Everything here also works without make: see packaging/README.md.
PYTHON ?= python

.PHONY: run translations qm icons bundle test test-slow
VENV ?= .venv

# Make a virtual environment, install the program into it and start the window
# (Debian's own Python refuses `pip install` outside one, PEP 668).
run:
	test -d $(VENV) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q .
	$(VENV)/bin/planner-gui

# Extract every translate() string from the code into the .ts (new ones
# unfinished, for Qt Linguist) and report what is still untranslated.
translations:
	$(PYTHON) packaging/translations.py update
	$(PYTHON) packaging/translations.py check

# Compile the .ts to the committed .qm (tests check it is up to date).
qm:
	$(PYTHON) packaging/translations.py compile

# Render the PNG icons from resources/icons/planner-gui.svg.
icons:
	$(PYTHON) packaging/render_icons.py

# One-folder application in dist/planner-gui/ (PyInstaller).
bundle:
	packaging/build_bundle.sh

# The default run: everything but the slow tests (a few minutes).
test:
	$(PYTHON) -m pytest -q

# Only the slow tests: the bundle build (several minutes), the real window under Xvfb.
test-slow:
	$(PYTHON) -m pytest -q -m slow
