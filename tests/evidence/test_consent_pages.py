"""Recording, changing and withdrawing consent through the pages; the printable summary; the signed form."""

import datetime
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import ConsentRecord, Participant
from ovoz.evidence.services.participants import participant_create

PDF = b"%PDF-1.4\n% a signed consent form\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def reauthenticate(client):
    session = client.session
    session[REAUTH_SESSION_KEY] = int(time.time())
    session.save()
    return client


@pytest.fixture
def fresh(evidence):
    """A participant of A with no consent yet."""
    evidence.p = participant_create(actor=evidence.researcher_a, partnership=evidence.a, name="Nobody Knows")
    return evidence


def consent_url(p):
    return f"/participants/{p.pk}/consent/"


def withdraw_url(p):
    return f"/participants/{p.pk}/consent/withdraw/"


def post_consent(client, p, **overrides):
    data = {"date": "2024-05-02", "method": "oral", "language": "ky", "scopes": ["analysis", "statistics"],
            "note": ""}
    data.update(overrides)
    return client.post(consent_url(p), {k: v for k, v in data.items() if v is not None})


def test_the_consent_form_explains_each_scope_in_plain_words(fresh, as_user):
    html = as_user(fresh.researcher_a).get(consent_url(fresh.p)).content.decode()
    assert "Her words may be quoted in reports and publications" in html
    assert "Her real name may be published" in html


def test_a_researcher_records_an_oral_consent_and_her_scopes_apply_at_once(fresh, as_user):
    response = post_consent(as_user(fresh.researcher_a), fresh.p)
    assert response.status_code == 302 and response["Location"] == f"/participants/{fresh.p.pk}/"
    record = fresh.p.consents.get()
    assert record.kind == "given" and record.method == "oral" and record.language == "ky"
    assert record.scopes == ["analysis", "statistics"] and record.recorded_by == fresh.researcher_a
    fresh.p.refresh_from_db()
    assert fresh.p.consent_analysis and fresh.p.consent_statistics and not fresh.p.consent_quotes
    assert AuditEntry.objects.filter(action="consent.record", object_id=str(fresh.p.pk)).exists()


def test_a_written_consent_keeps_its_signed_form_encrypted_on_disk(fresh, as_user):
    client = as_user(fresh.mentor_a)
    response = post_consent(client, fresh.p, method="written", form=SimpleUploadedFile("signed.pdf", PDF))
    assert response.status_code == 302
    record = fresh.p.consents.get()
    with open(record.form.path, "rb") as raw:
        assert b"%PDF" not in raw.read()
    with record.form.open("rb") as plain:
        assert plain.read() == PDF


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"date": "2999-01-01"}, "A consent cannot be dated in the future."),
        ({"method": "written"}, "Attach the signed form of a written consent."),
        ({"method": "written", "form": "big"}, "The form is too big: at most 10 MB."),
        ({"method": "written", "form": "exe"}, "Attach the form as a PDF, JPG or PNG file."),
        ({"method": "written", "form": "fake"}, "This file is not really a PDF, JPG or PNG"),
        ({"scopes": []}, "Choose at least one thing she allows."),
        ({"scopes": ["selling"]}, "Select a valid choice"),
        ({"date": ""}, "This field is required."),
    ],
)
def test_a_bad_consent_is_refused_with_a_clear_error_and_nothing_is_written(fresh, as_user, overrides, message):
    files = {
        "big": SimpleUploadedFile("signed.pdf", PDF + b"0" * (10 * 1024 * 1024)),
        "exe": SimpleUploadedFile("signed.exe", b"MZ\x90\x00"),
        "fake": SimpleUploadedFile("signed.png", b"<html>not an image</html>"),
    }
    if "form" in overrides:
        overrides["form"] = files[overrides["form"]]
    response = post_consent(as_user(fresh.researcher_a), fresh.p, **overrides)
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    assert message in html and "Nothing was saved" in html
    assert not ConsentRecord.objects.filter(participant=fresh.p).exists()
    fresh.p.refresh_from_db()
    assert not fresh.p.consent_analysis
    assert not AuditEntry.objects.filter(action="consent.record", object_id=str(fresh.p.pk)).exists()


def test_a_png_photo_of_the_form_is_accepted(fresh, as_user):
    post_consent(as_user(fresh.researcher_a), fresh.p, method="written", form=SimpleUploadedFile("form.png", PNG))
    assert fresh.p.consents.get().form


