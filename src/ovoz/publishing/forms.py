from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.publishing.models import Block, Finding, Publication, Section
from ovoz.publishing.statistics import ATTRIBUTES

LANGUAGE_CHOICES = [("", _("none")), ("ru", "Русский"), ("ky", "Кыргызча"), ("uz", "Oʻzbekcha"), ("tg", "Тоҷикӣ")]
ATTRIBUTE_CHOICES = [
    ("migrant_status", _("migrant status")), ("age_band", _("age band")), ("region_of_origin", _("region of origin")),
    ("work_sector", _("work sector")), ("household_role", _("household role")),
    ("destination", _("destination country or city")), ("partnership", _("partnership")),
]
assert {c for c, _label in ATTRIBUTE_CHOICES} == set(ATTRIBUTES)


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["statement", "statement_local", "theme", "status"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 3}), "statement_local": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, codes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = codes
        self.fields["theme"].required = False


class PublicationForm(forms.ModelForm):
    class Meta:
        model = Publication
        fields = ["title", "title_local", "second_language", "kind"]
        widgets = {"second_language": forms.Select(choices=LANGUAGE_CHOICES)}


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title", "title_local", "body", "body_local"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8}), "body_local": forms.Textarea(attrs={"rows": 8})}


class QuoteForm(forms.Form):
    quote_text = forms.CharField(label=_("Quote (as it will be printed)"), widget=forms.Textarea(attrs={"rows": 4}))
    quote_translation = forms.CharField(label=_("Translation"), required=False,
                                        widget=forms.Textarea(attrs={"rows": 3}))
    attribution_fields = forms.MultipleChoiceField(label=_("Attribution"), choices=ATTRIBUTE_CHOICES, required=False,
                                                   widget=forms.CheckboxSelectMultiple)
    show_name = forms.BooleanField(label=_("Attribute by name (needs her consent to attribution)"), required=False)
    speaker = forms.ModelChoiceField(label=_("Speaker"), queryset=None, required=False)

    def __init__(self, *args, speakers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = speakers
        self.fields["speaker"].label_from_instance = lambda p: p.code


class StatisticForm(forms.Form):
    kind = forms.ChoiceField(label=_("Show as"), choices=[(Block.Kind.STATISTIC, _("Table")),
                                                          (Block.Kind.CHART, _("Chart"))])
    text = forms.CharField(label=_("Caption"), required=False)
    text_local = forms.CharField(label=_("Caption in the second language"), required=False)
    by = forms.ChoiceField(label=_("Count participants by"), choices=ATTRIBUTE_CHOICES)
    code = forms.ModelChoiceField(label=_("Only participants whose sources are coded with"), queryset=None,
                                  required=False)
    small_cells = forms.ChoiceField(label=_("Small cells"), choices=Block.SmallCells.choices,
                                    initial=Block.SmallCells.SUPPRESS)

    def __init__(self, *args, codes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].queryset = codes


class TextBlockForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[(Block.Kind.RECOMMENDATION, _("Recommendation"))])
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    text_local = forms.CharField(label=_("Text in the second language"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))


class FindingBlockForm(forms.Form):
    finding = forms.ModelChoiceField(label=_("Finding"), queryset=None)

    def __init__(self, *args, findings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["finding"].queryset = findings


class OverrideForm(forms.Form):
    rule = forms.CharField(widget=forms.HiddenInput)
    key = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Why publish despite this problem?"), widget=forms.Textarea(attrs={"rows": 3}))
