"""Who may reach the impact pages: the programme's teams see its impact pages; change stories are evidence, so
partnership A's story is for A's mentor and researcher, and for the coordinators once shared with their consent;
outcomes and reflections of A also for A's co-researcher; programme rounds, outcomes and reflections are written
by coordinators; the report is theirs; viewers and outsiders get 404."""

import datetime

from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create
from ovoz.impact.services.outcomes import outcome_create, reflection_create
from ovoz.impact.services.rounds import round_create, selection_add
from ovoz.impact.services.stories import story_create
from tests.access.expect import only

TEAMS = ("coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b")
STORY = ("coordinator", "mentor_a", "researcher_a")
A_TEAM = ("mentor_a", "researcher_a")
A_ALL = ("coordinator", "mentor_a", "researcher_a", "coresearcher_a")
COORDINATOR = ("coordinator",)


def prepare(world):
    woman = participant_create(actor=None, partnership=world.a)
    consent_record(actor=None, participant=woman, date=datetime.date(2023, 3, 1), method="oral", language="ky",
                   scopes=ALL_SCOPES)
    world.im_story = story_create(
        actor=world.researcher_a, partnership=world.a, level="personal", title="She spoke at the council",
        social_actor="A returned migrant", what_changed="She spoke.", storyteller_kind="participant",
        storyteller=woman, shared_with_programme=True,
    )
    world.im_round = round_create(actor=world.coordinator, programme=world.programme, title="Reflection meeting",
                                  held_on=datetime.date(2024, 9, 25))
    world.im_selection = selection_add(actor=world.coordinator, selection_round=world.im_round, story=world.im_story,
                                       domain="personal", reason="Courage.")
    world.im_outcome = outcome_create(actor=world.mentor_a, programme=world.programme, partnership=world.a,
                                      level="community", description="The council listened.",
                                      social_actor="Village council", stories=[world.im_story])
    world.im_reflection = reflection_create(actor=world.mentor_a, programme=world.programme, partnership=world.a,
                                            kind="lesson", title="Meet in the evening", text="Women work by day.")


def _programme(c):
    return {"programme_id": c.programme.pk}


ENTRIES = {
    "impact:programme": ("get", _programme, only(200, *TEAMS)),
    "impact:report": ("get", _programme, only(200, *COORDINATOR)),
    "impact:story_list": ("get", _programme, only(200, *TEAMS)),
    "impact:story_create": ("get", lambda c: {"pk": c.a.pk}, only(200, *A_TEAM)),
    "impact:story_detail": ("get", lambda c: {"pk": c.im_story.pk}, only(200, *STORY)),
    "impact:story_edit": ("get", lambda c: {"pk": c.im_story.pk}, only(200, *A_TEAM)),
    "impact:story_delete": ("get", lambda c: {"pk": c.im_story.pk}, only(200, *A_TEAM)),
    # An empty form: the team is sent back to the story with an error; nobody else learns it exists.
    "impact:story_feedback": ("post", lambda c: {"pk": c.im_story.pk}, only(302, *A_TEAM)),
    "impact:round_list": ("get", _programme, only(200, *TEAMS)),
    "impact:round_create": ("get", _programme, only(200, *COORDINATOR)),
    "impact:round_detail": ("get", lambda c: {"pk": c.im_round.pk}, only(200, *TEAMS)),
    "impact:round_edit": ("get", lambda c: {"pk": c.im_round.pk}, only(200, *COORDINATOR)),
    "impact:round_delete": ("get", lambda c: {"pk": c.im_round.pk}, only(200, *COORDINATOR)),
    "impact:selection_add": ("post", lambda c: {"pk": c.im_round.pk}, only(302, *COORDINATOR)),
    "impact:selection_remove": ("post", lambda c: {"pk": c.im_selection.pk}, only(302, *COORDINATOR)),
    "impact:outcome_list": ("get", _programme, only(200, *TEAMS)),
    "impact:outcome_create": ("get", _programme, only(200, *COORDINATOR)),
    "impact:outcome_detail": ("get", lambda c: {"pk": c.im_outcome.pk}, only(200, *A_ALL)),
    "impact:outcome_edit": ("get", lambda c: {"pk": c.im_outcome.pk}, only(200, *STORY)),
    "impact:outcome_delete": ("get", lambda c: {"pk": c.im_outcome.pk}, only(200, *STORY)),
    "impact:reflection_list": ("get", _programme, only(200, *TEAMS)),
    "impact:reflection_create": ("get", _programme, only(200, *COORDINATOR)),
    "impact:reflection_edit": ("get", lambda c: {"pk": c.im_reflection.pk}, only(200, *STORY)),
    "impact:reflection_delete": ("get", lambda c: {"pk": c.im_reflection.pk}, only(200, *STORY)),
}
