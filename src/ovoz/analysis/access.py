"""Who sees and changes the analysis: codes, codings, memos, double-coding rounds, participatory sessions.

Codings are evidence: they are read only through the sources the person may see *for analysis*, so a
source whose participants withdrew or never allowed analysis has no codings anyone can count or show.
Codings of a double-coding round stay hidden from the other coder until both have finished.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.analysis.access_sql import code_names_by_pk, codes_for_source, source_for_analysis
from ovoz.analysis.models import Code, Coding, DoubleCoding, Memo, ParticipatorySession
from ovoz.evidence.access import sources_visible_to
from ovoz.evidence.models import ConsentScope, Source
from ovoz.programmes.access import is_coordinator_of, memberships_of, one_or_404, partnership_role
from ovoz.programmes.models import Partnership

ANALYSIS = ConsentScope.ANALYSIS.value


def _programme_ids(user) -> set[int]:
    """Programmes in which the person works (viewers and outsiders do no analysis)."""
    return {m.programme_id for m in memberships_of(user) if Role(m.role) != Role.VIEWER}


def _team_partnership_ids(user) -> set[int]:
    return {
        m.partnership_id
        for m in memberships_of(user)
        if m.partnership_id and Role(m.role).can_see_partnership_evidence()
    }


def _coordinated_programme_ids(user) -> set[int]:
    return {m.programme_id for m in memberships_of(user) if m.role == Role.COORDINATOR}


# --- codes ------------------------------------------------------------------------------------------------


def codes_visible_to(user, *, include_retired: bool = True) -> QuerySet[Code]:
    """The programme codebook for everyone working in the programme; a partnership's own codes for its team
    (co-researchers included: code names are not evidence) and the coordinators."""
    mems = memberships_of(user)
    own = {m.partnership_id for m in mems if m.partnership_id}
    qs = Code.objects.select_related("partnership", "parent").filter(
        Q(programme_id__in=_programme_ids(user), partnership__isnull=True)
        | Q(partnership_id__in=own)
        | Q(programme_id__in=_coordinated_programme_ids(user))
    )
    if not include_retired:
        qs = qs.filter(retired_at__isnull=True)
    return qs


def codes_usable_on(user, source: Source) -> QuerySet[Code]:
    """Codes that may be applied to ``source``: the programme codebook and the source's partnership codes."""
    return codes_visible_to(user, include_retired=False).filter(
        Q(partnership__isnull=True) | Q(partnership_id=source.partnership_id),
        programme_id=source.partnership.programme_id,
    )


def code_names_visible_to(user, ids) -> dict[int, str]:
    """The names of ``codes_visible_to(user).filter(pk__in=ids)`` by pk, in one prepared statement (the coding
    page's script asks for the legend after every coding); the tests compare both for every role."""
    mems = memberships_of(user)
    return code_names_by_pk(
        sorted({int(i) for i in ids}),
        codebook_programmes=_programme_ids(user),
        partnerships={m.partnership_id for m in mems if m.partnership_id},
        coordinated=_coordinated_programme_ids(user),
    )


def codes_usable_on_by_pk(user, source: Source, ids) -> list[Code]:
    """``codes_usable_on(user, source).filter(pk__in=ids)`` in one prepared statement: every coding request
    asks it (``ovoz.analysis.access_sql``); the tests compare both for every role."""
    programme_id = source.partnership.programme_id
    coordinator = programme_id in _coordinated_programme_ids(user)
    own = {m.partnership_id for m in memberships_of(user) if m.partnership_id}
    return codes_for_source(
        sorted({int(i) for i in ids}),
        programme_id=programme_id,
        codebook=coordinator or programme_id in _programme_ids(user),
        partnership_id=source.partnership_id if coordinator or source.partnership_id in own else None,
    )


def can_edit_code(user, code: Code) -> bool:
    if code.partnership_id is None:
        return is_coordinator_of(user, code.programme_id)
    if is_coordinator_of(user, code.programme_id):
        return True
    role = partnership_role(user, code.partnership)
    return role is not None and role.can_edit_evidence()


def can_add_codes(user, programme, partnership=None) -> bool:
    if is_coordinator_of(user, programme.pk):
        return True
    if partnership is None:
        return False
    role = partnership_role(user, partnership)
    return role is not None and role.can_edit_evidence()


def get_code_for_user(user, pk, *, write: bool = False) -> Code:
    code = one_or_404(codes_visible_to(user), pk)
    if write and not can_edit_code(user, code):
        raise Http404
    return code


# --- sources for analysis and codings ---------------------------------------------------------------------


def analysable_sources_visible_to(user) -> QuerySet[Source]:
    """Sources the person may see whose every participant allows use in analysis."""
    return sources_visible_to(user, scope=ANALYSIS)


