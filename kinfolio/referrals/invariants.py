from django.db.models import F, Q, QuerySet
from django.db.models.functions import TruncDate

from kinfolio.core.invariants import overlapping
from kinfolio.referrals.models import REFERRAL, CINEpisode, CINPlan, CINPlanReview


def outside_episode(model, *, start: str, end: str | None = None) -> QuerySet:
    """Rows of a model with ``child`` and ``cin_episode`` that are for another child than
    their episode, or do not lie within it (an open episode runs for ever)."""
    closed = Q(cin_episode__close_date__isnull=False)
    wrong = (
        ~Q(child=F("cin_episode__child"))
        | Q(**{f"{start}__lt": F("cin_episode__referral_date")})
        | closed & Q(**{f"{start}__gt": F("cin_episode__close_date")})
    )
    if end:
        wrong |= closed & (
            Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": F("cin_episode__close_date")})
        )
    return model.objects.filter(wrong)


def report(rows, problem: str) -> list[str]:
    return [f"{row._meta.verbose_name} {row.pk}: {problem}" for row in rows.only("pk")]


def cin_episodes_do_not_overlap() -> list[str]:
    return overlapping(CINEpisode, partition="child", start="referral_date", end="close_date")


def referrals_follow_their_contact() -> list[str]:
    wrong = CINEpisode.objects.filter(contact__isnull=False).filter(
        ~Q(child=F("contact__child"))
        | ~Q(contact__decision=REFERRAL)
        | Q(referral_date__lt=TruncDate("contact__received_at"))
    )
    return report(
        wrong,
        "not a referral decision on a contact about the same child, on or before the referral date",
    )


def cin_plans_within_their_episode() -> list[str]:
    return report(
        outside_episode(CINPlan, start="start_date", end="end_date"),
        "outside its child in need episode",
    )


def cin_plans_do_not_overlap() -> list[str]:
    return overlapping(CINPlan, partition="child")


def cin_plan_reviews_while_plan_open() -> list[str]:
    wrong = CINPlanReview.objects.filter(
        Q(review_date__lt=F("plan__start_date")) | Q(review_date__gt=F("plan__end_date"))
    )
    return report(wrong, "review outside the plan's dates")


CHECKS = [
    cin_episodes_do_not_overlap,
    referrals_follow_their_contact,
    cin_plans_within_their_episode,
    cin_plans_do_not_overlap,
    cin_plan_reviews_while_plan_open,
]
