"""Diagrams drawn on the server as SVG: every piece of user text goes through ``escape``."""
