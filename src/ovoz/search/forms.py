"""The search box and its filters. Choices are only what the person may search: her partnerships, their
countries, the vocabularies of her programmes."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ovoz.evidence.models import Term
from ovoz.programmes.models import COUNTRIES
from ovoz.search.access import partnerships_searchable_by
from ovoz.search.documents import KINDS, LANGUAGES
from ovoz.search.engine import AUTO, NEWEST, Filters
from ovoz.search.query import MAX_QUERY_LENGTH

ANY = ("", _("Any"))


def term_choices(vocabulary: str, programme_ids) -> list[tuple[int, str]]:
    terms = Term.objects.filter(vocabulary=vocabulary, is_active=True).filter(
        Q(programme__isnull=True) | Q(programme_id__in=programme_ids)
    ).order_by("order", "label_en")
    by_parent: dict[int | None, list[Term]] = {}
    for term in terms:
        by_parent.setdefault(term.parent_id, []).append(term)
    known = {t.pk for t in terms}
    out = []

    def walk(parent, depth):
        for term in by_parent.get(parent, []):
            out.append((term.pk, "\u2003" * depth + term.label()))
            if depth < 3:
                walk(term.pk, depth + 1)

    walk(None, 0)
    for parent in [p for p in by_parent if p is not None and p not in known]:  # narrower terms of hidden ones
        walk(parent, 0)
    return out


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), required=False, max_length=MAX_QUERY_LENGTH)
    partnership = forms.TypedChoiceField(label=_("Partnership"), required=False, coerce=int, empty_value=None)
    country = forms.ChoiceField(label=_("Country"), required=False)
    migrant_status = forms.TypedChoiceField(label=_("Migrant status"), required=False, coerce=int,
                                            empty_value=None)
    violation_type = forms.TypedChoiceField(label=_("Type of violation"), required=False, coerce=int,
                                            empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[ANY, *LANGUAGES])
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[ANY, *KINDS])
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    order = forms.ChoiceField(label=_("Order"), required=False,
                              choices=[("", _("Best matches first")), (NEWEST, _("Newest first"))])

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        partnerships = list(partnerships_searchable_by(user))
        self.fields["partnership"].choices = [ANY, *((p.pk, str(p)) for p in partnerships)]
        countries = {p.country for p in partnerships}
        self.fields["country"].choices = [ANY, *((c, label) for c, label in COUNTRIES if c in countries)]
        programmes = {p.programme_id for p in partnerships}
        self.fields["migrant_status"].choices = [ANY, *term_choices("migrant_status", programmes)]
        self.fields["violation_type"].choices = [ANY, *term_choices("violation", programmes)]
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off", "enterkeyhint": "search"})
        for name in ("partnership", "country"):  # one partnership, one country: nothing to choose
            if len(self.fields[name].choices) <= 2:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period is before its start."))
        return data

    def filters(self) -> Filters:
        d = self.cleaned_data
        return Filters(
            partnership=d.get("partnership"), country=d.get("country") or "",
            migrant_status=[d["migrant_status"]] if d.get("migrant_status") else [],
            violation_type=[d["violation_type"]] if d.get("violation_type") else [],
            date_from=d.get("date_from"), date_to=d.get("date_to"), language=d.get("language") or "",
            kind=d.get("kind") or "",
        )

    def chosen_order(self) -> str:
        return self.cleaned_data.get("order") or AUTO

    def has_filters(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields if name not in ("q", "order"))
