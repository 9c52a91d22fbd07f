"""Each disclosure rule blocks what it should and lets through what it should."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from ovoz.evidence.models import Participant
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create
from ovoz.publishing.disclosure.gate import blocking, disclosure_check
from ovoz.publishing.services.publications import block_add, block_update, section_update
from ovoz.publishing.services.workflow import disclosure_override


def rules(publication):
    return sorted({p.rule for p in blocking(disclosure_check(publication))})


def test_an_empty_briefer_passes_the_gate(briefer):
    assert rules(briefer.pub) == []


def test_a_quote_from_a_participant_who_allows_quotes_passes(briefer):
    c = briefer
    block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_ok, attribution_fields=[])
    assert rules(c.pub) == []


def test_a_quote_from_a_participant_who_did_not_allow_quotes_is_blocked(briefer):
    c = briefer
    block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_refused, attribution_fields=[])
    problems = blocking(disclosure_check(c.pub))
    assert [p.rule for p in problems] == ["quote_consent"]
    assert c.a2.code in problems[0].message


def test_naming_a_participant_needs_her_consent_to_attribution(briefer):
    c = briefer
    block = block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_ok, attribution_fields=[],
                      show_name=True)
    assert rules(c.pub) == []  # a1 allows everything, attribution by name included
    consent_record(actor=c.researcher_a, participant=c.a1, date=datetime.date(2023, 4, 1), method="oral",
                   language="ky", scopes=[s for s in ALL_SCOPES if s != "attribution"])
    assert rules(c.pub) == ["identifying", "quote_consent"]  # and her name is now an identifying value shown
    block_update(actor=c.researcher_a, block=block, show_name=False)
    assert rules(c.pub) == []


def test_an_attribution_that_fits_fewer_than_k_participants_is_blocked(briefer):
    c = briefer
    block = block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_ok,
                      attribution_fields=["age_band", "destination"])
    Participant.objects.filter(pk=c.a1.pk).update(age_band="30-39", destination="Moscow")
    assert rules(c.pub) == ["k_anonymity"]
    block_update(actor=c.researcher_a, block=block, attribution_fields=["age_band"])
    assert rules(c.pub) == ["k_anonymity"]  # still only one woman aged 30-39 in A's data
    for _ in range(4):
        p = participant_create(actor=c.researcher_a, partnership=c.a)
        Participant.objects.filter(pk=p.pk).update(age_band="30-39")
    assert rules(c.pub) == []  # five women aged 30-39: the attribution no longer singles her out


def test_attributes_not_recorded_are_left_out_of_the_attribution_and_of_the_k_count(briefer):
    from ovoz.publishing.document import build_document

    c = briefer
    block = block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_ok,
                      attribution_fields=["migrant_status", "age_band", "region_of_origin"])
    assert rules(c.pub) == []  # nothing recorded about her: no attribution printed, nothing to single her out
    built = next(b for s in build_document(c.pub)["sections"] for b in s["blocks"] if b["id"] == block.pk)
    assert built["attribution"] == ""
    Participant.objects.filter(pk=c.a1.pk).update(age_band="30-39")
    assert rules(c.pub) == ["k_anonymity"]  # now "30–39" is printed and fits her alone


@override_settings(OVOZ_DISCLOSURE_K=1)
def test_the_k_threshold_comes_from_the_settings(briefer):
    c = briefer
    block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_ok,
              attribution_fields=["age_band", "destination"])
    assert rules(c.pub) == []


def _people(c, n, status):
    from ovoz.evidence.models import Term

    term = Term.objects.get(vocabulary="migrant_status", code=status)
    for _ in range(n):
        p = participant_create(actor=c.researcher_a, partnership=c.a)
        consent_record(actor=c.researcher_a, participant=p, date=datetime.date(2023, 3, 1), method="oral",
                       language="ru", scopes=["analysis", "statistics"])
        Participant.objects.filter(pk=p.pk).update(migrant_status=term)


@pytest.mark.parametrize("mode,blocked", [("show", True), ("suppress", False), ("merge", False)])
def test_small_cells_must_be_suppressed_or_merged(briefer, mode, blocked):
    c = briefer
    _people(c, 6, "internal")
    _people(c, 2, "returned")
    block = block_add(actor=c.researcher_a, section=c.context, kind="statistic",
                      statistic={"by": "migrant_status"}, small_cells=mode)
    assert (rules(c.pub) == ["small_cells"]) is blocked
    from ovoz.publishing.document import build_document

    rows = dict(map(tuple, next(b for s in build_document(c.pub)["sections"] for b in s["blocks"]
                                if b["id"] == block.pk)["table"]["rows"]))
    assert rows["Internal migrant"] == 6
    if mode == "suppress":
        assert rows["Returned migrant"] is None
    if mode == "merge":
        assert "Returned migrant" not in rows


def test_statistics_count_only_participants_who_allow_statistics(briefer):
    c = briefer
    _people(c, 6, "internal")
    Participant.objects.filter(partnership=c.a, migrant_status__code="internal").update(consent_statistics=False)
    block_add(actor=c.researcher_a, section=c.context, kind="statistic", statistic={"by": "migrant_status"},
              small_cells="show")
    from ovoz.publishing.document import build_document

    table = next(b for s in build_document(c.pub)["sections"] for b in s["blocks"])["table"]
    assert "Internal migrant" not in dict(map(tuple, table["rows"]))


def test_a_participants_name_anywhere_in_the_text_is_blocked(briefer):
    c = briefer
    section_update(actor=c.researcher_a, section=c.context, body="We thank Gulmira Secretname for her courage.")
    assert rules(c.pub) == ["identifying"]


def test_an_employers_name_in_the_text_is_blocked(briefer):
    import datetime as dt

    from ovoz.evidence.models import Incident, LabourClaim

    c = briefer
    incident = Incident.objects.create(partnership=c.a, title="Unpaid", date=dt.date(2023, 5, 1))
    LabourClaim.objects.create(incident=incident, employer_name="Tekstil Plus LLC")
    section_update(actor=c.researcher_a, section=c.context, body="The workshop Tekstil Plus LLC did not pay.")
    assert rules(c.pub) == ["identifying"]


def test_a_coordinator_can_override_a_problem_with_a_written_reason_and_it_is_audited(briefer):
    from ovoz.audit.models import AuditEntry

    c = briefer
    block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_refused, attribution_fields=[])
    (problem,) = disclosure_check(c.pub)
    with pytest.raises(ValidationError):
        disclosure_override(actor=c.researcher_a, publication=c.pub, rule=problem.rule, key=problem.key,
                            reason="She agreed again by phone on 3 May.")
    with pytest.raises(ValidationError):
        disclosure_override(actor=c.coordinator, publication=c.pub, rule=problem.rule, key=problem.key, reason="ok")
    disclosure_override(actor=c.coordinator, publication=c.pub, rule=problem.rule, key=problem.key,
                        reason="She agreed again by phone on 3 May; a new written form follows.")
    assert rules(c.pub) == []
    assert disclosure_check(c.pub)[0].is_overridden
    entry = AuditEntry.objects.get(action="disclosure.override")
    assert "phone" in entry.changes["reason"] and entry.actor == c.coordinator
