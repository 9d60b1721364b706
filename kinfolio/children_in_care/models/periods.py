"""Periods of care and the SSDA903 episodes that make them up."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format

from kinfolio import codesets
from kinfolio.core.intervals import overlapping_rows
from kinfolio.core.models import Recorded, dates_in_order

# SSDA903 codes the rules below depend on (checked against the code sets at import).
STARTED_TO_BE_LOOKED_AFTER = "S"  # REASON_NEW_EPISODE
NEW_EPISODE_SAME_DAY = "X1"  # REASON_EPISODE_CEASED: the period goes on in a new episode
LEGAL_STATUS_CHANGES = ("L", "B", "U")  # REASON_NEW_EPISODE
PLACEMENT_CHANGES = ("P", "T", "B", "U")  # REASON_NEW_EPISODE
# Placement types in which the child lives with approved foster carers (U1-U6) or is
# placed for adoption with their current foster carers (A3, A5).
FOSTER_CARER_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6", "A3", "A5")

assert STARTED_TO_BE_LOOKED_AFTER in codesets.REASON_NEW_EPISODE
assert NEW_EPISODE_SAME_DAY in codesets.REASON_EPISODE_CEASED
assert all(code in codesets.REASON_NEW_EPISODE for code in LEGAL_STATUS_CHANGES + PLACEMENT_CHANGES)
assert all(code in codesets.PLACEMENT_TYPE for code in FOSTER_CARER_PLACEMENTS)


class PeriodOfCareQuerySet(models.QuerySet):
    def covering(self, day: date) -> "PeriodOfCareQuerySet":
        """Periods during which the child was looked after on ``day`` (both ends included)."""
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)


class PeriodOfCare(Recorded):
    """One continuous period during which a child is looked after by the authority.

    It starts on the day the child becomes looked after (section 20 accommodation,
    police protection, an emergency protection order, a care order, remand...) and ends
    on the day they leave care. Inside it, the SSDA903 return counts *episodes*: a new
    one starts whenever the legal status, placement or carer changes, and the last
    episode ends when the period does. A child may be looked after several times, but
    never in two periods at once (SSD ``ssd_cla_episodes.clae_entered_care_date``).
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="periods_of_care"
    )
    start_date = models.DateField("Date started to be looked after")
    end_date = models.DateField("Date ceased to be looked after", null=True, blank=True)

    objects = PeriodOfCareQuerySet.as_manager()

    class Meta:
        verbose_name = "period of care"
        verbose_name_plural = "periods of care"
        ordering = ["child", "-start_date"]
        indexes = [models.Index(fields=["child", "start_date"], name="period_of_care_child_start")]
        constraints = [
            dates_in_order("start_date", "end_date", "period_of_care_dates_in_order"),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_period_of_care_per_child",
                violation_error_message="This child is already looked after.",
            ),
        ]

    def __str__(self) -> str:
        ended = f" to {date_format(self.end_date)}" if self.end_date else ""
        return f"Looked after from {date_format(self.start_date)}{ended}"

    def clean(self) -> None:
        if self.child_id is None or self.start_date is None:
            return
        clash = overlapping_rows(
            PeriodOfCare.objects.filter(child_id=self.child_id),
            start=self.start_date,
            end=self.end_date,
            exclude_pk=self.pk,
        ).first()
        if clash:
            raise ValidationError(f"This child was already looked after then ({clash}).")
        if self.pk and self.end_date:
            last = self.episodes.order_by("-start_date").first()
            if last and last.end_date != self.end_date:
                raise ValidationError(
                    {"end_date": "The period of care must end on the day its last episode ends."}
                )


