"""Missing and away episodes with their return home interviews, and UASC status.

Inspectors found missing episodes "not accurately recorded" (Ofsted, 2012): each
episode has a start, a return, and a return home interview offered within 72 hours
of the return (the timescales engine's ``return_interview_72h``), accepted or not.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio import codesets
from kinfolio.accounts.models import User
from kinfolio.audit.services.history import snapshot
from kinfolio.children_in_care.models import MissingEpisode, PeriodOfCare, UASCStatus
from kinfolio.children_in_care.services import records
from kinfolio.people.models import Person
from kinfolio.timescales.services import due_date


def _not_future(day: date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: f"The {what} must be today or in the past"})


def record_missing(
    *, child: Person, missing_type: str, start_date: date, by: User
) -> MissingEpisode:
    """The child went missing (whereabouts unknown) or was away without authorisation."""
    if missing_type not in codesets.MISSING_TYPE:
        raise ValidationError({"missing_type": "Select whether the child was missing or away"})
    _not_future(start_date, "start_date", "date they went missing")
    with transaction.atomic():
        if MissingEpisode.objects.select_for_update().filter(child=child, end_date__isnull=True):
            raise ValidationError("This child is already recorded as missing or away.")
        period = PeriodOfCare.objects.filter(child=child).covering(start_date).first()
        episode = MissingEpisode(
            child=child, period=period, missing_type=missing_type, start_date=start_date
        )
        return records.add(episode, child=child, by=by)


def record_return(*, episode: MissingEpisode, end_date: date, by: User) -> MissingEpisode:
    """The child came back on ``end_date``: the return home interview falls due."""
    _not_future(end_date, "end_date", "date they came back")
    with transaction.atomic():
        row = MissingEpisode.objects.select_for_update(of=("self",)).get(pk=episode.pk)
        if row.end_date is not None:
            raise ValidationError("The child's return is already recorded.")
        if end_date < row.start_date:
            raise ValidationError(
                {"end_date": "The date they came back must be on or after the day they went"}
            )
        before = snapshot(row)
        row.end_date = end_date
        row.return_interview_due_date = due_date("return_interview_72h", end_date)
        return records.change(row, before, child=row.child, by=by)


def record_return_interview(
    *, episode: MissingEpisode, offered_on: date, accepted: bool, by: User
) -> MissingEpisode:
    """The return home interview was offered on ``offered_on`` and accepted or not."""
    _not_future(offered_on, "offered_on", "date the interview was offered")
    with transaction.atomic():
        row = MissingEpisode.objects.select_for_update(of=("self",)).get(pk=episode.pk)
        if row.end_date is None:
            raise ValidationError("Record the child's return before the return interview.")
        if row.return_interview_offered_on is not None:
            raise ValidationError("The return interview offer is already recorded.")
        if offered_on < row.end_date:
            raise ValidationError(
                {"offered_on": "The interview cannot be offered before the child came back"}
            )
        before = snapshot(row)
        row.return_interview_offered_on = offered_on
        row.return_interview_accepted = accepted
        return records.change(row, before, child=row.child, by=by)


def start_uasc(*, child: Person, start_date: date, by: User) -> UASCStatus:
    """The child is an unaccompanied asylum-seeking child from ``start_date``."""
    _not_future(start_date, "start_date", "date")
    with transaction.atomic():
        if UASCStatus.objects.select_for_update().filter(child=child, end_date__isnull=True):
            raise ValidationError("This child already has a current UASC status.")
        return records.add(UASCStatus(child=child, start_date=start_date), child=child, by=by)


def end_uasc(*, status: UASCStatus, end_date: date, by: User) -> UASCStatus:
    """UASC status ceased (SSDA903 DUC), for example on leave to remain or at 18."""
    _not_future(end_date, "end_date", "date UASC status ceased")
    with transaction.atomic():
        row = UASCStatus.objects.select_for_update(of=("self",)).get(pk=status.pk)
        if row.end_date is not None:
            raise ValidationError("This UASC status has already ended.")
        if end_date < row.start_date:
            raise ValidationError(
                {"end_date": "The date UASC status ceased must be on or after it started"}
            )
        before = snapshot(row)
        row.end_date = end_date
        return records.change(row, before, child=row.child, by=by)
