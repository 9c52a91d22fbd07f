"""The attributes queries group and filter by ("cases"): of the source, or of its participants.

A source-level attribute (partnership, country, kind, language) has one value per source. A participant-level
attribute (migrant status, age band, region, work sector, household role, a programme's own attributes) is
read from the source's participants: a focus group whose women have different statuses counts under each of
them, so the columns of a table may add up to more than its total, and a source without participants has no
value for them. The value ``NONE`` stands for "not known" (an empty or missing value).
"""

from dataclasses import dataclass

from django.db.models import F, Q, QuerySet, TextField
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ovoz.evidence.models import AgeBand, AttributeDefinition, Source, Term
from ovoz.programmes.access import memberships_of
from ovoz.programmes.models import COUNTRIES, Partnership

NONE = "~"
SOURCE, PARTICIPANT = "source", "participant"


def _attribute(key: str, path: str):
    """A programme attribute as text, through relations (``KT()`` cannot follow them)."""
    return Cast(KeyTextTransform(key, path), TextField())


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    level: str  # SOURCE or PARTICIPANT
    path: str  # from Source (source level) or from Participant (participant level); "" for a JSON attribute
    numeric: bool = False  # foreign keys: values are ids
    json_key: str = ""  # a programme attribute kept in Participant.attributes

    def coding_expression(self):
        """The value for each coding (through its source and, at participant level, its participants)."""
        if self.json_key:
            return _attribute(self.json_key, "source__participants__attributes")
        prefix = "source__" if self.level == SOURCE else "source__participants__"
        return F(prefix + self.path)

    def source_expression(self):
        if self.json_key:
            return _attribute(self.json_key, "participants__attributes")
        prefix = "" if self.level == SOURCE else "participants__"
        return F(prefix + self.path)


FIXED = [
    Dimension("partnership", gettext_lazy("Partnership"), SOURCE, "partnership_id", numeric=True),
    Dimension("country", gettext_lazy("Country"), SOURCE, "partnership__country"),
    Dimension("kind", gettext_lazy("Kind of source"), SOURCE, "kind"),
    Dimension("language", gettext_lazy("Language"), SOURCE, "language"),
    Dimension("migrant_status", gettext_lazy("Migrant status"), PARTICIPANT, "migrant_status_id", numeric=True),
    Dimension("age_band", gettext_lazy("Age band"), PARTICIPANT, "age_band"),
    Dimension("region", gettext_lazy("Region of origin"), PARTICIPANT, "region_of_origin_id", numeric=True),
    Dimension("work_sector", gettext_lazy("Work sector"), PARTICIPANT, "work_sector_id", numeric=True),
    Dimension("household_role", gettext_lazy("Household role"), PARTICIPANT, "household_role_id", numeric=True),
]
ATTRIBUTE_PREFIX = "attr."


def dimensions_for(user) -> list[Dimension]:
    """The fixed attributes and the programme-defined attributes of the person's programmes."""
    programmes = {m.programme_id for m in memberships_of(user)}
    extra, seen = [], set()
    for definition in AttributeDefinition.objects.filter(programme_id__in=programmes).order_by("order", "key"):
        if definition.key in seen:
            continue
        seen.add(definition.key)
        extra.append(Dimension(ATTRIBUTE_PREFIX + definition.key, definition.label, PARTICIPANT, "",
                               json_key=definition.key))
    return FIXED + extra


def get_dimension(dimensions: list[Dimension], key: str | None) -> Dimension | None:
    return next((d for d in dimensions if d.key == key), None)


def value_key(value) -> str:
    """Values as they travel in links and tables: text, with ``NONE`` for an empty one."""
    return NONE if value is None or value == "" else str(value)


def _clean(dimension: Dimension, value: str):
    """The database value for a value from a link, or raise ValueError."""
    if dimension.numeric:
        return int(value)
    return value


