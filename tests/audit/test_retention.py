"""Retention rules as data: keep-until dates worked by hand, and the review page."""

import datetime as dt

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import RetentionRule
from kinfolio.audit.retention import (
    add_years,
    due_for_review,
    latest_date_keeping,
    review_rows,
)
from tests.factories import (
    ChildFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    D,
    DecidedContactFactory,
    EarlyHelpEpisodeFactory,
    at,
)
from tests.factories_accounts import UserFactory, staff
from tests.factories_care import AdopterHouseholdFactory, AdoptionPlanFactory, PeriodOfCareFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (D(2000, 6, 15), 25, D(2025, 6, 15)),
        (D(2000, 2, 29), 25, D(2025, 3, 1)),  # a leap-day birthday falls on 1 March
        (D(2004, 2, 29), 4, D(2008, 2, 29)),
        (D(1925, 3, 10), 100, D(2025, 3, 10)),
    ],
)
def test_add_years(start, years, expected):
    assert add_years(start, years) == expected


@pytest.mark.parametrize(
    ("on", "years", "expected"),
    [
        (D(2025, 6, 16), 25, D(2000, 6, 15)),  # kept through the birthday, due the day after
        (D(2025, 3, 1), 25, D(2000, 2, 28)),  # 29 Feb 2000 is kept until 1 March 2025
        (D(2025, 3, 2), 25, D(2000, 3, 1)),
        (D(2024, 3, 1), 1, D(2023, 2, 28)),  # the day before is 29 Feb, not in 2023
    ],
)
def test_latest_date_keeping_is_the_inverse_of_add_years(on, years, expected):
    cutoff = latest_date_keeping(on, years)
    assert cutoff == expected
    assert add_years(cutoff, years) < on
    assert add_years(cutoff + dt.timedelta(days=1), years) >= on


PLAN_START, PLAN_END = D(2010, 1, 4), D(2011, 1, 4)


def _cp_child(born, *, start=PLAN_START, end=PLAN_END, **fields):
    child = ChildFactory(date_of_birth=born, **fields)
    episode = CINEpisodeFactory(child=child, referral_date=start - dt.timedelta(days=30))
    ChildProtectionPlanFactory(
        initial_conference__section47__strategy_discussion__cin_episode=episode,
        initial_conference__conference_date=start,
        end_date=end,
        end_reason="no_longer_at_risk",
    )
    return child


def test_child_protection_record_is_due_the_day_after_the_25th_birthday():
    child = _cp_child(D(2000, 6, 15))
    # The CIN episode (kept to the 25th birthday by default) is still open: close it.
    child.cin_episodes.update(close_date=D(2011, 1, 4), close_reason="RC1")
    assert child not in due_for_review(on=D(2025, 6, 15))
    assert child in due_for_review(on=D(2025, 6, 16))
    [row] = review_rows([child])
    assert row.keep_until == D(2025, 6, 15)


def test_looked_after_record_is_kept_to_the_75th_birthday_even_with_a_cp_plan():
    child = _cp_child(D(1950, 5, 1), start=D(1960, 1, 4), end=D(1961, 1, 4))
    child.cin_episodes.update(close_date=D(1961, 1, 4), close_reason="RC1")
    PeriodOfCareFactory(child=child, start_date=D(1961, 2, 1), end_date=D(1968, 5, 1))
    assert child not in due_for_review(on=D(2025, 5, 1))
    assert child in due_for_review(on=D(2025, 5, 2))
    [row] = review_rows([child])
    by_category = {c.category: c.keep_until for c in row.categories}
    assert by_category["looked_after"] == D(2025, 5, 1)
    assert by_category["child_protection"] == D(1975, 5, 1)


def test_young_person_in_care_is_not_due_when_only_the_cp_date_has_passed():
    child = _cp_child(D(2000, 6, 15))
    child.cin_episodes.update(close_date=D(2011, 1, 4), close_reason="RC1")
    PeriodOfCareFactory(child=child, start_date=D(2012, 1, 1), end_date=D(2018, 6, 15))
    assert child not in due_for_review(on=D(2030, 1, 1))


