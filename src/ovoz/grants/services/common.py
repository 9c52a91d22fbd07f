"""Checks shared by the grants services: amounts, currencies, dates and the programme's cap."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ovoz.grants.models import GrantKind, GrantPolicy
from ovoz.grants.money import format_money

CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
MAX_AMOUNT = Decimal("9999999999.99")


def amount_of(value, label: str, *, positive: bool = False) -> Decimal:
    """A money amount from a Decimal, int or string: at most two decimals, not negative; refused otherwise."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(_("%(label)s must be a number, such as 1250.50.") % {"label": label}) from None
    if not amount.is_finite():
        raise ValidationError(_("%(label)s must be a number, such as 1250.50.") % {"label": label})
    if amount.as_tuple().exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(_("%(label)s has more than two decimals.") % {"label": label})
    if amount < 0 or (positive and amount == 0):
        msg = _("%(label)s must be more than zero.") if positive else _("%(label)s cannot be negative.")
        raise ValidationError(msg % {"label": label})
    if amount > MAX_AMOUNT:
        raise ValidationError(_("%(label)s is too large.") % {"label": label})
    return amount.quantize(Decimal("0.01"))


def currency_of(value: str) -> str:
    code = (value or "").strip().upper()
    if not CURRENCY_RE.match(code):
        raise ValidationError(_("A currency is a three-letter ISO 4217 code, such as USD."))
    return code


def check_dates(start: datetime.date, end: datetime.date) -> None:
    if start is None or end is None:
        raise ValidationError(_("Both dates are required."))
    if end < start:
        raise ValidationError(_("The end date is before the start date."))


def check_cap(*, programme_id: int, kind: str, currency: str, amount: Decimal) -> None:
    """Refuse a grant above the programme's cap for its kind, or in another currency than the cap's.

    A research sub-grant needs a policy (the cap is part of the programme's rules); an advocacy
    sub-grant is checked only when the policy sets an advocacy cap.
    """
    policy = GrantPolicy.objects.filter(programme_id=programme_id).first()
    if policy is None:
        if kind == GrantKind.RESEARCH:
            raise ValidationError(
                _("This programme has no grant policy yet: the coordinator sets the research sub-grant cap first.")
            )
        return
    cap = policy.cap_for(kind)
    if cap is None:
        return
    label = GrantKind(kind).label
    if currency != policy.currency:
        raise ValidationError(
            _(
                "The programme's %(kind)s cap is in %(cap_currency)s, so this grant must be in %(cap_currency)s too, "
                "not %(currency)s. Amounts in different currencies are never compared."
            )
            % {"kind": label.lower(), "cap_currency": policy.currency, "currency": currency}
        )
    if amount > cap:
        raise ValidationError(
            _("%(amount)s is above the programme's %(kind)s cap (%(cap)s) by %(over)s.")
            % {
                "amount": format_money(amount, currency),
                "kind": label.lower(),
                "cap": format_money(cap, policy.currency),
                "over": format_money(amount - cap, currency),
            }
        )


def removed(values: dict) -> dict:
    """Audit changes for a deleted row: every value went from what it was to nothing."""
    return {k: {"old": v, "new": None} for k, v in values.items() if v not in (None, "")}
