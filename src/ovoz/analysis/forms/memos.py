"""The memo form and the memo list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _


class MemoForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    text = forms.CharField(label=_("Memo"), widget=forms.Textarea(attrs={"rows": 8}))


class MemoFilterForm(forms.Form):
    KINDS = [
        ("", _("Any")), ("project", _("Project")), ("code", _("Code")), ("coding", _("Coding")),
        ("source", _("Source")), ("session", _("Session")),
    ]
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("On"), choices=KINDS, required=False)
    author = forms.TypedChoiceField(label=_("Author"), required=False, coerce=int, empty_value=None)
    partnership = forms.TypedChoiceField(label=_("Partnership"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, authors=(), partnerships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author"].choices = [("", _("Anyone")), *authors]
        self.fields["partnership"].choices = [("", _("All")), ("0", _("Programme")), *partnerships]
