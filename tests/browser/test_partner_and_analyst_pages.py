"""Journeys: a police referrer sees their own referrals and what they were told; a
performance analyst sees the caseload summary and the pseudonymised list, and the
Returns page's errors and queries apart; a service manager sees an error under a rule
the DfE's validator is known to report wrongly marked as such, on the Returns page and
on the child's record."""

from django.utils import timezone
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.people.models import Person
from kinfolio.performance import views
from kinfolio.performance.selectors import pseudonym
from kinfolio.returns.models import ValidationRun
from kinfolio.returns.validation.client import Finding
from kinfolio.returns.validation.known_faults import LAC_VALIDATOR
from kinfolio.timescales.services import refresh_clocks
from kinfolio.workforce.models import Allocation
from tests.browser.axe import assert_accessible
from tests.browser.journey import sign_in
from tests.factories import (
    ChildFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    ContactFactory,
    D,
    DecidedContactFactory,
    ServiceFactory,
    TeamFactory,
    at,
)
from tests.factories_care import CareEpisodeFactory, CareLeaverStatusFactory
from tests.returns.factories import finished_validation


def test_partner_referrer_sees_their_referrals_and_the_outcome_told(
    page, screenshot, make_user, settings
):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    officer = make_user(
        Role.PARTNER_REFERRER, username="pc-hughes", first_name="Dee", last_name="Hughes"
    )
    DecidedContactFactory(
        referred_by=officer,
        child=ChildFactory(given_name="Amara", family_name="Okafor"),
        source="6",
        received_at=at(2025, 11, 3, 9),
        decided_at=at(2025, 11, 3, 16),
        concern_summary="Domestic abuse incident; children present.",
        referrer_informed_at=at(2025, 11, 4, 10),
        referrer_informed_method="email",
        referrer_informed_content="A social worker is assessing the family's needs; "
        "we will contact you if we need more information.",
    )
    ContactFactory(
        referred_by=officer,
        child=ChildFactory(given_name="Leo", family_name="Brennan"),
        source="6",
        received_at=at(2026, 2, 27, 22, 40),
    )
    ContactFactory(child=ChildFactory(given_name="Jakub", family_name="Nowak"), source="6")

    sign_in(page, "pc-hughes", start="/")

    expect(page.get_by_role("heading", name="Your referrals")).to_be_visible()
    table = page.get_by_test_id("my-referrals")
    expect(table).to_contain_text("Outcome sent to you on 4 November 2025: A social worker")
    expect(table).to_contain_text("We have not sent you the outcome yet")
    expect(table).not_to_contain_text("Jakub Nowak")
    expect(table).not_to_contain_text("Domestic abuse")
    expect(page.get_by_role("link", name="Find a child")).to_have_count(0)
    screenshot("1-your-referrals")


def test_analyst_sees_the_caseload_summary_and_a_pseudonymised_list(
    page, screenshot, make_user, settings, monkeypatch
):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    monkeypatch.setattr(views, "LIST_PAGE_SIZE", 2)
    locality = TeamFactory(name="Locality north")
    in_care = TeamFactory(
        name="Children in care",
        service=ServiceFactory(name="Children in care"),
        team_type="children_in_care",
    )
    in_need = CINEpisodeFactory(team=locality).child
    on_plan = ChildProtectionPlanFactory().child  # with its own open child in need episode
    for child in (in_need, on_plan):
        Allocation.objects.create(
            child=child, team=locality, role="social_worker", start_date=D(2025, 1, 6)
        )
    looked_after = []
    for born, placement in ((D(2012, 4, 1), "U4"), (D(2009, 9, 9), "K2"), (D(2024, 8, 1), "U6")):
        child = ChildFactory(given_name="Ruby", family_name="Hidden", sex="F", date_of_birth=born)
        CINEpisodeFactory(child=child, team=in_care)
        CareEpisodeFactory(
            period__child=child, period__start_date=D(2025, 5, 1), placement_type=placement
        )
        Allocation.objects.create(
            child=child, team=in_care, role="social_worker", start_date=D(2025, 5, 1)
        )
        looked_after.append(child)
    CareLeaverStatusFactory(child=looked_after[1], start_date=D(2025, 9, 9))
    refresh_clocks(Person.objects.filter(is_child_subject=True))  # as the services and daily job do
    make_user(Role.PERFORMANCE_ANALYST, username="analyst", first_name="Ana", last_name="Lyst")

    sign_in(page, "analyst", start="/")

    expect(page.get_by_role("heading", name="Caseload summary")).to_be_visible()
    summary = page.get_by_test_id("caseload-summary")
    expect(summary.get_by_role("row", name="All teams")).to_contain_text("5")
    listed = page.get_by_test_id("looked-after-pseudonymised")
    expect(listed).to_contain_text("3 children, 1 to 2 shown")
    expect(page.locator("main")).not_to_contain_text("Ruby")
    expect(page.locator("main")).not_to_contain_text("Hidden")
    screenshot("1-caseload-summary")
    page.get_by_role("link", name="Next page").click()
    expect(listed).to_contain_text("3 children, 3 to 3 shown")
    shown = {
        pseudonym(child.pk) for child in looked_after if pseudonym(child.pk) in listed.inner_text()
    }
    assert len(shown) == 1
    screenshot("2-pseudonymised-list-page-2")


