"""Who may reach the double-coding pages of partnership A.

Its mentor and researcher are the two coders: they start, finish, cancel and reconcile. Coordinators read a
round (and its comparison once both finished) only when the source is shared with the programme and its
participants allow it; they change nothing. Everyone else, the co-researcher included, gets 404.
"""

import datetime

from ovoz.analysis.services.agreement import double_coding_finish, double_coding_start
from ovoz.analysis.services.codes import code_create
from ovoz.analysis.services.codings import coding_create
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create
from ovoz.evidence.services.sources import source_create
from tests.access.expect import ALL_200, only

TEAM = ("mentor_a", "researcher_a")
SHARED = ("coordinator", "mentor_a", "researcher_a")


def prepare(world):
    woman = participant_create(actor=None, partnership=world.a)
    consent_record(actor=None, participant=woman, date=datetime.date(2023, 3, 1), method="oral", language="ky",
                   scopes=ALL_SCOPES)
    code = code_create(actor=world.researcher_a, programme=world.programme, partnership=world.a,
                       name_en="Matrix agreement code")
    running = source_create(actor=None, partnership=world.a, kind="interview", title="Matrix round, coding",
                            transcript="Wages were not paid.", participants=[woman])
    shared = source_create(actor=None, partnership=world.a, kind="interview", title="Matrix round, comparing",
                           transcript="Wages were not paid for months.", participants=[woman],
                           shared_with_programme=True)
    world.ag_running = double_coding_start(actor=world.researcher_a, source=running, coder_a=world.researcher_a,
                                           coder_b=world.mentor_a)
    world.ag_done = double_coding_start(actor=world.researcher_a, source=shared, coder_a=world.researcher_a,
                                        coder_b=world.mentor_a)
    coding_create(actor=world.researcher_a, source=shared, codes=[code], start=0, end=5, double_coding=world.ag_done)
    coding_create(actor=world.mentor_a, source=shared, codes=[code], start=0, end=20, double_coding=world.ag_done)
    double_coding_finish(actor=world.researcher_a, double_coding=world.ag_done)
    double_coding_finish(actor=world.mentor_a, double_coding=world.ag_done)


def _a(c):
    return {"pk": c.a.pk}


def _running(c):
    return {"pk": c.ag_running.pk}


def _done(c):
    return {"pk": c.ag_done.pk}


ENTRIES = {
    "analysis:agreement_index": ("get", lambda c: {}, ALL_200),
    "analysis:agreement_rounds": ("get", _a, only(200, *SHARED)),
    "analysis:agreement_start": ("get", _a, only(200, *TEAM)),
    "analysis:agreement_detail": ("get", _done, only(200, *SHARED)),
    "analysis:agreement_finish": ("get", _running, only(200, *TEAM)),
    "analysis:agreement_cancel": ("get", _running, only(200, *TEAM)),
    "analysis:agreement_disagreements": ("get", _done, only(200, *SHARED)),
    # Without decisions the team gets the form back with the error; nobody else learns the round exists.
    "analysis:agreement_reconcile": ("post", _done, only(400, *TEAM)),
}
