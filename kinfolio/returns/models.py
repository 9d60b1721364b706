"""Validations of statutory returns with the DfE's validators, and what they found."""

from django.conf import settings
from django.db import models

KIND_CHOICES = [("cin", "CIN census"), ("ssda903", "SSDA903 return")]


class ValidationRun(models.Model):
    """One validation of a return for a collection year, run as a background task.

    Its findings are kept so that the error counts can be followed over time and each
    error taken back to the child's record.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Could not finish"

    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    collection_year = models.PositiveSmallIntegerField(
        help_text="The year it ends: 2026 for 2025/26"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done")
    stage = models.CharField(max_length=100, blank=True)
    message = models.TextField(blank=True, help_text="Why it could not finish")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error_count = models.PositiveIntegerField(null=True, blank=True)
    query_count = models.PositiveIntegerField(
        null=True, blank=True, help_text="Queries: findings the DfE asks to check, not errors"
    )
    validator_seconds = models.FloatField(null=True, blank=True)
    validator = models.CharField(
        max_length=40, blank=True, help_text="The DfE validator's package: csc-validator-be-903"
    )
    validator_version = models.CharField(
        max_length=20, blank=True, help_text="Its release, which its known faults depend on"
    )
    failed_rules = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["kind", "collection_year", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.collection_year} ({self.get_status_display()})"


class ReturnIssue(models.Model):
    """One error the DfE's validator reported, or one query (a CIN rule such as 8670Q
    that the DfE asks a council to check and either put right or explain; it does not
    stop the return): its rule and message, and where it is."""

    run = models.ForeignKey(ValidationRun, on_delete=models.CASCADE, related_name="issues")
    rule = models.CharField(max_length=20)
    message = models.TextField()
    la_child_id = models.CharField("LA child ID", max_length=20, blank=True)
    child = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    table = models.CharField(max_length=40, blank=True)
    field = models.CharField(max_length=40, blank=True)
    row = models.PositiveIntegerField(null=True, blank=True)
    query = models.BooleanField(default=False, help_text="A query, not an error")

    class Meta:
        ordering = ["rule", "la_child_id", "table", "field"]
        indexes = [
            models.Index(fields=["run", "rule"]),
            models.Index(fields=["child", "run"]),
        ]

    def __str__(self) -> str:
        return f"{self.rule} {self.la_child_id} {self.table}.{self.field}"


class StagedRow(models.Model):
    """One row of an SSDA903 table while it is imported, never longer: the import writes
    each file's rows here a batch at a time, checks the tables against each other in the
    database (a row duplicated, a child absent from Header) and then writes the records
    a batch at a time, so an import's memory does not grow with the size of its files.
    The import's own transaction removes them (``ssda903.importer``)."""

    import_id = models.CharField(max_length=32)
    table = models.CharField(max_length=20)
    file = models.CharField(max_length=255)
    line = models.PositiveIntegerField()
    child = models.CharField(max_length=20)
    day = models.DateField(null=True, help_text="The row's first date: a child's rows in order")
    digest = models.CharField(max_length=40, help_text="SHA-1 of the row: duplicates")
    values = models.JSONField(help_text="The row's values by column, as written in the file")
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
        help_text="On a Header row: the child in Kinfolio it was matched to or created as",
    )

    class Meta:
        indexes = [
            models.Index(fields=["import_id", "table", "child", "day"]),
            models.Index(fields=["import_id", "table", "digest"]),
        ]

    def __str__(self) -> str:
        return f"{self.file} row {self.line}"
