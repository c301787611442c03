"""Dialogs opened from the main window menus; each module exposes open_dialog(window)."""
