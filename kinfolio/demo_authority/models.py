from django.db import models


class GeneratedAuthority(models.Model):
    """A record that this database holds a synthetic authority, and how it was made."""

    size = models.CharField(max_length=10)
    seed = models.IntegerField()
    census_date = models.DateField()
    generated_at = models.DateTimeField(auto_now_add=True)
    seconds = models.FloatField()
    rows = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.size} authority, seed {self.seed}, census date {self.census_date}"
