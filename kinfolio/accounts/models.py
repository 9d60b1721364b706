from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    """The jobs people do in children's services; what each may do is decided by policy."""

    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    IRO = "iro", "Independent reviewing officer / conference chair"
    MASH_WORKER = "mash_worker", "MASH / front door worker"
    EARLY_HELP_WORKER = "early_help_worker", "Early help worker"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    FOSTERING_ADOPTION_WORKER = "fostering_adoption_worker", "Fostering and adoption social worker"
    LADO = "lado", "Local authority designated officer (LADO)"
    BUSINESS_SUPPORT = "business_support", "Business support"
    SERVICE_MANAGER = "service_manager", "Service manager / head of service"
    DIRECTOR = "director", "Director of children's services"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    PARTNER_REFERRER = "partner_referrer", "Partner agency referrer"
    INSPECTOR = "inspector", "Inspector"
    ADMINISTRATOR = "administrator", "System administrator"
    DATA_PROTECTION_OFFICER = "data_protection_officer", "Data protection officer"


# Told by e-mail when a restricted record is opened (audit.services.restrictions).
ROLES_ALERTED_BY_EMAIL = frozenset({Role.TEAM_MANAGER, Role.DATA_PROTECTION_OFFICER})


class User(AbstractUser):
    """Someone who signs in to Kinfolio: staff, partner referrers and inspectors.

    Staff who hold cases also have a ``workforce.Worker`` record. An account with
    ``access_expires_at`` in the past cannot sign in (inspectors' accounts are
    time-limited).
    """

    role = models.CharField(max_length=32, choices=Role.choices)
    access_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def clean(self) -> None:
        """Where alerts must reach someone (production), the people break-glass and the
        deadline digest alert must have an e-mail address."""
        super().clean()
        if (
            settings.KINFOLIO_REQUIRE_ALERT_EMAIL
            and self.role in ROLES_ALERTED_BY_EMAIL
            and not self.email
        ):
            raise ValidationError(
                {
                    "email": f"Enter an email address: a {self.get_role_display().lower()} is "
                    "sent alerts when a restricted record is opened"
                }
            )

    @property
    def access_has_expired(self) -> bool:
        return self.access_expires_at is not None and self.access_expires_at <= timezone.now()
