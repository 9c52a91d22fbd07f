"""The demo has change stories at each level for several partners, the reflection meeting's selection round,
outcomes, lessons and a risk register entry; loading it twice creates nothing new."""

from ovoz.demo.load import demo_load
from ovoz.impact.models import ChangeStory, Outcome, Reflection, Selection, SelectionRound
from ovoz.impact.report_data import gather
from ovoz.programmes.models import Programme
from ovoz.safety.models import Risk, SafetyIncident, SupportContact

COUNTED = (ChangeStory, SelectionRound, Selection, Outcome, Reflection, Risk, SafetyIncident, SupportContact)


def test_the_demo_tells_change_at_every_level_and_loads_once(db):
    demo_load()
    counts = {m: m.objects.count() for m in COUNTED}
    demo_load()
    assert {m: m.objects.count() for m in COUNTED} == counts
    stories = ChangeStory.objects.all()
    assert set(stories.values_list("level", flat=True)) == {"personal", "organisational", "community", "structural"}
    assert stories.values("partnership").distinct().count() >= 3
    assert all(s.is_fictional for s in stories)
    meeting_round = SelectionRound.objects.get()
    assert meeting_round.event.kind == "reflection_meeting"
    assert meeting_round.selections.count() == 4
    assert Reflection.objects.filter(kind="lesson").exists() and Risk.objects.count() == 1
    data = gather(Programme.objects.get())
    assert sum(len(s) for _label, s in data.stories_by_level) >= 6
    assert any(c.name and c.n_stories for c in data.concerns)
