"""Journeys: the director reads the inspection history on one axis, follows the 2012
action plan to an action, and reads the audit moderation report; each page screenshot
and checked with axe-core."""

from datetime import date

from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.inspection.models import Inspection
from kinfolio.quality_assurance import services
from kinfolio.quality_assurance.models import AuditTool
from tests.browser.axe import assert_accessible
from tests.browser.journey import sign_in
from tests.factories import ChildFactory
from tests.inspection.factories import audit_of, make_action


def moderated_audits(auditor, moderator) -> None:
    tool = AuditTool.objects.get()
    grades = {g.rank: g for g in tool.grades.all()}
    for auditor_rank, moderator_rank in ((3, 2), (4, 3)):
        audit = audit_of(ChildFactory(), auditor=auditor, moderator=moderator)
        for by, rank in ((auditor, auditor_rank), (moderator, moderator_rank)):
            chosen = {q.pk: grades[rank] for q in tool.questions.all()}
            services.record_grades(audit=audit, grades=chosen, by=by)


def test_director_reads_history_action_plan_and_moderation(page, screenshot, make_user, settings):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    director = make_user(Role.DIRECTOR, username="dcs", first_name="Gail", last_name="Tolley")
    manager = make_user(Role.TEAM_MANAGER, username="tm", first_name="Asha", last_name="Patel")
    recommendation = Inspection.objects.get(year=2012).recommendations.first()
    make_action(owner=manager, due_on=date(2012, 7, 20), recommendation=recommendation)
    moderated_audits(manager, director)

    sign_in(page, "dcs", start="/")
    page.get_by_role("link", name="Inspection", exact=True).click()

    expect(page.get_by_role("heading", name="Inspection history")).to_be_visible()
    expect(page.get_by_test_id("judgements-2012")).to_contain_text("Grade 3 (Adequate)")
    expect(page.get_by_test_id("judgements-2006")).to_contain_text("2 (adequate)")
    screenshot("1-history")
    assert_accessible(page)

    page.get_by_role("link", name="Inspection of safeguarding and looked after children").click()
    expect(page.get_by_role("heading", name="Action plan")).to_be_visible()
    expect(page.get_by_text("Overdue").first).to_be_visible()
    screenshot("2-action-plan")
    assert_accessible(page)

    page.get_by_role("link", name="Audit every strategy discussion record").click()
    expect(page.get_by_role("heading", name="Action", exact=True)).to_be_visible()
    screenshot("3-action")
    assert_accessible(page)

    page.goto("/audits/moderation/")
    table = page.get_by_test_id("moderation-gaps")
    expect(table).to_contain_text("Asha Patel")
    expect(table).to_contain_text("More generous")
    screenshot("4-moderation")
    assert_accessible(page)
