"""Case file audits: tools as data (themed questions and a grading scale), samples of
children, grades given by an auditor and, for some audits, by a moderator, and the
actions an audit asks for on the child's record.

Ofsted (2012) found the council's audits "over generous and not evidence based"; the
moderation gap (auditor's grade minus moderator's, per auditor and theme) shows where.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class AuditTool(models.Model):
    """A case file audit tool: what auditors are asked and the grades they may give."""

    name = models.CharField(max_length=200, unique=True)
    purpose = models.TextField(blank=True)
    source = models.CharField(max_length=300, help_text="Who wrote the tool")

    def __str__(self) -> str:
        return self.name


class AuditGrade(models.Model):
    """One grade of a tool's scale; rank 1 is the worst."""

    tool = models.ForeignKey(AuditTool, on_delete=models.CASCADE, related_name="grades")
    label = models.CharField(max_length=100)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["tool", "-rank"]
        constraints = [models.UniqueConstraint(fields=["tool", "rank"], name="qa_grade_rank_once")]

    def __str__(self) -> str:
        return self.label


class AuditQuestion(models.Model):
    tool = models.ForeignKey(AuditTool, on_delete=models.CASCADE, related_name="questions")
    theme = models.CharField(max_length=200)
    text = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["tool", "order"]

    def __str__(self) -> str:
        return f"{self.theme}: {self.text[:60]}"


class AuditSample(models.Model):
    """A set of children chosen (or drawn at random) for audit with one tool."""

    class Method(models.TextChoices):
        CHOSEN = "chosen", "Chosen"
        RANDOM = "random", "Random"

    tool = models.ForeignKey(AuditTool, on_delete=models.PROTECT, related_name="samples")
    name = models.CharField(max_length=200)
    method = models.CharField(max_length=10, choices=Method.choices)
    seed = models.PositiveIntegerField(null=True, blank=True, help_text="For a random draw")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class Audit(models.Model):
    """One child's case file audited by one auditor, and perhaps moderated."""

    sample = models.ForeignKey(AuditSample, on_delete=models.CASCADE, related_name="audits")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="audits")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audits_done"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audits_moderated",
    )
    audited_on = models.DateField(null=True, blank=True)
    moderated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["sample", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(moderator=models.F("auditor")),
                name="qa_moderator_is_not_the_auditor",
                violation_error_message="An audit cannot be moderated by its own auditor.",
            ),
            models.UniqueConstraint(fields=["sample", "child"], name="qa_child_once_per_sample"),
        ]

    def __str__(self) -> str:
        return f"Audit of {self.child} ({self.sample})"


class AuditAnswer(models.Model):
    """A grade given to one question, by the auditor or by the moderator."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(AuditQuestion, on_delete=models.PROTECT)
    by_moderator = models.BooleanField(default=False)
    grade = models.ForeignKey(AuditGrade, on_delete=models.PROTECT)
    comment = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "question", "by_moderator"], name="qa_one_answer_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.grade}"


class AuditAction(models.Model):
    """Something an audit asks the child's worker or manager to put right."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="actions")
    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="audit_actions"
    )
    description = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:80]
