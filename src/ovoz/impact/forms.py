"""Forms parse what people type; the services decide and write. Choices are limited to what she may see."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.accounts.models import User
from ovoz.events.models import Event
from ovoz.evidence.access import participants_visible_to
from ovoz.impact.models import ChangeLevel, ChangeStory, Outcome, Reflection, SelectionRound, StoryFeedback
from ovoz.programmes.models import Membership

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _rows(n: int):
    return forms.Textarea(attrs={"rows": n})


class StoryForm(forms.ModelForm):
    class Meta:
        model = ChangeStory
        fields = ["level", "title", "social_actor", "what_changed", "happened_on", "place", "significance",
                  "contribution", "evidence", "verifiable_by", "storyteller_kind", "storyteller", "storyteller_user",
                  "storyteller_name", "storyteller_agrees", "collected_on", "shared_with_programme"]
        widgets = {"happened_on": DATE, "collected_on": DATE, "what_changed": _rows(5), "significance": _rows(3),
                   "contribution": _rows(3), "evidence": _rows(3), "storyteller_name": forms.TextInput}

    def __init__(self, *args, user, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        # Only participants who allow the use of their words in the research can tell a story here.
        self.fields["storyteller"].queryset = participants_visible_to(user, scope="analysis").filter(
            partnership=partnership
        )
        team = Membership.objects.filter(partnership=partnership).values("user_id")
        self.fields["storyteller_user"].queryset = User.objects.filter(pk__in=team).order_by("username")
        self.fields["storyteller_name"].help_text = _("Only for someone who is neither a participant nor on the team.")


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = StoryFeedback
        fields = ["given_on", "method", "round", "note"]
        widgets = {"given_on": DATE, "note": _rows(2)}

    def __init__(self, *args, story, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = SelectionRound.objects.filter(selections__story=story)
        self.fields["round"].label = _("selection round")


class RoundForm(forms.ModelForm):
    class Meta:
        model = SelectionRound
        fields = ["title", "held_on", "event", "selectors", "notes"]
        widgets = {"held_on": DATE, "selectors": _rows(2), "notes": _rows(3)}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(programme=programme)


class SelectionForm(forms.Form):
    story = forms.ModelChoiceField(label=_("Story"), queryset=ChangeStory.objects.none())
    domain = forms.ChoiceField(label=_("Domain"), choices=ChangeLevel.choices)
    reason = forms.CharField(label=_("Why the group chose it"), widget=_rows(3))

    def __init__(self, *args, stories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["story"].queryset = stories


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["level", "description", "social_actor", "happened_on", "place", "significance", "contribution",
                  "substantiation", "toc_outcomes", "recommendations", "concerns", "stories"]
        widgets = {"happened_on": DATE, "description": _rows(4), "significance": _rows(3), "contribution": _rows(3),
                   "substantiation": _rows(2), "stories": forms.CheckboxSelectMultiple,
                   "toc_outcomes": forms.CheckboxSelectMultiple, "recommendations": forms.SelectMultiple}

    def __init__(self, *args, stories, toc_outcomes=None, recommendations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stories"].queryset = stories
        self.fields["toc_outcomes"].queryset = toc_outcomes
        self.fields["recommendations"].queryset = recommendations
        self.fields["toc_outcomes"].label_from_instance = lambda node: f"{node.toc}: {node.text}"


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["kind", "title", "text", "how_met", "event"]
        widgets = {"text": _rows(5), "how_met": _rows(3)}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(programme=programme)
