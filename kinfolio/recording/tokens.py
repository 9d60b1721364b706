"""The signed token a recording form carries: whose form it is, and which.

A session that times out loses who was signed in. The token, signed with the site's
secret key, lets the server know, when a form arrives after the session has ended,
which user it was rendered for and at what form key, without trusting anything the
browser could make up. See ``recording.services.drafts.hold_posted_before_sign_in``.
"""

from django.core import signing

FIELD = "kf-draft"  # the hidden field's name
SALT = "kinfolio.recording.draft-owner"
# A form left open longer than this is not kept across a sign-in.
MAX_AGE_SECONDS = 12 * 60 * 60


def draft_token(*, user_id: int, key: str) -> str:
    return signing.dumps({"user": user_id, "key": key}, salt=SALT, compress=True)


def read_draft_token(token: str) -> tuple[int, str] | None:
    """(user id, form key) from a genuine, recent token; None otherwise."""
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("user"), int):
        return None
    if not isinstance(value.get("key"), str):
        return None
    return value["user"], value["key"]
