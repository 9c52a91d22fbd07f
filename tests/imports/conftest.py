import pytest

from ovoz.imports.services import instrument_upload, mapping_create
from tests.imports import builders


@pytest.fixture(autouse=True)
def imports_run_inline(settings):
    """Jobs run in the request's thread: the test's transaction is the only one that can see its data."""
    settings.OVOZ_IMPORTS_INLINE = True


def make_survey(cast):
    """Partnership A's survey: the XLSForm uploaded and a saved mapping of its questions."""
    version, _created = instrument_upload(actor=cast.researcher_a, partnership=cast.a, content=builders.xlsform(),
                                          name="survey.xlsx")
    mapping = mapping_create(actor=cast.researcher_a, partnership=cast.a, instrument=version.instrument,
                             name="Main mapping", spec=builders.MAPPING)
    cast.instrument, cast.version, cast.mapping = version.instrument, version, mapping
    return cast


@pytest.fixture
def survey(cast):
    return make_survey(cast)
