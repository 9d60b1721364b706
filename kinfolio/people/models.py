"""People: children, unborn children, and the adults in their family and network."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone

from kinfolio import codesets
from kinfolio.core.models import Recorded, dates_in_order


class Person(Recorded):
    """Anyone Kinfolio holds a record about.

    A *child* (``is_child_subject``) is the subject of a children's social care record,
    from before birth to 25 as a care leaver; other people are the adults and children
    in their family and network. An unborn child has an expected date of birth and no
    date of birth until they are born. Names follow the D2I Standard Safeguarding
    Dataset (``ssd_person``) where it has one.
    """

    local_id = models.CharField("Kinfolio ID", max_length=20, unique=True)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    sex = models.CharField(max_length=codesets.SEX.max_length, choices=codesets.SEX.choices)
    gender_identity = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    ethnicity = models.CharField(
        max_length=codesets.ETHNICITY.max_length, choices=codesets.ETHNICITY.choices, blank=True
    )
    first_language = models.CharField(max_length=100, blank=True)
    religion = models.CharField(max_length=100, blank=True)
    nationality = models.CharField(max_length=100, blank=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True, db_index=True)
    upn = models.CharField("Unique pupil number (UPN)", max_length=13, blank=True, db_index=True)
    former_upn = models.CharField("Former UPN", max_length=13, blank=True)
    upn_unknown_reason = models.CharField(max_length=4, blank=True)
    is_child_subject = models.BooleanField(
        default=False, help_text="The subject of a children's social care record"
    )
    disabilities = models.CharField(
        max_length=100, blank=True, help_text="DfE disability codes, comma separated"
    )

    class Meta:
        verbose_name_plural = "people"
        ordering = ["family_name", "given_name"]
        indexes = [
            models.Index(fields=["family_name", "given_name"]),
            models.Index(fields=["date_of_birth"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_of_birth__isnull=False)
                | Q(expected_date_of_birth__isnull=False)
                | Q(is_child_subject=False),
                name="child_has_birth_or_expected_date",
                violation_error_message="A child needs a date of birth or an expected date "
                "of birth.",
            ),
            dates_in_order("date_of_birth", "date_of_death", "person_death_after_birth"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        if self.is_unborn and not self.given_name:
            return f"Unborn {self.family_name}"
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None and self.expected_date_of_birth is not None

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())

    def age_on(self, on: date) -> int | None:
        """Whole years of age on a date; None before birth."""
        if self.date_of_birth is None or on < self.date_of_birth:
            return None
        born = self.date_of_birth
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class Relationship(Recorded):
    """How one person is related to another: read as "person is <type> of other"."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_to")
    relationship_type = models.CharField(max_length=30, choices=codesets.RELATIONSHIP_TYPE.choices)
    has_parental_responsibility = models.BooleanField(default=False)
    lives_with = models.BooleanField(default=False)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(person=models.F("other")), name="relationship_not_to_self"
            ),
            models.UniqueConstraint(
                fields=["person", "other", "relationship_type"], name="unique_relationship"
            ),
            dates_in_order("start_date", "end_date", "relationship_dates_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.person} is {self.get_relationship_type_display().lower()} of {self.other}"


class Address(Recorded):
    """Where a person lived, over time. The open address (no end date) is the current one."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    line_1 = models.CharField(max_length=200)
    line_2 = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100)
    postcode = models.CharField(max_length=8, db_index=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name_plural = "addresses"
        constraints = [
            dates_in_order("start_date", "end_date", "address_dates_in_order"),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(end_date__isnull=True),
                name="one_current_address_per_person",
                violation_error_message="A person can have only one current address.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.line_1}, {self.town} {self.postcode}"
