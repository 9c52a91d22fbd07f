"""Controlled vocabularies: who may see and change which terms, and every change with its audit row.

Shared terms (``programme`` empty) are seeded from ``ovoz.evidence.vocabulary_data`` and used by every
programme: only site administrators change them. A programme's coordinator adds terms of her own programme,
edits their labels in the five languages, reorders, retires and restores them. A term that any record uses
is never deleted (retiring keeps the meaning of existing evidence); the team of a programme can read its
vocabularies. Terms have at most two levels: a top-level term and the terms under it.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ovoz.accounts.roles import Role
from ovoz.audit.services import audit_write, diff, snapshot
from ovoz.evidence import vocabulary_data
from ovoz.evidence.models import Term, Vocabulary
from ovoz.programmes.access import get_programme_for_user, is_coordinator_of, memberships_of, one_or_404
from ovoz.programmes.models import COUNTRIES

LABEL_FIELDS = ["label_en", "label_ru", "label_ky", "label_uz", "label_tg"]
LANGUAGES = [f.removeprefix("label_") for f in LABEL_FIELDS]
EDITABLE = [*LABEL_FIELDS, "description", "huridocs_code", "parent", "country"]
AUDITED = [*EDITABLE, "order", "is_active"]
HURIDOCS_CODE = re.compile(r"^\d{2}(-(\d{2})+)?$")
COUNTRY_CODES = {code for code, _label in COUNTRIES}


def vocabulary_seed() -> int:
    """Create any missing shared term of the seed (the migration does this; useful after a flushed test DB)."""
    return vocabulary_data.load(Term)


# --- Reading -------------------------------------------------------------------------------------------------


def terms_for(vocabulary: str, programme=None, *, include_retired: bool = False, include=()) -> QuerySet[Term]:
    """The terms a programme uses for ``vocabulary``: the shared ones and its own, parents' data joined.

    ``include`` keeps terms with those ids even if retired (a record that already uses one stays valid).
    """
    qs = Term.objects.filter(vocabulary=vocabulary).select_related("parent")
    qs = qs.filter(Q(programme__isnull=True) | Q(programme=programme)) if programme is not None else qs.filter(
        programme__isnull=True
    )
    if not include_retired:
        qs = qs.filter(Q(is_active=True) | Q(pk__in=list(include)))
    return qs


def tree_order(qs: QuerySet[Term]) -> QuerySet[Term]:
    """Order terms as a two-level tree: each top-level term followed by the terms under it."""
    return qs.annotate(
        _root_order=models.functions.Coalesce("parent__order", "order"),
        _root_label=models.functions.Coalesce("parent__label_en", "label_en"),
        _root_id=models.functions.Coalesce("parent_id", "id"),
    ).order_by("_root_order", "_root_label", "_root_id", models.F("parent_id").asc(nulls_first=True), "order",
               "label_en", "id")


def as_tree(terms) -> list[Term]:
    """Terms (one vocabulary) in tree order, each with ``depth`` set; orphans of a hidden parent come first-level."""
    terms = list(terms)
    present = {t.pk for t in terms}
    key = lambda t: (t.order, t.label_en.casefold(), t.pk)  # noqa: E731
    children: dict[int, list[Term]] = {}
    roots = []
    for t in terms:
        if t.parent_id and t.parent_id in present:
            children.setdefault(t.parent_id, []).append(t)
        else:
            roots.append(t)
    out = []
    for root in sorted(roots, key=key):
        root.depth = 0
        out.append(root)
        for child in sorted(children.get(root.pk, []), key=key):
            child.depth = 1
            out.append(child)
    return out


def fold(text: str) -> str:
    """Case- and mark-insensitive form for searching labels in five languages (oʻ, o', o‘ all match)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[ʻʼ'‘’`´]", "", text)


def search_terms(terms, q: str) -> list[Term]:
    """Terms whose label in any language, code or HURIDOCS code contains every word of ``q``."""
    words = fold(q).split()
    if not words:
        return list(terms)
    found = []
    for t in terms:
        haystack = fold(" ".join([*(getattr(t, f) for f in LABEL_FIELDS), t.code, t.huridocs_code]))
        if all(w in haystack for w in words):
            found.append(t)
    return found


def missing_languages(term: Term) -> list[str]:
    return [lang for lang, field in zip(LANGUAGES, LABEL_FIELDS, strict=True) if not getattr(term, field).strip()]


def can_view_vocabularies(user, programme) -> bool:
    """A programme's team reads its vocabularies: coordinators, mentors, researchers, co-researchers."""
    if getattr(user, "is_superuser", False):
        return True
    return any(m.programme_id == programme.pk and Role(m.role).can_see_team() for m in memberships_of(user))


def can_add_terms(user, programme) -> bool:
    return is_coordinator_of(user, programme.pk)


def can_edit_term(user, term: Term) -> bool:
    """Shared terms: site administrators only. A programme's terms: its coordinators (and administrators)."""
    if term.programme_id is None:
        return bool(getattr(user, "is_superuser", False))
    return is_coordinator_of(user, term.programme_id)


def get_programme_for_vocabularies(user, programme_id, *, write: bool = False):
    """The programme whose vocabularies the user may read (or, with ``write``, add to); 404 otherwise."""
    programme = get_programme_for_user(user, programme_id)
    if not can_view_vocabularies(user, programme) or (write and not can_add_terms(user, programme)):
        raise Http404
    return programme


def get_term_for_user(user, programme, pk, *, write: bool = False) -> Term:
    """A term seen from ``programme`` (shared or the programme's own); 404 if missing, foreign or not editable."""
    if not can_view_vocabularies(user, programme):
        raise Http404
    term = one_or_404(
        Term.objects.select_related("parent", "programme").filter(Q(programme__isnull=True) | Q(programme=programme)),
        pk,
    )
    if write and not can_edit_term(user, term):
        raise Http404
    return term


def term_usage(term: Term) -> dict[str, int]:
    """How many records of each kind refer to ``term`` (terms under it included): empty means unused.

    Walks every relation to Term, so tables added later (codings, imports…) are counted too.
    """
    usage = {}
    for rel in Term._meta.get_fields(include_hidden=True):
        # Foreign keys only: a many-to-many relation is counted through the foreign key of its through table.
        if not isinstance(rel, models.ManyToOneRel):
            continue
        n = rel.related_model._base_manager.filter(**{rel.field.name: term}).count()
        if n:
            owner = rel.related_model._meta.auto_created or rel.related_model
            name = str(owner._meta.verbose_name_plural)
            usage[name] = usage.get(name, 0) + n
    return usage


# --- Writing -------------------------------------------------------------------------------------------------


def _audit(actor, action: str, term: Term, changes: dict) -> None:
    audit_write(actor=actor, action=action, obj=term, programme=term.programme, changes=changes)


def _validate(term: Term) -> None:
    errors = {}
    if term.vocabulary not in Vocabulary.values:
        errors["vocabulary"] = _("Choose one of the vocabularies.")
    if not term.label_en.strip():
        errors["label_en"] = _("Give the term an English name: it is shown when a translation is missing.")
    if term.huridocs_code and not HURIDOCS_CODE.match(term.huridocs_code):
        errors["huridocs_code"] = _(
            "Write the HURIDOCS code as the micro-thesaurus number, a hyphen and the term code, e.g. 04-30010202."
        )
    if term.country and term.country not in COUNTRY_CODES:
        errors["country"] = _("Choose a country from the list.")
    if term.vocabulary == Vocabulary.REGION and not term.country:
        errors["country"] = _("Say which country the region is in.")
    parent = term.parent
    if parent is not None:
        if parent.pk == term.pk:
            errors["parent"] = _("A term cannot be placed under itself.")
        elif parent.vocabulary != term.vocabulary:
            errors["parent"] = _("The broader term must be in the same vocabulary.")
        elif parent.parent_id is not None:
            errors["parent"] = _("Terms have two levels: choose a top-level term as the broader term.")
        elif term.pk and term.children.exists():
            errors["parent"] = _("This term has terms under it, so it must stay at the top level.")
        elif parent.programme_id is not None and parent.programme_id != term.programme_id:
            errors["parent"] = _("The broader term must be a shared term or one of this programme's terms.")
    if errors:
        raise ValidationError(errors)


def _free_code(vocabulary: str, wanted: str) -> str:
    code, n = wanted, 1
    while Term.objects.filter(vocabulary=vocabulary, code=code).exists():
        n += 1
        code = f"{wanted[:55]}-{n}"
    return code


@transaction.atomic
def term_create(
    *, actor, vocabulary: str, programme=None, label_en: str, label_ru: str = "", label_ky: str = "",
    label_uz: str = "", label_tg: str = "", parent: Term | None = None, country: str = "", huridocs_code: str = "",
    description: str = "", code: str = "",
) -> Term:
    """Add a term to ``programme`` (or, with ``programme=None``, a shared term) at the end of its level.

    The code is made from the English name (with the programme's prefix) unless given, and never changes.
    """
    if not code:
        base = slugify(label_en)[:40] or "term"
        code = f"p{programme.pk}-{base}" if programme is not None else base
    code = _free_code(vocabulary, slugify(code)[:60])
    siblings = Term.objects.filter(vocabulary=vocabulary, parent=parent)
    last = siblings.aggregate(m=models.Max("order"))["m"] or 0
    term = Term(
        vocabulary=vocabulary, code=code, programme=programme, parent=parent, country=country.strip().upper(),
        huridocs_code=huridocs_code.strip(), description=description.strip(), order=last + vocabulary_data.ORDER_STEP,
        label_en=label_en.strip(), label_ru=label_ru.strip(), label_ky=label_ky.strip(), label_uz=label_uz.strip(),
        label_tg=label_tg.strip(),
    )
    _validate(term)
    term.full_clean(exclude=["parent", "programme"])
    term.save()
    _audit(actor, "term.create", term, diff({}, snapshot(term, ["vocabulary", "code", *AUDITED])))
    return term


@transaction.atomic
def term_update(*, actor, term: Term, **values) -> Term:
    """Change a term's labels, description, HURIDOCS code, broader term or country. The code stays."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    before = snapshot(term, AUDITED)
    for name, value in values.items():
        if isinstance(value, str):
            value = value.strip().upper() if name == "country" else value.strip()
        setattr(term, name, value)
    _validate(term)
    term.full_clean(exclude=["parent", "programme"])
    term.save(update_fields=list(values))
    changes = diff(before, snapshot(term, AUDITED))
    if changes:
        _audit(actor, "term.update", term, changes)
    return term


@transaction.atomic
def term_retire(*, actor, term: Term) -> list[Term]:
    """Take a term (and the terms under it) out of use: no new record can choose it; existing ones keep it."""
    retired = []
    for t in [term, *term.children.filter(is_active=True)]:
        if t.is_active:
            t.is_active = False
            t.save(update_fields=["is_active"])
            _audit(actor, "term.retire", t, {"is_active": {"old": True, "new": False}})
            retired.append(t)
    return retired


@transaction.atomic
def term_restore(*, actor, term: Term) -> Term:
    if term.parent_id and not term.parent.is_active:
        raise ValidationError(_("Put the broader term “%(parent)s” back in use first.") % {"parent": term.parent})
    if not term.is_active:
        term.is_active = True
        term.save(update_fields=["is_active"])
        _audit(actor, "term.restore", term, {"is_active": {"old": False, "new": True}})
    return term


@transaction.atomic
def term_move(*, actor, term: Term, programme, direction: str) -> Term:
    """Move a term one place up or down among the terms of its level that ``programme`` sees.

    It trades places with its neighbour when the actor may change both; next to a term she may not change
    (a shared term, for a coordinator) only her term's position changes.
    """
    if direction not in ("up", "down"):
        raise ValidationError(_("Move a term up or down."))
    siblings = sorted(
        terms_for(term.vocabulary, programme, include_retired=True).filter(parent_id=term.parent_id),
        key=lambda t: (t.order, t.label_en.casefold(), t.pk),
    )
    index = next(i for i, t in enumerate(siblings) if t.pk == term.pk)
    other_index = index - 1 if direction == "up" else index + 1
    if not 0 <= other_index < len(siblings):
        return term
    other = siblings[other_index]
    # Whoever calls this may change ``term``; may she change its neighbour too?
    swap = (other.programme_id is None and term.programme_id is None) or other.programme_id == term.programme_id
    moves = []
    if swap and other.order != term.order:
        moves = [(term, other.order), (other, term.order)]
    else:
        step = -1 if direction == "up" else 1
        moves = [(term, max(0, other.order + step))]
    for t, new in moves:
        old = t.order
        if old != new:
            t.order = new
            t.save(update_fields=["order"])
            _audit(actor, "term.reorder", t, {"order": {"old": old, "new": new}})
    return term


@transaction.atomic
def term_delete(*, actor, term: Term) -> None:
    """Delete a term nothing refers to; a term in use is refused (retire it instead)."""
    usage = term_usage(term)
    if usage:
        uses = ", ".join(f"{name}: {n}" for name, n in sorted(usage.items()))
        raise ValidationError(
            _("This term is in use (%(uses)s), so it cannot be deleted. Retire it instead: existing records keep "
              "it and nobody can choose it any more.") % {"uses": uses}
        )
    before = snapshot(term, ["vocabulary", "code", *AUDITED])
    _audit(actor, "term.delete", term, {k: {"old": v, "new": None} for k, v in before.items()})
    term.delete()
