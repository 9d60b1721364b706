from django.db.models import F

from kinfolio.core.invariants import overlapping
from kinfolio.people.models import Address, Person, Relationship


def addresses_do_not_overlap() -> list[str]:
    return overlapping(Address, partition="person")


def children_have_birth_or_expected_date() -> list[str]:
    missing = Person.objects.filter(
        is_child_subject=True, date_of_birth__isnull=True, expected_date_of_birth__isnull=True
    )
    return [f"child {p.local_id} has neither date of birth nor expected date" for p in missing]


def parents_older_than_children() -> list[str]:
    """A parent born after their child is a data error, however the record was made."""
    wrong = Relationship.objects.filter(
        relationship_type__in=["mother", "father"],
        person__date_of_birth__gte=F("other__date_of_birth"),
    )
    return [f"relationship {r.pk}: parent not older than child" for r in wrong]


CHECKS = [
    addresses_do_not_overlap,
    children_have_birth_or_expected_date,
    parents_older_than_children,
]
