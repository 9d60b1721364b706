"""Care leavers: who is entitled to leaving care support, their pathway plans, the yearly
SSDA903 OC3 information, staying put, and the health history given to them."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.intervals import overlapping_rows
from kinfolio.core.models import Recorded, dates_in_order

NOTHING_TO_REPORT = "0"  # CARE_LEAVER_ACTIVITY and CARE_LEAVER_ACCOMMODATION
NO_ACTIVITY_WHEN = ("DIED", "RHOM")  # CARE_LEAVER_IN_TOUCH (SSDA903 rule 344)
assert NOTHING_TO_REPORT in codesets.CARE_LEAVER_ACTIVITY
assert NOTHING_TO_REPORT in codesets.CARE_LEAVER_ACCOMMODATION
assert all(code in codesets.CARE_LEAVER_IN_TOUCH for code in NO_ACTIVITY_WHEN)


def birthday_in(born: date, year: int) -> date:
    """The day a birthday falls in ``year``: in England someone born on 29 February
    reaches a new age on 1 March in other years."""
    try:
        return born.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


class Eligibility(models.TextChoices):
    """The Children (Leaving Care) Act 2000 categories, which decide a young person's
    entitlements (Kinfolio's own list; the SSD calls it ``clea_care_leaver_eligibility``)."""

    ELIGIBLE = "eligible", "Eligible: aged 16 or 17 and still looked after"
    RELEVANT = "relevant", "Relevant: aged 16 or 17 and has left care"
    FORMER_RELEVANT = "former_relevant", "Former relevant: aged 18 to 25"
    QUALIFYING = "qualifying", "Qualifying: left care after 16 but not eligible"


class CareLeaverStatus(Recorded):
    """A young person's care leaver category over time: eligible while looked after at
    16 or 17 (having been looked after for 13 weeks since 14), relevant if they leave
    care at 16 or 17, former relevant from 18 until 21, or 25 if they want support."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="care_leaver_statuses"
    )
    eligibility = models.CharField(max_length=20, choices=Eligibility.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "care leaver statuses"
        ordering = ["child", "-start_date"]
        indexes = [models.Index(fields=["child", "start_date"], name="care_leaver_status_child")]
        constraints = [
            dates_in_order("start_date", "end_date", "care_leaver_status_dates_in_order"),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_care_leaver_status_per_child",
                violation_error_message="This young person already has a current care leaver "
                "status.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_eligibility_display().split(':')[0]} from {self.start_date:%d/%m/%Y}"

    def clean(self) -> None:
        if self.child_id is None or self.start_date is None:
            return
        rows = CareLeaverStatus.objects.filter(child_id=self.child_id)
        if overlapping_rows(
            rows, start=self.start_date, end=self.end_date, exclude_pk=self.pk
        ).exists():
            raise ValidationError(
                "This overlaps another care leaver status of the same young person."
            )


class PathwayPlan(Recorded):
    """A care leaver's pathway plan, in place by 16 and a quarter and reviewed at least
    every 6 months, with their personal adviser (SSD ``clea_pathway_plan_review_date``,
    ``clea_care_leaver_personal_advisor``)."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="pathway_plans"
    )
    start_date = models.DateField("Date the plan was agreed")
    end_date = models.DateField(null=True, blank=True)
    personal_adviser = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathway_plans",
    )

    class Meta:
        ordering = ["child", "-start_date"]
        indexes = [models.Index(fields=["child", "start_date"], name="pathway_plan_child_start")]
        constraints = [
            dates_in_order("start_date", "end_date", "pathway_plan_dates_in_order"),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_pathway_plan_per_child",
                violation_error_message="This young person already has a current pathway plan.",
            ),
        ]

    def __str__(self) -> str:
        return f"Pathway plan from {self.start_date:%d/%m/%Y}"


