import datetime as dt
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.http import QueryDict
from django.utils import timezone

from kinfolio.recording import tokens
from kinfolio.recording.models import Draft
from kinfolio.recording.selectors import draft_for
from kinfolio.recording.services import drafts

pytestmark = pytest.mark.django_db
KEY = "/children/C000001/case-notes/new/"


def _posted(user, body="Amara said she feels safe at nan's.", key=KEY) -> QueryDict:
    data = QueryDict(mutable=True)
    data.update({"csrfmiddlewaretoken": "x", "note_type": "case_note", "body": body})
    data[tokens.FIELD] = tokens.draft_token(user_id=user.pk, key=key)
    return data


def test_save_draft_keeps_the_typed_fields_without_the_form_tokens(make_user):
    user = make_user()

    drafts.save_draft(user=user, key=KEY, data=_posted(user))

    draft = draft_for(user, KEY)
    assert draft.data == {
        "note_type": ["case_note"],
        "body": ["Amara said she feels safe at nan's."],
    }


def test_save_draft_replaces_the_users_last_draft_of_that_form(make_user):
    user = make_user()
    drafts.save_draft(user=user, key=KEY, data=_posted(user, "first"))

    drafts.save_draft(user=user, key=KEY, data=_posted(user, "second"))

    assert Draft.objects.count() == 1
    assert draft_for(user, KEY).data["body"] == ["second"]


def test_drafts_are_per_user(make_user):
    author, colleague = make_user(), make_user()
    drafts.save_draft(user=author, key=KEY, data=_posted(author))

    assert draft_for(colleague, KEY) is None


def test_discard_draft(make_user):
    user = make_user()
    drafts.save_draft(user=user, key=KEY, data=_posted(user))

    drafts.discard_draft(user=user, key=KEY)

    assert draft_for(user, KEY) is None


def test_a_form_posted_after_timeout_becomes_its_owners_draft_at_sign_in(make_user):
    user = make_user()
    session = SessionStore()

    assert drafts.hold_posted_before_sign_in(session=session, data=_posted(user))
    draft = drafts.claim_posted_before_sign_in(session=session, user=user)

    assert draft.key == KEY
    assert draft.data["body"] == ["Amara said she feels safe at nan's."]
    assert drafts.SESSION_KEY not in session


def test_a_form_posted_after_timeout_is_dropped_when_someone_else_signs_in(make_user):
    owner, someone_else = make_user(), make_user()
    session = SessionStore()
    drafts.hold_posted_before_sign_in(session=session, data=_posted(owner))

    assert drafts.claim_posted_before_sign_in(session=session, user=someone_else) is None
    assert drafts.SESSION_KEY not in session
    assert not Draft.objects.exists()


def test_a_form_without_a_genuine_token_is_not_held(make_user):
    user = make_user()
    forged = _posted(user)
    forged[tokens.FIELD] = forged[tokens.FIELD][:-2] + "xx"
    session = SessionStore()

    assert not drafts.hold_posted_before_sign_in(session=session, data=forged)
    assert drafts.SESSION_KEY not in session


def test_an_oversized_form_is_not_held(make_user):
    user = make_user()
    session = SessionStore()

    held = drafts.hold_posted_before_sign_in(
        session=session, data=_posted(user, "x" * (drafts.MAX_HELD_BYTES + 1))
    )

    assert not held
    assert drafts.SESSION_KEY not in session


def test_draft_token_names_its_user_and_form(make_user):
    user = make_user()

    assert tokens.read_draft_token(tokens.draft_token(user_id=user.pk, key=KEY)) == (user.pk, KEY)
    assert tokens.read_draft_token("not a token") is None


def _saved_days_ago(user, days: int, key: str) -> Draft:
    draft = drafts.save_draft(user=user, key=key, data=_posted(user, key=key))
    Draft.objects.filter(pk=draft.pk).update(saved_at=timezone.now() - dt.timedelta(days=days))
    return draft


def test_purge_drafts_deletes_only_drafts_older_than_the_days_given(make_user):
    user = make_user()
    _saved_days_ago(user, 31, "/old/")
    kept = _saved_days_ago(user, 29, "/recent/")

    assert drafts.purge_drafts(older_than_days=30) == 1
    assert list(Draft.objects.all()) == [kept]


def test_purge_drafts_command_uses_the_setting_or_days(make_user, settings):
    user = make_user()
    _saved_days_ago(user, 10, "/ten/")
    _saved_days_ago(user, 3, "/three/")
    settings.KINFOLIO_DRAFT_KEEP_DAYS = 7
    out = StringIO()

    call_command("purge_drafts", stdout=out)
    assert "Deleted 1 drafts saved more than 7 days ago" in out.getvalue()
    call_command("purge_drafts", "--days", "2", stdout=StringIO())
    assert not Draft.objects.exists()
    with pytest.raises(SystemExit):
        call_command("purge_drafts", "--days", "0", stderr=StringIO())
