"""The parts of the front door's work on one contact, as a task list."""

from django.urls import reverse

from kinfolio.front_door.models import Contact
from kinfolio.recording.tasks import Task, TaskStatus


def contact_tasks(contact: Contact) -> list[Task]:
    def url(name: str) -> str:
        return reverse(f"mash:{name}", args=[contact.pk])

    decided = contact.decided_at is not None
    checks = list(contact.partner_checks.all())
    return [
        Task(
            "RAG rating",
            url("contact-rag"),
            TaskStatus.COMPLETED if contact.rag_rating else TaskStatus.NOT_STARTED,
            hint=contact.get_rag_rating_display(),
        ),
        Task(
            "Partner agency checks",
            url("contact-check-new"),
            TaskStatus.NOT_STARTED
            if not checks
            else TaskStatus.IN_PROGRESS
            if any(c.response_date is None for c in checks)
            else TaskStatus.COMPLETED,
            hint=f"{len(checks)} requested" if checks else "Optional",
        ),
        Task(
            "Decision",
            url("contact-decide"),
            TaskStatus.COMPLETED
            if decided
            else TaskStatus.NOT_STARTED
            if contact.rag_rating
            else TaskStatus.CANNOT_START,
            hint=contact.get_decision_display()
            if decided
            else f"Due by the end of {contact.decision_due_at:%-d %B %Y}"
            if contact.decision_due_at
            else "",
        ),
        Task(
            "Tell the referrer",
            url("contact-tell"),
            TaskStatus.COMPLETED
            if contact.referrer_informed_at
            else TaskStatus.NOT_STARTED
            if decided
            else TaskStatus.CANNOT_START,
        ),
    ]
