"""Adopters through the adoption process, step by step as Ofsted's Annex A list 11
records them: enquiry, stage 1, stage 2, application, approval; matched, placed and
the adoption order come from the children's adoption plans; leaving the process."""

from datetime import date
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio import codesets
from kinfolio.accounts.models import User
from kinfolio.adoption.models import ADOPTER_STEPS, AdopterHousehold
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.core.versions import guard_version
from kinfolio.postcodes.models import normalise_postcode


def record_enquiry(
    *,
    adopters: str,
    number_of_adopters: int,
    sex_of_adopters: str,
    legal_status: str,
    postcode: str,
    enquiry_date: date,
    by: User,
) -> AdopterHousehold:
    """Someone asks to adopt: the adopters' record, at the enquiry."""
    errors = {}
    if not adopters.strip():
        errors["adopters"] = "Enter the names of the people who want to adopt"
    if not normalise_postcode(postcode):
        errors["postcode"] = "Enter a real postcode, like MK9 3EJ"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        household = AdopterHousehold(
            reference=f"new-{uuid4().hex[:16]}",
            adopters=adopters.strip(),
            number_of_adopters=number_of_adopters,
            sex_of_adopters=sex_of_adopters,
            legal_status=legal_status,
            postcode=normalise_postcode(postcode),
            enquiry_date=enquiry_date,
        )
        household.full_clean(exclude=["reference"])
        household.save()
        # The reference follows the row's own number, so two enquiries never share one.
        household.reference = f"AE{household.pk:06d}"
        household.save(update_fields=["reference"])
        record_event(
            by=by,
            instance=household,
            changes=changes(None, household),
            kind=ChangeEvent.Kind.CREATED,
        )
    return household


def next_step(household: AdopterHousehold) -> tuple[str, str] | None:
    """The next step of the process to record (field, label); None when approved or gone."""
    if household.deregistered_on:
        return None
    return next(((f, label) for f, label in ADOPTER_STEPS if getattr(household, f) is None), None)


def record_step(
    *, household: AdopterHousehold, day: date, by: User, opened_version: int | None = None
) -> AdopterHousehold:
    """The next step of the process happened on ``day`` (never before the last one)."""
    with transaction.atomic():
        household = AdopterHousehold.objects.select_for_update().get(pk=household.pk)
        step = next_step(household)
        if step is None:
            raise ValidationError("These adopters are approved or have left the process.")
        done = [getattr(household, f) for f, _ in ADOPTER_STEPS if getattr(household, f)]
        if done and day < max(done):
            raise ValidationError({"day": f"{step[1]} cannot be before the step before it."})
        before = snapshot(household)
        guard_version(instance=household, opened_version=opened_version)
        setattr(household, step[0], day)
        household.full_clean()
        household.save()
        record_event(by=by, instance=household, changes=changes(before, household))
    return household


def leave_process(
    *,
    household: AdopterHousehold,
    day: date,
    reason: str,
    by: User,
    opened_version: int | None = None,
) -> AdopterHousehold:
    """The adopters leave the process; refused while a child is placed with them and
    not yet adopted."""
    if reason not in codesets.ADOPTER_LEAVING_REASON.values:
        raise ValidationError({"reason": "Select why the adopters left the process"})
    with transaction.atomic():
        household = AdopterHousehold.objects.select_for_update().get(pk=household.pk)
        if household.deregistered_on:
            raise ValidationError("These adopters have already left the process.")
        started = [getattr(household, f) for f, _ in ADOPTER_STEPS if getattr(household, f)]
        if started and day < max(started):
            raise ValidationError({"day": "They cannot leave before the last step recorded."})
        placed = household.adoption_plans.filter(
            placed_date__isnull=False,
            adoption_order_date__isnull=True,
            decision_reversed_date__isnull=True,
        )
        if placed.exists():
            raise ValidationError(
                "A child is placed with these adopters: record the adoption order or the "
                "end of the placement first."
            )
        before = snapshot(household)
        guard_version(instance=household, opened_version=opened_version)
        household.deregistered_on, household.leaving_reason = day, reason
        household.full_clean()
        household.save()
        record_event(by=by, instance=household, changes=changes(before, household))
    return household
