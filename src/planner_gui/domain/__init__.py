"""The domain core: plain Python, no Qt, no storage.

Plans, areas, tasks and their rules (dates in words, progress and status)
live here so that the window, the command line and the exports agree.
"""
