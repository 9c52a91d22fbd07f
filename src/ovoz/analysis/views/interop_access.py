"""Who may export and import what (pages and API alike); anything else answers 404.

A partnership's project: its mentors and researchers. What partnerships share with the programme, and the
programme codebook import: the programme's coordinators. The codebook export: everyone who works on the
programme's analysis (coordinators, mentors, researchers).
"""

from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.analysis.views.codebook_common import programme_for_analysis
from ovoz.programmes.access import (
    can_edit_evidence,
    can_see_evidence,
    get_partnership_for_user,
    get_programme_for_user,
    is_coordinator_of,
    memberships_of,
)
from ovoz.programmes.models import Partnership, Programme


def partnership_for_export(user, pk):
    partnership = get_partnership_for_user(user, pk)
    if not can_see_evidence(user, partnership):
        raise Http404
    return partnership


def partnership_for_import(user, pk):
    partnership = get_partnership_for_user(user, pk)
    if not can_edit_evidence(user, partnership):
        raise Http404
    return partnership


def programme_for_coordinator(user, pk):
    programme = get_programme_for_user(user, pk)
    if not is_coordinator_of(user, programme.pk):
        raise Http404
    return programme


def programme_for_codebook(user, pk):
    return programme_for_analysis(user, pk)


def targets_for(user) -> list[dict]:
    """What the interop page offers, per programme: its codebook, the shared project (coordinators), and each
    partnership whose team the person is on."""
    mems = memberships_of(user)
    coordinated = {m.programme_id for m in mems if m.role == Role.COORDINATOR}
    team = [m.partnership_id for m in mems if m.partnership_id and Role(m.role).can_edit_evidence()]
    partnerships = Partnership.objects.filter(pk__in=team).select_related("organisation").order_by(
        "organisation__name")
    programme_ids = coordinated | {p.programme_id for p in partnerships}
    out = []
    for programme in Programme.objects.filter(pk__in=programme_ids).order_by("title"):
        out.append({
            "programme": programme,
            "coordinator": programme.pk in coordinated,
            "partnerships": [p for p in partnerships if p.programme_id == programme.pk],
        })
    return out
