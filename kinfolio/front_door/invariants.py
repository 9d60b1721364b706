from django.db.models.functions import TruncDate

from kinfolio.front_door.models import Contact, PartnerCheck

REFERRAL = "referral"


def partner_checks_after_contact() -> list[str]:
    wrong = PartnerCheck.objects.filter(requested_date__lt=TruncDate("contact__received_at"))
    return [
        f"partner check {pk}: requested before its contact"
        for pk in wrong.values_list("pk", flat=True)
    ]


def referral_decisions_opened_a_referral() -> list[str]:
    wrong = Contact.objects.filter(decision=REFERRAL, referral__isnull=True)
    return [
        f"contact {pk}: decided as a referral but no referral was opened"
        for pk in wrong.values_list("pk", flat=True)
    ]


CHECKS = [partner_checks_after_contact, referral_decisions_opened_a_referral]
