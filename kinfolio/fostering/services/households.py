"""A foster household's way from enquiry to approval, its reviews, availability and
deregistration: one service per step, each with its rule, its change history and its
version check (Fostering Services (England) Regulations 2011; the fostering panel
recommends and the agency decision maker approves, regulation 27)."""

from datetime import date
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio import codesets
from kinfolio.accounts.models import User
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.children_in_care.models import PlacementProvider
from kinfolio.core.versions import guard_version
from kinfolio.fostering.models import (
    EnquiryClosure,
    FosterHousehold,
    FosteringReview,
    HouseholdStatus,
)
from kinfolio.postcodes.models import normalise_postcode

APPROVED = (HouseholdStatus.APPROVED, HouseholdStatus.ON_HOLD)


def record_enquiry(
    *,
    carers: str,
    postcode: str,
    enquiry_date: date,
    by: User,
    in_house: bool = True,
    connected_persons: bool = False,
    fostering_agency: PlacementProvider | None = None,
) -> FosterHousehold:
    """Someone asks to foster: a household in assessment, at the enquiry stage."""
    errors = {}
    if not carers.strip():
        errors["carers"] = "Enter the names of the people who want to foster"
    if not normalise_postcode(postcode):
        errors["postcode"] = "Enter a real postcode, like MK9 3EJ"
    if in_house and fostering_agency is not None:
        errors["fostering_agency"] = "Only an agency's household names a fostering agency"
    if not in_house and (fostering_agency is None or fostering_agency.provider_type != "ifa"):
        errors["fostering_agency"] = "Select the independent fostering agency"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        household = FosterHousehold(
            reference=f"new-{uuid4().hex[:16]}",
            carers=carers.strip(),
            postcode=normalise_postcode(postcode),
            enquiry_date=enquiry_date,
            in_house=in_house,
            connected_persons=connected_persons,
            fostering_agency=fostering_agency,
        )
        household.save()
        # The reference follows the row's own number, so two enquiries never share one.
        household.reference = f"FE{household.pk:06d}"
        household.save(update_fields=["reference"])
        record_event(
            by=by,
            instance=household,
            changes=changes(None, household),
            kind=ChangeEvent.Kind.CREATED,
        )
    return household


def _locked(household: FosterHousehold, opened_version: int | None) -> tuple:
    household = FosterHousehold.objects.select_for_update(of=("self",)).get(pk=household.pk)
    before = snapshot(household)
    guard_version(instance=household, opened_version=opened_version)
    return household, before


def _save(household: FosterHousehold, before, by: User) -> FosterHousehold:
    household.full_clean()
    household.save()
    record_event(by=by, instance=household, changes=changes(before, household))
    return household


def start_assessment(
    *, household: FosterHousehold, day: date, by: User, opened_version: int | None = None
) -> FosterHousehold:
    """The assessment (Form F) starts."""
    with transaction.atomic():
        household, before = _locked(household, opened_version)
        if household.status != HouseholdStatus.IN_ASSESSMENT or household.assessment_started_on:
            raise ValidationError("This household's assessment has already started.")
        if household.enquiry_date and day < household.enquiry_date:
            raise ValidationError({"day": "The assessment cannot start before the enquiry."})
        household.assessment_started_on = day
        return _save(household, before, by)


def close_enquiry(
    *,
    household: FosterHousehold,
    day: date,
    reason: str,
    detail: str,
    by: User,
    opened_version: int | None = None,
) -> FosterHousehold:
    """An enquiry or assessment ends before approval: the applicants withdrew, or the
    fostering service did not take it further. The household leaves the active list
    and stays on record with the day, the reason and what happened."""
    errors = {}
    if reason not in EnquiryClosure.values:
        errors["reason"] = (
            "Select whether the applicants withdrew or the service did not progress it"
        )
    if not detail.strip():
        errors["detail"] = "Enter what happened"
    if day > timezone.localdate():
        errors["day"] = "The enquiry cannot close on a day still to come"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        household, before = _locked(household, opened_version)
        if household.status != HouseholdStatus.IN_ASSESSMENT:
            raise ValidationError(
                "Only an enquiry not yet approved can be closed: "
                f"this household is {household.stage.lower()}."
            )
        latest = max(
            (
                d
                for d in (
                    household.enquiry_date,
                    household.assessment_started_on,
                    household.panel_date,
                )
                if d
            ),
            default=None,
        )
        if latest and day < latest:
            raise ValidationError(
                {"day": f"The enquiry cannot close before {latest:%-d %B %Y}, its last step."}
            )
        household.status, household.closed_on = HouseholdStatus.CLOSED, day
        household.closure_reason, household.closure_detail = reason, detail.strip()
        return _save(household, before, by)


