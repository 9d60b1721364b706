"""The front door: contacts about a child and the checks made before deciding on them.

A *contact* is any approach to children's social care about a child — a phone call
from a school, a police notification, a parent asking for help. The front door (or
MASH) decides within a working day whether it needs no further action, early help, or
a referral to social care; a referral opens a child in need episode
(``referrals.CINEpisode``, whose ``contact`` field links back here as
``contact.referral``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from kinfolio import codesets
from kinfolio.core.models import Recorded, Versioned, dates_in_order


class RAGRating(models.TextChoices):
    """The front door's first view of urgency, before the decision."""

    RED = "red", "Red: immediate risk of significant harm"
    AMBER = "amber", "Amber: concerns needing a same-day response"
    GREEN = "green", "Green: no immediate risk"


class InformedMethod(models.TextChoices):
    PHONE = "phone", "Telephone"
    EMAIL = "email", "Secure email"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    PORTAL = "portal", "Partner portal"


class Contact(Versioned, Recorded):
    """A contact about a child received by the front door, and the decision made on it.

    The referrer is told the outcome (Ofsted, 2012, found referrers often were not), unless
    they asked to stay anonymous. A partner referrer who signs in to Kinfolio is
    ``referred_by``: they see their own contacts and only what they were told of the
    outcome (``front_door.selectors.referrals_made_by``). ``decision_due_at`` is stored
    by the timescales engine when the contact is received; it is never recomputed here.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="contacts")
    received_at = models.DateTimeField("contact date and time")
    source = models.CharField(
        "referral source",
        max_length=codesets.REFERRAL_SOURCE.max_length,
        choices=codesets.REFERRAL_SOURCE.choices,
    )
    referrer_name = models.CharField(max_length=200, blank=True)
    referrer_agency = models.CharField(max_length=200, blank=True)
    referrer_role = models.CharField(max_length=200, blank=True)
    referrer_phone = models.CharField(max_length=40, blank=True)
    referrer_email = models.EmailField(blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_made",
        help_text="The signed-in partner referrer who made the contact, if any",
    )
    concern_summary = models.TextField()
    consent_obtained = models.BooleanField(
        null=True,
        blank=True,
        help_text="Whether the family consented to the contact being progressed; blank until asked",
    )
    referrer_anonymous = models.BooleanField(
        "referrer asked for anonymity",
        default=False,
        help_text="The referrer asked that the family is not told who made the contact",
    )
    anonymity_reason = models.TextField(blank=True)
    rag_rating = models.CharField("RAG rating", max_length=5, choices=RAGRating.choices, blank=True)
    decision_due_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(
        max_length=codesets.CONTACT_OUTCOME.max_length,
        choices=codesets.CONTACT_OUTCOME.choices,
        blank=True,
    )
    decided_at = models.DateTimeField("decision date and time", null=True, blank=True)
    decided_by = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decided_contacts",
    )
    referrer_informed_at = models.DateTimeField(null=True, blank=True)
    referrer_informed_method = models.CharField(
        max_length=10, choices=InformedMethod.choices, blank=True
    )
    referrer_informed_content = models.TextField("what the referrer was told", blank=True)

    class Meta:
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["child", "received_at"]),
            models.Index(fields=["received_at"]),  # contacts in a period (indicators)
            models.Index(
                fields=["decision_due_at"],
                condition=Q(decided_at__isnull=True),
                name="contact_awaiting_decision",
            ),
            models.Index(  # referrers not yet told, oldest decision first
                fields=["decided_at", "id"],
                condition=Q(decided_at__isnull=False, referrer_informed_at__isnull=True),
                name="contact_referrer_to_tell",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_at__isnull=True) | Q(decided_at__gte=F("received_at")),
                name="contact_decided_after_received",
                violation_error_message="The decision cannot be before the contact was received.",
            ),
            models.CheckConstraint(
                condition=Q(decision="", decided_at__isnull=True, decided_by__isnull=True)
                | (~Q(decision="") & Q(decided_at__isnull=False, decided_by__isnull=False)),
                name="contact_decision_complete",
                violation_error_message="A decision needs its outcome, date and time, and "
                "the worker who made it.",
            ),
            models.CheckConstraint(
                condition=Q(referrer_anonymous=False) | ~Q(anonymity_reason=""),
                name="contact_anonymity_has_reason",
                violation_error_message="Enter why the referrer asked to stay anonymous.",
            ),
            models.CheckConstraint(
                condition=Q(referrer_informed_at__isnull=True)
                | Q(decided_at__isnull=False, referrer_informed_at__gte=F("decided_at")),
                name="contact_referrer_informed_after_decision",
                violation_error_message="The referrer can only be told the outcome after "
                "the decision.",
            ),
            models.CheckConstraint(
                condition=Q(referrer_informed_at__isnull=True, referrer_informed_method="")
                | Q(referrer_informed_at__isnull=False) & ~Q(referrer_informed_method=""),
                name="contact_referrer_informed_how",
                violation_error_message="Record both when and how the referrer was told "
                "the outcome.",
            ),
        ]

    def __str__(self) -> str:
        return f"Contact about {self.child} on {self.received_at:%d %b %Y %H:%M}"

    @property
    def is_decided(self) -> bool:
        return self.decided_at is not None


class PartnerCheck(Recorded):
    """A check with a partner agency (police, health, school…) to inform the decision."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="partner_checks")
    agency = models.CharField(
        max_length=codesets.CONTACT_SOURCE_AGENCY.max_length,
        choices=codesets.CONTACT_SOURCE_AGENCY.choices,
    )
    requested_date = models.DateField()
    response_date = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["requested_date", "pk"]
        indexes = [models.Index(fields=["contact", "requested_date"])]
        constraints = [
            dates_in_order("requested_date", "response_date", "partner_check_dates_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.get_agency_display()} check for {self.contact}"

    def clean(self) -> None:
        if (
            self.contact_id
            and self.requested_date
            and (self.requested_date < received_on(self.contact))
        ):
            raise ValidationError(
                {
                    "requested_date": "A partner check cannot be requested before the contact "
                    "was received."
                }
            )


def received_on(contact: Contact):
    """The local (UK) calendar date a contact was received."""
    return timezone.localtime(contact.received_at).date()


class OnlineReferral(Recorded):
    """A contact a partner referrer sent through the partner portal, waiting for the
    front door to record it as a ``Contact`` about a child (matched to a child already
    known, or a new one). The partner never sees any record: only what they sent and,
    later, what they were told (``front_door.selectors.referrals_made_by``)."""

    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="online_referrals"
    )
    submitted_at = models.DateTimeField()
    source = models.CharField(
        "referral source",
        max_length=codesets.REFERRAL_SOURCE.max_length,
        choices=codesets.REFERRAL_SOURCE.choices,
    )
    referrer_role = models.CharField(max_length=200)
    referrer_phone = models.CharField(max_length=40)
    child_given_name = models.CharField("child's first name", max_length=100)
    child_family_name = models.CharField("child's last name", max_length=100)
    child_date_of_birth = models.DateField("child's date of birth")
    child_nhs_number = models.CharField("child's NHS number", max_length=10, blank=True)
    child_address = models.TextField("child's address", blank=True)
    concern_summary = models.TextField("what you are worried about")
    consent_obtained = models.BooleanField("the family agreed to the referral")
    referrer_anonymous = models.BooleanField("referrer asked for anonymity", default=False)
    anonymity_reason = models.TextField(blank=True)
    contact = models.OneToOneField(
        Contact,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="online_referral",
        help_text="The contact the front door recorded from it",
    )

    class Meta:
        ordering = ["submitted_at", "pk"]
        indexes = [
            models.Index(
                fields=["submitted_at"],
                condition=Q(contact__isnull=True),
                name="online_referral_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"Online referral about {self.child_given_name} {self.child_family_name}"
