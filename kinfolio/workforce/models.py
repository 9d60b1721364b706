"""The children's services workforce: services, teams, workers and who holds which child."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.models import Recorded, dates_in_order


class Service(Recorded):
    """A group of teams under one head of service (e.g. "Safeguarding", "Children in care")."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(Recorded):
    """A team of workers, such as a locality child in need team or the 16+ team."""

    name = models.CharField(max_length=100, unique=True)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="teams")
    team_type = models.CharField(max_length=30, choices=codesets.TEAM_TYPE.choices)
    manager = models.ForeignKey(
        "Worker", on_delete=models.SET_NULL, null=True, blank=True, related_name="managed_teams"
    )
    establishment_fte = models.DecimalField(
        "funded posts (full-time equivalent)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The posts the council funds; vacancies are those not filled by permanent staff",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Worker(Recorded):
    """A member of staff who can hold cases or manage those who do."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="worker",
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    job_title = models.CharField(max_length=100)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="workers")
    is_agency = models.BooleanField(default=False)
    is_qualified_social_worker = models.BooleanField(default=True)
    registration_number = models.CharField(
        "Social Work England registration number",
        max_length=12,
        blank=True,
        help_text="For example, SW123456: the SSDA903 return's social worker ID (SW_ID)",
    )
    fte = models.DecimalField("Full-time equivalent", max_digits=3, decimal_places=2, default=1)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        constraints = [dates_in_order("start_date", "end_date", "worker_dates_in_order")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


class Allocation(Recorded):
    """Who holds a child, in which role, from when to when.

    A child has at most one open allocation per role (one allocated social worker, one
    personal adviser, one IRO...); the team is kept so that a child waiting for a
    worker is still visible to the team that must allocate them.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="allocations")
    role = models.CharField(max_length=30, choices=codesets.ALLOCATION_ROLE.choices)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(
        Worker, on_delete=models.PROTECT, null=True, blank=True, related_name="allocations"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    change_reason = models.CharField(
        "Reason for social worker change (SSDA903 SW_REASON)",
        max_length=codesets.SOCIAL_WORKER_CHANGE_REASON.max_length,
        choices=codesets.SOCIAL_WORKER_CHANGE_REASON.choices,
        blank=True,
        help_text="Why this worker took the child on; the SSDA903 return asks it of social "
        "workers of looked after children",
    )
    reason_note = models.TextField("why", blank=True)
    end_reason = models.TextField("why the allocation ended", blank=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-start_date"]
        indexes = [
            models.Index(fields=["worker", "end_date"]),
            # The children each team holds now (teams list, a team, the manager's home):
            # without it every team's count intersects all the authority's open ones.
            models.Index(
                fields=["team", "child"],
                condition=Q(end_date__isnull=True),
                name="open_allocations_by_team",
            ),
        ]
        constraints = [
            dates_in_order("start_date", "end_date", "allocation_dates_in_order"),
            models.UniqueConstraint(
                fields=["child", "role"],
                condition=Q(end_date__isnull=True),
                name="one_open_allocation_per_child_and_role",
                violation_error_message="This child already has a current allocation in that role.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child} — {self.get_role_display()}: {self.worker or 'unallocated'}"


class TeamChild(models.Model):
    """A child a team holds now (an open allocation there, in any role) and whether they
    wait for a worker in it, as teams compared counts them.

    Derived, never entered: stored again for a child whenever their deadline clocks are
    (``timescales.services.refresh_clocks``: on commit of every service's change to the
    child's record, an allocation among them, after an import, and by the daily job), by
    ``workforce.services.team_children.store``. Only children (``is_child_subject``),
    so a count reads the team's rows without looking up each person.
    """

    # The team's rows are read by the unique constraint's index (team, child).
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+", db_index=False)
    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    waiting = models.BooleanField(help_text="An allocation in the team has no worker")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "child"], name="one_row_per_team_and_child")
        ]
        indexes = [
            models.Index(
                fields=["team", "child"], condition=Q(waiting=True), name="waiting_by_team"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child_id} held by {self.team_id}{' (waiting)' if self.waiting else ''}"


class Transfer(Recorded):
    """A child's move from one team to another (for example from the assessment team to
    a locality team, or to the children in care team).

    The sending manager proposes it with a handover note; nothing changes for the child
    until the receiving team's manager accepts it, when the sending team's allocation
    ends and the receiving team's begins on the same day. A child has at most one
    transfer waiting for an answer.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Waiting for the receiving manager"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="transfers")
    from_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="transfers_out")
    to_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="transfers_in")
    handover_note = models.TextField()
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    transfer_date = models.DateField(
        "date the receiving team took the child on", null=True, blank=True
    )
    decline_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-proposed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(status="proposed"),
                name="one_waiting_transfer_per_child",
                violation_error_message="This child already has a transfer waiting for an answer.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child}: {self.from_team} to {self.to_team}"


class SupervisionSession(Recorded):
    """A formal supervision of a worker by their manager: the cases discussed and what
    was decided for each child (``SupervisionDecision``), kept on each child's record."""

    worker = models.ForeignKey(Worker, on_delete=models.PROTECT, related_name="supervisions")
    supervisor = models.ForeignKey(
        Worker, on_delete=models.PROTECT, related_name="supervisions_given"
    )
    held_on = models.DateField()
    notes = models.TextField("wellbeing, workload and learning", blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Supervision of {self.worker} by {self.supervisor} on {self.held_on:%d %B %Y}"


class SupervisionDecision(Recorded):
    """What a supervision decided about one child, and the actions that follow."""

    session = models.ForeignKey(
        SupervisionSession, on_delete=models.CASCADE, related_name="decisions"
    )
    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="supervision_decisions"
    )
    decision = models.TextField()
    actions = models.TextField(blank=True)
    actions_due = models.DateField("actions to be done by", null=True, blank=True)

    class Meta:
        ordering = ["-session__held_on", "-pk"]

    def __str__(self) -> str:
        return f"Supervision decision for {self.child}"


class CaseDirection(Recorded):
    """A manager's direction on a child's case, recorded on the child's file (management
    oversight), with the date by which it should be reviewed."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="case_directions"
    )
    given_by = models.ForeignKey(Worker, on_delete=models.PROTECT, related_name="directions_given")
    given_on = models.DateField()
    direction = models.TextField()
    review_by = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-given_on", "-pk"]
        constraints = [dates_in_order("given_on", "review_by", "case_direction_dates_in_order")]

    def __str__(self) -> str:
        return f"Case direction for {self.child} on {self.given_on:%d %B %Y}"
