"""Reads for drafts: only ever the signed-in user's own."""

from kinfolio.accounts.models import User
from kinfolio.recording.models import Draft


def draft_for(user: User, key: str) -> Draft | None:
    return Draft.objects.filter(user=user, key=key).first()