def test_changing_consent_starts_from_what_she_allows_and_is_kept_in_the_history(evidence, as_user):
    client = as_user(evidence.researcher_a)
    form = client.get(consent_url(evidence.a2)).context["form"]
    assert sorted(form.initial["scopes"]) == ["analysis", "statistics"] and form.initial["language"] == "ru"
    post_consent(client, evidence.a2, scopes=["analysis", "statistics", "quotes"], language="ru")
    assert [r.kind for r in evidence.a2.consents.all()] == ["changed", "given"]
    evidence.a2.refresh_from_db()
    assert evidence.a2.consent_quotes
    html = client.get(f"/participants/{evidence.a2.pk}/").content.decode()
    assert "Consent history" in html and "Consent changed" in html and "Consent given" in html


def test_withdrawing_part_of_her_consent_asks_for_confirmation_first(evidence, as_user):
    client = as_user(evidence.researcher_a)
    today = timezone.localdate().isoformat()
    data = {"what": "some", "scopes": ["quotes"], "date": today, "note": "She called on the phone"}
    confirm = client.post(withdraw_url(evidence.a1), data)
    assert confirm.status_code == 200
    assert "Confirm the withdrawal" in confirm.content.decode()
    assert evidence.a1.consents.count() == 1  # nothing written yet
    done = client.post(withdraw_url(evidence.a1), {**data, "confirm": "yes"})
    assert done.status_code == 302 and done["Location"].endswith("#follow-up")
    latest = evidence.a1.consents.first()
    assert latest.kind == "withdrawn_scope" and "quotes" not in latest.scopes and latest.note == data["note"]
    assert latest.language == "ky"
    evidence.a1.refresh_from_db()
    assert not evidence.a1.consent_quotes and evidence.a1.consent_analysis and evidence.a1.withdrawn_at is None


def test_withdrawing_everything_marks_her_withdrawn_on_her_page_and_in_the_register(evidence, as_user):
    client = as_user(evidence.mentor_a)
    today = timezone.localdate()
    data = {"what": "everything", "date": today.isoformat(), "note": "", "confirm": "yes"}
    client.post(withdraw_url(evidence.a1), data)
    evidence.a1.refresh_from_db()
    assert evidence.a1.withdrawn_at == today and not evidence.a1.consent_analysis
    page = client.get(f"/participants/{evidence.a1.pk}/").content.decode()
    assert "Withdrawn." in page and "Consent withdrawn entirely" in page
    assert "Nothing had been exported with her before this withdrawal." in page
    assert "withdrawn" in client.get(f"/partnerships/{evidence.a.pk}/participants/").content.decode()
    # Nothing is left to withdraw.
    assert "there is nothing to withdraw" in client.get(withdraw_url(evidence.a1)).content.decode()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"what": "some", "scopes": [], "date": "2024-05-01"}, "Choose which parts she withdraws."),
        ({"what": "some", "scopes": ["quotes"], "date": "2999-01-01"}, "A withdrawal cannot be dated in the future."),
        ({"what": "", "date": "2024-05-01"}, "This field is required."),
        ({"what": "some", "scopes": ["attribution"], "date": "2024-05-01"}, "Select a valid choice"),
    ],
)
def test_a_bad_withdrawal_is_refused_with_a_clear_error_and_nothing_is_written(evidence, as_user, data, message):
    response = as_user(evidence.researcher_a).post(withdraw_url(evidence.a2), {**data, "confirm": "yes"})
    assert response.status_code == 200 and message in response.content.decode()
    assert evidence.a2.consents.count() == 1
    evidence.a2.refresh_from_db()
    assert evidence.a2.consent_analysis


