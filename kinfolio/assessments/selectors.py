"""Reads about assessments, scoped to the user through ``children_visible_to``."""

from django.db.models import Q, QuerySet
from django.urls import reverse

from kinfolio.accounts.models import Role, User
from kinfolio.assessments.models import Assessment
from kinfolio.assessments.services.authorisation import missing_sections
from kinfolio.core.queries import OneOf
from kinfolio.people.selectors import visible_child
from kinfolio.recording.tasks import Answer, Task, TaskStatus


def awaiting_authorisation(
    user: User, *, children: list[int] | None = None
) -> QuerySet[Assessment]:
    """Assessments sent for sign-off and not yet authorised, oldest first.

    A team manager sees those of the teams they manage (by the assessing worker's team
    or, without a worker, the episode's team), falling back to their own team; other
    roles with the permission see every one among the children they may see (or among
    ``children``: ids the caller checked against the user's scope, as a team's page
    does once for all its lists). One query whatever the number of rows: the columns
    shown are joined in.
    """
    visible = visible_child(user) if children is None else OneOf("child", children)
    queue = (
        Assessment.objects.filter(submitted_at__isnull=False, authorised_date__isnull=True)
        .filter(visible)
        .select_related("child", "worker", "cin_episode__team")
        .order_by("submitted_at", "pk")
    )
    if user.role != Role.TEAM_MANAGER:
        return queue
    worker = getattr(user, "worker", None)
    if worker is None:
        return queue.none()
    teams = [team.pk for team in worker.managed_teams.all()] or [worker.team_id]
    return queue.filter(
        Q(worker__team_id__in=teams) | Q(worker__isnull=True, cin_episode__team_id__in=teams)
    )


def _url(name: str, assessment: Assessment) -> str:
    return reverse(f"assessments:{name}", args=[assessment.child.local_id, assessment.pk])


def _status(done: bool, started: bool = False) -> TaskStatus:
    if done:
        return TaskStatus.COMPLETED
    return TaskStatus.IN_PROGRESS if started else TaskStatus.NOT_STARTED


def assessment_tasks(assessment: Assessment) -> list[Task]:
    """The assessment's sections and how far each is done (the task list)."""
    missing = missing_sections(assessment)
    final = assessment.submitted_at is not None or assessment.authorised_date is not None
    sections = [
        ("child-seen", "The child seen", "child_seen"),
        ("views", "The child's views", "childs_views"),
        ("factors", "Factors identified", "factors"),
        ("analysis", "Analysis", "analysis"),
    ]
    tasks = [
        Task(label, "" if final else _url(name, assessment), _status(key not in missing))
        for name, label, key in sections
    ]
    if assessment.authorised_date is not None:
        send = TaskStatus.COMPLETED
    elif final:
        send = TaskStatus.IN_PROGRESS
    else:
        send = TaskStatus.NOT_STARTED if not missing else TaskStatus.CANNOT_START
    tasks.append(
        Task(
            "Check and send for authorisation",
            "" if final else _url("submit", assessment),
            send,
            hint="A manager authorises it; the date they do is the census completion date",
        )
    )
    return tasks


def assessment_answers(assessment: Assessment) -> list[Answer]:
    """The assessment as the worker and manager read it before it becomes final."""
    editable = assessment.submitted_at is None and assessment.authorised_date is None

    def change(name: str) -> str:
        return _url(name, assessment) if editable else ""

    seen = "Not seen"
    if assessment.child_seen:
        seen = f"Seen on {assessment.child_seen_date:%-d %B %Y}" + (
            ", alone" if assessment.child_seen_alone else ", not alone"
        )
    voice = assessment.childs_views or (
        f"Not recorded: {assessment.get_childs_views_not_recorded_code_display()}. "
        f"{assessment.childs_views_not_recorded_reason}"
        if assessment.childs_views_not_recorded_code
        else ""
    )
    factors = "\n".join(str(f) for f in assessment.factors.all())
    return [
        Answer("The child seen", seen, change("child-seen"), "child_seen"),
        Answer("The child's views", voice, change("views"), "childs_views"),
        Answer("Factors identified", factors, change("factors"), "factors"),
        Answer("Analysis", assessment.analysis, change("analysis"), "analysis"),
    ]
