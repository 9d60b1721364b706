import pytest

from kinfolio.casework import invariants
from kinfolio.casework.models import Visit
from tests.factories import (
    CaseNoteFactory,
    ChildFactory,
    ChildProtectionPlanFactory,
    CINPlanFactory,
    D,
    VisitFactory,
    assert_db_refuses,
    errors_of,
)

pytestmark = pytest.mark.django_db


def refused(instance, message):
    assert errors_of(instance) == {"__all__": [message]}
    assert_db_refuses(instance)


def test_visit_seen_alone_but_not_seen_is_refused():
    visit = VisitFactory()
    visit.seen, visit.seen_alone = False, True
    refused(visit, "A child seen alone must also be recorded as seen.")


def test_visit_seen_alone_is_allowed():
    assert errors_of(VisitFactory(seen_alone=True, childs_views="Wants more contact")) == {}


def test_visit_cin_plan_on_a_cp_visit_is_refused():
    plan = CINPlanFactory()
    visit = VisitFactory(child=plan.child, cin_plan=plan)
    visit.kind = "cp"
    refused(visit, "Only a child in need visit can be under a child in need plan.")


def test_visit_cp_plan_on_a_cin_visit_is_refused():
    plan = ChildProtectionPlanFactory()
    visit = VisitFactory(child=plan.child, kind="cp", cp_plan=plan)
    visit.kind = "cin"
    refused(visit, "Only a child protection visit can be under a child protection plan.")


def test_visit_looked_after_without_a_plan_is_allowed():
    assert errors_of(VisitFactory(kind="looked_after")) == {}


def test_visit_under_another_childs_plan_is_refused():
    visit = VisitFactory.build(
        child=ChildFactory(), worker=VisitFactory().worker, cin_plan=CINPlanFactory()
    )
    assert errors_of(visit) == {"cin_plan": ["The plan is for a different child."]}


def test_visit_outside_its_plan_is_refused():
    plan = ChildProtectionPlanFactory()
    visit = VisitFactory.build(
        child=plan.child,
        worker=VisitFactory().worker,
        kind="cp",
        cp_plan=plan,
        visit_date=D(2024, 3, 1),
    )
    assert errors_of(visit) == {"visit_date": ["The visit must be while the plan is in place."]}


def test_visit_during_its_plan_is_allowed():
    plan = CINPlanFactory()
    visit = VisitFactory.build(child=plan.child, worker=VisitFactory().worker, cin_plan=plan)
    assert errors_of(visit) == {}


def test_case_note_version_zero_is_refused():
    note = CaseNoteFactory()
    note.version = 0
    # PositiveIntegerField allows 0; the constraint asks for 1 or more.
    refused(note, "A case note's version starts at 1.")


def test_case_note_first_version_is_allowed():
    assert errors_of(CaseNoteFactory()) == {}


def test_visits_under_a_plan_are_during_it_finds_a_visit_after_the_plan():
    plan = CINPlanFactory(end_date=D(2024, 6, 1))
    visit = VisitFactory(child=plan.child, cin_plan=plan)
    VisitFactory(child=plan.child, cin_plan=plan, visit_date=D(2024, 5, 1))
    Visit.objects.filter(pk=visit.pk).update(visit_date=D(2024, 7, 1))
    assert invariants.visits_under_a_plan_are_during_it() == [
        f"visit {visit.pk}: under a plan for another child, or outside the plan's dates"
    ]
