"""Writes for drafts: save, discard, and keep a form posted after the session ended.

A draft is what the worker typed, as typed: the raw fields of the form, never checked
(it is not a record). Uploaded files are not kept in drafts.
"""

import datetime as dt
import json
from collections.abc import Mapping

from django.contrib.sessions.backends.base import SessionBase
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.recording import tokens
from kinfolio.recording.models import Draft

# Fields that belong to one rendering of a form, not to what the worker typed.
NOT_KEPT = frozenset({"csrfmiddlewaretoken", tokens.FIELD})
SESSION_KEY = "recording.posted_before_sign_in"
# A form held in an anonymous session until sign-in is capped (the session is a cookie
# away from anyone with the browser; 100 kB is several pages of typed text).
MAX_HELD_BYTES = 100_000


def typed_fields(data: Mapping) -> dict[str, list[str]]:
    """The form's fields as lists of values (a QueryDict, or a dict of lists/strings)."""
    getlist = getattr(data, "getlist", None)
    fields = {}
    for name in data:
        if name in NOT_KEPT:
            continue
        values = getlist(name) if getlist else data[name]
        fields[name] = [str(v) for v in (values if isinstance(values, list) else [values])]
    return fields


def save_draft(*, user: User, key: str, data: Mapping) -> Draft:
    """Keep what ``user`` has typed into the form at ``key`` (replacing the last draft)."""
    draft, _ = Draft.objects.update_or_create(
        user=user,
        key=key,
        defaults={"data": typed_fields(data), "saved_at": timezone.now()},
    )
    return draft


def discard_draft(*, user: User, key: str) -> None:
    """Forget the draft once the form has been saved as a record."""
    Draft.objects.filter(user=user, key=key).delete()


def purge_drafts(*, older_than_days: int, now: dt.datetime | None = None) -> int:
    """Delete drafts last saved more than ``older_than_days`` ago (``manage.py
    purge_drafts``, daily): a draft holds what someone typed about a child and never
    saved, so it is not kept for ever. The number deleted."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=older_than_days)
    deleted, _ = Draft.objects.filter(saved_at__lt=cutoff).delete()
    return deleted


def hold_posted_before_sign_in(*, session: SessionBase, data: Mapping) -> bool:
    """A form arrived after its user's session ended: hold it in this (anonymous)
    session until someone signs in. Only a form carrying a genuine draft token is held,
    and only up to ``MAX_HELD_BYTES``; True when held.

    Why this is safe: what is held stays on the server, in the session of the browser
    that sent it, and nobody is shown it; it becomes a draft only for the user the form
    was rendered for (``claim_posted_before_sign_in``), and is dropped when anyone else
    signs in. The request passed Django's CSRF check, so it came from our own form.
    """
    owner = tokens.read_draft_token(str(data.get(tokens.FIELD, "")))
    if owner is None:
        return False
    fields = typed_fields(data)
    if len(json.dumps(fields)) > MAX_HELD_BYTES:
        return False
    user_id, key = owner
    session[SESSION_KEY] = {"user": user_id, "key": key, "data": fields}
    return True


def claim_posted_before_sign_in(*, session: SessionBase, user: User) -> Draft | None:
    """At sign-in: turn a held form into the user's draft if it was theirs; drop it
    either way."""
    held = session.pop(SESSION_KEY, None)
    if not held or held.get("user") != user.pk:
        return None
    return save_draft(user=user, key=held["key"], data=held["data"])
