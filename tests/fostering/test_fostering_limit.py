"""The usual fostering limit (Children Act 1989, Schedule 7): a fourth child is placed
with a household only if the children are all brothers and sisters or an exemption in
force names each of them."""

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.children_in_care.services.care import PlacementDetails, start_looked_after
from kinfolio.fostering.models import LimitExemption
from kinfolio.fostering.placement_search import search_placements
from kinfolio.fostering.services import limits
from kinfolio.people.models import Relationship
from tests.factories import ChildFactory, D
from tests.factories_accounts import staff
from tests.factories_care import CareEpisodeFactory, FosterHouseholdFactory
from tests.fostering.test_views import _post
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db
DAY = D(2026, 6, 1)


@pytest.fixture
def by():
    return staff()


@pytest.fixture
def household():
    """Approved for five children (its terms), three placed already."""
    household = FosterHouseholdFactory(approved_places=5, approval_date=D(2020, 1, 1))
    for _ in range(3):
        CareEpisodeFactory(
            period__start_date=D(2025, 1, 1), foster_household=household, placement_type="U4"
        )
    return household


def _place(child, household, by):
    return start_looked_after(
        child=child,
        day=DAY,
        legal_status="C2",
        category_of_need="N1",
        placement=PlacementDetails("U4", "PR1", foster_household=household),
        by=by,
    )


def _placed(household):
    return [e.period.child for e in household.care_episodes.select_related("period__child")]


def _exempt(household, children, by, **kwargs):
    answers = {
        "granted_by": "Sam Patel, Head of Children in Care",
        "granted_on": D(2026, 5, 20),
        "until": D(2026, 11, 30),
        "conditions": "",
    }
    return limits.grant_exemption(
        household=household, children=children, by=by, **{**answers, **kwargs}
    )


def test_a_fourth_child_is_refused_with_nothing_written_then_placed_under_an_exemption(
    household, by
):
    fourth = ChildFactory()
    refused = assert_refused(
        lambda: _place(fourth, household, by),
        message="above the usual fostering limit of 3 (Children Act 1989, Schedule 7)",
        counted=[PeriodOfCare],
    )
    assert "foster_household" in refused.message_dict

    _exempt(household, [*_placed(household), fourth], by)
    period = _place(fourth, household, by)
    assert period.episodes.get().foster_household == household


def test_an_exemption_helps_only_the_children_it_names_while_it_lasts(household, by):
    fourth, fifth = ChildFactory(), ChildFactory()
    _exempt(household, [*_placed(household), fifth], by, until=D(2026, 12, 31))
    assert_refused(
        lambda: _place(fourth, household, by),
        message="usual fostering limit",
        counted=[PeriodOfCare],
    )
    expired = ChildFactory()
    _exempt(household, [*_placed(household), expired], by, until=D(2026, 5, 31))
    assert_refused(
        lambda: _place(expired, household, by),
        message="usual fostering limit",
        counted=[PeriodOfCare],
    )


def test_brothers_and_sisters_need_no_exemption(by):
    household = FosterHouseholdFactory(approved_places=4, approval_date=D(2020, 1, 1))
    children = [ChildFactory() for _ in range(4)]
    for i, one in enumerate(children):
        for other in children[i + 1 :]:
            Relationship.objects.create(person=one, other=other, relationship_type="sibling")
    for child in children[:3]:
        CareEpisodeFactory(
            period__child=child,
            period__start_date=D(2025, 1, 1),
            foster_household=household,
            placement_type="U4",
        )
    _place(children[3], household, by)
    assert household.care_episodes.count() == 4


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"granted_by": " "}, "granted_by"),
        ({"granted_on": D(2099, 1, 1), "until": D(2099, 2, 1)}, "granted_on"),
        ({"until": D(2026, 5, 1)}, "until"),
        ({"three_only": True}, "children"),
    ],
)
def test_an_exemption_breaking_a_rule_is_refused_with_nothing_written(
    household, by, answers, field
):
    children = [*_placed(household), ChildFactory()]
    if answers.pop("three_only", False):
        children = children[:3]
    refused = assert_refused(
        lambda: _exempt(household, children, by, **answers),
        message="",
        counted=[LimitExemption],
    )
    assert field in refused.message_dict
    _exempt(household, [*_placed(household), ChildFactory()], by)
    assert LimitExemption.objects.count() == 1


def test_placement_search_offers_a_household_at_the_limit_only_under_an_exemption(household, by):
    child = ChildFactory(date_of_birth=D(2016, 3, 31))
    assert household.pk not in {c.household_id for c in search_placements(child=child, on=DAY)}
    _exempt(household, [*_placed(household), child], by)
    assert household.pk in {c.household_id for c in search_placements(child=child, on=DAY)}


def test_a_service_manager_records_an_exemption_on_the_household_page(client, household):
    client.force_login(staff(Role.SERVICE_MANAGER))
    url = reverse("fostering:household-exemption", args=[household.pk])
    assert "Children Act 1989, Schedule 7" in client.get(url).content.decode()
    fourth = ChildFactory()

    page = _post(
        client,
        url,
        granted_by="Sam Patel, Head of Children in Care",
        granted_on=(20, 5, 2026),
        until=(30, 11, 2026),
        other_children=", ".join(c.local_id for c in [*_placed(household), fourth]),
        conditions="Reviewed monthly by the supervising social worker",
    )

    text = page.content.decode()
    assert "Exemption from the usual fostering limit recorded" in text
    assert "granted by Sam Patel, Head of Children in Care, for 4 named children" in text
    assert set(LimitExemption.objects.get().children.all()) == {*_placed(household), fourth}


def test_a_child_the_user_cannot_see_cannot_be_named(client, household):
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))  # sees no child here
    page = _post(
        client,
        reverse("fostering:household-exemption", args=[household.pk]),
        granted_by="Sam Patel, Head of Children in Care",
        granted_on=(20, 5, 2026),
        until=(30, 11, 2026),
        other_children=ChildFactory().local_id,
    )
    assert "No child you can see has the ID" in page.content.decode()
    assert not LimitExemption.objects.exists()
