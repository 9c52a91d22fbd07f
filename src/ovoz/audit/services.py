"""Writing the audit log. Every service calls these inside its own transaction."""

import hashlib
import hmac
from typing import Any

from django.db import models

from ovoz import keys
from ovoz.audit.models import AuditEntry
from ovoz.fields import EncryptedTextField


def _fingerprint(value: str) -> str:
    """A keyed fingerprint: shows that a sensitive value changed without revealing or allowing a guess of it."""
    digest = hmac.new(keys.derived_key("audit-fingerprint"), value.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"[encrypted {digest[:8]}]"


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """Values of ``fields`` for a diff; sensitive fields never enter the log in plain text."""
    out = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if isinstance(field, EncryptedTextField):
            value = getattr(instance, name)
            out[name] = _fingerprint(value) if value else ""
        else:
            out[name] = _plain(getattr(instance, field.attname))
    return out


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k: {"old": old.get(k), "new": new.get(k)} for k in new if old.get(k) != new.get(k)}


def _label(actor) -> str:
    if actor is None:
        return "system"
    return getattr(actor, "username", "") or "system"


def audit_write(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    changes: dict | None = None,
    programme=None,
    partnership=None,
    kind: str = AuditEntry.Kind.CHANGE,
    ip_address: str | None = None,
    object_repr: str | None = None,
) -> AuditEntry:
    # The partnership's programme by its id: reading the programme row would cost a query on hot paths.
    programme_id = programme.pk if programme is not None else getattr(partnership, "programme_id", None)
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=_label(actor),
        kind=kind,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=(object_repr if object_repr is not None else str(obj) if obj is not None else "")[:200],
        changes=changes or {},
        programme_id=programme_id,
        partnership=partnership,
        ip_address=ip_address,
    )


def audit_read(*, actor, obj: models.Model, partnership=None, reason: str = "", ip_address=None) -> AuditEntry:
    """Record that someone looked at a sensitive record (an identity, a testimony)."""
    return audit_write(
        actor=actor,
        action="read",
        obj=obj,
        changes={"reason": reason} if reason else {},
        partnership=partnership,
        kind=AuditEntry.Kind.READ,
        ip_address=ip_address,
    )


def audited_update(
    *, actor, instance: models.Model, fields: list[str], values: dict[str, Any], action: str, clean: bool = True,
    **audit_kwargs,
) -> models.Model:
    """Set ``values`` on ``instance``, save only those fields, and log what actually changed.

    Callers run inside their own ``transaction.atomic`` so the row and its audit entry land together.
    """
    unknown = set(values) - set(fields)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    before = snapshot(instance, fields)
    for name, value in values.items():
        setattr(instance, name, value)
    if clean:
        instance.full_clean()
    instance.save(update_fields=list(values))
    changes = diff(before, snapshot(instance, fields))
    if changes:
        audit_write(actor=actor, action=action, obj=instance, changes=changes, **audit_kwargs)
    return instance
