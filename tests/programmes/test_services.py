import datetime

import pytest
from django.core.exceptions import ValidationError

from ovoz.audit.models import AuditEntry
from ovoz.programmes.services import partnership_update, programme_update


def test_updating_a_partnership_logs_only_the_fields_that_changed(cast):
    partnership_update(actor=cast.coordinator, partnership=cast.a, briefer_title="New title", country="KG")
    entry = AuditEntry.objects.get(action="partnership.update")
    assert entry.changes == {"briefer_title": {"old": "A briefer", "new": "New title"}}
    assert entry.partnership == cast.a


def test_an_update_that_changes_nothing_writes_no_audit_row(cast):
    partnership_update(actor=cast.coordinator, partnership=cast.a, briefer_title="A briefer")
    assert not AuditEntry.objects.filter(action="partnership.update").exists()


def test_a_programme_cannot_be_moved_to_end_before_it_starts(cast):
    with pytest.raises(ValidationError):
        programme_update(actor=cast.coordinator, programme=cast.programme, ends_on=datetime.date(2020, 1, 1))
    cast.programme.refresh_from_db()
    assert cast.programme.ends_on == datetime.date(2024, 9, 30)
    assert not AuditEntry.objects.filter(action="programme.update").exists()


def test_fields_outside_the_editable_list_are_refused(cast):
    with pytest.raises(ValueError, match="Not editable"):
        partnership_update(actor=cast.coordinator, partnership=cast.a, created_at=None)
