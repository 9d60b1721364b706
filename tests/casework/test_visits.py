import pytest

from kinfolio.accounts.models import Role
from kinfolio.casework.models import Visit
from kinfolio.casework.services import visits
from tests.factories import ChildProtectionPlanFactory, D
from tests.factories_accounts import staff
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return staff(Role.SOCIAL_WORKER)


def visit(user, plan, **fields):
    values = {
        "child": plan.child,
        "kind": "cp",
        "visit_date": D(2024, 4, 2),
        "worker": user.worker,
        "seen": True,
        "seen_alone": True,
        "childs_views": "School is good.",
        "childs_views_not_recorded_code": "",
        "childs_views_not_recorded_reason": "",
        "cp_plan": plan,
        "by": user,
    }
    return lambda: visits.record_visit(**{**values, **fields})


def test_record_visit_seen_alone_with_the_childs_views(user):
    plan = ChildProtectionPlanFactory()

    made = visit(user, plan)()

    assert made.seen_alone
    assert made.cp_plan == plan
    assert made.voice_status == "recorded"


def test_record_visit_seen_alone_but_not_seen_is_refused(user):
    assert_refused(
        visit(user, ChildProtectionPlanFactory(), seen=False),
        message="seen alone must also be recorded as seen",
        counted=[Visit],
    )


def test_record_visit_not_seen_needs_the_not_seen_reason(user):
    assert_refused(
        visit(
            user,
            ChildProtectionPlanFactory(),
            seen=False,
            seen_alone=False,
            childs_views="",
            childs_views_not_recorded_code="declined",
            childs_views_not_recorded_reason="Out",
        ),
        message="The child was not seen",
        counted=[Visit],
    )


def test_record_visit_not_seen_with_the_reason(user):
    made = visit(
        user,
        ChildProtectionPlanFactory(),
        seen=False,
        seen_alone=False,
        childs_views="",
        childs_views_not_recorded_code="not_seen",
        childs_views_not_recorded_reason="Nobody home; card left.",
    )()

    assert made.voice_status == "not_recorded_with_reason"


def test_record_visit_outside_the_plan_is_refused(user):
    assert_refused(
        visit(user, ChildProtectionPlanFactory(), visit_date=D(2024, 3, 1)),
        message="The visit must be while the plan is in place",
        counted=[Visit],
    )
