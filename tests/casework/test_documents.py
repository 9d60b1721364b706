"""Documents: uploads checked for type and size, kept outside the web root, served only
through a permission check and logged."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry, ChangeEvent
from kinfolio.casework.models import Document
from kinfolio.casework.services.documents import upload_document
from tests.factories import DocumentFactory
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 a small synthetic file"


def test_upload_document_keeps_a_checked_file(two_services):
    user = staff(Role.SOCIAL_WORKER, team=two_services["team"])

    document = upload_document(
        child=two_services["ours"],
        title="Minutes",
        kind="minutes",
        file=SimpleUploadedFile("minutes.pdf", PDF),
        by=user,
    )

    assert document.file.read() == PDF
    assert ChangeEvent.objects.filter(object_id=str(document.pk), kind="created").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.pdf", b"MZ\x90\x00 a program", "must be a PDF, PNG, JPG or DOCX"),
        ("notes.exe", PDF, "must be a PDF, PNG, JPG or DOCX"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_upload_document_refuses_the_wrong_type(two_services, name, content, message):
    with pytest.raises(ValidationError, match=message):
        upload_document(
            child=two_services["ours"],
            title="Minutes",
            kind="minutes",
            file=SimpleUploadedFile(name, content),
            by=staff(Role.SOCIAL_WORKER, team=two_services["team"]),
        )
    assert not Document.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_upload_document_refuses_a_file_too_large(two_services, settings):
    settings.KINFOLIO_MAX_UPLOAD_MB = 0
    with pytest.raises(ValidationError, match="smaller than 0 MB"):
        upload_document(
            child=two_services["ours"],
            title="Minutes",
            kind="minutes",
            file=SimpleUploadedFile("minutes.pdf", PDF),
            by=staff(Role.SOCIAL_WORKER, team=two_services["team"]),
        )
    assert not Document.objects.exists()


def test_download_is_permission_checked_and_logged(client, two_services):
    ours = DocumentFactory(child=two_services["ours"])
    theirs = DocumentFactory(child=two_services["theirs"])
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))

    response = client.get(reverse("casework:document", args=[ours.child.local_id, ours.pk]))

    assert b"".join(response.streaming_content) == b"%PDF-1.4 synthetic"
    assert "attachment" in response["Content-Disposition"]
    assert AccessLogEntry.objects.filter(object_ref=f"casework.document:{ours.pk}").exists()
    other = reverse("casework:document", args=[theirs.child.local_id, theirs.pk])
    assert client.get(other).status_code == 404
    mixed = reverse("casework:document", args=[ours.child.local_id, theirs.pk])
    assert client.get(mixed).status_code == 404


def test_download_refuses_a_partner_and_sends_anonymous_to_sign_in(client, two_services):
    document = DocumentFactory(child=two_services["ours"])
    url = reverse("casework:document", args=[document.child.local_id, document.pk])
    assert client.get(url).status_code == 302
    client.force_login(staff(Role.PARTNER_REFERRER))
    assert client.get(url).status_code == 403


def test_upload_page_saves_the_file(client, two_services):
    child = two_services["ours"]
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    url = reverse("casework:document-new", args=[child.local_id])
    token = client.get(url).context["draft_token"]

    response = client.post(
        url,
        {
            "kf-draft": token,
            "title": "Minutes",
            "kind": "minutes",
            "file": SimpleUploadedFile("minutes.pdf", PDF),
        },
    )

    assert response["Location"] == reverse("people:child-documents", args=[child.local_id])
    assert Document.objects.get().title == "Minutes"