class CareEpisode(Recorded):
    """One SSDA903 episode: a stretch of a period of care with one legal status,
    placement and carer.

    Episodes follow each other without gaps: each starts (DECOM) on the day the one
    before it ended (DEC) with the reason ``X1``, the first starts with the period and
    the reason for a new episode "S", and the last one ends when the child leaves care,
    with the reason they did. Field names follow the SSDA903 ``Episodes`` table; the
    placement is with a foster household or a placement provider, or neither (for
    example placed with parents).
    """

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="episodes")
    start_date = models.DateField("Episode start date (DECOM)")
    end_date = models.DateField("Episode end date (DEC)", null=True, blank=True)
    legal_status = models.CharField(
        "Legal status (LS)",
        max_length=codesets.LEGAL_STATUS.max_length,
        choices=codesets.LEGAL_STATUS.choices,
    )
    category_of_need = models.CharField(
        "Category of need (CIN)",
        max_length=codesets.CATEGORY_OF_NEED_LOOKED_AFTER.max_length,
        choices=codesets.CATEGORY_OF_NEED_LOOKED_AFTER.choices,
    )
    reason_new_episode = models.CharField(
        "Reason for new episode (RNE)",
        max_length=codesets.REASON_NEW_EPISODE.max_length,
        choices=codesets.REASON_NEW_EPISODE.choices,
    )
    placement_type = models.CharField(
        "Placement type (PLACE)",
        max_length=codesets.PLACEMENT_TYPE.max_length,
        choices=codesets.PLACEMENT_TYPE.choices,
    )
    placement_provider = models.CharField(
        "Placement provider (PLACE_PROVIDER)",
        max_length=codesets.PLACEMENT_PROVIDER.max_length,
        choices=codesets.PLACEMENT_PROVIDER.choices,
        blank=True,
    )
    placement_postcode = models.CharField("Placement postcode (PL_POST)", max_length=8, blank=True)
    home_postcode = models.CharField("Home postcode (HOME_POST)", max_length=8, blank=True)
    urn = models.CharField("Ofsted URN of the placement (URN)", max_length=8, blank=True)
    reason_ceased = models.CharField(
        "Reason episode ceased (REC)",
        max_length=codesets.REASON_EPISODE_CEASED.max_length,
        choices=codesets.REASON_EPISODE_CEASED.choices,
        blank=True,
    )
    reason_place_change = models.CharField(
        "Reason for placement change (REASON_PLACE_CHANGE)",
        max_length=codesets.REASON_PLACE_CHANGE.max_length,
        choices=codesets.REASON_PLACE_CHANGE.choices,
        blank=True,
    )
    foster_household = models.ForeignKey(
        "fostering.FosterHousehold",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="care_episodes",
    )
    provider = models.ForeignKey(
        "children_in_care.PlacementProvider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="care_episodes",
    )

    class Meta:
        verbose_name = "care episode"
        ordering = ["period", "start_date"]
        indexes = [
            models.Index(fields=["start_date", "end_date"], name="care_episode_dates"),
            # Who is placed with a household or provider now (vacancies, placement search).
            models.Index(
                fields=["foster_household"],
                condition=Q(end_date__isnull=True),
                name="open_episodes_by_household",
            ),
            models.Index(
                fields=["provider"],
                condition=Q(end_date__isnull=True),
                name="open_episodes_by_provider",
            ),
        ]
        constraints = [
            dates_in_order("start_date", "end_date", "care_episode_dates_in_order"),
            models.UniqueConstraint(
                fields=["period", "start_date"],
                name="one_episode_start_per_day",
                violation_error_message="Another episode of this period starts on that day.",
            ),
            models.UniqueConstraint(
                fields=["period"],
                condition=Q(end_date__isnull=True),
                name="one_open_episode_per_period",
                violation_error_message="This period of care already has a current episode.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, reason_ceased="")
                | (Q(end_date__isnull=False) & ~Q(reason_ceased="")),
                name="care_episode_reason_ceased_iff_ended",
                violation_error_message="Give the reason the episode ceased, and only when "
                "it has an end date.",
            ),
            models.CheckConstraint(
                condition=Q(reason_place_change="") | Q(end_date__isnull=False),
                name="care_episode_place_change_reason_when_ended",
                violation_error_message="A reason for placement change belongs to an episode "
                "that has ended.",
            ),
            models.CheckConstraint(
                condition=Q(foster_household__isnull=True) | Q(provider__isnull=True),
                name="care_episode_one_kind_of_carer",
                violation_error_message="A placement is with a foster household or with a "
                "placement provider, not both.",
            ),
            models.CheckConstraint(
                condition=Q(foster_household__isnull=True)
                | Q(placement_type__in=FOSTER_CARER_PLACEMENTS),
                name="care_episode_foster_household_in_foster_placement",
                violation_error_message="Only a foster placement (U1 to U6) or a placement "
                "for adoption with current foster carers (A3, A5) names a foster household.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_legal_status_display()}, {self.placement_type} from {self.start_date}"

    def clean(self) -> None:
        if self.period_id is None or self.start_date is None:
            return
        period = self.period
        self._clean_within_period(period)
        siblings = CareEpisode.objects.filter(period_id=self.period_id).exclude(pk=self.pk)
        clash = overlapping_rows(siblings, start=self.start_date, end=self.end_date).first()
        if clash:
            raise ValidationError(f"This episode overlaps another in the same period ({clash}).")
        before = siblings.filter(start_date__lt=self.start_date).order_by("-start_date").first()
        after = siblings.filter(start_date__gt=self.start_date).order_by("start_date").first()
        self._clean_sequence(period, before, after)
        self._clean_foster_household()

    def _clean_within_period(self, period: PeriodOfCare) -> None:
        if self.start_date < period.start_date:
            raise ValidationError(
                {"start_date": "The episode cannot start before the period of care."}
            )
        if period.end_date and (self.end_date is None or self.end_date > period.end_date):
            raise ValidationError(
                {"end_date": "The episode must end by the end of the period of care."}
            )

    def _clean_sequence(self, period, before, after) -> None:
        if before is None:
            if self.start_date != period.start_date:
                raise ValidationError(
                    {"start_date": "The first episode starts on the day the period of care starts."}
                )
            if self.reason_new_episode != STARTED_TO_BE_LOOKED_AFTER:
                raise ValidationError(
                    {
                        "reason_new_episode": "The first episode of a period of "
                        'care has the reason "started to be looked after".'
                    }
                )
        else:
            if before.end_date != self.start_date:
                raise ValidationError(
                    {"start_date": "The episode must start on the day the previous episode ended."}
                )
            if self.reason_new_episode == STARTED_TO_BE_LOOKED_AFTER:
                raise ValidationError(
                    {
                        "reason_new_episode": "Only the first episode of a "
                        'period of care is "started to be looked after".'
                    }
                )
        if after is not None:
            if self.end_date != after.start_date:
                raise ValidationError(
                    {"end_date": "The episode must end on the day the next episode starts."}
                )
            if self.reason_ceased != NEW_EPISODE_SAME_DAY:
                raise ValidationError(
                    {
                        "reason_ceased": "An episode followed by another in the "
                        "same period ceases with the reason X1."
                    }
                )
        elif period.end_date and self.end_date != period.end_date:
            raise ValidationError(
                {"end_date": "The last episode ends on the day the period of care ends."}
            )

    def _clean_foster_household(self) -> None:
        household = self.foster_household
        if household is None:
            return
        if household.approval_date is None or self.start_date < household.approval_date:
            raise ValidationError(
                {
                    "foster_household": "The foster household was not approved "
                    "when the placement started."
                }
            )
        gone = household.deregistered_on
        if gone and (self.end_date is None or self.end_date > gone):
            raise ValidationError(
                {
                    "foster_household": "The placement must end by the day the "
                    "foster household was deregistered."
                }
            )


class UASCStatus(Recorded):
    """When a child was an unaccompanied asylum-seeking child (SSDA903 ``UASC`` flag and
    the ``DUC`` date their UASC status ceased, for example when granted leave to remain
    or on turning 18)."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="uasc_statuses"
    )
    start_date = models.DateField("UASC from")
    end_date = models.DateField("Date UASC status ceased (DUC)", null=True, blank=True)

    class Meta:
        verbose_name = "UASC status"
        verbose_name_plural = "UASC statuses"
        ordering = ["child", "-start_date"]
        indexes = [models.Index(fields=["child", "start_date"], name="uasc_child_start")]
        constraints = [
            dates_in_order("start_date", "end_date", "uasc_dates_in_order"),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_uasc_status_per_child",
                violation_error_message="This child already has a current UASC status.",
            ),
        ]

    def __str__(self) -> str:
        return f"UASC from {self.start_date:%d/%m/%Y}"

    def clean(self) -> None:
        if self.child_id is None or self.start_date is None:
            return
        rows = UASCStatus.objects.filter(child_id=self.child_id)
        if overlapping_rows(
            rows, start=self.start_date, end=self.end_date, exclude_pk=self.pk
        ).exists():
            raise ValidationError("This overlaps another UASC status of the same child.")
