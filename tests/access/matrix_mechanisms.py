"""Who may reach the UN mechanisms pages: every member reads the registry, the calendar and the mapping;
coordinators keep them; recommendations follow the programme and partnership teams; packs need evidence."""

from ovoz.mechanisms.models import Instrument, Mechanism, Ratification, Review, RightsMapping
from ovoz.mechanisms.services import recommendation_create
from tests.access.expect import ROLES, only

MEMBERS = tuple(r for r in ROLES if r != "outsider")
COORDINATOR = ("coordinator",)
TEAMS = ("coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b")
WRITERS = ("coordinator", "mentor_a", "researcher_a", "researcher_b")
TEAM_A = ("coordinator", "mentor_a", "researcher_a", "coresearcher_a")
WRITERS_A = ("coordinator", "mentor_a", "researcher_a")


def prepare(world):
    world.mech_rec = recommendation_create(
        actor=world.researcher_a, programme=world.programme, partnership=world.a, origin="findings",
        text="A proposal of partnership A.", addressee="City hall")
    world.mech_instrument = Instrument.objects.get(code="cedaw")
    world.mech_body = Mechanism.objects.get(code="cmw")
    world.mech_ratification = Ratification.objects.get(instrument__code="crpd", country="TJ")
    world.mech_review = Review.objects.order_by("pk").first()
    world.mech_mapping = RightsMapping.objects.filter(term__isnull=False).order_by("pk").first()


def _pk(name):
    return lambda c: {"pk": getattr(c, name).pk}


def _programme(c):
    return {"programme_id": c.programme.pk}


ENTRIES = {
    "mechanisms:index": ("get", lambda c: {}, only(200, *MEMBERS)),
    "mechanisms:instrument": ("get", _pk("mech_instrument"), only(200, *MEMBERS)),
    "mechanisms:mechanism": ("get", _pk("mech_body"), only(200, *MEMBERS)),
    "mechanisms:ratification_edit": ("get", _pk("mech_ratification"), only(200, *COORDINATOR)),
    "mechanisms:reviews": ("get", lambda c: {}, only(200, *MEMBERS)),
    "mechanisms:review_create": ("get", lambda c: {}, only(200, *COORDINATOR)),
    "mechanisms:review_detail": ("get", _pk("mech_review"), only(200, *MEMBERS)),
    "mechanisms:review_edit": ("get", _pk("mech_review"), only(200, *COORDINATOR)),
    "mechanisms:review_delete": ("get", _pk("mech_review"), only(200, *COORDINATOR)),
    "mechanisms:mapping": ("get", lambda c: {}, only(200, *MEMBERS)),
    "mechanisms:mapping_delete": ("get", _pk("mech_mapping"), only(200, *COORDINATOR)),
    "mechanisms:tracker": ("get", _programme, only(200, *TEAMS)),
    "mechanisms:tracker_export": ("get", lambda c: {"programme_id": c.programme.pk, "fmt": "csv"}, only(200, *TEAMS)),
    "mechanisms:recommendation_create": ("get", _programme, only(200, *WRITERS)),
    "mechanisms:recommendation": ("get", _pk("mech_rec"), only(200, *TEAM_A)),
    "mechanisms:recommendation_edit": ("get", _pk("mech_rec"), only(200, *WRITERS_A)),
    "mechanisms:recommendation_delete": ("get", _pk("mech_rec"), only(200, *WRITERS_A)),
    "mechanisms:recommendation_status": ("get", _pk("mech_rec"), only(200, *WRITERS_A)),
    "mechanisms:pack": ("get", _programme, only(200, *WRITERS)),
    # Without a country and a mechanism the download is a 400 for those who may build packs.
    "mechanisms:pack_download": ("get", lambda c: {"programme_id": c.programme.pk, "fmt": "docx"},
                                 only(400, *WRITERS)),
}
