from django.db.models import F, Q

from kinfolio.core.invariants import overlapping
from kinfolio.early_help.models import EarlyHelpEpisode, EarlyHelpReview


def early_help_episodes_do_not_overlap() -> list[str]:
    return overlapping(EarlyHelpEpisode, partition="child")


def steps_up_and_down_are_for_the_same_child_in_order() -> list[str]:
    wrong = EarlyHelpEpisode.objects.filter(
        Q(stepped_up_to__isnull=False)
        & (
            ~Q(child=F("stepped_up_to__child"))
            | Q(stepped_up_to__referral_date__lt=F("start_date"))
        )
        | Q(stepped_down_from__isnull=False)
        & (
            ~Q(child=F("stepped_down_from__child"))
            | Q(start_date__lt=F("stepped_down_from__referral_date"))
        )
    )
    return [
        f"early help episode {pk}: step up or step down to another child or out of order"
        for pk in wrong.values_list("pk", flat=True)
    ]


def early_help_reviews_while_open() -> list[str]:
    wrong = EarlyHelpReview.objects.filter(
        Q(review_date__lt=F("episode__start_date")) | Q(review_date__gt=F("episode__end_date"))
    )
    return [
        f"early help review {pk}: outside its episode" for pk in wrong.values_list("pk", flat=True)
    ]


CHECKS = [
    early_help_episodes_do_not_overlap,
    steps_up_and_down_are_for_the_same_child_in_order,
    early_help_reviews_while_open,
]
