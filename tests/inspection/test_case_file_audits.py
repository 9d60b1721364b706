from datetime import date
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.quality_assurance import selectors, services
from kinfolio.quality_assurance.models import Audit, AuditTool
from tests.factories import ChildFactory
from tests.factories_accounts import UserFactory, staff
from tests.inspection.factories import audit_of

pytestmark = pytest.mark.django_db


def tool() -> AuditTool:
    return AuditTool.objects.get()


def grades_by_label() -> dict:
    return {g.label: g for g in tool().grades.all()}


def grade(audit, labels: list[str], by):
    """Grade the audit's five questions with the given labels, in question order."""
    by_label = grades_by_label()
    questions = list(tool().questions.all())
    chosen = {q.pk: by_label[label] for q, label in zip(questions, labels, strict=True)}
    services.record_grades(audit=audit, grades=chosen, by=by)


def test_moderation_gap_per_auditor_and_theme_worked_by_hand():
    """Starter tool: questions 1-2 "Safety and risk", 3 "The child's voice", 4 "Planning",
    5 "Management oversight". Ranks: Outstanding 4, Good 3, Requires improvement 2,
    Inadequate 1.

    Asha audits two children, Ben one; Moira moderates all three.
      Asha, child 1: auditor O G G G G  (4 3 3 3 3), moderator G RI G RI G (3 2 3 2 3)
                     gaps 1 1 0 1 0
      Asha, child 2: auditor G G O G G  (3 3 4 3 3), moderator G I G G RI (3 1 3 3 2)
                     gaps 0 2 1 0 1
      Ben,  child 3: auditor RI RI G G I (2 2 3 3 1), moderator G RI G O I (3 2 3 4 1)
                     gaps -1 0 0 -1 0
    Asha: safety and risk (1+1+0+2)/4 = 1; child's voice (0+1)/2 = 1/2; planning
    (1+0)/2 = 1/2; oversight (0+1)/2 = 1/2; all themes 7/10.
    Ben: safety and risk (-1+0)/2 = -1/2; voice 0; planning -1; oversight 0; all -2/5.
    """
    asha = UserFactory(role=Role.TEAM_MANAGER, first_name="Asha", last_name="Patel")
    ben = UserFactory(role=Role.TEAM_MANAGER, first_name="Ben", last_name="Cole")
    moira = UserFactory(role=Role.SERVICE_MANAGER, first_name="Moira", last_name="Moderator")
    plan = [
        (asha, ["Outstanding", "Good", "Good", "Good", "Good"],
         ["Good", "Requires improvement", "Good", "Requires improvement", "Good"]),
        (asha, ["Good", "Good", "Outstanding", "Good", "Good"],
         ["Good", "Inadequate", "Good", "Good", "Requires improvement"]),
        (ben, ["Requires improvement", "Requires improvement", "Good", "Good", "Inadequate"],
         ["Good", "Requires improvement", "Good", "Outstanding", "Inadequate"]),
    ]  # fmt: skip
    for auditor, audited, moderated in plan:
        audit = audit_of(ChildFactory(), auditor=auditor, moderator=moira)
        grade(audit, audited, auditor)
        grade(audit, moderated, moira)

    gaps = {(g.auditor, g.theme): (g.answers, g.gap) for g in selectors.moderation_gaps()}

    assert gaps == {
        ("Asha Patel", "Safety and risk"): (4, Fraction(1)),
        ("Asha Patel", "The child's voice"): (2, Fraction(1, 2)),
        ("Asha Patel", "Planning"): (2, Fraction(1, 2)),
        ("Asha Patel", "Management oversight"): (2, Fraction(1, 2)),
        ("Asha Patel", "All themes"): (10, Fraction(7, 10)),
        ("Ben Cole", "Safety and risk"): (2, Fraction(-1, 2)),
        ("Ben Cole", "The child's voice"): (1, Fraction(0)),
        ("Ben Cole", "Planning"): (1, Fraction(-1)),
        ("Ben Cole", "Management oversight"): (1, Fraction(0)),
        ("Ben Cole", "All themes"): (5, Fraction(-2, 5)),
    }


