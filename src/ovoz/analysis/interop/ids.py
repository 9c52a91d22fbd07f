"""GUIDs for what Ovoz keeps without one (sources, people, participants, memos).

They are derived from the row's id with a key of this installation, so that exporting twice gives the same
GUIDs (other tools then recognise the same source), while two installations never derive the same GUID and an
id cannot be read back from one. Codes and codings carry their own GUIDs.
"""

import hashlib
import hmac
import uuid
from functools import cache

from ovoz import keys

# Fixed GUIDs for the variables every export declares (the same in every installation).
VARIABLES_NAMESPACE = uuid.UUID("6f0a8f0e-3c1b-5d8e-9a57-0b7a3e0d5c21")


@cache
def _key() -> bytes:
    return keys.derived_key("refi-qda-guid")


def derived(kind: str, pk) -> str:
    digest = hmac.new(_key(), f"{kind}:{pk}".encode(), hashlib.sha256).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def variable_guid(name: str) -> str:
    return str(uuid.uuid5(VARIABLES_NAMESPACE, name))


def selection_guid(coding_guid: str) -> str:
    """The selection holding one coding: the coding's GUID with the version digit set to 8 ("custom"), so that
    it is stable, cheap to make for 100,000 codings, and never equal to a (version 4) coding GUID."""
    return f"{coding_guid[:14]}8{coding_guid[15:]}"


def normalise(guid: str) -> str:
    """GUIDs compare lower-case without braces (the schema allows ``{…}`` and either case)."""
    return (guid or "").strip().strip("{}").lower()
