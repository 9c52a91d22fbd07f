"""Ovoz: a safe, multilingual platform for Feminist Participatory Action Research."""

__version__ = "0.1.0"
