"""Forms of participatory sessions: the session itself, and the ways to add an excerpt."""

from django import forms
from django.utils.translation import gettext_lazy as _


class UserLabelMixin:
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.username


class UserChoiceField(UserLabelMixin, forms.ModelChoiceField):
    pass


class UsersField(UserLabelMixin, forms.ModelMultipleChoiceField):
    pass


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def __init__(self, *args, team, co_researchers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"] = UserChoiceField(label=_("Facilitator"), queryset=team, required=False)
        self.fields["co_researchers"] = UsersField(
            label=_("Invited co-researchers"), queryset=co_researchers, required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("They will see this session's excerpts and memos once it is open, and nothing else."))


class SpanForm(forms.Form):
    source = forms.TypedChoiceField(label=_("Source"), coerce=int)
    start = forms.IntegerField(label=_("From character"), min_value=0)
    end = forms.IntegerField(label=_("To character"), min_value=1)

    def __init__(self, *args, sources=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = list(sources)


class ExcerptTextForm(forms.Form):
    text = forms.CharField(label=_("Anonymised text"), widget=forms.Textarea(attrs={"rows": 4}))
