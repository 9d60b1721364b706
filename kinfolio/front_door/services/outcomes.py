"""Telling the referrer the outcome: the message is composed from the decision, sent
(Django's e-mail backend; the console in the demo) once the decision is saved, and
recorded with its time and content. The 2012 inspection found feedback to referrers
"frequently delayed" (Ofsted, 2012): ``front_door.queue.referrers_not_told`` lists who
is still waiting.
"""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from kinfolio.core.writes import edit_record
from kinfolio.front_door.models import Contact, InformedMethod

# What the referrer is told for each decision: enough to know what happens next,
# nothing from the child's record.
OUTCOME_WORDS = {
    "no_further_action": "we have decided that children's social care will take no further "
    "action. If you are worried about the child again, contact us again",
    "advice_information": "we have given advice and information to the family",
    "early_help": "we have offered the family early help",
    "referral": "it has been referred to children's social care for an assessment",
    "already_open": "the child is already known to children's social care; we have passed "
    "your information to their social worker",
    "strategy_discussion": "we are holding a strategy discussion with the police and health, "
    "and may contact you for more information",
}


def compose_outcome(contact: Contact) -> str:
    """The outcome message for the referrer, from the decision."""
    name = contact.referrer_name or "colleague"
    child = contact.child.given_name or "the child"
    received = timezone.localtime(contact.received_at)
    return (
        f"Dear {name},\n\nThank you for contacting children's services on "
        f"{received:%-d %B %Y} about {child}. Having considered what you told us, "
        f"{OUTCOME_WORDS[contact.decision]}.\n\nThe front door team"
    )


def tell_referrer(
    *, contact: Contact, method: str, content: str, opened_version: int | None, by
) -> Contact:
    """Record that the referrer was told, and send the message by e-mail when that is
    how they are told (to the e-mail they gave, or their portal account's)."""
    errors = {}
    if method not in InformedMethod.values:
        errors["method"] = "Select how the referrer was told"
    if not (content or "").strip():
        errors["content"] = "Enter what the referrer was told"
    address = contact.referrer_email or (contact.referred_by.email if contact.referred_by else "")
    if method == InformedMethod.EMAIL and not address:
        errors["method"] = "The referrer gave no e-mail address: choose another way"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if contact.decided_at is None:
            raise ValidationError("Decide on the contact before telling the referrer")
        if contact.referrer_informed_at is not None:
            raise ValidationError("The referrer has already been told the outcome")
        with edit_record(
            instance=contact, by=by, opened_version=opened_version, child=contact.child
        ) as row:
            row.referrer_informed_at = timezone.now()
            row.referrer_informed_method = method
            row.referrer_informed_content = content.strip()
        if method in (InformedMethod.EMAIL, InformedMethod.PORTAL) and address:
            transaction.on_commit(
                partial(
                    send_mail,
                    "The outcome of your referral",
                    content.strip(),
                    settings.DEFAULT_FROM_EMAIL,
                    [address],
                )
            )
    return contact
