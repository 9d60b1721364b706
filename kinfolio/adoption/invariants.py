from django.db.models import Exists, F, OuterRef, Q

from kinfolio.adoption.models import AdoptionPlan, PreviousPermanence
from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare

ADOPTED = ("E11", "E12")  # REASON_EPISODE_CEASED


def adm_decisions_made_while_looked_after() -> list[str]:
    looked_after = PeriodOfCare.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("adm_decision_date")),
        child=OuterRef("child"),
        start_date__lte=OuterRef("adm_decision_date"),
    )
    wrong = AdoptionPlan.objects.filter(~Exists(looked_after))
    return [
        f"adoption plan {a.pk}: decision made when the child was not looked after" for a in wrong
    ]


def adopters_approved_before_the_match() -> list[str]:
    wrong = AdoptionPlan.objects.filter(matched_date__isnull=False).filter(
        Q(adopters__approval_date__isnull=True) | Q(adopters__approval_date__gt=F("matched_date"))
    )
    return [f"adoption plan {a.pk}: matched with adopters not yet approved" for a in wrong]


def adoption_orders_end_the_period_of_care() -> list[str]:
    """An adoption order ends the child's care: an episode ends that day with E11 or E12."""
    adopted = CareEpisode.objects.filter(
        period__child=OuterRef("child"),
        end_date=OuterRef("adoption_order_date"),
        reason_ceased__in=ADOPTED,
    )
    wrong = AdoptionPlan.objects.filter(adoption_order_date__isnull=False).filter(~Exists(adopted))
    return [f"adoption plan {a.pk}: no episode ends with adoption on the order date" for a in wrong]


def previous_permanence_after_birth() -> list[str]:
    wrong = PreviousPermanence.objects.filter(order_date__lt=F("child__date_of_birth"))
    return [f"previous permanence {p.pk} dated before the child's birth" for p in wrong]


CHECKS = [
    adm_decisions_made_while_looked_after,
    adopters_approved_before_the_match,
    adoption_orders_end_the_period_of_care,
    previous_permanence_after_birth,
]
