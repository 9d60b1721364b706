"""CSV and Excel exports, the monthly PDF pack, and managers' commentary."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry
from kinfolio.performance.indicators.catalogue import CATALOGUE
from kinfolio.performance.models import Commentary
from tests.factories import CINEpisodeFactory, D
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def director(client):
    user = UserFactory(role=Role.DIRECTOR)
    client.force_login(user)
    CINEpisodeFactory(referral_date=D(2024, 6, 3))
    return user


def test_the_csv_export_lists_every_indicator_and_is_logged(client, director):
    response = client.get(reverse("performance:export", args=["csv"]), {"period": "2024-25"})
    lines = response.content.decode().splitlines()
    assert response["Content-Type"] == "text/csv"
    assert len(lines) == len(CATALOGUE) + 1
    assert any(line.startswith("referrals,Referrals,2024-25,1,,1,") for line in lines)
    assert AccessLogEntry.objects.filter(action="export", query="indicators 2024-25 csv").exists()


def test_the_excel_export_opens_in_a_spreadsheet(client, director):
    response = client.get(reverse("performance:export", args=["xlsx"]), {"period": "2024-25"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Indicator id", "Indicator", "Period")
    assert rows[1 + [i.id for i in CATALOGUE].index("referrals")][:4] == (
        "referrals",
        "Referrals",
        "2024-25",
        1,
    )


def test_an_unknown_export_format_is_not_found(client, director):
    assert client.get(reverse("performance:export", args=["doc"])).status_code == 404


def test_the_monthly_pack_is_a_pdf_with_the_managers_commentary(client, director):
    Commentary.objects.create(
        indicator_id="referrals",
        period="2024-06-m",
        text="A school cluster referred early.",
        written_by=director,
    )
    response = client.get(reverse("performance:pack"), {"period": "2024-06-m"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_manager_adds_commentary_and_a_team_manager_may_not(client, director):
    url = reverse("performance:indicator", args=["referrals"])
    response = client.post(
        url, {"period": "2024-06-m", "text": "Rise after a school cluster's training."}
    )
    assert response.status_code == 302
    assert Commentary.objects.get().written_by == director
    # The page says which month it is for in words, as the month list offers it.
    assert f"{director.get_full_name()}, for June 2024," in client.get(url).content.decode()
    client.force_login(UserFactory(role=Role.TEAM_MANAGER))
    assert client.post(url, {"period": "2024-06-m", "text": "x"}).status_code == 403
    assert Commentary.objects.count() == 1
