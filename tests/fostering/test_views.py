"""Foster household pages and placement search: who may open them, and the journey
from enquiry to a vacancy that placement search offers to a child's social worker."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.fostering import views
from kinfolio.fostering.models import FosterHousehold
from kinfolio.postcodes.models import PostcodeLocation
from kinfolio.recording import tokens
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import FosterHouseholdFactory, PeriodOfCareFactory

pytestmark = pytest.mark.django_db
LIST = reverse("fostering:households")
DATES = {"enquiry_date", "day", "panel_date", "approval_date", "review_date", "granted_on", "until"}


def _post(client, url, **answers):
    data = {tokens.FIELD: client.get(url).context["draft_token"]}
    for name, value in answers.items():
        if name in DATES:
            data.update({f"{name}_{i}": part for i, part in enumerate(value)})
        else:
            data[name] = value
    return client.post(url, data, follow=True)


def _search_url(child):
    return reverse("fostering:placement-search", args=[child.local_id])


@pytest.mark.parametrize(
    "url",
    [
        LIST,
        reverse("fostering:household-new"),
        reverse("fostering:household", args=[1]),
        reverse("fostering:household-approval", args=[1]),
    ],
)
def test_household_pages_send_an_anonymous_user_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_household_pages_are_refused_to_a_social_worker(client):
    household = FosterHouseholdFactory()
    client.force_login(staff(Role.SOCIAL_WORKER))
    for url in (LIST, reverse("fostering:household", args=[household.pk])):
        assert client.get(url).status_code == 403


def test_a_fostering_worker_takes_a_household_from_enquiry_to_a_vacancy(client):
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))
    page = _post(
        client,
        reverse("fostering:household-new"),
        carers="Ann and Bo Carer",
        postcode="MK9 3EJ",
        enquiry_date=(6, 1, 2025),
        agency="in_house",
    )
    household = FosterHousehold.objects.get()
    assert page.redirect_chain[-1][0] == reverse("fostering:household", args=[household.pk])
    assert "Enquiry recorded" in page.content.decode()

    _post(
        client,
        reverse("fostering:household-assessment", args=[household.pk]),
        opened_version=1,
        day=(3, 2, 2025),
    )
    page = _post(
        client,
        reverse("fostering:household-approval", args=[household.pk]),
        opened_version=2,
        panel_date=(1, 7, 2025),
        approval_date=(8, 7, 2025),
        approved_places=2,
        age_from=0,
        age_to=12,
        needs_met="sibling_group",
    )
    text = page.content.decode()
    assert "Approved" in text
    assert "Brothers and sisters together" in text
    assert page.context["vacancies"] == "2"


def test_the_household_list_takes_the_same_queries_for_one_or_many(client):
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))
    FosterHouseholdFactory()
    client.get(LIST)
    with CaptureQueriesContext(connection) as one:
        client.get(LIST)
    FosterHouseholdFactory.create_batch(20)
    with CaptureQueriesContext(connection) as many:
        page = client.get(LIST)
    assert len(many) == len(one)
    assert page.context["page"].paginator.count == 21


def test_placement_search_sends_an_anonymous_user_to_sign_in(client, two_services):
    response = client.get(_search_url(two_services["ours"]))
    assert response.status_code == 302


def test_placement_search_is_refused_without_the_permission_and_outside_scope(client, two_services):
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(_search_url(two_services["ours"])).status_code == 403
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    assert client.get(_search_url(two_services["theirs"])).status_code == 404


def test_placement_search_says_where_postcode_locations_come_from(client, two_services):
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    url = _search_url(two_services["ours"])
    assert "no postcode locations have been loaded" in client.get(url).content.decode()
    for postcode, published in (("MK9 1AA", D(2025, 5, 1)), ("MK9 1AB", D(2025, 5, 1))):
        PostcodeLocation.objects.create(
            postcode=postcode,
            latitude=52.0,
            longitude=-0.75,
            source="ONS Postcode Directory",
            source_date=published,
        )
    text = " ".join(client.get(url).content.decode().split())
    assert "located by the ONS Postcode Directory, May 2025." in text


def test_a_chosen_placement_fills_in_the_start_care_page(client, two_services):
    child = two_services["ours"]
    household = FosterHouseholdFactory(carers="Dee Carer", postcode="MK9 1AA")
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))

    page = client.get(_search_url(child), {"kinds": "in_house_foster"})

    [place] = page.context["page"].object_list
    assert place.household_id == household.pk
    text = page.content.decode()
    assert "Dee Carer" in text
    assert "cannot be calculated: no home postcode recorded" in text
    start = reverse("children_in_care:become-looked-after", args=[child.local_id])
    link = (
        f"{start}?placement_type=U6&amp;placement_provider=PR1&amp;foster_household={household.pk}"
    )
    assert link in text
    form = client.get(start, {"placement_type": "U6", "foster_household": household.pk}).context[
        "form"
    ]
    assert (form.initial["foster_household"], form.initial["placement_type"]) == (
        household.pk,
        "U6",
    )


def test_a_looked_after_childs_choice_goes_to_record_a_change(client, two_services):
    child = two_services["ours"]
    period = PeriodOfCareFactory(child=child)
    FosterHouseholdFactory()
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    page = client.get(_search_url(child))
    change = reverse("children_in_care:care-change", args=[child.local_id, period.pk])
    assert f'href="{change}?' in page.content.decode()
    assert "Move here" in page.content.decode()


def test_a_withdrawn_enquiry_is_closed_leaves_the_active_list_and_stays_on_record(client):
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))
    _post(
        client,
        reverse("fostering:household-new"),
        carers="Cy and Di Applicant",
        postcode="MK9 3EJ",
        enquiry_date=(6, 1, 2025),
        agency="in_house",
    )
    household = FosterHousehold.objects.get()
    assert "Cy and Di Applicant" in client.get(LIST).content.decode()

    page = _post(
        client,
        reverse("fostering:household-close", args=[household.pk]),
        opened_version=1,
        day=(20, 1, 2025),
        reason="withdrawn",
        detail="They have decided to wait a year",
    )

    text = page.content.decode()
    assert "Close the enquiry: saved" in text
    assert "Withdrawn by the applicants" in text
    assert "decided to wait a year" in text
    active = client.get(LIST)
    assert "Cy and Di Applicant" not in active.content.decode()
    assert "Closed enquiries (1)" in active.content.decode()
    closed = client.get(LIST, {"closed": "1"}).content.decode()
    assert "Cy and Di Applicant" in closed
    assert "Enquiry closed: withdrawn by the applicants" in closed


def test_a_close_without_a_reason_shows_the_error_and_writes_nothing(client):
    household = FosterHouseholdFactory(
        status="in_assessment", approval_date=None, approved_places=0
    )
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))
    page = _post(
        client,
        reverse("fostering:household-close", args=[household.pk]),
        opened_version=1,
        day=(20, 1, 2025),
        detail="No reply to three letters",
    )
    assert "Select whether the applicants withdrew" in page.content.decode()
    household.refresh_from_db()
    assert household.status == "in_assessment"


def test_placement_search_pages_the_places_nearest_first_keeping_the_filters(
    client, two_services, monkeypatch
):
    monkeypatch.setattr(views, "SHOWN", 2)
    for carers in ("Ash", "Birch", "Cedar"):
        FosterHouseholdFactory(carers=carers, needs_met=["teenagers"])
    FosterHouseholdFactory(carers="Not for teenagers")
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    url = _search_url(two_services["ours"])

    first = client.get(url, {"needs": "teenagers"})
    second = client.get(url, {"needs": "teenagers", "page": 2})

    assert [p.name.split(" (")[0] for p in first.context["page"]] == ["Ash", "Birch"]
    assert [p.name.split(" (")[0] for p in second.context["page"]] == ["Cedar"]
    text = " ".join(first.content.decode().split())
    assert "3 placements with a vacancy, 1 to 2 shown, nearest first" in text
    assert 'href="?needs=teenagers&amp;page=2"' in text
