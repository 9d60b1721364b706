from django.db.models import F, Q

from kinfolio.casework.models import Visit


def visits_under_a_plan_are_during_it() -> list[str]:
    wrong = Visit.objects.filter(
        Q(cin_plan__isnull=False)
        & (
            ~Q(child=F("cin_plan__child"))
            | Q(visit_date__lt=F("cin_plan__start_date"))
            | Q(visit_date__gt=F("cin_plan__end_date"))
        )
        | Q(cp_plan__isnull=False)
        & (
            ~Q(child=F("cp_plan__child"))
            | Q(visit_date__lt=F("cp_plan__start_date"))
            | Q(visit_date__gt=F("cp_plan__end_date"))
        )
    )
    return [
        f"visit {pk}: under a plan for another child, or outside the plan's dates"
        for pk in wrong.values_list("pk", flat=True)
    ]


CHECKS = [visits_under_a_plan_are_during_it]
