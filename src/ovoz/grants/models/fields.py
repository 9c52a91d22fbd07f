"""Money fields: an amount with two decimals, and an ISO 4217 currency code beside it."""

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

currency_code = RegexValidator(r"^[A-Z]{3}$", _("A currency is a three-letter ISO 4217 code, such as USD."))


def money_field(verbose_name, **kwargs) -> models.DecimalField:
    kwargs.setdefault("validators", [MinValueValidator(0)])
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


def currency_field(verbose_name=None, **kwargs) -> models.CharField:
    return models.CharField(verbose_name or _("currency"), max_length=3, validators=[currency_code], **kwargs)
