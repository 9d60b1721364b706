import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.people.models import Person
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA100,F,03/02/2014,WBRI,UN1,,\n"


def zipped(**files) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as packed:
        for name, text in files.items():
            packed.writestr(f"folder/{name}.csv", text)
    return SimpleUploadedFile("ssda903.zip", buffer.getvalue(), "application/zip")


@pytest.mark.parametrize("name", ["returns:import", "returns:import-confirm"])
def test_import_pages_unauthenticated_go_to_sign_in(client, name):
    assert client.get(reverse(name))["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("name", ["returns:import", "returns:import-confirm"])
def test_import_pages_refuse_a_social_worker(client, name):
    client.force_login(UserFactory(role=Role.SOCIAL_WORKER))
    assert client.post(reverse(name)).status_code == 403


def test_import_without_a_file_says_what_to_do(client):
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    response = client.post(reverse("returns:import"), {"kind": "ssda903"})
    assert "There is a problem" in response.text
    assert "Choose the file to import" in response.text


def test_import_previews_then_writes_on_confirmation(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    preview = client.post(
        reverse("returns:import"), {"kind": "ssda903", "file": zipped(header=HEADER)}
    )
    assert "children: 1 created, 0 matched" in preview.text
    assert not Person.objects.exists()
    done = client.post(reverse("returns:import-confirm"))
    assert "Return imported" in done.text
    assert Person.objects.filter(local_id="A100").exists()
    assert not any((tmp_path / "return-uploads").iterdir())


def test_import_of_a_bad_file_lists_its_problems_and_writes_nothing(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    response = client.post(
        reverse("returns:import"),
        {"kind": "ssda903", "file": zipped(header=HEADER.replace("03/02/2014", "2014-02-03"))},
    )
    assert 'data-testid="import-problems"' in response.text
    assert "dd/mm/yyyy" in response.text
    assert not Person.objects.exists()
