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

    class Meta:
        ordering = ["-start_date"]
        indexes = [models.Index(fields=["worker", "end_date"])]
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
