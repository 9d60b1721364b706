"""The recording pattern through the case note pages: drafts, errors, stale edits."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry
from kinfolio.casework.models import CaseNote
from kinfolio.recording import tokens
from kinfolio.recording.models import Draft
from kinfolio.recording.selectors import draft_for
from kinfolio.recording.services import drafts
from tests.factories import CaseNoteFactory
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.fixture
def worker_user(two_services):
    return staff(Role.SOCIAL_WORKER, team=two_services["team"], username="sw", password=PASSWORD)


def _new_url(child):
    return reverse("casework:case-note-new", args=[child.local_id])


def _form(client, url) -> dict:
    page = client.get(url)
    return {tokens.FIELD: page.context["draft_token"], "note_type": "case_note"}


def test_add_case_note_sends_an_anonymous_user_to_sign_in(client, two_services):
    response = client.get(_new_url(two_services["ours"]))
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_add_case_note_refuses_a_role_without_the_permission(client, two_services):
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(_new_url(two_services["ours"])).status_code == 403


def test_add_case_note_is_not_found_for_a_child_out_of_scope(client, two_services, worker_user):
    client.force_login(worker_user)
    assert client.get(_new_url(two_services["theirs"])).status_code == 404


def test_add_case_note_saves_and_says_so_and_logs_the_access(client, two_services, worker_user):
    client.force_login(worker_user)
    child = two_services["ours"]
    data = {**_form(client, _new_url(child)), "body": "Amara showed me her drawings."}

    response = client.post(_new_url(child), data, follow=True)

    assert response.redirect_chain[0][0] == reverse("people:child", args=[child.local_id])
    assert "Case note added" in response.content.decode()
    assert CaseNote.objects.get().body == "Amara showed me her drawings."
    assert not Draft.objects.exists()
    assert AccessLogEntry.objects.filter(child=child, object_ref=_new_url(child)).exists()


def test_add_case_note_with_errors_shows_the_summary_and_keeps_a_draft(
    client, two_services, worker_user
):
    client.force_login(worker_user)
    url = _new_url(two_services["ours"])
    data = {**_form(client, url), "note_type": ""}

    page = client.post(url, data).content.decode()

    assert "There is a problem" in page
    assert "Select the type of note" in page
    assert page.index("govuk-error-summary") < page.index("<h1")
    assert "<title>Error: Add a case note" in page
    assert draft_for(worker_user, url) is not None
    assert not CaseNote.objects.exists()


def test_opening_the_form_again_restores_the_draft(client, two_services, worker_user):
    client.force_login(worker_user)
    url = _new_url(two_services["ours"])
    drafts.save_draft(user=worker_user, key=url, data={"body": ["Half a note"]})

    page = client.get(url).content.decode()

    assert "Half a note" in page
    assert 'data-testid="draft-restored"' in page
    assert "There is a problem" not in page


def test_the_script_saves_a_draft_only_with_the_users_own_token(client, two_services, worker_user):
    client.force_login(worker_user)
    url = _new_url(two_services["ours"])
    data = {**_form(client, url), "body": "Typing..."}

    assert client.post(reverse("recording:save-draft"), data).status_code == 204
    assert draft_for(worker_user, url).data["body"] == ["Typing..."]

    other = staff(Role.SOCIAL_WORKER, team=two_services["team"])
    client.force_login(other)
    assert client.post(reverse("recording:save-draft"), data).status_code == 400
    assert draft_for(other, url) is None


def test_a_form_posted_after_the_session_ended_is_back_after_signing_in(
    client, two_services, worker_user
):
    client.force_login(worker_user)
    url = _new_url(two_services["ours"])
    data = {**_form(client, url), "body": "An hour of typing"}
    Session.objects.all().delete()  # the session times out while they type

    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))
    assert not CaseNote.objects.exists()
    signed_in = client.post(response["Location"], {"username": "sw", "password": PASSWORD})

    assert signed_in["Location"] == url
    assert "An hour of typing" in client.get(url).content.decode()


def test_a_form_posted_after_the_session_ended_is_not_given_to_someone_else(
    client, two_services, worker_user
):
    staff(Role.SOCIAL_WORKER, team=two_services["team"], username="other", password=PASSWORD)
    client.force_login(worker_user)
    url = _new_url(two_services["ours"])
    data = {**_form(client, url), "body": "Private words"}
    Session.objects.all().delete()

    sign_in = client.post(url, data)["Location"]
    client.post(sign_in, {"username": "other", "password": PASSWORD})

    assert "Private words" not in client.get(url).content.decode()
    assert not Draft.objects.exists()


def test_a_stale_edit_is_refused_showing_the_changes_and_keeping_the_text(
    client, two_services, worker_user
):
    child = two_services["ours"]
    note = CaseNoteFactory(child=child, author=worker_user.worker, body="Visited.")
    url = reverse("casework:case-note-change", args=[child.local_id, note.pk])
    client.force_login(worker_user)
    data = {**_form(client, url), "opened_version": "1", "body": "My careful correction"}
    manager = staff(Role.TEAM_MANAGER, team=two_services["team"], username="manager")
    client.force_login(manager)
    client.post(url, {**_form(client, url), "opened_version": "1", "body": "Manager's words"})
    client.force_login(worker_user)

    page = client.post(url, data).content.decode()

    assert 'data-testid="stale-record"' in page
    assert "changed by manager" in page
    assert "Manager&#x27;s words" in page
    assert "My careful correction" in page
    note.refresh_from_db()
    assert note.body == "Manager's words"
    # Saving again, having seen the change, replaces it.
    client.post(url, {**data, "opened_version": "2"})
    note.refresh_from_db()
    assert note.body == "My careful correction"
