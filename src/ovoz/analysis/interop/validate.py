"""Checking REFI-QDA XML against the published schemas (copies kept in ``schemas/`` so this works offline)."""

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"


@cache
def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def schema_errors(root_or_bytes, *, codebook: bool = False, limit: int = 20) -> list[str]:
    """The schema's complaints about a document (empty when valid), at most ``limit`` of them."""
    if isinstance(root_or_bytes, bytes):
        from ovoz.analysis.interop.safe import parse_xml

        root_or_bytes = parse_xml(root_or_bytes, "project.qde")
    schema = _schema("Codebook.xsd" if codebook else "Project.xsd")
    if schema.validate(root_or_bytes):
        return []
    return [f"line {e.line}: {e.message}" for e in list(schema.error_log)[:limit]]
