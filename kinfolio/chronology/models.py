from django.db import models

from kinfolio.core.models import Recorded


class KeyEvent(Recorded):
    """An event a worker adds to the child's chronology by hand (a school exclusion, a
    bereavement, a court hearing) that no other record holds."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="key_events")
    event_date = models.DateField()
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    significant = models.BooleanField(default=True)
    recorded_by = models.ForeignKey(
        "workforce.Worker", on_delete=models.PROTECT, related_name="key_events_recorded"
    )

    class Meta:
        ordering = ["-event_date"]
        indexes = [models.Index(fields=["child", "event_date"])]

    def __str__(self) -> str:
        return f"{self.event_date}: {self.title}"
