"""Forms for controlled vocabularies, and the choice fields every other evidence form uses for terms.

Use ``term_field("violation", programme)`` (or ``multiple=True``) wherever a form asks for a term: it lists
the shared terms and the programme's own, in use, as a two-level tree, each named in the reader's language
(``Term.label()``, English when a translation is missing).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.evidence.models import Term, Vocabulary
from ovoz.evidence.services.vocabulary import LABEL_FIELDS, terms_for, tree_order
from ovoz.programmes.models import COUNTRIES

# Each label field is named in its own language (as in the language menu) and typed in that language.
LABEL_LANG = {f"label_{code}": code for code in ("en", "ru", "ky", "uz", "tg")}


class TermLabelMixin:
    """Name each term in the active language; terms under a broader term are indented."""

    def label_from_instance(self, obj: Term) -> str:
        return f"— {obj.label()}" if obj.parent_id else obj.label()


class TermChoiceField(TermLabelMixin, forms.ModelChoiceField):
    pass


class TermMultipleChoiceField(TermLabelMixin, forms.ModelMultipleChoiceField):
    pass


def term_field(vocabulary: str, programme, *, multiple: bool = False, required: bool = False, label=None,
               include=(), **kwargs) -> forms.Field:
    """A choice of the terms of ``vocabulary`` that ``programme`` uses (``include``: ids kept even if retired)."""
    queryset = tree_order(terms_for(vocabulary, programme, include=include))
    field_class = TermMultipleChoiceField if multiple else TermChoiceField
    if label is None:
        label = Vocabulary(vocabulary).label
    return field_class(queryset=queryset, required=required, label=label, **kwargs)


class TermForm(forms.Form):
    """A term's labels in the five languages, its broader term, country (regions) and HURIDOCS code."""

    label_en = forms.CharField(max_length=200)
    label_ru = forms.CharField(max_length=200, required=False)
    label_ky = forms.CharField(max_length=200, required=False)
    label_uz = forms.CharField(max_length=200, required=False)
    label_tg = forms.CharField(max_length=200, required=False)
    parent = forms.TypedChoiceField(label=_("Broader term"), required=False, coerce=int, empty_value=None)
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[("", "—"), *COUNTRIES])
    huridocs_code = forms.CharField(
        label=_("HURIDOCS code"), max_length=20, required=False,
        help_text=_("The same term in the HURIDOCS micro-thesauri, if there is one, e.g. 04-30010202."),
    )
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    shared = forms.BooleanField(
        label=_("Shared by every programme"), required=False,
        help_text=_("Only site administrators add shared terms."),
    )

    def __init__(self, *args, vocabulary: str, parents=(), term: Term | None = None, allow_shared: bool = False,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.vocabulary = vocabulary
        for name, lang in LABEL_LANG.items():
            field = self.fields[name]
            field.label = Term._meta.get_field(name).verbose_name
            field.widget.attrs.update({"lang": lang, "autocomplete": "off"})
        self.fields["label_en"].help_text = _("Required: shown whenever a translation is missing.")
        self.parents = {p.pk: p for p in parents if term is None or p.pk != term.pk}
        self.fields["parent"].choices = [("", _("None (top level)"))] + [
            (p.pk, p.label()) for p in self.parents.values()
        ]
        if vocabulary != Vocabulary.REGION:
            del self.fields["country"]
        if term is not None or not allow_shared:
            del self.fields["shared"]
        if term is not None and term.children.exists():
            del self.fields["parent"]

    def clean_parent(self):
        pk = self.cleaned_data.get("parent")
        if pk is None:
            return None
        if pk not in self.parents:
            raise forms.ValidationError(_("Choose a broader term from the list."))
        return self.parents[pk]

    def clean_huridocs_code(self):
        return self.cleaned_data["huridocs_code"].strip()

    def values(self) -> dict:
        """The cleaned values the services take (``shared`` is the caller's to read)."""
        names = [*LABEL_FIELDS, "description", "huridocs_code", "parent", "country"]
        return {n: self.cleaned_data[n] for n in names if n in self.cleaned_data and n in self.fields}
