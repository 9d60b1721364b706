"""Health and education of a looked after child: health assessments, dental checks,
immunisations, SDQ scores, personal education plans and contacts with the virtual
school (SSDA903 OC2; PEP guidance).

Each is recorded on a day the child was looked after, never a day still to come.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio import codesets
from kinfolio.accounts.models import User
from kinfolio.audit.services.history import snapshot
from kinfolio.children_in_care.models import (
    DentalCheck,
    HealthAssessment,
    Immunisations,
    PeriodOfCare,
    PersonalEducationPlan,
    SDQScore,
    VirtualSchoolContact,
)
from kinfolio.children_in_care.models.base import clean_while_looked_after
from kinfolio.children_in_care.record import (
    HEALTH_ASSESSMENT_RULES,
    health_assessments_due,
    next_pep_due,
)
from kinfolio.children_in_care.services import records
from kinfolio.people.models import Person


def _check_day(child: Person, day: date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: f"The date of the {what} must be today or in the past"})
    clean_while_looked_after(child_id=child.pk, day=day, field=field, what=what)


def record_health_assessment(
    *, child: Person, kind: str, assessment_date: date, by: User
) -> HealthAssessment:
    """An initial or review health assessment done on ``assessment_date``; the initial
    one once per period of care. Its due date is stored with it: the one the timescales
    engine gave for that kind of assessment, running when it was done. An assessment
    already booked (a due date with no date done) is the one filled in."""
    if kind not in codesets.HEALTH_ASSESSMENT_TYPE:
        raise ValidationError({"kind": "Select the kind of health assessment"})
    _check_day(child, assessment_date, "assessment_date", "health assessment")
    with transaction.atomic():
        period = PeriodOfCare.objects.filter(child=child).covering(assessment_date).get()
        if (
            kind == "initial"
            and child.health_assessments.filter(
                kind="initial", assessment_date__gte=period.start_date
            ).exists()
        ):
            raise ValidationError(
                {"kind": "This period of care already has an initial health assessment"}
            )
        due = next(
            (
                clock.due_on
                for clock in health_assessments_due(child)
                if clock.rule.key in HEALTH_ASSESSMENT_RULES[kind]
                and clock.started_on <= assessment_date
            ),
            None,
        )
        booked = (
            child.health_assessments.select_for_update()
            .filter(kind=kind, assessment_date__isnull=True, due_date__gte=period.start_date)
            .order_by("due_date")
            .first()
        )
        if booked is None:
            assessment = HealthAssessment(
                child=child, kind=kind, due_date=due, assessment_date=assessment_date
            )
            return records.add(assessment, child=child, by=by)
        before = snapshot(booked)
        booked.assessment_date = assessment_date
        booked.due_date = due or booked.due_date
        return records.change(booked, before, child=child, by=by)


def record_dental_check(*, child: Person, check_date: date, by: User) -> DentalCheck:
    _check_day(child, check_date, "check_date", "dental check")
    with transaction.atomic():
        return records.add(DentalCheck(child=child, check_date=check_date), child=child, by=by)


def record_immunisations(
    *, child: Person, checked_on: date, up_to_date: bool, by: User
) -> Immunisations:
    _check_day(child, checked_on, "checked_on", "immunisations check")
    with transaction.atomic():
        check = Immunisations(child=child, checked_on=checked_on, up_to_date=up_to_date)
        return records.add(check, child=child, by=by)


def record_sdq(
    *,
    child: Person,
    completed_date: date,
    score: int | None,
    reason_not_completed: str,
    by: User,
) -> SDQScore:
    """A strengths and difficulties questionnaire: its total (0 to 40) or, when none was
    completed, the SSDA903 reason; one or the other."""
    if (score is None) == (not reason_not_completed):
        raise ValidationError(
            {"score": "Enter the total score, or select why the questionnaire was not completed"}
        )
    if score is not None and not 0 <= score <= 40:
        raise ValidationError({"score": "The total score must be between 0 and 40"})
    _check_day(child, completed_date, "completed_date", "questionnaire")
    with transaction.atomic():
        sdq = SDQScore(
            child=child,
            completed_date=completed_date,
            score=score,
            reason_not_completed=reason_not_completed,
        )
        return records.add(sdq, child=child, by=by)


def record_pep(*, child: Person, pep_date: date, by: User) -> PersonalEducationPlan:
    """A PEP agreed on ``pep_date``. Its due date is the one the child's record showed
    (20 school days into care, then each term); where term dates did not reach, the
    day it was agreed."""
    _check_day(child, pep_date, "pep_date", "personal education plan")
    with transaction.atomic():
        period = PeriodOfCare.objects.filter(child=child).covering(pep_date).get()
        earlier = list(period.personal_education_plans.filter(pep_date__lt=pep_date))
        due = next_pep_due(period, earlier).due or pep_date
        pep = PersonalEducationPlan(child=child, period=period, due_date=due, pep_date=pep_date)
        return records.add(pep, child=child, by=by)


def record_virtual_school_contact(
    *,
    child: Person,
    contact_date: date,
    role: str,
    contact_name: str,
    purpose: str,
    outcome: str,
    by: User,
) -> VirtualSchoolContact:
    """A contact with the virtual school about the child, on a day they were looked
    after: with whom (the head or a named adviser), its purpose and its outcome."""
    if role not in VirtualSchoolContact.Role.values:
        raise ValidationError({"role": "Select who at the virtual school the contact was with"})
    answers = {"contact_name": contact_name, "purpose": purpose, "outcome": outcome}
    missing = {
        "contact_name": "Enter the name of the person at the virtual school",
        "purpose": "Enter what the contact was about",
        "outcome": "Enter what came of the contact",
    }
    blank = {field: message for field, message in missing.items() if not answers[field].strip()}
    if blank:
        raise ValidationError(blank)
    _check_day(child, contact_date, "contact_date", "virtual school contact")
    with transaction.atomic():
        period = PeriodOfCare.objects.filter(child=child).covering(contact_date).get()
        contact = VirtualSchoolContact(
            child=child,
            period=period,
            contact_date=contact_date,
            role=role,
            **{field: value.strip() for field, value in answers.items()},
        )
        return records.add(contact, child=child, by=by)
