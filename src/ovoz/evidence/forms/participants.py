"""Forms of the participant register: her attributes, her consent, its withdrawal, identity reveals, exports.

Short forms, labels above inputs, big targets: they are filled on a phone, in four languages.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.evidence.forms.vocabulary import term_field
from ovoz.evidence.models import AgeBand, AttributeDefinition, ConsentRecord, ConsentScope, ExportRecord, Term
from ovoz.evidence.services.vocabulary import terms_for, tree_order

# A short tag for each scope in lists; a plain-words explanation for the consent form and the summary.
SCOPE_TAGS = {
    ConsentScope.ANALYSIS: _("analysis"),
    ConsentScope.QUOTES: _("quotes"),
    ConsentScope.STATISTICS: _("statistics"),
    ConsentScope.COORDINATORS: _("coordinators"),
    ConsentScope.UN_AUTHORITIES: _("UN / authorities"),
    ConsentScope.ATTRIBUTION: _("name"),
}
SCOPE_EXPLAINED = {
    ConsentScope.ANALYSIS: _(
        "The research team may read, code and analyse what she told us, to understand the situation of women "
        "migrants."
    ),
    ConsentScope.QUOTES: _(
        "Her words may be quoted in reports and publications, without her name or anything that shows who she is."
    ),
    ConsentScope.STATISTICS: _("She may be counted in numbers and tables, where nobody can be picked out."),
    ConsentScope.COORDINATORS: _(
        "The programme's coordinators at the network secretariat may see her information, under her code only."
    ),
    ConsentScope.UN_AUTHORITIES: _(
        "Her case may be presented to UN human rights mechanisms or to national authorities, without her name."
    ),
    ConsentScope.ATTRIBUTION: _("Her real name may be published beside her words or her story."),
}
# The same, told to her, for the printable summary she keeps.
SCOPE_EXPLAINED_TO_HER = {
    ConsentScope.ANALYSIS: _(
        "The research team may read, code and analyse what you told us, to understand the situation of women "
        "migrants."
    ),
    ConsentScope.QUOTES: _(
        "Your words may be quoted in reports and publications, without your name or anything that shows who you "
        "are."
    ),
    ConsentScope.STATISTICS: _("You may be counted in numbers and tables, where nobody can be picked out."),
    ConsentScope.COORDINATORS: _(
        "The programme's coordinators at the network secretariat may see your information, under your code only."
    ),
    ConsentScope.UN_AUTHORITIES: _(
        "Your case may be presented to UN human rights mechanisms or to national authorities, without your name."
    ),
    ConsentScope.ATTRIBUTION: _("Your real name may be published beside your words or your story."),
}

MAX_FORM_BYTES = 10 * 1024 * 1024
FORM_TYPES = {  # extension -> the first bytes every such file starts with
    "pdf": (b"%PDF",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}


def terms(vocabulary: str, programme):
    """The terms of a vocabulary in use for a programme (shared ones and its own), as a two-level tree."""
    return tree_order(terms_for(vocabulary, programme))


def _choice_pairs(raw) -> list[tuple[str, str]]:
    """An attribute's choices, whether stored as ["a", "b"], [["a", "A"]] or [{"value": "a", "label": "A"}]."""
    pairs = []
    for item in raw or []:
        if isinstance(item, dict):
            value = str(item.get("value", item.get("label", "")))
            pairs.append((value, str(item.get("label", value))))
        elif isinstance(item, (list, tuple)) and item:
            pairs.append((str(item[0]), str(item[-1])))
        else:
            pairs.append((str(item), str(item)))
    return pairs


def attribute_field(definition: AttributeDefinition) -> forms.Field:
    kind = AttributeDefinition.Kind
    common = {"label": definition.label, "required": False}
    if definition.kind == kind.NUMBER:
        return forms.DecimalField(max_digits=12, decimal_places=2, **common)
    if definition.kind == kind.CHOICE:
        return forms.ChoiceField(choices=[("", "—")] + _choice_pairs(definition.choices), **common)
    if definition.kind == kind.YES_NO:
        return forms.TypedChoiceField(
            choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))],
            coerce=lambda v: v == "yes", empty_value=None, **common,
        )
    return forms.CharField(max_length=200, **common)


