"""Journey (issue 14): referral, accommodated under section 20 (V2), interim care order
(C1), a placement move, care order (C2), a review chaired by the IRO, turning 18 and
leaving care, then a care leaver with a pathway plan and a personal adviser. Each step
is screenshotted and checked with axe-core.

The child is born on 20 November 2008, so the journey's dates (June to November 2026)
take them to 18 without moving any clock.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.care_leavers.models import CareLeaverStatus, PathwayPlan
from kinfolio.children_in_care.models import CareEpisode, ReviewRecommendation
from tests.browser.test_protection_journey import D, Steps, fill_date, sign_in, sign_out
from tests.factories import WorkerFactory
from tests.factories_care import FosterHouseholdFactory


@pytest.fixture
def people(make_user, two_services, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    team = two_services["team"]
    child = two_services["ours"]
    child.date_of_birth = D(2008, 11, 20)
    child.save(update_fields=["date_of_birth"])
    make_user(Role.SOCIAL_WORKER, username="sw", worker=two_services["worker"])
    iro = make_user(Role.IRO, username="iro", worker=WorkerFactory(team=team, job_title="IRO"))
    adviser = make_user(
        Role.PERSONAL_ADVISER,
        username="pa",
        worker=WorkerFactory(team=team, job_title="Personal adviser"),
    )
    return {
        "child": child,
        "iro": iro.worker,
        "adviser": adviser.worker,
        "worker": two_services["worker"],
        "carers": FosterHouseholdFactory(carers="Sam and Lee Hart"),
        "new_carers": FosterHouseholdFactory(carers="Pat Green", postcode="MK6 2BB"),
    }


def _placement(page, household) -> None:
    page.locator('[name="placement_type"]').select_option("U4")
    page.locator('[name="placement_provider"]').select_option("PR1")
    page.locator('[name="foster_household"]').select_option(str(household.pk))


def _change(page, steps, name: str, day, *, legal_status="", move_to=None) -> None:
    page.get_by_role("link", name="Record a change of legal status or placement").click()
    fill_date(page, "day", day)
    if legal_status:
        page.locator('[name="legal_status"]').select_option(legal_status)
    if move_to is not None:
        page.get_by_label("The child moved placement or carer").check()
        page.locator('[name="reason_place_change"]').select_option("CARPL")
        _placement(page, move_to)
    steps.check(name)
    steps.save(banner="Change recorded")


def test_referral_to_care_leaver_with_a_pathway_plan(page, screenshot, people):
    child, steps = people["child"], Steps(page, screenshot)
    care = reverse("children_in_care:care", args=[child.local_id])

    sign_in(page, "sw")
    page.goto(reverse("protection:journey", args=[child.local_id]))
    page.get_by_role("link", name="Open a referral").click()
    fill_date(page, "referral_date", D(2026, 6, 1))
    page.get_by_label("Source of the referral").select_option("2A")
    steps.check("referral")
    steps.save(banner="Referral opened")

    page.goto(reverse("people:child", args=[child.local_id]))
    page.get_by_role("link", name="Looked after: care and episodes").click()
    steps.check("care-not-looked-after")
    page.get_by_role("link", name="The child becomes looked after").click()
    fill_date(page, "day", D(2026, 6, 3))
    page.locator('[name="legal_status"]').select_option("V2")
    page.locator('[name="category_of_need"][value="N1"]').check()
    _placement(page, people["carers"])
    steps.check("accommodated-section-20")
    steps.save(banner="the child is looked after")
    expect(page.get_by_test_id("episodes")).to_contain_text("V2")
    steps.check("care-record-v2")

    _change(page, steps, "interim-care-order", D(2026, 6, 20), legal_status="C1")
    _change(page, steps, "placement-move", D(2026, 7, 10), move_to=people["new_carers"])
    _change(page, steps, "care-order", D(2026, 9, 1), legal_status="C2")
    expect(page.get_by_test_id("episodes")).to_contain_text("C2")
    steps.check("care-record-episodes")
    assert list(
        CareEpisode.objects.filter(period__child=child)
        .order_by("start_date")
        .values_list("legal_status", "reason_new_episode")
    ) == [("V2", "S"), ("C1", "L"), ("C1", "P"), ("C2", "L")]

    sign_out(page)
    sign_in(page, "iro")
    page.goto(care)
    page.get_by_role("link", name="Record the review").first.click()
    fill_date(page, "review_date", D(2026, 6, 30))
    page.locator('[name="participation"][value="PN1"]').check()
    page.locator('[name="chair"]').select_option(str(people["iro"].pk))
    page.get_by_label("The child's views, wishes and feelings").fill(
        "I want to stay near my school and see my brother."
    )
    page.get_by_label("Recommendation 1", exact=True).fill(
        "Arrange weekly contact with her brother"
    )
    page.locator('[name="recommendation_1_owner"]').select_option(str(people["worker"].pk))
    fill_date(page, "recommendation_1_due_date", D(2026, 7, 31))
    steps.check("review-chaired-by-iro")
    steps.save(banner="Review recorded")
    expect(page.get_by_test_id("recommendations")).to_contain_text("Arrange weekly contact")
    steps.check("care-record-recommendation")
    assert ReviewRecommendation.objects.get(child=child).owner == people["worker"]

    sign_out(page)
    sign_in(page, "sw")
    page.goto(care)
    page.get_by_role("link", name="The child stops being looked after").click()
    fill_date(page, "day", D(2026, 11, 20))  # the 18th birthday
    page.locator('[name="reason"]').select_option("E17")
    steps.check("turns-18-leaves-care")
    steps.save(banner="the child has left care")
    assert CareLeaverStatus.objects.get(child=child).eligibility == "former_relevant"

    sign_out(page)
    sign_in(page, "pa")
    page.goto(reverse("people:child", args=[child.local_id]))
    page.get_by_role("link", name="Leaving care: pathway plan and personal adviser").click()
    expect(page.get_by_test_id("care-leaver-summary")).to_contain_text("Former relevant")
    steps.check("care-leaver")
    page.get_by_role("link", name="Record a pathway plan").click()
    fill_date(page, "start_date", D(2026, 11, 25))
    page.locator('[name="personal_adviser"]').select_option(str(people["adviser"].pk))
    steps.check("pathway-plan")
    steps.save(banner="Pathway plan recorded")
    expect(page.get_by_test_id("pathway-plan")).to_contain_text("next review due 25 May 2027")
    steps.check("care-leaver-with-pathway-plan")
    assert PathwayPlan.objects.get(child=child).personal_adviser == people["adviser"]
