from datetime import timedelta

import pytest
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.audit.models import BreakGlassGrant
from kinfolio.audit.services import restrict_record
from kinfolio.people.models import Person
from kinfolio.people.selectors import (
    SEARCH_LIMIT,
    child_visible_to,
    children_hidden_from,
    children_visible_to,
    search_children,
)
from tests.factories import ChildFactory, D


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.IRO])
def test_children_visible_to_case_holders_sees_own_service_only(make_user, two_services, role):
    user = make_user(role, worker=two_services["worker"])
    assert list(children_visible_to(user)) == [two_services["ours"]]


@pytest.mark.parametrize("role", [Role.MASH_WORKER, Role.SERVICE_MANAGER, Role.DIRECTOR])
def test_children_visible_to_front_door_and_managers_sees_everyone(make_user, two_services, role):
    user = make_user(role)
    assert set(children_visible_to(user)) == {two_services["ours"], two_services["theirs"]}


@pytest.mark.parametrize(
    "role", [Role.PARTNER_REFERRER, Role.PERFORMANCE_ANALYST, Role.INSPECTOR, Role.BUSINESS_SUPPORT]
)
def test_children_visible_to_roles_without_casework_sees_none(make_user, two_services, role):
    assert not children_visible_to(make_user(role)).exists()


def test_children_visible_to_case_holder_without_worker_record_sees_none(make_user, two_services):
    assert not children_visible_to(make_user(Role.SOCIAL_WORKER)).exists()


def test_children_visible_to_expired_account_sees_none(make_user, two_services):
    user = make_user(Role.DIRECTOR, access_expires_at=timezone.now() - timedelta(minutes=1))
    assert not children_visible_to(user).exists()


@pytest.mark.parametrize(
    ("role", "fields"),
    [
        (Role.DIRECTOR, {}),
        (Role.SERVICE_MANAGER, {}),
        (Role.MASH_WORKER, {}),
        (Role.SOCIAL_WORKER, {}),
        (Role.PERFORMANCE_ANALYST, {}),
        (Role.DIRECTOR, {"is_active": False}),
    ],
)
def test_children_hidden_from_is_every_child_the_user_may_not_see(
    make_user, two_services, role, fields
):
    """Three restricted children (one not opened to the user, one naming them, one opened
    by break-glass) and an adult: those hidden are exactly the children not visible."""
    user = make_user(role, worker=two_services["worker"], **fields)
    hidden, named, opened = ChildFactory(), ChildFactory(), ChildFactory()
    ChildFactory(is_child_subject=False)
    for child in (hidden, named, opened):
        allowed = [user] if child == named else []
        restrict_record(child=child, reason="Adopted", allowed_users=allowed, by=None)
    now = timezone.now()
    BreakGlassGrant.objects.create(
        child=opened,
        user=user,
        reason="A strategy discussion today",
        granted_at=now,
        expires_at=now + timedelta(minutes=30),
    )
    children = set(Person.objects.filter(is_child_subject=True))
    assert set(children_hidden_from(user)) == children - set(children_visible_to(user))


@pytest.mark.parametrize(
    "role", [Role.SOCIAL_WORKER, Role.DIRECTOR, Role.PARTNER_REFERRER, Role.INSPECTOR]
)
def test_child_visible_to_finds_a_child_exactly_when_children_visible_to_does(
    make_user, two_services, role
):
    """Its query is compiled once per process for each reach of user: two users of one
    reach, in different services, each get their own answer."""
    ours, theirs = two_services["ours"], two_services["theirs"]
    their_worker = theirs.allocations.get().worker
    for user in (
        make_user(role, worker=two_services["worker"]),
        make_user(role, worker=their_worker),
    ):
        for child in ours, theirs:
            found = child_visible_to(user, child.local_id)
            assert found == (child if children_visible_to(user).filter(pk=child.pk) else None)


@pytest.mark.parametrize(
    "query", ["Amara", "okafor", "Am Ok", "999 000 0018", "31/03/2016", "2016-03-31"]
)
def test_search_children_by_name_nhs_number_or_birth_date(make_user, two_services, query):
    user = make_user(Role.SOCIAL_WORKER, worker=two_services["worker"])
    assert list(search_children(user, query)) == [two_services["ours"]]


def test_search_children_by_kinfolio_id(make_user, two_services):
    user = make_user(Role.SOCIAL_WORKER, worker=two_services["worker"])
    ours = two_services["ours"]
    assert list(search_children(user, ours.local_id.lower())) == [ours]


def test_search_children_never_returns_children_out_of_scope(make_user, two_services):
    user = make_user(Role.SOCIAL_WORKER, worker=two_services["worker"])
    assert list(search_children(user, "Nowak")) == []


def test_search_children_empty_query_finds_nothing(make_user, two_services):
    assert list(search_children(make_user(Role.DIRECTOR), "   ")) == []


def test_family_and_network_leaves_out_a_relative_restricted_from_the_user(
    make_user, two_services, django_assert_num_queries
):
    from kinfolio.audit.services import restrict_record
    from kinfolio.people.models import Relationship
    from kinfolio.people.selectors import family_and_network
    from tests.factories import ChildFactory

    child, user = two_services["ours"], make_user(Role.SOCIAL_WORKER, worker=two_services["worker"])
    mother, sibling = ChildFactory(is_child_subject=False), ChildFactory()
    named = make_user(Role.SOCIAL_WORKER)
    Relationship.objects.create(person=mother, other=child, relationship_type="mother")
    Relationship.objects.create(person=child, other=sibling, relationship_type="sibling")
    with django_assert_num_queries(1):  # no relative restricted: one query
        family = family_and_network(child, user=user)
    assert [(m["person"], m["relationship"]) for m in family] == [
        (mother, "Mother"),
        (sibling, "Sibling of"),
    ]
    restrict_record(child=sibling, reason="Adopted", allowed_users=[named], by=None)
    with django_assert_num_queries(2):  # the restricted relative checked against the scope
        family = family_and_network(child, user=user)
    assert [m["person"] for m in family] == [mother]
    assert [m["person"] for m in family_and_network(child, user=named)] == [mother, sibling]


def test_search_by_one_word_lists_the_first_children_in_name_order_each_once(make_user):
    """A word starting many family names: the first children in name order, with those
    whose given or preferred name starts with it in their place, and a child matched by
    two names listed once."""
    for n in range(SEARCH_LIMIT + 5):
        ChildFactory(given_name=f"Ann{n:03d}", family_name="Smith", date_of_birth=D(2015, 1, 1))
    ChildFactory(given_name="Smithy", family_name="Abbott")  # first, by family name
    ChildFactory(given_name="Zoe", family_name="Ng", preferred_name="Smitty")  # after the limit
    ChildFactory(given_name="Smith", family_name="Smithers")  # after the limit, by family
    ChildFactory(given_name="Smith", family_name="Smibert")  # by both names
    ChildFactory(given_name="Jo", family_name="Jones")  # not a match
    found = search_children(make_user(Role.DIRECTOR), "smi")
    names = [(child.family_name, child.given_name) for child in found]
    expected = sorted(
        [("Abbott", "Smithy"), ("Ng", "Zoe"), ("Smithers", "Smith"), ("Smibert", "Smith")]
        + [("Smith", f"Ann{n:03d}") for n in range(SEARCH_LIMIT + 5)],
        key=lambda name: (name[0].upper(), name[1].upper()),
    )[:SEARCH_LIMIT]
    assert names == expected
    assert len(set(names)) == SEARCH_LIMIT
