"""REFI-QDA interchange (``.qdpx`` projects, ``.qdc`` codebooks) and Taguette's CSV exports.

Readers here only parse files into plain data (``ovoz.analysis.interop.parsed``) and writers only serialise
what the access functions let through; what is created from an import is decided and written by
``ovoz.analysis.services.interop``, in one transaction, after a dry run that reports every problem.
"""
