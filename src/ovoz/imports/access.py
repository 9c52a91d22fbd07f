"""Who may use imports: the team of a partnership that may edit its evidence (its mentor and researchers).

Instruments, mappings and import jobs of a partnership are seen and used by that team only; coordinators,
co-researchers, viewers, other partnerships and outsiders get 404, exactly as if nothing existed.
"""

from django.db.models import QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.evidence.access import can_edit
from ovoz.imports.models import ImportJob, Instrument, InstrumentVersion, Mapping
from ovoz.programmes.access import memberships_of, one_or_404, partnerships_visible_to
from ovoz.programmes.models import Partnership


def importable_partnership_ids(user) -> set[int]:
    return {m.partnership_id for m in memberships_of(user) if m.partnership_id and Role(m.role).can_edit_evidence()}


def partnerships_importable_by(user) -> QuerySet[Partnership]:
    return partnerships_visible_to(user).filter(pk__in=importable_partnership_ids(user))


def get_partnership_for_import(user, pk) -> Partnership:
    partnership = one_or_404(partnerships_visible_to(user), pk)
    if not can_edit(user, partnership):
        raise Http404
    return partnership


def instruments_visible_to(user) -> QuerySet[Instrument]:
    return Instrument.objects.select_related("partnership__organisation").filter(
        partnership_id__in=importable_partnership_ids(user)
    )


def get_instrument_for_user(user, pk, *, write: bool = False) -> Instrument:
    # Seeing an instrument and using it are the same right here: the team that edits the evidence.
    return one_or_404(instruments_visible_to(user), pk)


def instrument_versions_visible_to(user) -> QuerySet[InstrumentVersion]:
    return InstrumentVersion.objects.select_related("instrument__partnership").filter(
        instrument__partnership_id__in=importable_partnership_ids(user)
    )


def get_instrument_version_for_user(user, pk) -> InstrumentVersion:
    return one_or_404(instrument_versions_visible_to(user), pk)


def mappings_visible_to(user) -> QuerySet[Mapping]:
    return Mapping.objects.select_related("partnership", "instrument").filter(
        partnership_id__in=importable_partnership_ids(user)
    )


def get_mapping_for_user(user, pk, *, write: bool = False) -> Mapping:
    return one_or_404(mappings_visible_to(user), pk)


def import_jobs_visible_to(user) -> QuerySet[ImportJob]:
    return ImportJob.objects.select_related("partnership__organisation", "created_by").filter(
        partnership_id__in=importable_partnership_ids(user)
    )


def get_import_job_for_user(user, pk, *, write: bool = False) -> ImportJob:
    return one_or_404(import_jobs_visible_to(user), pk)
