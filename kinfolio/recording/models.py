"""Drafts: what someone has typed into a form and not yet saved as a record."""

from django.conf import settings
from django.db import models


class Draft(models.Model):
    """The answers a worker has typed into one form, kept on the server so a session
    timeout, a closed tab or a failed save does not lose them.

    One per user and form key (the form's URL path). It holds the form's raw fields as
    typed (each a list of values, like a submitted form), never a record: nothing in it
    counts until the worker saves the form. Only its owner ever sees it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    key = models.CharField(max_length=300, help_text="The form's URL path")
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_draft_per_user_and_form")
        ]

    def __str__(self) -> str:
        return f"Draft of {self.key} by {self.user}"
