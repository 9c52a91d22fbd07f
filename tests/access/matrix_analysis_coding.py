"""Who may open the coding page of a source of partnership A that is shared with the programme, open the
codings on a passage, apply codes, change and remove a coding.

The team (mentor and researcher) codes; the coordinators read the codings of a shared source; everyone else,
co-researchers included, gets 404.
"""

import datetime

from ovoz.analysis.models import Code, Coding
from ovoz.evidence.models import Source
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create
from tests.access.expect import only

TEAM = ("mentor_a", "researcher_a")
SHARED = ("coordinator", "mentor_a", "researcher_a")


def prepare(world):
    woman = participant_create(actor=None, partnership=world.a)
    consent_record(actor=None, participant=woman, date=datetime.date(2023, 3, 1), method="oral", language="ky",
                   scopes=ALL_SCOPES)
    world.cd_source = Source.objects.create(partnership=world.a, kind="interview", title="Coding matrix",
                                            transcript="Иш ҳақи тўланмади 😔.", shared_with_programme=True)
    world.cd_source.participants.add(woman)
    world.cd_code = Code.objects.create(programme=world.programme, name_en="Matrix wages")
    world.cd_coding = Coding.objects.create(source=world.cd_source, code=world.cd_code, start=0, end=7,
                                            coder=world.researcher_a)


ENTRIES = {
    "analysis:coding": ("get", lambda c: {"pk": c.cd_source.pk}, only(200, *SHARED)),
    "analysis:coding_apply": ("get", lambda c: {"pk": c.cd_source.pk}, only(200, *TEAM)),
    "analysis:coding_panel": ("get", lambda c: {"pk": c.cd_source.pk, "ids": str(c.cd_coding.pk)}, only(200, *SHARED)),
    # Without a code chosen the team is sent back to the passage's codings with an error.
    "analysis:coding_change": ("post", lambda c: {"pk": c.cd_coding.pk}, only(302, *TEAM)),
    "analysis:coding_remove": ("get", lambda c: {"pk": c.cd_coding.pk}, only(200, *TEAM)),
}