@pytest.mark.parametrize("person", ["coordinator", "researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_only_her_team_records_or_withdraws_her_consent(evidence, as_user, person):
    client = as_user(getattr(evidence, person))
    assert client.get(consent_url(evidence.a1)).status_code == 404
    assert post_consent(client, evidence.a1).status_code == 404
    assert client.get(withdraw_url(evidence.a1)).status_code == 404
    withdrawal = {"what": "everything", "date": "2024-05-01", "confirm": "yes"}
    assert client.post(withdraw_url(evidence.a1), withdrawal).status_code == 404
    assert evidence.a1.consents.count() == 1


# --- the printable summary -----------------------------------------------------------------------------------


def summary_url(p):
    return f"/participants/{p.pk}/consent/summary/"


@pytest.mark.parametrize("participant, lang", [("a1", "ky"), ("a2", "ru")])
def test_the_printable_summary_is_in_her_language_and_shows_her_code_not_her_name(evidence, as_user,
                                                                                  participant, lang):
    p = getattr(evidence, participant)
    response = as_user(evidence.researcher_a).get(summary_url(p))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html and f'lang="{lang}"' in html
    assert p.code in html and "Gulmira" not in html
    assert "@media" in html or 'media="print"' in html
    assert "window.print()" in html


def test_the_summary_lists_what_she_allowed_and_how_to_withdraw(evidence, as_user):
    html = as_user(evidence.mentor_a).get(summary_url(evidence.a2)).content.decode()
    # Her consent was given in Russian, so the summary speaks Russian.
    from django.utils import translation

    with translation.override("ru"):
        words = [str(translation.gettext(w)) for w in (
            "Use in analysis", "Aggregate statistics", "What you did not allow", "Attribution by name",
            "How to withdraw")]
    for word in words:
        assert word in html, word


def test_her_name_goes_on_the_summary_only_for_a_researcher_after_the_password_and_is_audited(evidence, as_user):
    client = as_user(evidence.researcher_a)
    first = client.get(summary_url(evidence.a1) + "?name=1")
    assert first.status_code == 302 and "/auth/confirm/" in first["Location"]
    reauthenticate(client)
    response = client.get(summary_url(evidence.a1) + "?name=1")
    assert "Gulmira Secretname" in response.content.decode()
    entry = AuditEntry.objects.get(kind="read")
    assert entry.object_id == str(evidence.a1.pk) and "summary" in entry.changes["reason"]


def test_a_mentor_prints_the_summary_but_never_with_her_name(evidence, as_user):
    client = reauthenticate(as_user(evidence.mentor_a))
    assert client.get(summary_url(evidence.a1)).status_code == 200
    assert client.get(summary_url(evidence.a1) + "?name=1").status_code == 404
    assert not AuditEntry.objects.filter(kind="read").exists()


@pytest.mark.parametrize("person", ["coordinator", "researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_the_summary_is_for_her_team_only(evidence, as_user, person):
    assert as_user(getattr(evidence, person)).get(summary_url(evidence.a1)).status_code == 404


def test_the_interface_language_comes_back_after_the_summary(evidence, as_user):
    client = as_user(evidence.researcher_a)
    client.get(summary_url(evidence.a2))
    assert '<html lang="en">' in client.get(f"/participants/{evidence.a2.pk}/").content.decode()


# --- the signed form -----------------------------------------------------------------------------------------


@pytest.fixture
def signed(fresh):
    from ovoz.evidence.services.consent import consent_record

    fresh.record = consent_record(actor=fresh.researcher_a, participant=fresh.p, date=datetime.date(2024, 5, 2),
                                  method="written", language="ru", scopes=["analysis"],
                                  form=SimpleUploadedFile("signed.pdf", PDF))
    return fresh


def test_the_signed_form_bears_her_name_so_only_a_researcher_downloads_it_after_the_password(signed, as_user):
    client = as_user(signed.researcher_a)
    url = f"/consents/{signed.record.pk}/form/"
    assert client.get(url).status_code == 302
    reauthenticate(client)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"] and "no-store" in response["Cache-Control"]
    assert AuditEntry.objects.filter(kind="read", object_id=str(signed.p.pk)).count() == 1


@pytest.mark.parametrize("person", ["mentor_a", "coordinator", "researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_nobody_else_downloads_the_signed_form(signed, as_user, person):
    client = reauthenticate(as_user(getattr(signed, person)))
    assert client.get(f"/consents/{signed.record.pk}/form/").status_code == 404


def test_a_consent_without_a_form_has_nothing_to_download(evidence, as_user):
    record = evidence.a1.consents.get()
    client = reauthenticate(as_user(evidence.researcher_a))
    assert client.get(f"/consents/{record.pk}/form/").status_code == 404


def test_participants_are_never_created_by_consent_pages(evidence, as_user):
    before = Participant.objects.count()
    post_consent(as_user(evidence.researcher_a), evidence.a1, date="2999-01-01")
    assert Participant.objects.count() == before