def test_unmoderated_audits_are_left_out_of_the_gap():
    auditor = UserFactory(role=Role.TEAM_MANAGER)
    grade(audit_of(ChildFactory(), auditor=auditor), ["Good"] * 5, auditor)
    assert selectors.moderation_gaps() == []


def test_moderator_cannot_grade_before_the_auditor_nor_can_anyone_else():
    auditor, moderator = UserFactory(role=Role.TEAM_MANAGER), UserFactory(role=Role.DIRECTOR)
    audit = audit_of(ChildFactory(), auditor=auditor, moderator=moderator)
    with pytest.raises(ValidationError, match="once the auditor has graded"):
        grade(audit, ["Good"] * 5, moderator)
    with pytest.raises(ValidationError, match="auditor or moderator"):
        grade(audit, ["Good"] * 5, UserFactory(role=Role.TEAM_MANAGER))
    assert not audit.answers.exists()


def test_random_sample_is_drawn_from_visible_children_and_repeatable(two_services):
    director = staff(Role.DIRECTOR)
    auditors = [UserFactory(role=Role.TEAM_MANAGER), UserFactory(role=Role.TEAM_MANAGER)]
    for _ in range(6):
        ChildFactory()  # not allocated: still visible to the director
    first = services.draw_sample(
        tool=tool(), name="March", auditors=auditors, by=director, size=4, seed=7,
        moderators=[director], moderate=2,
    )  # fmt: skip
    again = services.draw_sample(
        tool=tool(), name="March again", auditors=auditors, by=director, size=4, seed=7
    )
    children = sorted(first.audits.values_list("child_id", flat=True))
    assert children == sorted(again.audits.values_list("child_id", flat=True))
    assert first.audits.filter(moderator=director).count() == 2
    assert {a.auditor for a in first.audits.all()} == set(auditors)


def test_sample_of_chosen_children_refuses_one_the_user_cannot_see(two_services):
    manager = staff(Role.TEAM_MANAGER)
    with pytest.raises(ValidationError, match="No child you can see"):
        services.draw_sample(
            tool=tool(), name="x", auditors=[manager], by=manager, local_ids=["C999999"]
        )
    assert not Audit.objects.exists()


def test_audit_action_shows_on_the_childs_record(client):
    director = staff(Role.DIRECTOR)
    child = ChildFactory()
    audit = audit_of(child, auditor=director)
    services.add_audit_action(
        audit=audit, description="Record the strategy discussion", owner=director,
        due_on=date(2030, 1, 1), by=director,
    )  # fmt: skip
    client.force_login(director)
    body = client.get(reverse("people:child", args=[child.local_id])).content.decode()
    assert "Record the strategy discussion" in body


def test_audit_page_lets_the_auditor_grade(client):
    director = staff(Role.DIRECTOR)
    child = ChildFactory()
    audit = audit_of(child, auditor=director)
    client.force_login(director)
    url = reverse("quality_assurance:audit", args=[child.local_id, audit.pk])
    good = grades_by_label()["Good"].pk
    data = {f"q{q.pk}": good for q in tool().questions.all()}

    response = client.post(url, data)

    assert response.status_code == 302
    assert audit.answers.count() == 5
    assert client.post(url, {}).status_code == 200  # errors shown, nothing changed
    assert audit.answers.count() == 5


def test_audit_page_refuses_grades_from_a_reader(client):
    child = ChildFactory()
    audit = audit_of(child)
    client.force_login(staff(Role.DIRECTOR))
    url = reverse("quality_assurance:audit", args=[child.local_id, audit.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 403


def test_moderation_report_pages(client):
    url = reverse("quality_assurance:moderation")
    assert client.get(url)["Location"].startswith(reverse("accounts:sign-in"))
    client.force_login(UserFactory(role=Role.SOCIAL_WORKER))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(role=Role.INSPECTOR))
    assert "No audit has been moderated yet" in client.get(url).content.decode()


def test_audits_and_sample_pages(client):
    client.force_login(staff(Role.SERVICE_MANAGER))
    assert client.get(reverse("quality_assurance:audits")).status_code == 200
    response = client.post(reverse("quality_assurance:sample-new"), {"name": "x"})
    assert "There is a problem" in response.content.decode()
    client.force_login(staff(Role.TEAM_MANAGER))
    assert client.get(reverse("quality_assurance:sample-new")).status_code == 403
