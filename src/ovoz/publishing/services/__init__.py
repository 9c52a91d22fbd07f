"""Findings, publications, their workflow and the disclosure gate: every change here writes an audit row."""
