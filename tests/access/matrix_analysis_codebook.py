"""Who reaches the codebook and memo pages: the programme's coordinators and its partnerships' mentors and
researchers (a partnership's own codes only for its team and the coordinators); co-researchers, viewers and
outsiders get 404. Only a memo's author edits or deletes it."""

import datetime

from ovoz.analysis.services.codes import code_create
from ovoz.analysis.services.codings import coding_create
from ovoz.analysis.services.memos import memo_create
from ovoz.evidence.models import Source
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create
from tests.access.expect import every, only

PROGRAMME_TEAMS = ("coordinator", "mentor_a", "researcher_a", "researcher_b")
A_TEAM = ("coordinator", "mentor_a", "researcher_a")


def prepare(world):
    if getattr(world, "cb_source", None) is not None:
        return
    world.cb_code = code_create(actor=world.coordinator, programme=world.programme, name_en="Matrix wage")
    world.cb_code_a = code_create(actor=world.researcher_a, programme=world.programme, partnership=world.a,
                                  name_en="Matrix debt (A)")
    participant = participant_create(actor=world.researcher_a, partnership=world.a)
    consent_record(actor=world.researcher_a, participant=participant, date=datetime.date(2023, 3, 1), method="oral",
                   language="ru", scopes=ALL_SCOPES)
    world.cb_source = Source.objects.create(partnership=world.a, kind="interview", title="Matrix interview",
                                            transcript="Зарплату не платили три месяца.")
    world.cb_source.participants.add(participant)
    world.cb_coding = coding_create(actor=world.researcher_a, source=world.cb_source, codes=[world.cb_code_a],
                                    start=0, end=8)[0]
    world.cb_memo = memo_create(actor=world.researcher_a, programme=world.programme, code=world.cb_code_a,
                                text="Matrix memo on a code.")


def _programme(c):
    return {"programme_id": c.programme.pk}


def _print(c):
    return {"programme_id": c.programme.pk, "fmt": "docx"}


def _code_a(c):
    return {"pk": c.cb_code_a.pk}


ENTRIES = {
    "analysis:codebook": ("get", _programme, only(200, *PROGRAMME_TEAMS)),
    "analysis:code_create": ("get", _programme, only(200, *PROGRAMME_TEAMS)),
    "analysis:codebook_seed": ("post", _programme, only(302, "coordinator")),
    "analysis:codebook_print": ("get", _print, only(200, *PROGRAMME_TEAMS)),
    "analysis:code_detail": ("get", _code_a, only(200, *A_TEAM)),
    "analysis:code_edit": ("get", _code_a, only(200, *A_TEAM)),
    "analysis:code_move": ("get", _code_a, only(200, *A_TEAM)),
    "analysis:code_merge": ("get", _code_a, only(200, *A_TEAM)),
    "analysis:code_split": ("get", _code_a, only(200, *A_TEAM)),
    "analysis:code_retire": ("post", _code_a, only(302, *A_TEAM)),
    "analysis:code_restore": ("post", _code_a, only(302, *A_TEAM)),
    "analysis:code_delete": ("get", _code_a, only(200, *A_TEAM)),
    "analysis:memo_list": ("get", _programme, only(200, *PROGRAMME_TEAMS)),
    # Without a target in the query string there is nothing to write on (targets are tested in tests/analysis).
    "analysis:memo_create": ("get", lambda c: {}, every(404)),
    "analysis:memo_edit": ("get", lambda c: {"pk": c.cb_memo.pk}, only(200, "researcher_a")),
    "analysis:memo_delete": ("get", lambda c: {"pk": c.cb_memo.pk}, only(200, "researcher_a")),
}
