from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ovoz.deliverables.files import MAX_FILE_BYTES, allowed_extensions
from ovoz.deliverables.models import DeliverableKind, DeliverableState, SubmissionMode, TimelineItem


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimelineItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=TimelineItem.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(label=_("Date (a milestone) or start (a phase)"), widget=DateInput())
    ends_on = forms.DateField(label=_("End (phases only)"), required=False, widget=DateInput())
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TemplateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=DeliverableKind.choices)
    due_on = forms.DateField(label=_("Due date"), widget=DateInput())
    submission = forms.ChoiceField(label=_("Submitted as"), choices=SubmissionMode.choices,
                                   initial=SubmissionMode.FILE_OR_TEXT)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class VersionForm(forms.Form):
    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    file = forms.FileField(label=_("File"), required=False)
    note = forms.CharField(label=_("Note to the reviewers (optional)"), max_length=500, required=False)

    def __init__(self, *args, mode: SubmissionMode, **kwargs):
        super().__init__(*args, **kwargs)
        if mode.takes_file():
            self.fields["file"].help_text = gettext("Up to %(mb)s MB: %(types)s.") % {
                "mb": MAX_FILE_BYTES // (1024 * 1024), "types": allowed_extensions()}
        else:
            del self.fields["file"]
        if not mode.takes_text():
            del self.fields["text"]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("changes_requested", _("Request changes")), ("accepted", _("Accept")), ("comment", _("Comment"))]
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class DueForm(forms.Form):
    due_on = forms.DateField(label=_("New due date for this partnership"), widget=DateInput())


class DeliverableFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    programme = forms.TypedChoiceField(label=_("Programme"), required=False, coerce=int, empty_value=None)
    partnership = forms.TypedChoiceField(label=_("Partnership"), required=False, coerce=int, empty_value=None)
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("All"))] + list(DeliverableState.choices))
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, programmes=(), partnerships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", _("All"))] + [(p.pk, str(p)) for p in programmes]
        self.fields["partnership"].choices = [("", _("All"))] + [(p.pk, p.organisation.name) for p in partnerships]
