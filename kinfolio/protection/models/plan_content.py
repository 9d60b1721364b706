"""What a plan says: the outcomes wanted for the child and the actions towards them.

Both child protection and child in need plans hold outcomes; each outcome belongs to
exactly one plan of either kind, and each action has an owner and a date.
"""

from django.db import models
from django.db.models import Q

from kinfolio.core.models import Recorded, Versioned


class PlanOutcome(Versioned, Recorded):
    """An outcome a plan works towards ("Sam is safe from harm at home")."""

    cp_plan = models.ForeignKey(
        "protection.ChildProtectionPlan",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outcomes",
    )
    cin_plan = models.ForeignKey(
        "referrals.CINPlan",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outcomes",
    )
    outcome = models.TextField()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cp_plan__isnull=False, cin_plan__isnull=True)
                | Q(cp_plan__isnull=True, cin_plan__isnull=False),
                name="plan_outcome_in_one_plan",
                violation_error_message="An outcome belongs to one plan.",
            ),
        ]

    def __str__(self) -> str:
        return self.outcome[:80]

    @property
    def plan(self):
        return self.cp_plan or self.cin_plan


class PlanAction(Versioned, Recorded):
    """An action towards an outcome: what, who does it, by when, and when it was done."""

    outcome = models.ForeignKey(PlanOutcome, on_delete=models.CASCADE, related_name="actions")
    action = models.TextField()
    owner = models.CharField(max_length=200, help_text="The person or agency who will do it")
    due_date = models.DateField()
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return f"{self.action[:60]} ({self.owner}, by {self.due_date:%d %b %Y})"
