"""Who reaches participatory sessions: the partnership's mentor and researchers prepare and run them; the
invited co-researcher reaches only the room (once open); coordinators, the other partnership, viewers and
outsiders get 404. The session list opens for everyone signed in and lists only what each may see."""

import datetime

from ovoz.analysis.services.sessions import excerpt_add, session_create, session_open
from ovoz.evidence.models import Source
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create
from tests.access.expect import ALL_200, only

A_TEAM = ("mentor_a", "researcher_a")
ROOM = ("mentor_a", "researcher_a", "coresearcher_a")


def prepare(world):
    if getattr(world, "ps_session", None) is not None:
        return
    participant = participant_create(actor=world.researcher_a, partnership=world.a)
    consent_record(actor=world.researcher_a, participant=participant, date=datetime.date(2023, 3, 1), method="oral",
                   language="ru", scopes=ALL_SCOPES)
    world.ps_source = Source.objects.create(partnership=world.a, kind="interview", title="Session interview",
                                            transcript="Нам не платили. Мы ждали три месяца.")
    world.ps_source.participants.add(participant)
    world.ps_session = session_create(actor=world.researcher_a, partnership=world.a, title="Reading together",
                                      co_researchers=[world.coresearcher_a])
    world.ps_excerpt = excerpt_add(actor=world.researcher_a, session=world.ps_session, source=world.ps_source,
                                   start=0, end=15)
    session_open(actor=world.researcher_a, session=world.ps_session)


def _session(c):
    return {"pk": c.ps_session.pk}


def _excerpt(c):
    return {"pk": c.ps_excerpt.pk}


ENTRIES = {
    "analysis:session_list": ("get", lambda c: {}, ALL_200),
    "analysis:session_create": ("get", lambda c: {"pk": c.a.pk}, only(200, *A_TEAM)),
    "analysis:session_prepare": ("get", _session, only(200, *A_TEAM)),
    "analysis:session_edit": ("get", _session, only(200, *A_TEAM)),
    "analysis:session_status": ("post", _session, only(302, *A_TEAM)),
    "analysis:excerpt_add": ("post", _session, only(302, *A_TEAM)),
    "analysis:excerpt_edit": ("post", _excerpt, only(302, *A_TEAM)),
    "analysis:excerpt_move": ("post", _excerpt, only(302, *A_TEAM)),
    "analysis:excerpt_remove": ("get", _excerpt, only(200, *A_TEAM)),
    "analysis:session_room": ("get", _session, only(200, *ROOM)),
    "analysis:session_room_memo": ("post", _session, only(302, *ROOM)),
}
