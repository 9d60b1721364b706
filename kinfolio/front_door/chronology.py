from django.db.models.functions import TruncDate

from kinfolio import codesets
from kinfolio.chronology.events import Lines
from kinfolio.front_door.models import Contact, PartnerCheck

LINES = [
    Lines(
        "Contact",
        Contact,
        TruncDate("received_at"),
        lambda c: f"Contact from {codesets.REFERRAL_SOURCE.label(c.source)}",
        lambda c: c.concern_summary,
        reads=("source", "concern_summary"),
    ),
    Lines(
        "Contact",
        Contact,
        TruncDate("decided_at"),
        lambda c: f"Contact decision: {c.get_decision_display()}",
        reads=("decision",),
    ),
    Lines(
        "Contact",
        Contact,
        TruncDate("referrer_informed_at"),
        "Referrer told the outcome",
        lambda c: c.referrer_informed_content,
        reads=("referrer_informed_content",),
    ),
    Lines(
        "Contact",
        PartnerCheck,
        "requested_date",
        lambda c: f"{c.get_agency_display()} check requested",
        reads=("agency",),
        child="contact__child",
    ),
    Lines(
        "Contact",
        PartnerCheck,
        "response_date",
        lambda c: f"{c.get_agency_display()} check returned",
        lambda c: c.summary,
        reads=("agency", "summary"),
        child="contact__child",
    ),
]
