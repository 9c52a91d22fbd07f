"""``{{ amount|money:currency }}`` → ``14,000.00 USD`` (grouped as the language groups digits);
``{{ variance|signed_money }}`` → ``+120.00``; ``{{ pct|percent }}`` → ``+4.5 %`` or ``—``."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def money(value, currency: str = "") -> str:
    if value is None or value == "":
        return "—"
    text = floatformat(value, "2g")
    return f"{text} {currency}".strip()


@register.filter
def signed_money(value) -> str:
    if value is None:
        return "—"
    text = floatformat(value, "2g")
    return f"+{text}" if Decimal(value) > 0 else text


@register.filter
def percent(value) -> str:
    if value is None:
        return "—"
    text = floatformat(value, "1")
    return f"+{text}\u00a0%" if Decimal(value) > 0 else f"{text}\u00a0%"


@register.filter
def total_amount(items) -> Decimal:
    """The sum of ``amount`` over prefetched rows (budget lines), without another query."""
    return sum((Decimal(i.amount) for i in items), Decimal("0.00"))
