from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.evidence.models import Source

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Languages sources are recorded in (the interface's five, and Kazakh); stored as ISO 639-1 codes.
SOURCE_LANGUAGES = [
    ("ky", _("Kyrgyz")),
    ("ru", _("Russian")),
    ("uz", _("Uzbek")),
    ("tg", _("Tajik")),
    ("kk", _("Kazakh")),
    ("en", _("English")),
    ("other", _("Other language")),
]
IMPORT_TARGETS = [("transcript", _("the transcript")), ("translation_en", _("the English translation"))]


class NotRecordedYesNo(forms.NullBooleanSelect):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", _("Not recorded")), ("true", _("Yes")), ("false", _("No"))]


class ParticipantChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.code


class FacilitatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class SourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Source.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200,
                            help_text=_("What it was, not who: e.g. “Interview on wages, Ak-Zhar”."))
    date = forms.DateField(label=_("Date"), required=False, widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=[("", "—")] + SOURCE_LANGUAGES, required=False)
    facilitator = FacilitatorChoiceField(label=_("Facilitator"), queryset=None, required=False,
                                         empty_label="—")
    participants = ParticipantChoiceField(
        label=_("Participants involved"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("By their codes. Only participants of this partnership."),
    )
    women_only = forms.NullBooleanField(
        label=_("Women-only space"), required=False,
        widget=NotRecordedYesNo(),
    )
    stakeholders_present = forms.CharField(label=_("Stakeholders present"), required=False,
                                           widget=forms.Textarea(attrs={"rows": 2}))
    outcomes = forms.CharField(label=_("Outcomes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    transcript = forms.CharField(
        label=_("Transcript"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Plain text. Kept exactly as written, so that coded passages keep their place."),
    )
    translation_en = forms.CharField(label=_("English translation"), required=False, strip=False,
                                     widget=forms.Textarea(attrs={"rows": 6}))
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    shared_with_programme = forms.BooleanField(
        label=_("Share with the programme's coordinators"), required=False,
        help_text=_("Only if every participant involved allows sharing with coordinators."),
    )
    import_file = forms.FileField(
        label=_("Import text from a file"), required=False,
        help_text=_(".txt, .docx, .odt or .pdf, at most 20 MB. You will see the text before anything is saved."),
    )
    import_into = forms.ChoiceField(label=_("Put the text into"), choices=IMPORT_TARGETS, required=False)

    CONSULTATION = ("women_only", "stakeholders_present", "outcomes")
    IMPORT = ("import_file", "import_into")

    def __init__(self, *args, participants, team, transcript_locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = participants
        self.fields["facilitator"].queryset = team
        self.transcript_locked = transcript_locked
        if transcript_locked:
            self.fields["transcript"].disabled = True
            self.fields["transcript"].help_text = _(
                "Passages of this transcript are coded, so it can no longer be changed. Add corrections in the notes."
            )
            self.fields["import_into"].choices = IMPORT_TARGETS[1:]

    def main_fields(self):
        return [self[n] for n in ("kind", "title", "date", "place", "language", "facilitator")]

    def consultation_fields(self):
        return [self[n] for n in self.CONSULTATION]

    def text_fields(self):
        return [self[n] for n in ("transcript", "translation_en", "notes")]

    def import_fields(self):
        return [self[n] for n in self.IMPORT]

    def values(self) -> dict:
        """The cleaned values the service takes (all but participants and the import)."""
        d = self.cleaned_data
        out = {name: d[name] for name in (
            "kind", "title", "date", "place", "language", "facilitator", "stakeholders_present", "outcomes",
            "translation_en", "notes", "shared_with_programme", "women_only",
        )}
        if not self.transcript_locked:
            out["transcript"] = d["transcript"]
        return out

    def current_values(self) -> dict:
        """What the person has typed so far, as initial values (for the preview after an import)."""
        out = {}
        for name, field in self.fields.items():
            if name in self.IMPORT or field.disabled:
                continue
            out[name] = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        return out


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("Audio (mp3, m4a, ogg, wav, up to 100 MB), photos (jpg, png, up to 15 MB) or scans (pdf, up to "
                    "30 MB). Stored encrypted."),
    )


class SourceFilterForm(forms.Form):
    q = forms.CharField(label=_("Title"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All"))] + Source.Kind.choices)
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[("", _("All"))] + SOURCE_LANGUAGES)
    participant = forms.CharField(label=_("Participant code"), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)
