import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.chronology.models import KeyEvent
from kinfolio.people.models import Address
from tests.factories import CINEpisodeFactory, D


def record_url(child):
    return reverse("people:child", args=[child.local_id])


def test_child_record_unauthenticated_goes_to_sign_in(client, two_services):
    response = client.get(record_url(two_services["ours"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_child_record_role_without_permission_is_refused(client, make_user, two_services):
    client.force_login(make_user(Role.PARTNER_REFERRER))
    assert client.get(record_url(two_services["ours"])).status_code == 403


def test_child_record_outside_scope_is_not_found(client, make_user, two_services):
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=two_services["worker"]))
    assert client.get(record_url(two_services["theirs"])).status_code == 404


def test_child_record_shows_details_status_and_what_needs_doing(client, make_user, two_services):
    child = two_services["ours"]
    CINEpisodeFactory(child=child, referral_date=D(2025, 1, 6), team=two_services["team"])
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=two_services["worker"]))

    response = client.get(record_url(child))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Amara Okafor" in page
    assert "Child in need" in page
    assert 'class="moj-sub-navigation"' in page
    labels = [a.label for a in response.context["next_actions"]]
    assert "Add a case note" in labels


@pytest.mark.parametrize(
    ("ends", "shown"),
    [(None, "2 Mill Lane, Leeds LS1 2AB"), (D(2025, 2, 1), "No current address")],
)
def test_child_record_shows_the_current_address_only(client, make_user, two_services, ends, shown):
    child = two_services["ours"]
    for line_1, start_date, end_date in [
        ("1 Old Road", D(2020, 1, 1), D(2024, 12, 31)),
        ("2 Mill Lane", D(2025, 1, 1), ends),
    ]:
        Address.objects.create(
            person=child,
            line_1=line_1,
            town="Leeds",
            postcode="LS1 2AB",
            start_date=start_date,
            end_date=end_date,
        )
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=two_services["worker"]))
    page = client.get(record_url(child)).content.decode()
    assert shown in page
    assert "1 Old Road" not in page


def test_chronology_section_lists_events_newest_first(client, make_user, two_services):
    child = two_services["ours"]
    CINEpisodeFactory(child=child, referral_date=D(2025, 1, 6), team=two_services["team"])
    KeyEvent.objects.create(
        child=child,
        event_date=D(2025, 3, 1),
        title="Moved school",
        recorded_by=two_services["worker"],
    )
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=two_services["worker"]))

    response = client.get(reverse("people:child-chronology", args=[child.local_id]))

    chronology = response.context["page"].object_list
    assert [e.title for e in chronology][:1] == ["Moved school"]
    assert any(e.kind == "Referral" for e in chronology)
    assert [e.date for e in chronology] == sorted((e.date for e in chronology), reverse=True)


def test_chronology_section_filters_by_kind(client, make_user, two_services):
    child = two_services["ours"]
    KeyEvent.objects.create(
        child=child,
        event_date=D(2025, 3, 1),
        title="Moved school",
        recorded_by=two_services["worker"],
    )
    CINEpisodeFactory(child=child, referral_date=D(2025, 1, 6), team=two_services["team"])
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=two_services["worker"]))

    response = client.get(
        reverse("people:child-chronology", args=[child.local_id]), {"kind": "Key event"}
    )

    assert {e.kind for e in response.context["page"].object_list} == {"Key event"}


@pytest.mark.parametrize(("role", "status"), [(Role.PARTNER_REFERRER, 403), (Role.DIRECTOR, 200)])
def test_search_permission(client, make_user, two_services, role, status):
    client.force_login(make_user(role))
    assert client.get(reverse("people:search"), {"q": "Okafor"}).status_code == status


def test_search_lists_matching_children(client, make_user, two_services):
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=two_services["worker"]))
    response = client.get(reverse("people:search"), {"q": "Okafor"})
    assert list(response.context["results"]) == [two_services["ours"]]
    assert "Amara Okafor" in response.content.decode()


def test_child_record_restricted_in_scope_says_so_and_offers_break_glass(
    client, make_user, two_services
):
    from kinfolio.audit.services import restrict_record

    user = make_user(Role.SOCIAL_WORKER, worker=two_services["worker"])
    child = two_services["ours"]
    restrict_record(
        child=child,
        reason="Child of a member of staff",
        allowed_users=[],
        by=make_user(Role.DIRECTOR),
    )
    client.force_login(user)

    response = client.get(record_url(child))

    assert response.status_code == 403
    page = response.content.decode()
    assert "This record is restricted" in page
    assert reverse("audit:break-glass", args=[child.local_id]) in page
    assert "Amara" not in page
