"""The demo's part of the UN mechanisms: a few fictional upcoming reviews with deadlines, the programme codebook
linked to articles, the Bishkek resolution's recommendations with fictional monitoring, fictional UN and partner
recommendations. The registry itself comes from the seed migration. Idempotent, through the services."""

import datetime

from django.utils import timezone

from ovoz.advocacy.models import Activity
from ovoz.analysis.models import Code
from ovoz.mechanisms import demo_data as data
from ovoz.mechanisms.models import Article, Mechanism, Recommendation, Review, RightsMapping
from ovoz.mechanisms.services import (
    mapping_add,
    recommendation_create,
    recommendation_status_record,
    review_create,
)
from ovoz.publishing.models import Finding


def _article(key: str) -> Article:
    instrument, number = key.split(":")
    return Article.objects.get(instrument__code=instrument, number=number)


def _reviews(coordinator, today):
    for code, country, session, review_in, deadline_in in data.DEMO_REVIEWS:
        mechanism = Mechanism.objects.get(code=code)
        if Review.objects.filter(mechanism=mechanism, country=country, session=session).exists():
            continue
        review_create(actor=coordinator, mechanism=mechanism, country=country, session=session,
                      review_on=today + datetime.timedelta(days=review_in),
                      submission_deadline=today + datetime.timedelta(days=deadline_in), status="scheduled",
                      source="Ovoz demo (fictional dates)", as_of=today, is_fictional=True,
                      notes="Fictional: made up for the demonstration, relative to the day the demo was loaded.")


def _mappings(programme, coordinator):
    for key, articles in data.CODE_ARTICLES.items():
        code = Code.objects.filter(programme=programme, partnership__isnull=True, seed_key=key).first()
        if code is None:
            continue
        for article_key in articles:
            article = _article(article_key)
            if not RightsMapping.objects.filter(article=article, code=code).exists():
                mapping_add(actor=coordinator, article=article, code=code)


def _resolution(programme, coordinator):
    issued = datetime.date(*data.RESOLUTION_DATE)
    for i, (addressee, kind, theme, sdgs, text) in enumerate(data.RECOMMENDATIONS):
        if Recommendation.objects.filter(programme=programme, text=text).exists():
            continue
        rec = recommendation_create(
            actor=coordinator, programme=programme, origin=Recommendation.Origin.RESOLUTION,
            source_title=data.RESOLUTION, country="KG", issued_on=issued, text=text, addressee=addressee,
            addressee_kind=kind, theme=theme, sdg_targets=sdgs, is_fictional=True)
        for status, days, evidence in data.MONITORING.get(i, []):
            recommendation_status_record(actor=coordinator, recommendation=rec, status=status,
                                         observed_on=issued + datetime.timedelta(days=days), evidence=evidence)


def _un(programme, coordinator, today):
    for spec in data.UN_RECOMMENDATIONS:
        if Recommendation.objects.filter(programme=programme, text=spec["text"]).exists():
            continue
        issued = datetime.date(*spec["issued_on"])
        rec = recommendation_create(
            actor=coordinator, programme=programme, origin=spec["origin"],
            mechanism=Mechanism.objects.get(code=spec["mechanism"]), country=spec["country"],
            reference=spec["reference"], source_title=spec["source_title"], issued_on=issued, text=spec["text"],
            addressee=spec["addressee"], addressee_kind=spec["addressee_kind"], theme=spec["theme"],
            sdg_targets=spec["sdg_targets"], upr_response=spec.get("upr_response", ""),
            recommending_state=spec.get("recommending_state", ""),
            articles=[_article(k) for k in spec["articles"]], is_fictional=True)
        if spec["status"]:
            status, days = spec["status"]
            observed = min(issued + datetime.timedelta(days=days), today)
            recommendation_status_record(actor=coordinator, recommendation=rec, status=status, observed_on=observed,
                                         evidence="Fictional demo: the ministry announced a draft regulation.")


def _proposals(programme, partnerships, coordinator):
    for key, spec in data.PROPOSALS.items():
        partnership = partnerships.get(key)
        if partnership is None or Recommendation.objects.filter(programme=programme, text=spec["text"]).exists():
            continue
        findings = list(Finding.objects.filter(programme=programme, partnership=partnership,
                                                status=Finding.Status.AGREED)[:2])
        recommendation_create(
            actor=coordinator, programme=programme, partnership=partnership, origin=Recommendation.Origin.FINDINGS,
            country=partnership.country, text=spec["text"], addressee=spec["addressee"],
            addressee_kind=spec["addressee_kind"], theme=spec["theme"], sdg_targets=spec["sdg_targets"],
            articles=[_article(k) for k in spec["articles"]], findings=findings,
            activities=list(Activity.objects.filter(plan__partnership=partnership).order_by("starts_on")[:2]),
            is_fictional=True)


def demo_load(*, programme, partnerships, coordinator) -> None:
    today = timezone.localdate()
    _reviews(coordinator, today)
    _mappings(programme, coordinator)
    _resolution(programme, coordinator)
    _un(programme, coordinator, today)
    _proposals(programme, partnerships, coordinator)
