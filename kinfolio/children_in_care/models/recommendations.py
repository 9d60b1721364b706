"""What a looked after review asks to be done, by whom and by when."""

from django.db import models
from django.db.models import Q

from kinfolio.core.models import Recorded, Versioned


class ReviewRecommendation(Recorded, Versioned):
    """One recommendation of a held looked after review, owned by a worker and due by a
    date. The IRO checks at the next review that it was done (IRO Handbook, DCSF, 2010:
    the review's decisions name who does what by when)."""

    review = models.ForeignKey(
        "children_in_care.LACReview", on_delete=models.PROTECT, related_name="recommendations"
    )
    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="review_recommendations"
    )
    text = models.TextField("Recommendation")
    owner = models.ForeignKey(
        "workforce.Worker", on_delete=models.PROTECT, related_name="review_recommendations"
    )
    due_date = models.DateField()
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["owner", "completed_on", "due_date"], name="recommendation_owner"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""),
                name="recommendation_has_text",
                violation_error_message="Enter the recommendation.",
            ),
        ]

    def __str__(self) -> str:
        return f"Recommendation due {self.due_date:%d/%m/%Y}: {self.text[:60]}"
