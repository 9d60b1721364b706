"""Subject access export: everything about a person, in a zip, and the export logged."""

import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry
from kinfolio.audit.services import record_access, verify_chain
from kinfolio.audit.services.sar import export_person
from kinfolio.casework.models import Document
from kinfolio.people.models import Address, Person, Relationship
from tests.factories import (
    AssessmentFactorFactory,
    CaseNoteFactory,
    ChildFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    D,
    DecidedContactFactory,
    WorkerFactory,
    at,
)
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """Document files in a temporary folder rather than var/media."""
    storage = FileSystemStorage(location=tmp_path)
    monkeypatch.setattr(Document._meta.get_field("file"), "storage", storage)
    return storage


@pytest.fixture
def demo_child(documents):
    """A child known to the front door, in need, on a child protection plan, with a case
    note, a document with its file and one without, a mother and an address."""
    child = ChildFactory(given_name="Amara", family_name="Okafor")
    worker = WorkerFactory()
    DecidedContactFactory(child=child)
    episode = CINEpisodeFactory(child=child)
    ChildProtectionPlanFactory(
        initial_conference__section47__strategy_discussion__cin_episode=episode
    )
    AssessmentFactorFactory(assessment__cin_episode=episode)
    CaseNoteFactory(child=child, author=worker, body="Amara showed me her drawings.")
    with_file = Document(
        child=child,
        title="Conference report",
        kind="report",
        uploaded_at=at(2024, 3, 26),
        uploaded_by=worker,
    )
    with_file.file.save("report.txt", ContentFile(b"Report text"), save=True)
    Document.objects.create(
        child=child,
        title="Lost letter",
        kind="correspondence",
        uploaded_at=at(2024, 3, 27),
        uploaded_by=worker,
        file="documents/2024/03/gone.pdf",
    )
    mother = Person.objects.create(
        local_id="A000001", given_name="Grace", family_name="Okafor", sex="F"
    )
    Relationship.objects.create(
        person=mother, other=child, relationship_type="mother", has_parental_responsibility=True
    )
    Address.objects.create(
        person=child,
        line_1="1 High Street",
        town="Anytown",
        postcode="AA1 1AA",
        start_date=D(2020, 1, 1),
    )
    return child


def _open(bundle) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(bundle.file.read()))


def _pks(archive: zipfile.ZipFile, name: str) -> set[int]:
    return {row["pk"] for row in json.loads(archive.read(name))}


def test_export_person_holds_records_from_every_app_and_the_access_log(demo_child):
    viewer = staff()
    seen = record_access(by=viewer, action="view_record", child=demo_child)
    other = record_access(by=viewer, action="view_record", child=ChildFactory())
    dpo = UserFactory(role=Role.DATA_PROTECTION_OFFICER)

    archive = _open(export_person(demo_child, by=dpo))

    names = set(archive.namelist())
    for expected in (
        "people/person.json",
        "people/relationship.json",
        "people/address.json",
        "front_door/contact.json",
        "referrals/cinepisode.json",
        "assessments/assessment.json",
        "assessments/assessmentfactor.json",
        "protection/strategydiscussion.json",
        "protection/section47enquiry.json",
        "protection/childprotectionconference.json",
        "protection/childprotectionplan.json",
        "casework/casenote.json",
        "casework/document.json",
        "audit/accesslogentry.json",
        "manifest.json",
        "summary.html",
    ):
        assert expected in names, expected
    assert _pks(archive, "people/person.json") == {demo_child.pk}
    assert _pks(archive, "audit/accesslogentry.json") == {seen.pk}
    assert other.pk not in _pks(archive, "audit/accesslogentry.json")
    assert len(_pks(archive, "casework/document.json")) == 2
    document_files = [n for n in names if n.startswith("documents/")]
    assert len(document_files) == 1
    assert archive.read(document_files[0]) == b"Report text"
    summary = archive.read("summary.html").decode()
    assert "Amara Okafor" in summary
    assert "Amara showed me her drawings." in summary
    assert json.loads(archive.read("manifest.json"))["person"] == demo_child.local_id


def test_export_person_is_itself_logged_and_the_chain_verifies(demo_child):
    dpo = UserFactory(role=Role.DATA_PROTECTION_OFFICER)
    export_person(demo_child, by=dpo)
    entry = AccessLogEntry.objects.get(action="export")
    assert (entry.user, entry.child) == (dpo, demo_child)
    assert verify_chain().ok


def test_export_person_for_a_parent_holds_their_link_to_the_child(demo_child):
    mother = Person.objects.get(local_id="A000001")
    archive = _open(export_person(mother, by=UserFactory(role=Role.DATA_PROTECTION_OFFICER)))
    relationships = json.loads(archive.read("people/relationship.json"))
    assert [r["fields"]["other"] for r in relationships] == [demo_child.pk]
    assert "casework/casenote.json" not in archive.namelist()


# --- the pages ---------------------------------------------------------------------------


def test_subject_access_page_unauthenticated_is_sent_to_sign_in(client, demo_child):
    url = reverse("audit:subject-access", args=[demo_child.local_id])
    assert client.get(url)["Location"].startswith(reverse("accounts:sign-in"))


def test_subject_access_page_refused_to_a_social_worker(client, demo_child):
    client.force_login(staff())
    url = reverse("audit:subject-access", args=[demo_child.local_id])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert not AccessLogEntry.objects.filter(action="export").exists()


def test_subject_access_page_shows_what_will_be_exported(client, demo_child):
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    response = client.get(reverse("audit:subject-access", args=[demo_child.local_id]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "casework/casenote.json" in body
    assert "Download the export" in body
    assert not AccessLogEntry.objects.filter(action="export").exists()


def test_subject_access_post_downloads_the_zip(client, demo_child):
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    response = client.post(reverse("audit:subject-access", args=[demo_child.local_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f"subject-access-{demo_child.local_id}" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "summary.html" in archive.namelist()
    assert AccessLogEntry.objects.filter(action="export", child=demo_child).count() == 1


def test_subject_access_page_for_no_such_person_is_not_found(client, db):
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    assert client.get(reverse("audit:subject-access", args=["X999"])).status_code == 404


def test_find_person_goes_to_their_export_page(client, demo_child):
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    response = client.get(
        reverse("audit:subject-access-find"), {"local_id": demo_child.local_id.lower()}
    )
    assert response["Location"] == reverse("audit:subject-access", args=[demo_child.local_id])


def test_find_person_with_an_unknown_id_says_so(client, db):
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    response = client.get(reverse("audit:subject-access-find"), {"local_id": "C404"})
    assert "Enter a Kinfolio ID that belongs to someone on Kinfolio" in response.content.decode()


def test_find_person_refused_to_an_administrator(client, db):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    assert client.get(reverse("audit:subject-access-find")).status_code == 403
