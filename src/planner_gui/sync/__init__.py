"""Copies of one plan on several PCs, merged by a CRDT (pycrdt / Yrs).

Layers: ydoc (the Y document beside the store's tables) and rights (plain
rules) sit over the store; packet (the .plansync file format) is an exchange
format; copies holds the use cases the command line and the window call.
"""
