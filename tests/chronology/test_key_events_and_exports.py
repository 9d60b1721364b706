"""Key events added by hand, and the chronology exported as CSV and PDF (logged)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry, ChangeEvent
from kinfolio.chronology.models import KeyEvent
from kinfolio.chronology.services import add_key_event
from tests.factories import D
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db


def test_add_key_event_records_it_with_its_significance(two_services):
    user = staff(Role.SOCIAL_WORKER, team=two_services["team"])

    event = add_key_event(
        child=two_services["ours"],
        event_date=D(2025, 2, 3),
        title="Excluded from school",
        detail="Fixed term, 3 days.",
        significant=True,
        by=user,
    )

    assert event.significant
    assert event.recorded_by == user.worker
    assert ChangeEvent.objects.filter(object_id=str(event.pk), kind="created").exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"event_date": None}, "event_date"),
        ({"title": " "}, "title"),
        ({"significant": None}, "significant"),
    ],
)
def test_add_key_event_refuses_what_is_missing(two_services, fields, field):
    values = {"event_date": D(2025, 2, 3), "title": "Excluded", "detail": "", "significant": False}
    with pytest.raises(ValidationError) as refused:
        add_key_event(
            child=two_services["ours"],
            **{**values, **fields},
            by=staff(Role.SOCIAL_WORKER, team=two_services["team"]),
        )
    assert field in refused.value.message_dict
    assert not KeyEvent.objects.exists()
    assert not ChangeEvent.objects.exists()


@pytest.fixture
def signed_in(client, two_services):
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    KeyEvent.objects.create(
        child=two_services["ours"],
        event_date=D(2025, 3, 1),
        title="Moved school",
        significant=True,
        recorded_by=two_services["worker"],
    )
    return client


def test_export_csv_holds_the_events_and_is_logged(signed_in, two_services):
    child = two_services["ours"]

    response = signed_in.get(reverse("chronology:export-csv", args=[child.local_id]))

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "2025-03-01,Key event,Moved school,,Yes" in body
    assert AccessLogEntry.objects.filter(child=child, action="export").exists()


def test_export_pdf_renders_with_weasyprint_and_is_logged(signed_in, two_services):
    child = two_services["ours"]

    response = signed_in.get(reverse("chronology:export-pdf", args=[child.local_id]))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.filter(child=child, object_ref="chronology.pdf").exists()


def test_exports_refuse_a_child_out_of_scope_and_a_partner(client, signed_in, two_services):
    theirs = two_services["theirs"]
    assert (
        signed_in.get(reverse("chronology:export-csv", args=[theirs.local_id])).status_code == 404
    )
    client.force_login(staff(Role.PARTNER_REFERRER))
    ours = two_services["ours"].local_id
    assert client.get(reverse("chronology:export-pdf", args=[ours])).status_code == 403


def test_export_sends_anonymous_to_sign_in(client, two_services):
    url = reverse("chronology:export-csv", args=[two_services["ours"].local_id])
    assert client.get(url).status_code == 302


def test_add_key_event_page_saves_and_returns_to_the_chronology(signed_in, two_services):
    child = two_services["ours"]
    url = reverse("chronology:key-event-new", args=[child.local_id])
    token = signed_in.get(url).context["draft_token"]

    response = signed_in.post(
        url,
        {
            "kf-draft": token,
            "event_date_0": "3",
            "event_date_1": "2",
            "event_date_2": "2025",
            "title": "Excluded from school",
            "significant": "no",
        },
    )

    assert response["Location"] == reverse("people:child-chronology", args=[child.local_id])
    assert KeyEvent.objects.filter(title="Excluded from school", significant=False).exists()