def test_adoption_record_is_kept_100_years_from_the_order():
    child = ChildFactory(date_of_birth=D(1920, 1, 5))
    AdoptionPlanFactory(
        child=child,
        adm_decision_date=D(1924, 6, 1),
        matched_date=D(1924, 9, 1),
        placed_date=D(1924, 10, 1),
        adoption_order_date=D(1925, 3, 10),
        adopters=AdopterHouseholdFactory(),
    )
    assert child not in due_for_review(on=D(2025, 3, 10))
    assert child in due_for_review(on=D(2025, 3, 11))
    assert review_rows([child])[0].keep_until == D(2025, 3, 10)


def test_early_help_record_is_kept_6_years_after_closure_and_while_open():
    closed = ChildFactory(date_of_birth=D(2008, 1, 1))
    EarlyHelpEpisodeFactory(
        child=closed,
        start_date=D(2017, 9, 1),
        end_date=D(2018, 7, 31),
        closure_reason="outcomes_achieved",
    )
    still_open = ChildFactory(date_of_birth=D(2008, 1, 1))
    EarlyHelpEpisodeFactory(child=still_open, start_date=D(2017, 9, 1))
    assert closed not in due_for_review(on=D(2024, 7, 31))
    assert closed in due_for_review(on=D(2024, 8, 1))
    assert still_open not in due_for_review(on=D(2040, 1, 1))
    assert review_rows([still_open])[0].keep_until is None


def test_contact_only_is_kept_6_years_after_the_decision():
    child = ChildFactory(date_of_birth=D(2012, 4, 1))
    DecidedContactFactory(child=child, received_at=at(2019, 1, 9), decided_at=at(2019, 1, 10))
    assert child not in due_for_review(on=D(2025, 1, 10))
    assert child in due_for_review(on=D(2025, 1, 11))


def test_child_with_no_date_of_birth_is_kept_by_a_birthday_rule():
    child = _cp_child(None, expected_date_of_birth=D(2000, 1, 1))
    child.cin_episodes.update(close_date=D(2011, 1, 4), close_reason="RC1")
    assert child not in due_for_review(on=D(2090, 1, 1))


def test_category_with_no_rule_keeps_the_record():
    child = ChildFactory(date_of_birth=D(2012, 4, 1))
    DecidedContactFactory(child=child, received_at=at(2019, 1, 9), decided_at=at(2019, 1, 10))
    RetentionRule.objects.filter(category="contact_only").delete()
    assert child not in due_for_review(on=D(2040, 1, 1))


def test_people_with_no_records_are_never_listed():
    ChildFactory(date_of_birth=D(1900, 1, 1))
    assert not due_for_review(on=D(2025, 1, 1)).exists()


def test_default_rules_cite_their_source_or_say_they_are_local():
    rules = {rule.category: rule for rule in RetentionRule.objects.all()}
    assert rules["looked_after"].until_birthday == 75
    assert "regulation 50" in rules["looked_after"].source
    assert rules["adoption"].years_after_adoption_order == 100
    assert rules["child_protection"].until_birthday == 25
    assert "to be confirmed" in rules["early_help"].source
    assert rules["child_protection"].describe() == "until the 25th birthday"


# --- the page ----------------------------------------------------------------------------


def test_retention_page_unauthenticated_is_sent_to_sign_in(client):
    response = client.get(reverse("audit:retention"))
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_retention_page_refused_to_a_social_worker(client):
    client.force_login(staff())
    assert client.get(reverse("audit:retention")).status_code == 403


@pytest.mark.parametrize("role", [Role.DATA_PROTECTION_OFFICER, Role.ADMINISTRATOR])
def test_retention_page_lists_people_due_for_review(client, role):
    child = ChildFactory(given_name="Ada", family_name="Early", date_of_birth=D(2012, 4, 1))
    DecidedContactFactory(child=child, received_at=at(2015, 1, 9), decided_at=at(2015, 1, 10))
    client.force_login(UserFactory(role=role))
    body = client.get(reverse("audit:retention")).content.decode()
    assert "Ada Early" in body
    assert "10 Jan 2021" in body  # 6 years after the decision
    assert "Care Planning, Placement and Case Review (England) Regulations 2010" in body


def test_retention_page_has_no_way_to_delete(client):
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    assert client.post(reverse("audit:retention")).status_code == 405
    body = client.get(reverse("audit:retention")).content.decode()
    assert body.count('method="post"') == 1  # signing out, and nothing else