def test_analyst_sees_errors_and_queries_apart_on_the_returns_page(
    page, screenshot, make_user, settings
):
    """The Returns page: each validation's errors and its queries (what the DfE asks a
    council to check, which does not stop a return) side by side, in the years table,
    the chart and the table under it, and on the validation's own page."""
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    analyst = make_user(Role.PERFORMANCE_ANALYST, username="analyst")
    child = ChildFactory(local_id="KF0000013")
    for kind, errors, queries in (("ssda903", 3, 0), ("cin", 1, 4), ("cin", 0, 2)):
        run = ValidationRun.objects.create(
            kind=kind,
            collection_year=2026,
            requested_by=analyst,
            status="done",
            finished_at=timezone.now(),
            error_count=errors,
            query_count=queries,
            validator_seconds=12.5,
        )
        for n in range(errors + queries):
            run.issues.create(
                rule="8670Q" if n >= errors else "8500",
                message="Assessment open" if n >= errors else "LA child ID missing",
                la_child_id=child.local_id,
                child=child,
                query=n >= errors,
            )

    sign_in(page, "analyst", start="/returns/")

    expect(page.get_by_test_id("return-years")).to_contain_text("0 errors, 2 queries")
    history = page.get_by_test_id("error-history")
    expect(history.get_by_role("columnheader", name="Queries")).to_be_visible()
    expect(history.get_by_role("row").nth(2)).to_contain_text("CIN census")
    screenshot("1-errors-and-queries")
    page.get_by_role("link", name="0 errors, 2 queries").click()
    expect(page.get_by_test_id("error-count")).to_contain_text("0 errors and 2 queries")
    expect(page.get_by_test_id("rule-8670Q")).to_contain_text("Rule 8670Q: 2 queries")
    screenshot("2-a-validation-with-queries")


def test_manager_sees_a_known_fault_of_the_validator_marked_beside_the_error(
    page, screenshot, make_user, settings
):
    """An error under SW12STG2, which csc-validator-be-903 0.1.17 reports on records that
    meet the DfE's rule, is still counted and listed, and marked with when the validator
    is wrong and what to do, on the validation's page and on the child's record."""
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    manager = make_user(Role.SERVICE_MANAGER, username="manager")
    TeamFactory()
    found = [
        Finding("SW12STG2", "All social worker episodes", "KF0000021", "Episodes", "SW_DECOM", 0),
        Finding("378", "Placed with parents under s20", "KF0000022", "Episodes", "PLACE", 1),
    ]
    run = finished_validation(
        validator=LAC_VALIDATOR, version="0.1.17", findings=found, requested_by=manager
    )

    sign_in(page, "manager", start=f"/returns/validations/{run.pk}/")
    expect(page.get_by_test_id("error-count")).to_contain_text("2 errors")
    expect(page.get_by_test_id("known-fault-count")).to_contain_text("1 of these is marked")
    group = page.get_by_test_id("rule-SW12STG2")
    expect(group).to_contain_text("Known fault in the DfE validator")
    expect(page.get_by_test_id("rule-378")).not_to_contain_text("Known fault")
    group.get_by_text("Rule SW12STG2: 1 error").click()
    expect(group.get_by_test_id("known-fault-SW12STG2")).to_contain_text("What to do")
    screenshot("1-a-known-fault-on-the-validation")
    assert_accessible(page)

    group.get_by_role("link", name="KF0000021").click()
    panel = page.get_by_test_id("data-quality")
    expect(panel).to_contain_text("Known fault in the DfE validator")
    panel.get_by_text("When csc-validator-be-903 0.1.17 reports rule SW12STG2 wrongly").click()
    expect(panel.get_by_test_id("known-fault-SW12STG2")).to_be_visible()
    screenshot("2-the-same-on-the-childs-record")
    assert_accessible(page)
