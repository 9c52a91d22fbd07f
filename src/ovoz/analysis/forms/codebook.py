"""Forms of the codebook pages: a code's names and criteria, its place in the tree, merge and split."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.analysis.models import Code

NAME_FIELDS = ("name_en", "name_ru", "name_ky", "name_uz", "name_tg")
TEXT_FIELDS = ("definition", "inclusion", "exclusion", "example")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def code_label(code: Code) -> str:
    """A code named in the reader's language, indented by its depth, partnership codes marked as such."""
    name = f"{'— ' * getattr(code, 'depth', 0)}{code.name()}"
    return f"{name} ({code.partnership.organisation.name})" if code.partnership_id else name


class CodeChoiceField(forms.TypedChoiceField):
    """A choice among a list of codes (in tree order); ``cleaned_data`` holds the Code itself."""

    def __init__(self, *, codes, empty_label=None, **kwargs):
        self.codes = {c.pk: c for c in codes}
        choices = [(c.pk, code_label(c)) for c in codes]
        if empty_label is not None:
            choices.insert(0, ("", empty_label))
        super().__init__(choices=choices, coerce=lambda v: self.codes[int(v)], empty_value=None, **kwargs)


class CodeForm(forms.Form):
    name_en = forms.CharField(label="English", max_length=200)
    name_ru = forms.CharField(label="Русский", max_length=200, required=False)
    name_ky = forms.CharField(label="Кыргызча", max_length=200, required=False)
    name_uz = forms.CharField(label="Oʻzbekcha", max_length=200, required=False)
    name_tg = forms.CharField(label="Тоҷикӣ", max_length=200, required=False)
    definition = forms.CharField(label=_("Definition"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    inclusion = forms.CharField(label=_("Use when"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    exclusion = forms.CharField(label=_("Do not use when"), required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))
    example = forms.CharField(label=_("Example"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    colour = forms.CharField(label=_("Colour"), max_length=7, initial="#f4c542",
                             widget=forms.TextInput(attrs={"type": "color"}))

    def __init__(self, *args, parents=None, partnerships=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partnerships is not None:
            # Creating: where the code goes (the programme codebook for coordinators, or a partnership).
            self.fields["partnership"] = forms.ChoiceField(label=_("Codebook"), choices=partnerships)
        if parents is not None:
            self.fields["parent"] = CodeChoiceField(
                label=_("Under"), codes=parents, required=False, empty_label=_("(top level)"))

    def clean_colour(self):
        colour = self.cleaned_data["colour"]
        if not COLOUR.match(colour or ""):
            raise forms.ValidationError(_("Choose a colour as #rrggbb."))
        return colour.lower()

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in (*NAME_FIELDS, *TEXT_FIELDS, "colour")}


class MoveForm(forms.Form):
    def __init__(self, *args, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"] = CodeChoiceField(
            label=_("New place: under"), codes=parents, required=False, empty_label=_("(top level)"))


class MergeForm(forms.Form):
    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"] = CodeChoiceField(label=_("Merge into"), codes=targets)


class SplitForm(forms.Form):
    name_en = forms.CharField(label=_("English name of the new code"), max_length=200)
    codings = forms.TypedMultipleChoiceField(coerce=int, label=_("Codings to move"))

    def __init__(self, *args, coding_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codings"].choices = [(pk, pk) for pk in coding_ids]