def approve(
    *,
    household: FosterHousehold,
    panel_date: date,
    approval_date: date,
    approved_places: int,
    age_from: int,
    age_to: int,
    by: User,
    needs_met: list[str] = (),
    opened_version: int | None = None,
) -> FosterHousehold:
    """The panel recommends and the agency decision maker approves the household for a
    number of children in an age range, and the needs it can meet."""
    errors = {}
    # More than three places are terms of approval only: the children placed are held
    # to the usual fostering limit when placed (``limits.check_placement``).
    if approved_places < 1:
        errors["approved_places"] = "Approve at least 1 place"
    if not 0 <= age_from <= age_to <= 17:
        errors["age_to"] = "The age range runs from a younger to an older age, up to 17"
    if set(needs_met) - set(codesets.PLACEMENT_NEED.values):
        errors["needs_met"] = "Select needs from the list"
    if approval_date < panel_date:
        errors["approval_date"] = "The decision to approve cannot be before the panel"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        household, before = _locked(household, opened_version)
        if household.status != HouseholdStatus.IN_ASSESSMENT:
            raise ValidationError("This household is already approved or has left fostering.")
        started = household.assessment_started_on
        if started is None:
            raise ValidationError("Record the start of the assessment before the panel.")
        if panel_date < started:
            raise ValidationError({"panel_date": "The panel cannot be before the assessment."})
        household.panel_date, household.approval_date = panel_date, approval_date
        household.approved_places, household.age_from, household.age_to = (
            approved_places,
            age_from,
            age_to,
        )
        household.needs_met = sorted(set(needs_met))
        household.status = HouseholdStatus.APPROVED
        return _save(household, before, by)


def record_review(
    *, household: FosterHousehold, review_date: date, approval_continued: bool, by: User
) -> FosteringReview:
    """The annual review of the household's approval (regulation 28)."""
    with transaction.atomic():
        household = FosterHousehold.objects.select_for_update(of=("self",)).get(pk=household.pk)
        if household.status not in APPROVED:
            raise ValidationError("A household is reviewed only while it is approved.")
        review = FosteringReview(
            household=household, review_date=review_date, approval_continued=approval_continued
        )
        review.full_clean()
        review.save()
        record_event(
            by=by, instance=review, changes=changes(None, review), kind=ChangeEvent.Kind.CREATED
        )
    return review


def set_availability(
    *, household: FosterHousehold, taking_placements: bool, by: User, opened_version=None
) -> FosterHousehold:
    """An approved household takes placements (its vacancies show in placement search)
    or is on hold (none show)."""
    with transaction.atomic():
        household, before = _locked(household, opened_version)
        if household.status not in APPROVED:
            raise ValidationError("Only an approved household takes placements or is on hold.")
        household.status = (
            HouseholdStatus.APPROVED if taking_placements else HouseholdStatus.ON_HOLD
        )
        return _save(household, before, by)


def deregister(
    *, household: FosterHousehold, day: date, reason: str, by: User, opened_version=None
) -> FosterHousehold:
    """The household leaves fostering; refused while a child is placed with it."""
    if reason not in codesets.DEREGISTRATION_REASON.values:
        raise ValidationError({"reason": "Select why the household is deregistered"})
    with transaction.atomic():
        household, before = _locked(household, opened_version)
        if household.status not in APPROVED:
            raise ValidationError("Only an approved household can be deregistered.")
        if day < household.approval_date:
            raise ValidationError({"day": "A household cannot leave before it was approved."})
        if household.care_episodes.filter(end_date__isnull=True).exists():
            raise ValidationError(
                "A child is placed with this household: record their move before deregistering."
            )
        household.status, household.deregistered_on = HouseholdStatus.DEREGISTERED, day
        household.deregistration_reason = reason
        return _save(household, before, by)
