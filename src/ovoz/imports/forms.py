import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ovoz.imports.services import validate_spec

XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_ACCEPT = ".json,.csv,.xlsx,.zip,application/json,text/csv,application/zip," + XLSX_ACCEPT
TABLE_ACCEPT = ".csv,.xlsx,text/csv," + XLSX_ACCEPT


class XLSFormUploadForm(forms.Form):
    file = forms.FileField(label=_("XLSForm (.xlsx)"), widget=forms.ClearableFileInput(attrs={"accept": XLSX_ACCEPT}),
                           help_text=_("Uploading a form with the same form_id again keeps it as a new version."))


class MappingForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    spec = forms.CharField(
        label=_("Mapping (JSON)"),
        widget=forms.Textarea(attrs={"rows": 22, "spellcheck": "false", "class": "imp-code", "autocapitalize": "off"}),
    )

    def __init__(self, *args, instrument=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument

    def clean_spec(self):
        return validate_spec(self.cleaned_data["spec"], self.instrument)

    @staticmethod
    def as_text(spec: dict) -> str:
        return json.dumps(spec, ensure_ascii=False, indent=2)


class SubmissionsImportForm(forms.Form):
    mapping = forms.ModelChoiceField(label=_("Mapping"), queryset=None, empty_label=None)
    version = forms.ModelChoiceField(label=_("Form version"), queryset=None, empty_label=None,
                                     help_text=_("The version the submissions were collected with."))
    file = forms.FileField(
        label=_("Export from KoBoToolbox or ODK Central"),
        widget=forms.ClearableFileInput(attrs={"accept": EXPORT_ACCEPT}),
        help_text=_("JSON (with repeat groups), CSV, XLSX or ODK Central's CSV zip, at most 50 MB."),
    )

    def __init__(self, *args, instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mapping"].queryset = instrument.mappings.order_by("name", "pk")
        self.fields["version"].queryset = instrument.versions.order_by("-number")
        self.fields["version"].label_from_instance = lambda v: (
            _("Version %(n)s (%(form_version)s)") if v.form_version else _("Version %(n)s")
        ) % {"n": v.number, "form_version": v.form_version}
        if not self.is_bound:
            latest = instrument.versions.order_by("-number").first()
            if latest:
                self.initial.setdefault("version", latest.pk)


class TableImportForm(forms.Form):
    file = forms.FileField(label=_("Table (CSV or XLSX)"),
                           widget=forms.ClearableFileInput(attrs={"accept": TABLE_ACCEPT}),
                           help_text=_("Made from the template, at most 50 MB."))


def file_content(upload) -> bytes:
    if upload is None:
        raise ValidationError(_("Choose a file."))
    return b"".join(upload.chunks())
