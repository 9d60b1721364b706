"""Day-to-day casework with a child: visits, case notes and documents."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.models import ChildsVoice, Recorded, Versioned


class Visit(ChildsVoice, Versioned, Recorded):
    """A visit to a child by their worker: a child in need, child protection, looked
    after statutory, private fostering or care leaver visit (``kind``).

    A child in need or child protection visit may name the plan it is made under. A
    looked after visit is known by its kind alone (the period of care belongs to the
    children in care app). Whether the child was seen, seen alone, and what they said
    is what inspectors look for first.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="visits")
    kind = models.CharField(
        max_length=codesets.VISIT_TYPE.max_length, choices=codesets.VISIT_TYPE.choices
    )
    visit_date = models.DateField()
    worker = models.ForeignKey("workforce.Worker", on_delete=models.PROTECT, related_name="visits")
    seen = models.BooleanField("child seen", default=False)
    seen_alone = models.BooleanField("child seen alone", default=False)
    cin_plan = models.ForeignKey(
        "referrals.CINPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
    )
    cp_plan = models.ForeignKey(
        "protection.ChildProtectionPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
    )

    class Meta:
        ordering = ["-visit_date", "-pk"]
        indexes = [models.Index(fields=["child", "visit_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(seen_alone=False) | Q(seen=True),
                name="visit_seen_alone_means_seen",
                violation_error_message="A child seen alone must also be recorded as seen.",
            ),
            models.CheckConstraint(
                condition=Q(cin_plan__isnull=True) | Q(kind="cin"),
                name="visit_cin_plan_only_for_cin_visit",
                violation_error_message="Only a child in need visit can be under a child in "
                "need plan.",
            ),
            models.CheckConstraint(
                condition=Q(cp_plan__isnull=True) | Q(kind="cp"),
                name="visit_cp_plan_only_for_cp_visit",
                violation_error_message="Only a child protection visit can be under a child "
                "protection plan.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.child} on {self.visit_date:%d %b %Y}"

    def clean(self) -> None:
        errors = {}
        for field in ("cin_plan", "cp_plan"):
            if getattr(self, f"{field}_id") and self.child_id and self.visit_date:
                plan = getattr(self, field)
                if plan.child_id != self.child_id:
                    errors[field] = "The plan is for a different child."
                elif not (
                    plan.start_date <= self.visit_date
                    and (plan.end_date is None or self.visit_date <= plan.end_date)
                ):
                    errors["visit_date"] = "The visit must be while the plan is in place."
        if errors:
            raise ValidationError(errors)


class CaseNoteType(models.TextChoices):
    CASE_NOTE = "case_note", "Case note"
    PHONE_CALL = "phone_call", "Telephone call"
    EMAIL = "email", "Email or letter"
    MEETING = "meeting", "Meeting"
    SUPERVISION = "supervision", "Supervision"
    MANAGEMENT_OVERSIGHT = "management_oversight", "Management oversight"
    DIRECT_WORK = "direct_work", "Direct work with the child"


class CaseNote(Recorded):
    """A note on the child's record written by a worker.

    ``version`` counts saves so that two workers editing the same note cannot silently
    overwrite each other (optimistic locking, done by the casework services).
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_notes")
    author = models.ForeignKey(
        "workforce.Worker", on_delete=models.PROTECT, related_name="case_notes"
    )
    written_at = models.DateTimeField()
    note_type = models.CharField(max_length=20, choices=CaseNoteType.choices)
    body = models.TextField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-written_at", "-pk"]
        indexes = [models.Index(fields=["child", "written_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(version__gte=1),
                name="case_note_version_positive",
                violation_error_message="A case note's version starts at 1.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_note_type_display()} about {self.child} by {self.author}"


class DocumentKind(models.TextChoices):
    ASSESSMENT = "assessment", "Assessment"
    PLAN = "plan", "Plan"
    REPORT = "report", "Report"
    MINUTES = "minutes", "Minutes"
    CORRESPONDENCE = "correspondence", "Correspondence"
    COURT = "court", "Court document"
    CONSENT = "consent", "Consent form"
    OTHER = "other", "Other"


def document_storage() -> FileSystemStorage:
    """Documents about children live under ``var/media``, outside the static files, and
    are served only through a permission-checked view (there is no public URL)."""
    return FileSystemStorage(location=settings.VAR_DIR / "media", base_url=None)


class Document(Recorded):
    """A file held on the child's record: a report, letter, plan or court document."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        "workforce.Worker", on_delete=models.PROTECT, related_name="documents_uploaded"
    )
    file = models.FileField(upload_to="documents/%Y/%m/", storage=document_storage)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        indexes = [models.Index(fields=["child", "uploaded_at"])]

    def __str__(self) -> str:
        return self.title
