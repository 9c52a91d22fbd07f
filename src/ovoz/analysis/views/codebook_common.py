"""What the codebook, memo and session pages share: who works on a programme's analysis, and code trees."""

from django.db.models import Count
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.analysis.access import can_add_codes, codes_visible_to, codings_visible_to
from ovoz.analysis.models import Code
from ovoz.programmes.access import get_programme_for_user, is_coordinator_of, memberships_of
from ovoz.programmes.models import Partnership


def team_partnership_ids(user, programme) -> set[int]:
    """Partnerships of ``programme`` whose evidence the person analyses as a mentor or researcher."""
    return {
        m.partnership_id for m in memberships_of(user)
        if m.programme_id == programme.pk and m.partnership_id and Role(m.role).can_see_partnership_evidence()
    }


def programme_for_analysis(user, programme_id):
    """The programme, for its coordinators and its partnerships' mentors and researchers.

    Community co-researchers, viewers and everyone else get 404: memos and codings are evidence, and
    co-researchers see nothing beyond the excerpts of the sessions they are invited to.
    """
    programme = get_programme_for_user(user, programme_id)
    if not (is_coordinator_of(user, programme.pk) or team_partnership_ids(user, programme)):
        raise Http404
    return programme


def codebook_choices(user, programme) -> list[tuple[str, str]]:
    """Where the person may add a code: the programme codebook (coordinators) and partnerships' codebooks."""
    from django.utils.translation import gettext as _

    choices = [("", _("Programme codebook"))] if is_coordinator_of(user, programme.pk) else []
    partnerships = Partnership.objects.filter(programme=programme).select_related("organisation").order_by(
        "organisation__name")
    for p in partnerships:
        if can_add_codes(user, programme, p):
            choices.append((str(p.pk), p.organisation.name))
    return choices


def programme_codes(user, programme, *, include_retired=True):
    return (
        codes_visible_to(user, include_retired=include_retired)
        .filter(programme=programme)
        .select_related("partnership__organisation")
        .order_by("order", "name_en", "pk")
    )


def usage_counts(user, code_ids) -> dict[int, int]:
    """Codings the person may see, per code, in one aggregate query."""
    rows = (
        codings_visible_to(user).filter(code_id__in=list(code_ids)).order_by()
        .values("code_id").annotate(n=Count("pk")).values_list("code_id", "n")
    )
    return dict(rows)


def flatten(codes: list[Code]) -> list[Code]:
    """Codes in tree order, each with ``depth``; a code whose parent is not among ``codes`` is a root."""
    by_parent: dict[int | None, list[Code]] = {}
    ids = {c.pk for c in codes}
    for code in codes:
        key = code.parent_id if code.parent_id in ids else None
        by_parent.setdefault(key, []).append(code)
    out: list[Code] = []

    def walk(parent_id, depth):
        for code in by_parent.get(parent_id, []):
            code.depth = depth
            out.append(code)
            walk(code.pk, depth + 1)

    walk(None, 0)
    return out


def parent_choices(user, programme, code: Code | None = None):
    """Active codes a code may be placed under: not itself or below itself, same programme, and the programme
    codebook or the code's own partnership. Returned as a list in tree order (``depth`` set)."""
    codes = list(programme_codes(user, programme, include_retired=False))
    if code is not None:
        below = {code.pk}
        changed = True
        while changed:
            changed = False
            for c in codes:
                if c.parent_id in below and c.pk not in below:
                    below.add(c.pk)
                    changed = True
        codes = [c for c in codes if c.pk not in below and c.partnership_id in (None, code.partnership_id)]
        if code.partnership_id is None:
            codes = [c for c in codes if c.partnership_id is None]
    return flatten(codes)
