"""Every audit action the advocacy services write has a human label in the audit log."""

import re
from pathlib import Path

import ovoz.advocacy
from ovoz.advocacy.audit_labels import ACTION_LABELS


def test_every_action_written_by_the_services_has_a_label():
    services = Path(ovoz.advocacy.__file__).parent / "services"
    written = set()
    for path in services.glob("*.py"):
        written |= set(re.findall(r'action="([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert len(written) > 30
    assert written <= set(ACTION_LABELS), sorted(written - set(ACTION_LABELS))
