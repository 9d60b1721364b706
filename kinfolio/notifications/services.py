"""Telling people things: the one way any feature notifies someone.

Call ``notify`` inside the transaction that made the news: the notifications are
written with it, and the e-mails go only once it commits (never for a write that was
rolled back).
"""

from collections.abc import Iterable
from functools import partial

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.notifications.models import Notification


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    subject: str,
    body: str,
    link: str = "",
    child=None,
    key: str = "",
    email: bool = True,
) -> list[Notification]:
    """Write one notification to each recipient and return the new ones.

    With ``key``, a recipient who already has a notification of this kind and key gets
    nothing new. With ``email``, each new notification is e-mailed to a recipient who
    has an address once the transaction commits.
    """
    created = []
    for recipient in {r.pk: r for r in recipients}.values():
        fields = {"subject": subject[:200], "body": body, "link": link, "child": child}
        if key:
            note, made = Notification.objects.get_or_create(
                recipient=recipient, kind=kind, key=key, defaults=fields
            )
        else:
            note, made = Notification.objects.create(recipient=recipient, kind=kind, **fields), True
        if made:
            created.append(note)
    if email and created:
        transaction.on_commit(partial(_email, [n.pk for n in created]))
    return created


def _email(ids: list[int]) -> None:
    notes = Notification.objects.filter(pk__in=ids, emailed_at__isnull=True)
    for note in notes.select_related("recipient"):
        if not note.recipient.email:
            continue
        body = note.body + (f"\n\nOpen it in Kinfolio: {note.link}\n" if note.link else "")
        send_mail(note.subject, body, None, [note.recipient.email])
        Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())


def mark_all_read(*, by: User) -> int:
    """Mark every unread notification of ``by`` as read; returns how many."""
    unread = Notification.objects.filter(recipient=by, read_at__isnull=True)
    return unread.update(read_at=timezone.now())
