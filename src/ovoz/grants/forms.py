"""Forms of the grants pages. They parse; the services decide (caps, totals, states)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.grants.models import CURRENCIES, BudgetCategory, GrantKind, GrantStatus, ReportTemplate
from ovoz.grants.uploads import ALLOWED_LABEL, MAX_ATTACHMENT_BYTES, TYPES


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MoneyField(forms.DecimalField):
    """An amount as people type it: ``1250.50``, ``1250,50`` or ``14 000``; at most two decimals."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("\u00a0", "").replace(" ", "")
            if value.count(",") == 1 and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)


def money_field(label, *, required=True, **kwargs) -> forms.DecimalField:
    return MoneyField(
        label=label, required=required, max_digits=12, decimal_places=2, min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}), **kwargs,
    )


class PolicyForm(forms.Form):
    currency = forms.ChoiceField(label=_("Currency of the caps"), choices=CURRENCIES)
    research_cap = money_field(_("Research sub-grant cap"))
    advocacy_cap = money_field(
        _("Advocacy sub-grant cap"), required=False, help_text=_("Leave empty for no cap on advocacy sub-grants.")
    )


class GrantEditForm(forms.Form):
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES)
    amount = money_field(_("Amount"))
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=GrantStatus.choices, initial=GrantStatus.ACTIVE)
    reference = forms.CharField(label=_("Reference"), max_length=60, required=False,
                                help_text=_("E.g. the agreement number."))


class GrantForm(GrantEditForm):
    field_order = ["partnership", "kind"]
    partnership = forms.ChoiceField(label=_("Partnership"))
    kind = forms.ChoiceField(label=_("Kind"), choices=GrantKind.choices, initial=GrantKind.RESEARCH)

    def __init__(self, *args, partnerships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.partnerships = {str(p.pk): p for p in partnerships}
        self.fields["partnership"].choices = [(str(p.pk), p.organisation.name) for p in partnerships]

    def clean_partnership(self):
        value = self.cleaned_data["partnership"]
        if value not in self.partnerships:
            raise forms.ValidationError(_("Choose a partnership of this programme."))
        return self.partnerships[value]


class BudgetLineForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=BudgetCategory.choices)
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    amount = money_field(_("Amount"))


class TrancheForm(forms.Form):
    planned_on = forms.DateField(label=_("Planned date"), widget=DateInput())
    planned_amount = money_field(_("Planned amount"))
    paid_on = forms.DateField(label=_("Paid on"), widget=DateInput(), required=False)
    paid_amount = money_field(_("Paid amount"), required=False)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class ReportCreateForm(forms.Form):
    template = forms.ChoiceField(label=_("Template"), choices=ReportTemplate.choices)
    period_start = forms.DateField(label=_("Period from"), widget=DateInput())
    period_end = forms.DateField(label=_("Period to"), widget=DateInput())

    def __init__(self, *args, templates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if templates is not None:
            self.fields["template"].choices = [(t.value, t.label) for t in templates]


class ReportEditForm(forms.Form):
    """The period and notes, then one spending amount and one note per budget line (``actual_<id>``)."""

    period_start = forms.DateField(label=_("Period from"), widget=DateInput())
    period_end = forms.DateField(label=_("Period to"), widget=DateInput())
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for row in self.rows:
            pk = row.budget_line.pk
            self.fields[f"actual_{pk}"] = money_field(row.budget_line.label, initial=row.actual)
            self.fields[f"notes_{pk}"] = forms.CharField(
                label=_("Notes on %(line)s") % {"line": row.budget_line.label}, max_length=500, required=False,
                initial=row.notes,
            )

    def line_values(self) -> dict[int, tuple]:
        d = self.cleaned_data
        return {r.budget_line.pk: (d[f"actual_{r.budget_line.pk}"], d[f"notes_{r.budget_line.pk}"]) for r in self.rows}

    def bound_rows(self):
        """(row, amount field, notes field) for the template's table."""
        return [(r, self[f"actual_{r.budget_line.pk}"], self[f"notes_{r.budget_line.pk}"]) for r in self.rows]


class ReviewForm(forms.Form):
    ACCEPT = "accept"
    CHANGES = "changes"
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[(ACCEPT, _("Accept")), (CHANGES, _("Request changes"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you ask for changes: say what should change."),
    )


class ProposalReviewForm(ReviewForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ReviewForm.ACCEPT, _("Approve and create the advocacy grant")),
                 (ReviewForm.CHANGES, _("Return with comments"))],
        widget=forms.RadioSelect,
    )


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("%(types)s, at most %(mb)s MB.") % {"types": ALLOWED_LABEL, "mb": MAX_ATTACHMENT_BYTES // 2**20},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(TYPES)}),
    )
    budget_line = forms.ChoiceField(label=_("Budget line"), required=False)
    description = forms.CharField(label=_("Description"), max_length=300, required=False)

    def __init__(self, *args, budget_lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.budget_lines = {str(b.pk): b for b in budget_lines}
        self.fields["budget_line"].choices = [("", _("The whole report"))] + [
            (str(b.pk), b.label) for b in budget_lines
        ]

    def clean_budget_line(self):
        value = self.cleaned_data.get("budget_line")
        if not value:
            return None
        if value not in self.budget_lines:
            raise forms.ValidationError(_("Choose a budget line of this grant."))
        return self.budget_lines[value]


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    objectives = forms.CharField(label=_("Objectives"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    activities = forms.CharField(label=_("Activities"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    starts_on = forms.DateField(label=_("Period from"), widget=DateInput())
    ends_on = forms.DateField(label=_("Period to"), widget=DateInput())
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES)


class ProposalLineForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=[("", "—")] + BudgetCategory.choices, required=False)
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    amount = money_field(_("Amount"), required=False)

    def clean(self):
        d = super().clean()
        if d.get("amount") is not None and not d.get("category") and not d.get("DELETE"):
            self.add_error("category", _("Choose a category for this amount."))
        return d


ProposalLineFormSet = forms.formset_factory(ProposalLineForm, extra=3, can_delete=True, max_num=40)


def proposal_lines(formset) -> list[tuple]:
    """The filled, not deleted rows of a proposal's budget formset, as (category, description, amount)."""
    out = []
    for f in formset.forms:
        d = f.cleaned_data
        if not d or d.get("DELETE") or not d.get("category"):
            continue
        out.append((d["category"], d.get("description", ""), d.get("amount") or 0))
    return out
