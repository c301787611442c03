"""Dialogs opened from the main window menus; each entry point takes (document, parent): see parent.py."""
