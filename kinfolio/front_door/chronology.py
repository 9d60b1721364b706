from collections.abc import Iterator

from django.utils import timezone

from kinfolio import codesets
from kinfolio.chronology.events import ChronologyEvent
from kinfolio.front_door.models import Contact, PartnerCheck
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    for contact in Contact.objects.filter(child=child):
        source = f"front_door.contact:{contact.pk}"
        yield ChronologyEvent(
            timezone.localtime(contact.received_at).date(),
            "Contact",
            f"Contact from {codesets.REFERRAL_SOURCE.label(contact.source)}",
            contact.concern_summary,
            source=source,
        )
        if contact.decided_at:
            yield ChronologyEvent(
                timezone.localtime(contact.decided_at).date(),
                "Contact",
                f"Contact decision: {contact.get_decision_display()}",
                source=source,
            )
        if contact.referrer_informed_at:
            yield ChronologyEvent(
                timezone.localtime(contact.referrer_informed_at).date(),
                "Contact",
                "Referrer told the outcome",
                contact.referrer_informed_content,
                source=source,
            )
    for check in PartnerCheck.objects.filter(contact__child=child):
        source = f"front_door.partnercheck:{check.pk}"
        yield ChronologyEvent(
            check.requested_date,
            "Contact",
            f"{check.get_agency_display()} check requested",
            source=source,
        )
        if check.response_date:
            yield ChronologyEvent(
                check.response_date,
                "Contact",
                f"{check.get_agency_display()} check returned",
                check.summary,
                source=source,
            )
