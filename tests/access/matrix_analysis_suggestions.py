"""Who reaches code suggestions: a partnership's mentor and researchers train its classifier and decide the
suggestions on its sources; coordinators train the programme's classifier (shared sources) but see no
partnership's suggestions; everyone else gets 404. The suggestions index opens for everyone (it lists only
what each may train)."""

import datetime

from ovoz.analysis.models import ClassifierRun, Code, Suggestion
from ovoz.evidence.models import Source
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create
from tests.access.expect import ALL_200, only

TEAM = ("mentor_a", "researcher_a")


def prepare(world):
    woman = participant_create(actor=None, partnership=world.a)
    consent_record(actor=None, participant=woman, date=datetime.date(2023, 3, 1), method="oral", language="ru",
                   scopes=ALL_SCOPES)
    world.sg_source = Source.objects.create(partnership=world.a, kind="interview", title="Suggestion matrix",
                                            transcript="Зарплату не платили. Полиция требовала деньги.")
    world.sg_source.participants.add(woman)
    code = Code.objects.create(programme=world.programme, name_en="Matrix suggested wages")
    run = ClassifierRun.objects.create(programme=world.programme, partnership=world.a, examples=0,
                                       metrics={"evaluated": False})
    world.sg_suggestion = Suggestion.objects.create(source=world.sg_source, code=code, start=0, end=20,
                                                    confidence=0.8, run=run)


def _source(c):
    return {"pk": c.sg_source.pk}


def _suggestion(c):
    return {"pk": c.sg_suggestion.pk}


ENTRIES = {
    "analysis:suggestions": ("get", lambda c: {}, ALL_200),
    "analysis:suggestions_programme": ("get", lambda c: {"programme_id": c.programme.pk}, only(200, "coordinator")),
    # Too few codings to learn from: the trainer is sent back with the reason.
    "analysis:suggestions_train_programme": ("post", lambda c: {"programme_id": c.programme.pk},
                                             only(302, "coordinator")),
    "analysis:suggestions_partnership": ("get", lambda c: {"partnership_id": c.a.pk}, only(200, *TEAM)),
    "analysis:suggestions_train_partnership": ("post", lambda c: {"partnership_id": c.a.pk}, only(302, *TEAM)),
    "analysis:suggestions_source": ("get", _source, only(200, *TEAM)),
    # No model stored: sent back with "train first".
    "analysis:suggestions_source_run": ("post", _source, only(302, *TEAM)),
    "analysis:suggestions_source_bulk": ("post", _source, only(302, *TEAM)),
    "analysis:suggestion_accept": ("post", _suggestion, only(302, *TEAM)),
    "analysis:suggestion_reject": ("post", _suggestion, only(302, *TEAM)),
}
