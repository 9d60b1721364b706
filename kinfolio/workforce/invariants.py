from django.db.models import F, Q

from kinfolio.core.invariants import overlapping
from kinfolio.workforce.models import Allocation


def allocations_in_a_role_do_not_overlap() -> list[str]:
    return overlapping(Allocation, partition=("child", "role"))


def allocated_workers_were_in_post() -> list[str]:
    # A worker who has given a leaving date may still hold children: they are on the
    # team's reallocation list (workforce.team_selectors) until each has a new worker.
    wrong = Allocation.objects.filter(
        Q(start_date__lt=F("worker__start_date"))
        | Q(start_date__gte=F("worker__end_date"))
        | Q(end_date__gt=F("worker__end_date"))
    )
    return [f"allocation {a.pk} outside its worker's time in post" for a in wrong]


CHECKS = [allocations_in_a_role_do_not_overlap, allocated_workers_were_in_post]
