"""The few steps every advocacy write shares: clean, save, audit — inside the caller's transaction."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update, diff, snapshot


def stripped(values: dict) -> dict:
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}


def only(values: dict, fields: list[str]) -> dict:
    unknown = set(values) - set(fields)
    if unknown:
        raise ValidationError(_("These cannot be changed here: %(names)s") % {"names": ", ".join(sorted(unknown))})
    # An order left empty keeps the old one (or puts a new record last).
    return {k: v for k, v in stripped(values).items() if not (k == "position" and v is None)}


def owner_scope(owner) -> dict:
    return {"programme": owner.programme, "partnership": owner.partnership}


def create(*, actor, obj, fields: list[str], action: str, owner, extra: dict | None = None):
    obj.full_clean()
    obj.save()
    changes = diff({}, snapshot(obj, fields))
    changes.update(extra or {})
    audit_write(actor=actor, action=action, obj=obj, changes=changes, **owner_scope(owner))
    return obj


def update(*, actor, obj, fields: list[str], values: dict, action: str, owner):
    values = only(values, fields)
    if hasattr(obj, "updated_at") and values:
        obj.updated_at = timezone.now()
        obj.save(update_fields=["updated_at"])
    return audited_update(actor=actor, instance=obj, fields=fields, values=values, action=action, **owner_scope(owner))


def delete(*, actor, obj, action: str, owner, fields: list[str]) -> None:
    audit_write(actor=actor, action=action, obj=obj, changes=diff(snapshot(obj, fields), {}) or {},
                **owner_scope(owner))
    obj.delete()


def m2m_change(obj, name: str, new) -> dict:
    """Set a many-to-many field; the change as audit data, or nothing when it stays the same."""
    manager = getattr(obj, name)
    old = sorted(manager.values_list("pk", flat=True))
    new_ids = sorted(x.pk for x in new)
    if old == new_ids:
        return {}
    manager.set(new)
    return {name: {"old": old, "new": new_ids}}


def same_scope(owner, items, what: str) -> list:
    """Items (actors, findings) used by a plan must come from its partnership, or from its programme's own."""
    items = list(items)
    for item in items:
        if item.programme_id != owner.programme_id or (
            item.partnership_id is not None and item.partnership_id != owner.partnership_id
        ):
            raise ValidationError(_("This %(what)s belongs to another partnership.") % {"what": what})
    return items
