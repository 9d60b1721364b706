"""What the task list and check-your-answers components show (plain data, no queries).

An app's selector builds these from a record, for example::

    def conference_tasks(conference) -> list[Task]:
        return [
            Task("Invitations", url_for_invitations, TaskStatus.for_parts(...)),
            ...
        ]
"""

from dataclasses import dataclass

from django.db import models


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not yet started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    CANNOT_START = "cannot_start", "Cannot start yet"


# GOV.UK task list: "Completed" is plain text; the others are tags.
STATUS_COLOURS = {
    TaskStatus.NOT_STARTED: "blue",
    TaskStatus.IN_PROGRESS: "light-blue",
    TaskStatus.COMPLETED: "",
    TaskStatus.CANNOT_START: "",
}


@dataclass(frozen=True)
class Task:
    label: str
    url: str
    status: TaskStatus
    hint: str = ""

    @property
    def can_start(self) -> bool:
        return self.status != TaskStatus.CANNOT_START

    @property
    def status_colour(self) -> str:
        return STATUS_COLOURS[self.status]


@dataclass(frozen=True)
class Answer:
    """One row of "check your answers": the question, the answer as the user would read
    it, and where to change it."""

    question: str
    answer: str
    change_url: str = ""
    field: str = ""  # the service's argument it comes from: its errors link here
