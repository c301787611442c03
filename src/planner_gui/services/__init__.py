"""Use cases shared by the command line and the window: plain functions, no Qt."""