class PathwayPlanReview(Recorded):
    """One review of a pathway plan: when it was due and, once held, when it was."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.PROTECT, related_name="reviews")
    due_date = models.DateField()
    review_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "due_date"]
        indexes = [models.Index(fields=["due_date"], name="pathway_review_due")]

    def __str__(self) -> str:
        held = f"held {self.review_date:%d/%m/%Y}" if self.review_date else "not yet held"
        return f"Pathway plan review due {self.due_date:%d/%m/%Y}, {held}"

    def clean(self) -> None:
        if self.plan_id is None or self.review_date is None:
            return
        plan = self.plan
        ended = plan.end_date
        if self.review_date < plan.start_date or (ended and self.review_date > ended):
            raise ValidationError(
                {"review_date": "A pathway plan is reviewed while it is in place."}
            )


class CareLeaverContact(Recorded):
    """What the authority knew about a care leaver around their 17th to 21st birthday:
    whether it was in touch, their main activity and their accommodation and its
    suitability (SSDA903 ``OC3``: ``IN_TOUCH``, ``ACTIV``, ``ACCOM``)."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="care_leaver_contacts"
    )
    birthday = models.DateField(help_text="The birthday the information relates to")
    contact_date = models.DateField("Date of latest contact", null=True, blank=True)
    in_touch = models.CharField(
        "In touch (IN_TOUCH)",
        max_length=codesets.CARE_LEAVER_IN_TOUCH.max_length,
        choices=codesets.CARE_LEAVER_IN_TOUCH.choices,
    )
    activity = models.CharField(
        "Main activity (ACTIV)",
        max_length=codesets.CARE_LEAVER_ACTIVITY.max_length,
        choices=codesets.CARE_LEAVER_ACTIVITY.choices,
    )
    accommodation = models.CharField(
        "Accommodation (ACCOM)",
        max_length=codesets.CARE_LEAVER_ACCOMMODATION.max_length,
        choices=codesets.CARE_LEAVER_ACCOMMODATION.choices,
    )

    class Meta:
        ordering = ["child", "birthday"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "birthday"],
                name="one_care_leaver_contact_per_birthday",
                violation_error_message="This birthday's information is already recorded.",
            ),
            models.CheckConstraint(
                condition=~Q(in_touch__in=NO_ACTIVITY_WHEN)
                | Q(activity=NOTHING_TO_REPORT, accommodation=NOTHING_TO_REPORT),
                name="care_leaver_nothing_to_report_when_died_or_home",
                violation_error_message="When the young person has died or returned home, "
                'activity and accommodation are "0" (nothing to report).',
            ),
        ]

    def __str__(self) -> str:
        return f"Care leaver information for the birthday on {self.birthday:%d/%m/%Y}"

    @property
    def accommodation_suitable(self) -> bool | None:
        return codesets.accommodation_is_suitable(self.accommodation)

    def clean(self) -> None:
        if self.child_id is None or self.birthday is None:
            return
        born = self.child.date_of_birth
        if (
            born is None
            or birthday_in(born, self.birthday.year) != self.birthday
            or not 17 <= self.birthday.year - born.year <= 21
        ):
            raise ValidationError(
                {"birthday": "Give the young person's 17th, 18th, 19th, 20th or 21st birthday."}
            )


class StayingPut(Recorded):
    """A young person staying on with their former foster carers after 18 (Children
    and Families Act 2014), up to 21."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="staying_put")
    foster_household = models.ForeignKey(
        "fostering.FosterHousehold",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staying_put",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "staying put arrangement"
        ordering = ["child", "-start_date"]
        indexes = [models.Index(fields=["child", "start_date"], name="staying_put_child_start")]
        constraints = [
            dates_in_order("start_date", "end_date", "staying_put_dates_in_order"),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_staying_put_per_child",
                violation_error_message="This young person already has a current staying put "
                "arrangement.",
            ),
        ]

    def __str__(self) -> str:
        return f"Staying put from {self.start_date:%d/%m/%Y}"

    def clean(self) -> None:
        if self.child_id is None or self.start_date is None:
            return
        born = self.child.date_of_birth
        if born is None or self.start_date < birthday_in(born, born.year + 18):
            raise ValidationError(
                {"start_date": "Staying put starts on or after the young person's 18th birthday."}
            )
        rows = StayingPut.objects.filter(child_id=self.child_id)
        if overlapping_rows(
            rows, start=self.start_date, end=self.end_date, exclude_pk=self.pk
        ).exists():
            raise ValidationError("This overlaps another staying put arrangement.")


class HealthHistoryGiven(Recorded):
    """The day a care leaver was given a copy of their health history. Inspectors
    required every care leaver to receive one (Ofsted, 2012, recommendation on health
    history), so it is recorded as a fact that can be counted."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="health_histories_given"
    )
    given_on = models.DateField()

    class Meta:
        verbose_name = "health history given"
        verbose_name_plural = "health histories given"
        ordering = ["child", "given_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "given_on"],
                name="one_health_history_per_child_per_day",
                violation_error_message="A health history was already given on that day.",
            ),
        ]

    def __str__(self) -> str:
        return f"Health history given on {self.given_on:%d/%m/%Y}"
