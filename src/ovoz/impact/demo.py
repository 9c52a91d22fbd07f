"""The demo programme's impact: fictional change stories at each level for several partners, the selection round
of the reflection meeting (September 2024), harvested outcomes and lessons. Idempotent; everything is marked
``is_fictional`` and the stories' titles say "(fictional)"."""

import datetime

from ovoz.events.models import Event
from ovoz.evidence.models import Participant
from ovoz.impact.models import ChangeStory, Outcome, Reflection, SelectionRound
from ovoz.impact.services.outcomes import outcome_create, reflection_create
from ovoz.impact.services.rounds import round_create, selection_add
from ovoz.impact.services.stories import story_create
from ovoz.programmes.models import Membership

D = datetime.date

# key, partner, level, title, who changed, what changed, why significant, how FPAR contributed, where
STORIES = [
    ("rp-personal", "ravnyeprava", "personal", "Мен эми унчукпайм — I no longer keep silent (fictional)",
     "A seamstress of the Ak-Zhar workshop",
     "Ал жумуш берүүчүгө жазуу жүзүндө келишим талап кылды. She asked her employer for a written contract and "
     "got one, the first in the workshop.", "She had never spoken to the owner before the research.",
     "The focus groups taught the women their rights under the Labour Code.", "Ak-Zhar, Bishkek"),
    ("rp-community", "ravnyeprava", "community", "The women of Ak-Zhar meet every month (fictional)",
     "Women internal migrants of Ak-Zhar",
     "Eleven women formed a self-help group that now meets monthly and keeps a list of unpaid wages.",
     "A group outlives the project and can act together.", "The research meetings were the first place they met.",
     "Ak-Zhar, Bishkek"),
    ("rp-structural", "ravnyeprava", "structural", "The labour inspection visits the workshops (fictional)",
     "The district labour inspection",
     "After the briefer, the inspection planned visits to sewing workshops in the new settlements.",
     "A state body acted on evidence the women gave.", "The briefer's findings were presented at a round table.",
     "Bishkek"),
    ("gh-personal", "ghamkhori", "personal", "Ман ҳуқуқҳои худро медонам — I know my rights (fictional)",
     "A returned migrant woman in Khatlon",
     "Вай бори аввал ба маркази кризисӣ муроҷиат кард. She went to the crisis centre for the first time and got "
     "legal advice about alimony.", "She had believed nothing could be done.",
     "The interviews ended with information about services.", "Bokhtar"),
    ("gh-organisational", "ghamkhori", "organisational", "A safeguarding policy for the researchers (fictional)",
     "Ghamkhori's staff", "The organisation adopted a safeguarding and digital-security policy for field work.",
     "Researchers are safer and know what to do after a threat.", "The risks met during the research showed the need.",
     "Bokhtar"),
    ("dm-community", "dunyoi-muhabbat", "community", "The mahalla committee invites returned women (fictional)",
     "The mahalla committee in Khujand", "Returned women are now invited to the committee's employment meetings.",
     "Their needs are heard where local jobs are shared out.", "The validation meeting brought both sides together.",
     "Khujand"),
    ("awa-personal", "awa-fergana", "personal", "Oʻz biznesimni boshladim — I started my own business (fictional)",
     "A returned migrant in Fergana", "She registered as self-employed and opened a small sewing service at home.",
     "She no longer depends on remittances.", "Researchers connected her with a microcredit programme.", "Fergana"),
    ("awa-structural", "awa-fergana", "structural", "The khokimiyat adds returned women to its programme (fictional)",
     "The regional khokimiyat", "Returned women migrants were named a target group of the regional employment "
     "programme for 2025.", "A policy change that reaches beyond the participants.",
     "The country briefer's recommendation was presented at a public hearing.", "Fergana"),
]
# story key, domain, reason
CHOSEN = [
    ("rp-personal", "personal", "Her courage changed how the other women in the workshop see themselves."),
    ("gh-organisational", "organisational", "It protects every researcher who comes after."),
    ("rp-community", "community", "The group acts without the project: the change will last."),
    ("awa-structural", "structural", "The first recommendation of a briefer taken up by a state body."),
]
OUTCOMES = [
    ("ravnyeprava", "structural", "The district labour inspection", "Inspections of sewing workshops in the new "
     "settlements were added to the inspection plan.", "Decent work: written contracts for women internal migrants",
     ["rp-structural", "rp-personal"]),
    ("awa-fergana", "structural", "The regional khokimiyat", "Returned women migrants became a target group of the "
     "regional employment programme.", "Reintegration of returned women migrants", ["awa-structural", "awa-personal"]),
    ("dunyoi-muhabbat", "community", "The mahalla committee", "Returned women take part in the committee's "
     "employment meetings.", "Reintegration of returned women migrants", ["dm-community"]),
    (None, "organisational", "Partner organisations", "Three partners adopted safeguarding policies for field work.",
     "", []),
]
# Which Theory of Change outcome (of the advocacy demo) and which recommendation each outcome concerns, found by
# words of their text so that the demo parts stay independent.
OUTCOME_LINKS = {
    "Inspections of sewing workshops": ("labour inspection visits small sewing workshops", "labour-rights desk"),
    "Returned women migrants became a target group": ("", "returning women migrant workers"),
}
LESSONS = [
    (None, "best_practice", "Validation meetings in the community",
     "Returning the findings to the women before publication corrected two misreadings and built trust.", ""),
    (None, "lesson", "Plan for the agricultural season",
     "Interviews planned for the harvest months had to be moved: women were in the fields.", ""),
    ("ravnyeprava", "threat", "Pressure on the research team",
     "A researcher was asked by a local official why she was 'collecting lists of migrants'.",
     "The mentor met the official with the organisation's registration papers; interviews moved to the office."),
    ("ghamkhori", "pme", "Participants' own assessment",
     "In the closing circle, 14 of 17 women said they knew where to seek help; before the research, 5 did.", ""),
]


