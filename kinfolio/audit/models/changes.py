"""Change history: who changed which field of a case record, when, from what to what."""

from django.conf import settings
from django.db import models


class ChangeEvent(models.Model):
    """One field of one case record changed (or set when the record was created).

    Written by the service that made the change, inside its transaction, so a change
    and its history are saved together or not at all. Values are kept as the text a
    person would read, so the history survives later changes to code lists.
    """

    class Kind(models.TextChoices):
        CREATED = "created", "Created"
        CHANGED = "changed", "Changed"
        DELETED = "deleted", "Deleted"

    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_events",
    )
    username = models.CharField(max_length=150, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CHANGED)
    model = models.CharField(max_length=100, help_text="app_label.model_name")
    object_id = models.CharField(max_length=64)
    object_label = models.CharField(max_length=200, blank=True)
    child = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_events",
    )
    field = models.CharField(max_length=100)
    field_label = models.CharField(max_length=200, blank=True)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The record's version this change made (versioned records)"
    )

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["child", "-at"]),
            models.Index(fields=["model", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.object_id}.{self.field}: {self.old_value} → {self.new_value}"
