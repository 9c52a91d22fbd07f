"""A code's definition, inclusion and exclusion criteria and example as one REFI-QDA ``Description``.

The labels are part of the file format (read back on import), so they stay in English whatever the interface
language; a description without them is taken whole as the definition.
"""

import re

LABELS = (("inclusion", "Use when:"), ("exclusion", "Do not use when:"), ("example", "Example:"))
_SPLIT = re.compile(r"^(Use when:|Do not use when:|Example:)[ \t]*", re.MULTILINE)


def description_of(code) -> str:
    parts = [code.definition.strip()] if code.definition.strip() else []
    for field, label in LABELS:
        value = getattr(code, field).strip()
        if value:
            parts.append(f"{label} {value}")
    return "\n\n".join(parts)


def fields_from(description: str) -> dict[str, str]:
    pieces = _SPLIT.split(description or "")
    out = {"definition": pieces[0].strip()}
    by_label = {label: field for field, label in LABELS}
    for label, value in zip(pieces[1::2], pieces[2::2], strict=False):
        out[by_label[label]] = value.strip()
    return out
