"""The demo imports: Ravnye Prava's fictional survey, one export imported and a later one stopped by a problem;
loading twice adds nothing."""

from ovoz.evidence.models import Incident, Participant, Source
from ovoz.imports.demo import demo_load
from ovoz.imports.models import ImportJob, Instrument, InstrumentVersion, Mapping


def test_the_demo_imports_load_once_and_are_fictional(cast):
    partnerships = {"ravnyeprava": cast.a, "hrac": cast.b}
    demo_load(programme=cast.programme, partnerships=partnerships, coordinator=cast.coordinator)
    counts = (Instrument.objects.count(), InstrumentVersion.objects.count(), Mapping.objects.count(),
              ImportJob.objects.count(), Participant.objects.count(), Source.objects.count(),
              Incident.objects.count())
    assert counts == (1, 1, 1, 2, 6, 6, 5)
    done, checked = ImportJob.objects.order_by("created_at")
    assert done.status == "done" and done.counts["skipped"] == 0 and done.created_by == cast.researcher_a
    assert checked.status == "checked" and checked.error_count == 1 and checked.counts["skipped"] == 2
    assert "kg-chui-valley" in checked.problems[0]["message"]
    assert all(p.is_fictional for p in Participant.objects.all())
    assert all("(fictional" in s.title for s in Source.objects.all())
    assert all(i.is_fictional for i in Incident.objects.all())
    demo_load(programme=cast.programme, partnerships=partnerships, coordinator=cast.coordinator)
    assert counts == (Instrument.objects.count(), InstrumentVersion.objects.count(), Mapping.objects.count(),
                      ImportJob.objects.count(), Participant.objects.count(), Source.objects.count(),
                      Incident.objects.count())