def _source_condition(dimension: Dimension, value: str) -> Q:
    """A condition on Source that keeps sources with ``value`` (directly or through a participant)."""
    if dimension.level == SOURCE:
        if value == NONE:
            empty = Q(**{f"{dimension.path}__isnull": True})
            return empty if dimension.numeric else empty | Q(**{dimension.path: ""})
        return Q(**{dimension.path: _clean(dimension, value)})
    through = Source.participants.through.objects
    if dimension.json_key:
        rows = through.annotate(v=_attribute(dimension.json_key, "participant__attributes"))
        rows = rows.filter(Q(v__isnull=True) | Q(v="")) if value == NONE else rows.filter(v=value)
    elif value == NONE:
        path = f"participant__{dimension.path}"
        empty = Q(**{f"{path}__isnull": True})
        rows = through.filter(empty if dimension.numeric else empty | Q(**{path: ""}))
    else:
        rows = through.filter(**{f"participant__{dimension.path}": _clean(dimension, value)})
    return Q(pk__in=rows.values("source_id"))


def restrict_sources(sources: QuerySet[Source], filters: dict[Dimension, str]) -> QuerySet[Source]:
    """Sources matching every filter; a malformed value matches nothing."""
    for dimension, value in filters.items():
        try:
            sources = sources.filter(_source_condition(dimension, value))
        except (TypeError, ValueError):
            return sources.none()
    return sources


def filters_from(params, dimensions: list[Dimension]) -> dict[Dimension, str]:
    """The filters named in a query string: ``?partnership=3&migrant_status=12&attr.children=2``."""
    out = {}
    for dimension in dimensions:
        value = (params.get(dimension.key) or "").strip()
        if value:
            out[dimension] = value
    return out


def value_labels(dimension: Dimension, values) -> dict[str, str]:
    """A readable label for each value key, in the current language."""
    keys = [v for v in values if v != NONE]
    labels: dict[str, str] = {}
    if dimension.key == "partnership":
        ids = [int(v) for v in keys if v.isdigit()]
        labels = {str(pk): name for pk, name in
                  Partnership.objects.filter(pk__in=ids).values_list("pk", "organisation__name")}
    elif dimension.key == "country":
        labels = {k: str(v) for k, v in COUNTRIES}
    elif dimension.key == "kind":
        labels = {k: str(v) for k, v in Source.Kind.choices}
    elif dimension.key == "age_band":
        labels = {k: str(v) for k, v in AgeBand.choices}
    elif dimension.numeric:
        ids = [int(v) for v in keys if v.isdigit()]
        labels = {str(t.pk): t.label() for t in Term.objects.filter(pk__in=ids)}
    out = {v: labels.get(v, v) for v in keys}
    if NONE in values:
        out[NONE] = _("not known")
    return out


def sort_values(dimension: Dimension, labels: dict[str, str]) -> list[str]:
    """Values in a stable reading order: by label, "not known" last."""
    return sorted(labels, key=lambda v: (v == NONE, labels[v].casefold(), v))


def filter_choices(user, dimensions: list[Dimension], sources: QuerySet[Source]) -> list[tuple[Dimension, list]]:
    """For each attribute, the values found on ``sources`` (already limited to what the person may analyse), as
    (value, label) pairs; attributes with no value at all are left out. One query per attribute."""
    from ovoz.evidence.models import Participant

    ids = sources.order_by().values("pk")
    people = Participant.objects.filter(
        pk__in=Source.participants.through.objects.filter(source_id__in=ids).values("participant_id")
    ).order_by()
    out = []
    for dimension in dimensions:
        if dimension.level == SOURCE:
            raw = Source.objects.filter(pk__in=ids).order_by().values_list(dimension.path, flat=True).distinct()
        elif dimension.json_key:
            raw = people.annotate(v=_attribute(dimension.json_key, "attributes")).values_list("v", flat=True) \
                .distinct()
        else:
            raw = people.values_list(dimension.path, flat=True).distinct()
        values = {value_key(v) for v in raw}
        if not values:
            continue
        labels = value_labels(dimension, values)
        out.append((dimension, [(v, labels[v]) for v in sort_values(dimension, labels)]))
    return out
