# Packaging chores. Everything here also works without make: see packaging/README.md.
PYTHON ?= python

.PHONY: translations qm icons bundle test test-slow

# Extract every tr()/translate() string from the code into the .ts, fill the
# hand-written Chinese from packaging/zh_CN_strings.py, report what is missing.
translations:
	$(PYTHON) packaging/translations.py update
	$(PYTHON) packaging/translations.py fill

# Compile the .ts to the committed .qm (tests check it is up to date).
qm:
	$(PYTHON) packaging/translations.py compile

# Render the PNG icons from resources/icons/planner-gui.svg.
icons:
	$(PYTHON) packaging/render_icons.py

# One-folder application in dist/planner-gui/ (PyInstaller).
bundle:
	packaging/build_bundle.sh

test:
	$(PYTHON) -m pytest -q

# Includes the bundle build (several minutes).
test-slow:
	$(PYTHON) -m pytest -q -m slow
