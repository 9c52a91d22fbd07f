"""Forms parse what people type; the services decide and write. Edit forms get a copy of the record, so the
services still see the old values and audit the difference."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.advocacy.models import (
    Activity,
    Actor,
    AdvocacyPlan,
    Ask,
    Campaign,
    CampaignMaterial,
    ChangeNode,
    Channel,
    Message,
    Moment,
    Objective,
    Pathway,
    PathwayStep,
    Reach,
    TheoryOfChange,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _dates(fields):
    return dict.fromkeys(fields, DATE)


def _optional_position(form) -> None:
    """Left empty, a new record goes last and an edited one keeps its place."""
    form.fields["position"].required = False
    form.fields["position"].label = _("Order")
    if not form.instance.pk:
        form.fields["position"].initial = None


class TocForm(forms.ModelForm):
    class Meta:
        model = TheoryOfChange
        fields = ["title", "goal"]
        widgets = {"goal": forms.Textarea(attrs={"rows": 3})}


class NodeForm(forms.ModelForm):
    class Meta:
        model = ChangeNode
        fields = ["kind", "text", "leads_to", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"leads_to": _("Empty: it leads straight to the goal (or, for an assumption or indicator, "
                                    "is about the whole goal).")}

    def __init__(self, *args, toc, **kwargs):
        super().__init__(*args, **kwargs)
        from ovoz.advocacy.svg.toc import codes_for

        nodes = list(toc.nodes.exclude(kind__in=[ChangeNode.Kind.ASSUMPTION, ChangeNode.Kind.INDICATOR]))
        if self.instance.pk:
            nodes = [n for n in nodes if n.pk != self.instance.pk]
        codes = codes_for(list(toc.nodes.all()))
        self.fields["leads_to"].queryset = ChangeNode.objects.filter(pk__in=[n.pk for n in nodes])
        self.fields["leads_to"].label_from_instance = lambda n: f"{codes.get(n.pk, '')} {n.text[:80]}"
        self.fields["leads_to"].empty_label = _("the goal")
        _optional_position(self)


class ActorForm(forms.ModelForm):
    influence = forms.TypedChoiceField(label=_("Influence"), coerce=int, choices=[(i, str(i)) for i in range(6)],
                                       help_text=_("0 (none) to 5 (decides)."))
    stance = forms.TypedChoiceField(label=_("Stance"), coerce=int, choices=Actor.Stance.choices)

    class Meta:
        model = Actor
        fields = ["name", "kind", "level", "country", "influence", "stance", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class PlaceForm(forms.Form):
    influence = forms.TypedChoiceField(label=_("Influence"), coerce=int, choices=[(i, str(i)) for i in range(6)])
    stance = forms.TypedChoiceField(label=_("Stance"), coerce=int, choices=Actor.Stance.choices)


class PathwayForm(forms.ModelForm):
    class Meta:
        model = Pathway
        fields = ["title", "objective"]
        widgets = {"objective": forms.Textarea(attrs={"rows": 3})}


class StepForm(forms.ModelForm):
    class Meta:
        model = PathwayStep
        fields = ["position", "title", "description", "starts_on", "due_on", "responsible", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), **_dates(["starts_on", "due_on"])}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional_position(self)


class PlanForm(forms.ModelForm):
    class Meta:
        model = AdvocacyPlan
        fields = ["title", "summary", "starts_on", "ends_on", "currency", "proposal"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), **_dates(["starts_on", "ends_on"])}

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals
        if not proposals.exists():
            del self.fields["proposal"]


class ObjectiveForm(forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["level", "text", "outcome_achieved", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "outcome_achieved": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional_position(self)


def _plan_choices(form, plan, actors, findings=None):
    form.fields["objective"].queryset = plan.objectives.all()
    form.fields["objective"].label_from_instance = lambda o: f"{o.get_level_display()}: {o.text[:80]}"
    form.fields["targets"].queryset = actors
    form.fields["targets"].label_from_instance = lambda a: f"{a.name} ({a.get_kind_display()})"
    if findings is not None:
        form.fields["findings"].queryset = findings
        form.fields["findings"].label_from_instance = lambda f: f.statement[:140]
        if not findings.exists():
            form.fields["findings"].help_text = _("No findings yet: the team writes them under Findings, from its "
                                                  "coded evidence.")
    if not actors.exists():
        form.fields["targets"].help_text = _("No actors yet: add them to the power map first.")


class AskForm(forms.ModelForm):
    class Meta:
        model = Ask
        fields = ["objective", "text", "targets", "findings", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "targets": forms.CheckboxSelectMultiple,
                   "findings": forms.CheckboxSelectMultiple}

    def __init__(self, *args, plan, actors, findings, **kwargs):
        super().__init__(*args, **kwargs)
        _plan_choices(self, plan, actors, findings)
        _optional_position(self)


class ActivityForm(forms.ModelForm):
    budget_category = forms.ChoiceField(label=_("Budget category"), choices=())

    class Meta:
        model = Activity
        fields = ["objective", "level", "title", "description", "starts_on", "ends_on", "responsible", "targets",
                  "budget", "budget_category", "status", "outcome"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), "outcome": forms.Textarea(attrs={"rows": 2}),
                   "targets": forms.CheckboxSelectMultiple, **_dates(["starts_on", "ends_on"])}

    def __init__(self, *args, plan, actors, **kwargs):
        from ovoz.grants.models import BudgetCategory

        super().__init__(*args, **kwargs)
        _plan_choices(self, plan, actors)
        self.fields["budget_category"].choices = BudgetCategory.choices
        self.fields["budget"].help_text = _("In %(currency)s.") % {"currency": plan.currency}


class MomentForm(forms.ModelForm):
    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Moment
        fields = ["title", "kind", "level", "starts_on", "ends_on", "description", "url"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), **_dates(["starts_on", "ends_on"])}


class CampaignForm(forms.ModelForm):
    channels = forms.MultipleChoiceField(label=_("Channels"), choices=Channel.choices, required=False,
                                         widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Campaign
        fields = ["title", "moment", "plan", "starts_on", "ends_on", "objective", "channels"]
        widgets = {"objective": forms.Textarea(attrs={"rows": 3}), **_dates(["starts_on", "ends_on"])}

    def __init__(self, *args, moments, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["moment"].queryset = moments
        self.fields["plan"].queryset = plans


class MessageForm(forms.ModelForm):
    class Meta:
        model = Message
        fields = ["language", "audience", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class MaterialForm(forms.ModelForm):
    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = CampaignMaterial
        fields = ["title", "kind", "language", "url"]


class ReachForm(forms.ModelForm):
    class Meta:
        model = Reach
        fields = ["channel", "recorded_on", "people", "note"]
        widgets = {"recorded_on": DATE}
