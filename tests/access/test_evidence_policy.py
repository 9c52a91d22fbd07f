"""The rules later evidence features rely on, stated once for the whole cast."""

import pytest

from ovoz.programmes import access

# person -> (sees A's evidence, edits A's evidence, sees A's identities, sees what A shares with the programme)
EXPECTED_FOR_PARTNERSHIP_A = {
    "coordinator": (False, False, False, True),
    "mentor_a": (True, True, False, True),
    "researcher_a": (True, True, True, True),
    "coresearcher_a": (False, False, False, False),
    "researcher_b": (False, False, False, False),
    "viewer": (False, False, False, False),
    "outsider": (False, False, False, False),
}


@pytest.mark.parametrize("person", sorted(EXPECTED_FOR_PARTNERSHIP_A))
def test_only_partnership_as_own_team_sees_its_evidence_and_only_its_researchers_see_identities(cast, person):
    user = getattr(cast, person)
    got = (
        access.can_see_evidence(user, cast.a),
        access.can_edit_evidence(user, cast.a),
        access.can_see_identities(user, cast.a),
        access.can_see_shared_with_programme(user, cast.a),
    )
    assert got == EXPECTED_FOR_PARTNERSHIP_A[person]


def test_a_site_administrator_manages_structure_but_sees_no_evidence(cast):
    from tests.conftest import make_user

    admin = make_user("admin", is_superuser=True)
    assert access.is_coordinator_of(admin, cast.programme.pk)
    assert not access.can_see_evidence(admin, cast.a)
    assert not access.can_see_identities(admin, cast.a)


def test_every_role_that_sees_evidence_requires_a_second_factor(cast):
    from ovoz.accounts.security import requires_second_factor

    for person in ("coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b"):
        assert requires_second_factor(getattr(cast, person)), person
    assert not requires_second_factor(cast.viewer)
    assert not requires_second_factor(cast.outsider)