def attribute_initial(definition: AttributeDefinition, value):
    if definition.kind == AttributeDefinition.Kind.YES_NO and value is not None:
        return "yes" if value else "no"
    return value


def attribute_stored(definition: AttributeDefinition, value):
    """The JSON value kept in ``Participant.attributes``: numbers as numbers, empty as absent."""
    if value in (None, ""):
        return None
    if definition.kind == AttributeDefinition.Kind.NUMBER:
        try:
            number = Decimal(value)
        except InvalidOperation:
            return None
        return int(number) if number == number.to_integral_value() else float(number)
    return value


class ParticipantForm(forms.Form):
    """Her attributes; identity fields only for those who may see identities (her partnership's researchers)."""

    migrant_status = forms.ModelChoiceField(label=_("Migrant status"), queryset=Term.objects.none(), required=False)
    age_band = forms.ChoiceField(label=_("Age band"), choices=AgeBand.choices, required=False)
    region_of_origin = forms.ModelChoiceField(
        label=_("Region of origin"), queryset=Term.objects.none(), required=False
    )
    destination = forms.CharField(label=_("Destination country or city"), max_length=120, required=False)
    work_sector = forms.ModelChoiceField(label=_("Work sector"), queryset=Term.objects.none(), required=False)
    household_role = forms.ModelChoiceField(label=_("Household role"), queryset=Term.objects.none(), required=False)
    name = forms.CharField(
        label=_("Name"), required=False, max_length=200,
        help_text=_("Optional. Stored encrypted; shown only to researchers of this partnership, after they confirm "
                    "their password."),
    )
    contacts = forms.CharField(
        label=_("Contacts"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: phone, address, a relative to call. Stored encrypted like the name."),
    )
    erase_identity = forms.BooleanField(
        label=_("Erase the stored name and contacts"), required=False,
        help_text=_("The record stays, known only by her code."),
    )

    VOCABULARIES = {
        "migrant_status": "migrant_status",
        "region_of_origin": "region",
        "work_sector": "work_sector",
        "household_role": "household_role",
    }

    def __init__(self, *args, programme, identity: bool, editing: bool = False, attributes=None, in_use=(),
                 **kwargs):
        super().__init__(*args, **kwargs)
        for field, vocabulary in self.VOCABULARIES.items():
            # Terms she already has stay choosable even if the coordinator has retired them since.
            self.fields[field] = term_field(vocabulary, programme, label=self.fields[field].label,
                                            include=[pk for pk in in_use if pk])
            self.fields[field].empty_label = "—"
        self.fields["age_band"].choices = [("", "—")] + [c for c in AgeBand.choices if c[0]]
        if not identity:
            for name in ("name", "contacts", "erase_identity"):
                del self.fields[name]
        elif editing:
            for name in ("name", "contacts"):
                self.fields[name].help_text = _("Leave empty to keep what is stored. Typing here replaces it.")
        else:
            del self.fields["erase_identity"]
        self.definitions = list(AttributeDefinition.objects.filter(programme=programme))
        stored = attributes or {}
        for definition in self.definitions:
            self.fields[f"attr_{definition.key}"] = attribute_field(definition)
            if definition.key in stored and not self.is_bound:
                self.initial[f"attr_{definition.key}"] = attribute_initial(definition, stored[definition.key])

    def basic_fields(self):
        return [self[name] for name in ("migrant_status", "age_band", "region_of_origin", "destination",
                                         "work_sector", "household_role")]

    def attribute_fields(self):
        return [self[f"attr_{d.key}"] for d in self.definitions]

    def identity_fields(self):
        return [self[name] for name in ("name", "contacts", "erase_identity") if name in self.fields]

    def values(self, *, existing_attributes=None) -> dict:
        """What the services take: attributes merged into those already stored; identity only if typed."""
        d = self.cleaned_data
        values = {
            "migrant_status": d["migrant_status"], "age_band": d["age_band"], "region_of_origin": d["region_of_origin"],
            "destination": d["destination"].strip(), "work_sector": d["work_sector"],
            "household_role": d["household_role"],
        }
        attributes = dict(existing_attributes or {})
        for definition in self.definitions:
            value = attribute_stored(definition, d.get(f"attr_{definition.key}"))
            if value is None:
                attributes.pop(definition.key, None)
            else:
                attributes[definition.key] = value
        values["attributes"] = attributes
        if d.get("erase_identity"):
            values["name"], values["contacts"] = "", ""
        else:
            for name in ("name", "contacts"):
                if d.get(name, "").strip():
                    values[name] = d[name].strip()
        return values


class ConsentForm(forms.Form):
    date = forms.DateField(label=_("Date of consent"), widget=forms.DateInput(attrs={"type": "date"}))
    method = forms.ChoiceField(label=_("How she gave it"), choices=ConsentRecord.Method.choices,
                               widget=forms.RadioSelect)
    form = forms.FileField(
        label=_("Signed consent form"), required=False,
        help_text=_("Required for a written consent: a PDF, JPG or PNG scan or photo, at most 10 MB. Stored "
                    "encrypted."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    language = forms.ChoiceField(label=_("Her language"), choices=settings.LANGUAGES,
                                 help_text=_("The printable summary is made in this language."))
    scopes = forms.MultipleChoiceField(label=_("What she allows"), choices=ConsentScope.choices, required=False,
                                       widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Do not write her name or anything that identifies her here."))

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("A consent cannot be dated in the future."))
        return date

    def clean_form(self):
        return clean_signed_form(self.cleaned_data.get("form"))

    def clean_scopes(self):
        scopes = self.cleaned_data["scopes"]
        if not scopes:
            raise forms.ValidationError(_("Choose at least one thing she allows."))
        return scopes

    def clean(self):
        data = super().clean()
        if data.get("method") == ConsentRecord.Method.WRITTEN and not data.get("form") and "form" not in self.errors:
            self.add_error("form", _("Attach the signed form of a written consent."))
        return data

    def scope_options(self):
        """Each scope's checkbox with its explanation in plain words."""
        return [(box, SCOPE_EXPLAINED[ConsentScope(box.data["value"])]) for box in self["scopes"]]


def clean_signed_form(upload):
    if not upload:
        return None
    if upload.size > MAX_FORM_BYTES:
        raise forms.ValidationError(_("The form is too big: at most 10 MB."))
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in FORM_TYPES:
        raise forms.ValidationError(_("Attach the form as a PDF, JPG or PNG file."))
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in FORM_TYPES[extension]):
        raise forms.ValidationError(_("This file is not really a PDF, JPG or PNG: attach the scan or photo itself."))
    return upload


class WithdrawForm(forms.Form):
    EVERYTHING, SOME = "everything", "some"

    what = forms.ChoiceField(
        label=_("What she withdraws"), widget=forms.RadioSelect,
        choices=[(EVERYTHING, _("Everything: her material is no longer used for anything new")),
                 (SOME, _("Only some parts, chosen below"))],
    )
    scopes = forms.MultipleChoiceField(label=_("Parts withdrawn"), required=False, widget=forms.CheckboxSelectMultiple)
    date = forms.DateField(label=_("Date of withdrawal"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Do not write her name or anything that identifies her here."))

    def __init__(self, *args, allowed: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = [(s, ConsentScope(s).label) for s in allowed]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("A withdrawal cannot be dated in the future."))
        return date

    def clean(self):
        data = super().clean()
        if data.get("what") == self.SOME and not data.get("scopes") and "scopes" not in self.errors:
            self.add_error("scopes", _("Choose which parts she withdraws."))
        return data

    def withdrawn_scopes(self) -> list[str] | None:
        """None means everything."""
        if self.cleaned_data["what"] == self.EVERYTHING:
            return None
        return list(self.cleaned_data["scopes"])


class IdentityReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to see her name and contacts?"), max_length=300,
        help_text=_("Written in the audit log with your name and the time."),
    )


class ExportForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("Purpose of the export"), choices=ConsentScope.choices,
        help_text=_("Only participants who allow this purpose are included."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=ExportRecord.Format.choices, widget=forms.RadioSelect,
                               initial=ExportRecord.Format.CSV)
    include_identity = forms.BooleanField(
        label=_("Include names and contacts"), required=False,
        help_text=_("Asks for your password again and is written in the audit log. Leave unticked unless the "
                    "export cannot be done without them."),
    )

    def __init__(self, *args, identity: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not identity:
            del self.fields["include_identity"]


def today() -> datetime.date:
    return timezone.localdate()
