"""A looked after child's adoption: the agency decision maker's decision, the placement
order, the match, the placement, the adoption order, or the decision that the child
should no longer be placed for adoption (with its RD reason). The order of the dates
and who may be matched are the model's rules (its constraints and ``clean``), checked
whole before anything is saved."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio.accounts.models import User
from kinfolio.adoption.models import AdopterHousehold, AdoptionPlan
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.core.versions import guard_version
from kinfolio.people.models import Person


def record_decision(*, child: Person, day: date, by: User) -> AdoptionPlan:
    """The agency decision maker decides the child should be placed for adoption."""
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=child.pk)  # one live plan at a time
        plan = AdoptionPlan(child=child, adm_decision_date=day)
        plan.full_clean()
        plan.save()
        record_event(
            by=by,
            instance=plan,
            child=child,
            changes=changes(None, plan),
            kind=ChangeEvent.Kind.CREATED,
        )
    return plan


def _change(plan: AdoptionPlan, opened_version: int | None, by: User, **values) -> AdoptionPlan:
    with transaction.atomic():
        plan = AdoptionPlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
        if plan.adoption_order_date or plan.decision_reversed_date:
            raise ValidationError("This adoption plan has ended.")
        for name in values:
            if name.endswith("_date") and getattr(plan, name) is not None:
                raise ValidationError({name: "This step is already recorded."})
        before = snapshot(plan)
        guard_version(instance=plan, opened_version=opened_version)
        for name, value in values.items():
            setattr(plan, name, value)
        plan.full_clean()
        plan.save()
        record_event(by=by, instance=plan, child=plan.child, changes=changes(before, plan))
    return plan


def record_placement_order(
    *, plan: AdoptionPlan, day: date, by: User, opened_version: int | None = None
) -> AdoptionPlan:
    return _change(plan, opened_version, by, placement_order_date=day)


def record_match(
    *,
    plan: AdoptionPlan,
    day: date,
    adopters: AdopterHousehold,
    adopted_by_foster_carer: bool,
    by: User,
    opened_version: int | None = None,
) -> AdoptionPlan:
    """The child is matched with approved adopters (who have not left the process)."""
    if adopters.deregistered_on and adopters.deregistered_on <= day:
        raise ValidationError({"adopters": "These adopters had left the process by then."})
    return _change(
        plan,
        opened_version,
        by,
        matched_date=day,
        adopters=adopters,
        adopted_by_foster_carer=adopted_by_foster_carer,
    )


def record_placed(
    *, plan: AdoptionPlan, day: date, by: User, opened_version: int | None = None
) -> AdoptionPlan:
    return _change(plan, opened_version, by, placed_date=day)


def record_adoption_order(
    *, plan: AdoptionPlan, day: date, by: User, opened_version: int | None = None
) -> AdoptionPlan:
    return _change(plan, opened_version, by, adoption_order_date=day)


def reverse_decision(
    *, plan: AdoptionPlan, day: date, reason: str, by: User, opened_version: int | None = None
) -> AdoptionPlan:
    """The child should no longer be placed for adoption (REASON_PLACED_CEASED, RD1-RD4)."""
    if not reason:
        raise ValidationError({"reason": "Select why the child should no longer be placed"})
    return _change(
        plan, opened_version, by, decision_reversed_date=day, reason_placed_ceased=reason
    )