def get_analysable_source_for_user(user, pk, *, write: bool = False, defer: tuple[str, ...] = ()) -> Source:
    """The source ``pk`` if it is in ``analysable_sources_visible_to(user)``, else 404.

    Every coding request asks this, so it is decided for the one source rather than by filtering all of them,
    in one statement (``ovoz.analysis.access_sql``): the source is read only if it belongs to one of the
    person's teams or is shared with a programme she coordinates, with two flags saying whether one of its
    participants refuses analysis, or sharing with coordinators. The same rules as the queryset (tests compare
    both for every role and consent). ``defer`` leaves fields unread (the coding views read the
    transcript through their cache, keyed by ``transcript_digest``)."""
    team = _team_partnership_ids(user)
    coordinated = _coordinated_programme_ids(user)
    if not team and not coordinated:
        raise Http404
    try:
        pk = int(pk)
    except (ValueError, TypeError):
        raise Http404 from None
    source = source_for_analysis(pk, team=team, coordinated=coordinated, defer=defer)
    if source is None:
        raise Http404
    refused = source.refused_analysis or (source.partnership_id not in team and source.refused_coordinators)
    del source.refused_analysis, source.refused_coordinators
    if refused:
        raise Http404
    # The partnership as the person's memberships already hold it (no query); a coordinator's shared source
    # reads it with its organisation and programme.
    own = next((m.partnership for m in memberships_of(user) if m.partnership_id == source.partnership_id), None)
    source.partnership = own or Partnership.objects.select_related("organisation", "programme").get(
        pk=source.partnership_id)
    if write and not can_code(user, source):
        raise Http404
    return source


def can_code(user, source: Source) -> bool:
    role = partnership_role(user, source.partnership)
    return role is not None and role.can_edit_evidence()


def _blind_filter(user) -> Q:
    """Codings outside any round, rounds both coders finished, and one's own codings in a running round."""
    return (
        Q(double_coding__isnull=True)
        | Q(double_coding__finished_a_at__isnull=False, double_coding__finished_b_at__isnull=False)
        | Q(coder_id=user.pk)
    )


def codings_visible_to(user, *, include_rounds: bool = False) -> QuerySet[Coding]:
    """Codings on sources the person may analyse. Round codings are left out unless asked for (queries count
    the agreed codings, not both coders' drafts), and are blind while the round runs."""
    sources = analysable_sources_visible_to(user).order_by().values("pk")
    qs = Coding.objects.filter(source_id__in=sources)
    if include_rounds:
        return qs.filter(_blind_filter(user))
    return qs.filter(double_coding__isnull=True)


def get_coding_for_user(user, pk, *, write: bool = False) -> Coding:
    coding = one_or_404(codings_visible_to(user, include_rounds=True).select_related("source__partnership"), pk)
    own_draft = coding.double_coding_id is None or coding.coder_id == user.pk
    if write and not (can_code(user, coding.source) and own_draft):
        raise Http404
    return coding


# --- double coding ----------------------------------------------------------------------------------------


def double_codings_visible_to(user) -> QuerySet[DoubleCoding]:
    sources = analysable_sources_visible_to(user).order_by().values("pk")
    return DoubleCoding.objects.select_related("source__partnership", "coder_a", "coder_b").filter(
        source_id__in=sources
    )


def get_double_coding_for_user(user, pk, *, write: bool = False) -> DoubleCoding:
    round_ = one_or_404(double_codings_visible_to(user), pk)
    if write and not can_code(user, round_.source):
        raise Http404
    return round_


# --- memos ------------------------------------------------------------------------------------------------


def memos_visible_to(user) -> QuerySet[Memo]:
    """Memos on evidence follow the evidence; project and code memos follow their partnership (or the
    programme, for the coordinators' memos); session memos are read by the session's co-researchers too."""
    team = _team_partnership_ids(user)
    coordinated = _coordinated_programme_ids(user)
    working = _programme_ids(user)
    sources = analysable_sources_visible_to(user).order_by().values("pk")
    on_evidence = Q(source_id__in=sources) | Q(coding__source_id__in=sources)
    no_evidence = Q(source__isnull=True, coding__isnull=True)
    project = no_evidence & (
        Q(partnership_id__in=team)
        | Q(partnership__programme_id__in=coordinated, session__isnull=True)
        | Q(partnership__isnull=True, programme_id__in=working)
    )
    in_session = Q(session__co_researchers=user) | Q(session__partnership_id__in=team)
    return (
        Memo.objects.select_related("author", "code", "source", "session")
        .filter(on_evidence | project | in_session)
        .distinct()
    )


def can_write_memo(user, *, programme, partnership=None) -> bool:
    if partnership is None:
        return is_coordinator_of(user, programme.pk)
    role = partnership_role(user, partnership)
    return (role is not None and role.can_edit_evidence()) or is_coordinator_of(user, programme.pk)


def get_memo_for_user(user, pk, *, write: bool = False) -> Memo:
    memo = one_or_404(memos_visible_to(user), pk)
    if write and memo.author_id != user.pk:
        raise Http404
    return memo


# --- participatory sessions -------------------------------------------------------------------------------


def sessions_visible_to(user) -> QuerySet[ParticipatorySession]:
    """The partnership's team runs sessions; co-researchers see only sessions they are invited to (once
    open); coordinators never see them (the excerpts are the partnership's evidence)."""
    team = _team_partnership_ids(user)
    return (
        ParticipatorySession.objects.select_related("partnership__organisation", "facilitator")
        .filter(
            Q(partnership_id__in=team)
            | Q(co_researchers=user, status__in=[ParticipatorySession.Status.OPEN, ParticipatorySession.Status.CLOSED])
        )
        .distinct()
    )


def can_run_session(user, session: ParticipatorySession) -> bool:
    role = partnership_role(user, session.partnership)
    return role is not None and role.can_edit_evidence()


def get_session_for_user(user, pk, *, write: bool = False) -> ParticipatorySession:
    session = one_or_404(sessions_visible_to(user), pk)
    if write and not can_run_session(user, session):
        raise Http404
    return session
