def test_a_coordinator_sees_the_partnerships_she_coordinates(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Partner A" in body and "Partner B" in body
    assert "Partnerships you coordinate" in body


def test_a_researcher_sees_her_own_partnership_and_team_only(cast, as_user):
    client = as_user(cast.researcher_a)
    body = client.get("/").content.decode()
    assert "Your partnership" in body
    assert "Mentor of A" in body
    assert "Researcher of B" not in body


def test_an_outsider_is_told_she_has_no_programme(cast, as_user):
    body = as_user(cast.outsider).get("/").content.decode()
    assert "not part of any programme" in body
    assert "Partner A" not in body


def test_the_dashboard_asks_anonymous_visitors_to_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/auth/login/")


def test_the_coordinator_sees_who_still_lacks_a_second_factor(cast, as_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = as_user(cast.coordinator)
    TOTPDevice.objects.create(user=cast.mentor_a, name="phone", confirmed=True)
    body = client.get("/").content.decode()
    section = body.split("Accounts without a second factor")[1].split("Recent activity")[0]
    assert "researcher_b" in section and "coresearcher_a" in section
    assert "mentor_a" not in section and "viewer" not in section


def test_the_dashboard_makes_a_fixed_number_of_queries(cast, as_user, django_assert_max_num_queries):
    client = as_user(cast.coordinator)
    with django_assert_max_num_queries(20):
        assert client.get("/").status_code == 200


def test_a_co_researcher_is_told_she_sees_only_what_is_shared_with_her(cast, as_user):
    body = as_user(cast.coresearcher_a).get("/").content.decode()
    assert "Shared with you" in body
    assert "Partnerships you coordinate" not in body


def test_a_viewer_is_pointed_to_published_work(cast, as_user):
    body = as_user(cast.viewer).get("/").content.decode()
    assert "Published work" in body
    assert "Your partnership" not in body
