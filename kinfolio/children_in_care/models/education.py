"""Education of looked after children: schools, where each child is on roll, their PEPs."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinfolio.children_in_care.models.base import clean_during_period
from kinfolio.core.intervals import overlapping_rows
from kinfolio.core.models import Recorded, dates_in_order


class School(Recorded):
    """A school, academy, pupil referral unit or college, named by its DfE URN when it
    has one (Get Information About Schools)."""

    name = models.CharField(max_length=200)
    urn = models.CharField("URN", max_length=8, blank=True)
    postcode = models.CharField(max_length=8, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["urn"],
                condition=~Q(urn=""),
                name="unique_school_urn",
                violation_error_message="Another school has this URN.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class EducationPlacement(Recorded):
    """A child on a school's roll, from when to when. A child may be dual registered
    (for example with a pupil referral unit), but has one main registration at a time."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="education_placements"
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="placements")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    is_main_registration = models.BooleanField(default=True)

    class Meta:
        ordering = ["child", "-start_date"]
        indexes = [models.Index(fields=["child", "start_date"], name="education_child_start")]
        constraints = [
            dates_in_order("start_date", "end_date", "education_placement_dates_in_order"),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True, is_main_registration=True),
                name="one_current_main_school_per_child",
                violation_error_message="This child already has a current main school.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} from {self.start_date:%d/%m/%Y}"

    def clean(self) -> None:
        if self.child_id is None or self.start_date is None or not self.is_main_registration:
            return
        rows = EducationPlacement.objects.filter(child_id=self.child_id, is_main_registration=True)
        if overlapping_rows(
            rows, start=self.start_date, end=self.end_date, exclude_pk=self.pk
        ).exists():
            raise ValidationError(
                "This overlaps another main school registration of the same child."
            )


class PersonalEducationPlan(Recorded):
    """A looked after child's personal education plan (PEP), part of their care plan:
    in place within 20 school days of becoming looked after, then reviewed each term
    (virtual school head guidance). ``pep_date`` is the meeting that agreed it."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="personal_education_plans"
    )
    period = models.ForeignKey(
        "children_in_care.PeriodOfCare",
        on_delete=models.PROTECT,
        related_name="personal_education_plans",
    )
    due_date = models.DateField()
    pep_date = models.DateField("Date of the PEP", null=True, blank=True)

    class Meta:
        verbose_name = "personal education plan"
        ordering = ["child", "due_date"]
        indexes = [models.Index(fields=["child", "pep_date"], name="pep_child_date")]

    def __str__(self) -> str:
        done = f"agreed {self.pep_date:%d/%m/%Y}" if self.pep_date else "not yet agreed"
        return f"PEP due {self.due_date:%d/%m/%Y}, {done}"

    def clean(self) -> None:
        clean_during_period(
            period=self.period if self.period_id else None,
            child_id=self.child_id,
            day=self.pep_date,
            field="pep_date",
            what="personal education plan",
        )


class VirtualSchoolContact(Recorded):
    """A contact with the council's virtual school about a looked after child's
    education: with whom there (the virtual school head, or a named adviser), when, why
    and what came of it. The virtual school head promotes the education of the children
    the council looks after (Children Act 1989, section 22(3A) and (3B); DfE statutory
    guidance "Promoting the education of looked-after children and previously
    looked-after children", 2018)."""

    class Role(models.TextChoices):
        HEAD = "head", "The virtual school head"
        ADVISER = "adviser", "An adviser or officer at the virtual school"

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="virtual_school_contacts"
    )
    period = models.ForeignKey(
        "children_in_care.PeriodOfCare",
        on_delete=models.PROTECT,
        related_name="virtual_school_contacts",
    )
    contact_date = models.DateField()
    role = models.CharField(max_length=7, choices=Role.choices)
    contact_name = models.CharField("Name at the virtual school", max_length=200)
    purpose = models.TextField()
    outcome = models.TextField()

    class Meta:
        ordering = ["child", "-contact_date"]
        indexes = [
            models.Index(fields=["child", "contact_date"], name="virtual_school_child_date"),
        ]

    def __str__(self) -> str:
        return f"{self.contact_date:%d/%m/%Y} with {self.contact_name} ({self.get_role_display()})"

    def clean(self) -> None:
        clean_during_period(
            period=self.period if self.period_id else None,
            child_id=self.child_id,
            day=self.contact_date,
            field="contact_date",
            what="virtual school contact",
        )