def _toc_outcomes(programme, partnership, words: str) -> list:
    from ovoz.advocacy.models import ChangeNode

    if not words:
        return []
    return list(ChangeNode.objects.filter(kind="outcome", toc__programme=programme, toc__partnership=partnership,
                                          text__icontains=words)[:1])


def _recommendations(programme, words: str) -> list:
    from ovoz.mechanisms.models import Recommendation

    if not words:
        return []
    return list(Recommendation.objects.filter(programme=programme, text__icontains=words).order_by("pk")[:1])


def _teller(partnership) -> Participant | None:
    return (
        Participant.objects.filter(partnership=partnership, external_id__startswith="demo:", withdrawn_at__isnull=True,
                                   consent_coordinators=True, consent_quotes=True, consent_analysis=True)
        .order_by("pk").first()
    )


def _researcher(partnership):
    m = Membership.objects.filter(partnership=partnership, role="researcher").select_related("user").first()
    return m.user if m else None


def demo_load(*, programme, partnerships, coordinator) -> None:
    stories = {}
    for key, partner, level, title, actor, what, why, how, place in STORIES:
        partnership = partnerships.get(partner)
        if partnership is None:
            continue
        external_id = f"demo:story:{key}"
        story = ChangeStory.objects.filter(partnership=partnership, external_id=external_id).first()
        if story is None:
            teller, researcher = _teller(partnership), _researcher(partnership)
            who = ({"storyteller_kind": "participant", "storyteller": teller} if teller and level != "organisational"
                   else {"storyteller_kind": "team", "storyteller_user": researcher, "storyteller_agrees": True})
            story = story_create(
                actor=researcher, partnership=partnership, level=level, title=title, social_actor=actor,
                what_changed=what, significance=why, contribution=how, place=place, happened_on=D(2024, 5, 15),
                collected_on=D(2024, 8, 20), shared_with_programme=True, collected_by=researcher,
                verifiable_by="The partnership's mentor", is_fictional=True, external_id=external_id, **who,
            )
        stories[key] = story

    meeting = Event.objects.filter(programme=programme, kind=Event.Kind.REFLECTION_MEETING).first()
    title = "Most significant change at the reflection meeting (fictional)"
    selection_round = SelectionRound.objects.filter(programme=programme, title=title).first()
    if selection_round is None and stories:
        selection_round = round_create(
            actor=coordinator, programme=programme, title=title,
            held_on=meeting.starts_on if meeting else D(2024, 9, 25),
            event=meeting, selectors="Young women researchers and mentors of the five partners, in country groups",
            notes="Each country group read its stories aloud; the whole meeting chose one story per domain.",
            is_fictional=True,
        )
        for key, domain, reason in CHOSEN:
            if key in stories:
                selection_add(actor=coordinator, selection_round=selection_round, story=stories[key], domain=domain,
                              reason=reason)

    for partner, level, actor, description, concerns, story_keys in OUTCOMES:
        if Outcome.objects.filter(programme=programme, description=description).exists():
            continue
        partnership = partnerships.get(partner) if partner else None
        if partner and partnership is None:
            continue
        node_words, recommendation_words = next(
            (links for start, links in OUTCOME_LINKS.items() if description.startswith(start)), ("", ""))
        outcome_create(actor=coordinator, programme=programme, partnership=partnership, level=level,
                       social_actor=actor, description=description, concerns=concerns, happened_on=D(2024, 7, 1),
                       stories=[stories[k] for k in story_keys if k in stories], is_fictional=True,
                       toc_outcomes=_toc_outcomes(programme, partnership, node_words),
                       recommendations=_recommendations(programme, recommendation_words))

    for partner, kind, title, text, how_met in LESSONS:
        if Reflection.objects.filter(programme=programme, title=title).exists():
            continue
        partnership = partnerships.get(partner) if partner else None
        reflection_create(actor=coordinator, programme=programme, partnership=partnership,
                          event=meeting if partner is None else None, kind=kind, title=title, text=text,
                          how_met=how_met, is_fictional=True)
