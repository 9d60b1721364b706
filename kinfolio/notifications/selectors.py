"""Reads of a person's own notifications."""

from django.db.models import QuerySet

from kinfolio.accounts.models import User
from kinfolio.notifications.models import Notification

LIST_LIMIT = 50


def notifications_for(user: User, *, limit: int = LIST_LIMIT) -> QuerySet[Notification]:
    """The user's newest notifications, newest first (never anyone else's)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")[:limit]


def unread_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
