from django.db.models import F

from kinfolio.lado.models import Allegation


def allegations_about_a_child_after_their_birth() -> list[str]:
    wrong = Allegation.objects.filter(received_on__lt=F("child__date_of_birth"))
    return [f"allegation {a.pk} received before the child was born" for a in wrong]


CHECKS = [allegations_about_a_child_after_their_birth]
