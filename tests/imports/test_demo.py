"""The demo imports: Ravnye Prava's fictional survey and two checked exports, one ready for *Import now* and one
stopped by a problem. The demo writes no evidence itself; loading twice adds nothing."""

import sys

from ovoz.evidence.models import Incident, Participant, Source
from ovoz.imports.demo import demo_load
from ovoz.imports.models import ImportJob, Instrument, InstrumentVersion, Mapping
from ovoz.imports.services import import_job_run, import_job_start


def counts():
    return (Instrument.objects.count(), InstrumentVersion.objects.count(), Mapping.objects.count(),
            ImportJob.objects.count(), Participant.objects.count(), Source.objects.count(), Incident.objects.count())


def test_the_demo_checks_two_exports_and_imports_nothing(cast):
    partnerships = {"ravnyeprava": cast.a, "hrac": cast.b}
    demo_load(programme=cast.programme, partnerships=partnerships, coordinator=cast.coordinator)
    assert counts() == (1, 1, 1, 2, 0, 0, 0)
    ready, stopped = ImportJob.objects.order_by("created_at")
    assert ready.can_run and ready.counts["participants"] == 6 and ready.created_by == cast.researcher_a
    assert stopped.status == "checked" and stopped.error_count == 1
    assert "kg-chui-valley" in stopped.problems[0]["message"]
    demo_load(programme=cast.programme, partnerships=partnerships, coordinator=cast.coordinator)
    assert counts() == (1, 1, 1, 2, 0, 0, 0)


def test_a_visitor_can_import_the_demo_export_and_everything_says_fictional(cast):
    demo_load(programme=cast.programme, partnerships={"ravnyeprava": cast.a}, coordinator=cast.coordinator)
    job = ImportJob.objects.order_by("created_at").first()
    job = import_job_start(actor=cast.researcher_a, job=job)
    import_job_run(actor=cast.researcher_a, job=job)
    assert job.status == "done" and Participant.objects.count() == 6 and Incident.objects.count() == 5
    assert all(p.is_fictional for p in Participant.objects.all())
    for title in [*Source.objects.values_list("title", flat=True), *Incident.objects.values_list("title", flat=True)]:
        assert title.startswith("(fictional)"), title


def test_the_demo_loads_without_the_sources_and_incidents_services(cast, monkeypatch):
    for name in ("ovoz.imports.write", "ovoz.evidence.services.sources", "ovoz.evidence.services.incidents"):
        monkeypatch.setitem(sys.modules, name, None)
    demo_load(programme=cast.programme, partnerships={"ravnyeprava": cast.a}, coordinator=cast.coordinator)
    assert ImportJob.objects.count() == 2
