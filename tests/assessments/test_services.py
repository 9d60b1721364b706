import pytest
from django.core.exceptions import PermissionDenied

from kinfolio.accounts.models import Role
from kinfolio.assessments.models import Assessment, AssessmentFactor
from kinfolio.assessments.services import assessments, authorisation
from kinfolio.audit.models import ChangeEvent
from kinfolio.core.versions import StaleRecord
from kinfolio.notifications.models import Notification
from tests.factories import AssessmentFactory, CINEpisodeFactory, D, WorkerFactory
from tests.factories_accounts import staff
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_user():
    return staff(Role.SOCIAL_WORKER)


@pytest.fixture
def manager():
    return staff(Role.TEAM_MANAGER)


def complete(**fields) -> Assessment:
    """An assessment with every section written, sent for authorisation."""
    assessment = AssessmentFactory(
        child_seen=True,
        child_seen_alone=True,
        child_seen_date=D(2024, 3, 6),
        analysis="Risks are reducing.",
        worker=WorkerFactory(),
        **fields,
    )
    AssessmentFactor.objects.create(assessment=assessment, factor="3A")
    return assessment


def submitted(**fields) -> Assessment:
    assessment = complete(**fields)
    assessment.submitted_at = assessment.created_at
    assessment.save()
    return assessment


def test_start_stores_the_due_date_the_engine_gives_from_the_referral(worker_user):
    episode = CINEpisodeFactory(referral_date=D(2024, 3, 4))

    assessment = assessments.start(episode=episode, start_date=D(2024, 3, 5), by=worker_user)

    # 45 working days from Monday 4 March 2024, past Good Friday, Easter Monday and 6 May.
    assert assessment.due_date == D(2024, 5, 9)
    assert ChangeEvent.objects.filter(model="assessments.assessment", kind="created").exists()


def test_start_is_refused_in_a_closed_episode(worker_user):
    episode = CINEpisodeFactory(close_date=D(2024, 3, 10), close_reason="RC8")

    assert_refused(
        lambda: assessments.start(episode=episode, start_date=D(2024, 3, 5), by=worker_user),
        message="The child in need episode is closed",
        counted=[Assessment],
    )


def test_record_child_seen_needs_the_date(worker_user):
    assessment = AssessmentFactory()

    assert_refused(
        lambda: assessments.record_child_seen(
            assessment=assessment,
            child_seen=True,
            child_seen_alone=False,
            child_seen_date=None,
            opened_version=1,
            by=worker_user,
        ),
        message="Enter the date the child was seen",
        unchanged=[assessment],
    )


def test_record_child_seen_alone_means_seen(worker_user):
    assessment = AssessmentFactory()

    assert_refused(
        lambda: assessments.record_child_seen(
            assessment=assessment,
            child_seen=False,
            child_seen_alone=True,
            child_seen_date=None,
            opened_version=1,
            by=worker_user,
        ),
        message="seen alone must also be recorded as seen",
        unchanged=[assessment],
    )


def test_record_child_seen_with_the_date_and_alone(worker_user):
    assessment = AssessmentFactory()

    assessments.record_child_seen(
        assessment=assessment,
        child_seen=True,
        child_seen_alone=True,
        child_seen_date=D(2024, 3, 7),
        opened_version=1,
        by=worker_user,
    )

    assessment.refresh_from_db()
    assert (assessment.child_seen_date, assessment.child_seen_alone, assessment.version) == (
        D(2024, 3, 7),
        True,
        2,
    )


def test_record_childs_views_refuses_no_views_and_no_reason(worker_user):
    assessment = AssessmentFactory(childs_views="")

    assert_refused(
        lambda: assessments.record_childs_views(
            assessment=assessment,
            childs_views=" ",
            childs_views_not_recorded_code="",
            childs_views_not_recorded_reason="",
            opened_version=1,
            by=worker_user,
        ),
        message="Enter the child's views",
        unchanged=[assessment],
    )


def test_record_childs_views_with_a_reason_clears_nothing_else(worker_user):
    assessment = AssessmentFactory(childs_views="")

    assessments.record_childs_views(
        assessment=assessment,
        childs_views="",
        childs_views_not_recorded_code="too_young",
        childs_views_not_recorded_reason="Eight months old; observed with mother.",
        opened_version=1,
        by=worker_user,
    )

    assessment.refresh_from_db()
    assert assessment.voice_status == "not_recorded_with_reason"


def test_record_childs_views_refuses_a_stale_edit_and_keeps_the_newer_text(worker_user):
    assessment = AssessmentFactory(childs_views="")
    colleague = staff(Role.SOCIAL_WORKER, username="a.colleague")
    voice = {"childs_views_not_recorded_code": "", "childs_views_not_recorded_reason": ""}
    assessments.record_childs_views(
        assessment=assessment,
        childs_views="Wants to see dad.",
        opened_version=1,
        by=colleague,
        **voice,
    )
    history = ChangeEvent.objects.count()

    with pytest.raises(StaleRecord) as stale:
        assessments.record_childs_views(
            assessment=Assessment.objects.get(pk=assessment.pk),
            childs_views="Likes school.",
            opened_version=1,
            by=worker_user,
            **voice,
        )

    assert "changed by a.colleague" in stale.value.message
    assert [c.new_value for c in stale.value.changes] == ["Wants to see dad."]
    assessment.refresh_from_db()
    assert assessment.childs_views == "Wants to see dad."
    assert assessment.version == 2
    assert ChangeEvent.objects.count() == history


def test_record_analysis_is_required(worker_user):
    assessment = AssessmentFactory()

    assert_refused(
        lambda: assessments.record_analysis(
            assessment=assessment, analysis="", opened_version=1, by=worker_user
        ),
        message="Enter the analysis",
        unchanged=[assessment],
    )


def test_record_factors_replaces_the_factors_with_history(worker_user):
    assessment = AssessmentFactory()
    AssessmentFactor.objects.create(assessment=assessment, factor="3A")

    assessments.record_factors(
        assessment=assessment, factors=["2B", "4A"], opened_version=1, by=worker_user
    )

    assert sorted(assessment.factors.values_list("factor", flat=True)) == ["2B", "4A"]
    assert ChangeEvent.objects.filter(model="assessments.assessmentfactor", kind="deleted").count()
    assert ChangeEvent.objects.filter(model="assessments.assessmentfactor", kind="created").count()


def test_record_factors_refuses_an_unknown_code(worker_user):
    assessment = AssessmentFactory()

    assert_refused(
        lambda: assessments.record_factors(
            assessment=assessment, factors=["99Z"], opened_version=1, by=worker_user
        ),
        message="Select factors from the list",
        counted=[AssessmentFactor],
        unchanged=[assessment],
    )


def test_an_authorised_assessment_cannot_be_changed(worker_user):
    assessment = AssessmentFactory(authorised_date=D(2024, 4, 1), outcome_nfa=True)

    assert_refused(
        lambda: assessments.record_analysis(
            assessment=assessment, analysis="Later thoughts", opened_version=1, by=worker_user
        ),
        message="authorised and can no longer be changed",
        unchanged=[assessment],
    )


def test_submit_is_refused_until_every_section_is_recorded(worker_user):
    assessment = AssessmentFactory(childs_views="")

    refused = assert_refused(
        lambda: authorisation.submit(assessment=assessment, opened_version=1, by=worker_user),
        message="Enter the analysis",
        unchanged=[assessment],
    )

    assert set(refused.message_dict) == {"child_seen", "childs_views", "analysis", "factors"}


def test_submit_sends_a_complete_assessment_for_authorisation(worker_user):
    assessment = complete()

    authorisation.submit(assessment=assessment, opened_version=1, by=worker_user)

    assessment.refresh_from_db()
    assert assessment.submitted_at is not None


def test_authorise_records_the_outcome_manager_and_census_date(manager):
    assessment = submitted()

    authorisation.authorise(
        assessment=assessment,
        authorised_date=D(2024, 4, 2),
        outcomes=["strategy_discussion", "cin_plan"],
        opened_version=1,
        by=manager,
    )

    assessment.refresh_from_db()
    assert assessment.authorised_date == D(2024, 4, 2)
    assert assessment.outcomes == ["Child in need plan", "Strategy discussion"]
    assert assessment.signed_off_by == manager.worker
    assert assessment.signed_off_at


def test_authorise_is_refused_to_a_social_worker(worker_user):
    assessment = submitted()

    with pytest.raises(PermissionDenied):
        authorisation.authorise(
            assessment=assessment,
            authorised_date=D(2024, 4, 2),
            outcomes=["nfa"],
            opened_version=1,
            by=worker_user,
        )
    assessment.refresh_from_db()
    assert assessment.authorised_date is None


def test_authorise_is_refused_to_the_manager_who_wrote_it(manager):
    assessment = submitted()
    assessment.worker = manager.worker
    assessment.save()

    assert_refused(
        lambda: authorisation.authorise(
            assessment=assessment,
            authorised_date=D(2024, 4, 2),
            outcomes=["nfa"],
            opened_version=1,
            by=manager,
        ),
        message="cannot authorise an assessment they wrote",
        unchanged=[assessment],
    )


def test_authorise_is_refused_before_it_is_sent(manager):
    assessment = complete()

    assert_refused(
        lambda: authorisation.authorise(
            assessment=assessment,
            authorised_date=D(2024, 4, 2),
            outcomes=["nfa"],
            opened_version=1,
            by=manager,
        ),
        message="has not been sent for authorisation",
        unchanged=[assessment],
    )


def test_authorise_refuses_no_further_action_with_a_plan(manager):
    assessment = submitted()

    assert_refused(
        lambda: authorisation.authorise(
            assessment=assessment,
            authorised_date=D(2024, 4, 2),
            outcomes=["nfa", "cin_plan"],
            opened_version=1,
            by=manager,
        ),
        message="No further action cannot be combined",
        unchanged=[assessment],
    )


def test_authorise_refuses_a_date_before_the_assessment_started(manager):
    assessment = submitted()

    assert_refused(
        lambda: authorisation.authorise(
            assessment=assessment,
            authorised_date=D(2024, 3, 1),
            outcomes=["nfa"],
            opened_version=1,
            by=manager,
        ),
        message="on or after the assessment started",
        unchanged=[assessment],
    )


def test_return_for_changes_takes_it_off_the_queue_with_what_to_change(manager):
    assessment = submitted()
    author = staff(Role.SOCIAL_WORKER)
    assessment.worker = author.worker
    assessment.save()

    authorisation.return_for_changes(
        assessment=assessment,
        reason="Say what the school told you about attendance.",
        opened_version=1,
        by=manager,
    )

    assessment.refresh_from_db()
    assert assessment.submitted_at is None
    assert assessment.returned_reason.startswith("Say what the school")
    assert author.notifications.get().kind == "assessment_returned"


def test_return_for_changes_is_refused_without_a_reason(manager):
    assessment = submitted()

    assert_refused(
        lambda: authorisation.return_for_changes(
            assessment=assessment, reason="  ", opened_version=1, by=manager
        ),
        message="Enter what needs to change",
        unchanged=[assessment],
    )
    assert not Notification.objects.exists()


def test_submit_tells_the_team_manager(worker_user, manager):
    assessment = complete()
    team = assessment.worker.team
    team.manager = manager.worker
    team.save()

    authorisation.submit(assessment=assessment, opened_version=1, by=worker_user)

    [note] = Notification.objects.filter(recipient=manager)
    assert note.kind == "assessment_to_authorise"
    assert note.link.endswith(f"/assessments/{assessment.pk}/authorise/")


def test_a_refused_submit_tells_nobody(worker_user):
    assessment = AssessmentFactory(childs_views="")

    assert_refused(
        lambda: authorisation.submit(assessment=assessment, opened_version=1, by=worker_user),
        message="Enter the analysis",
        counted=[Notification],
    )


def test_authorise_tells_the_worker_who_wrote_it(manager, worker_user):
    assessment = submitted()
    assessment.worker = worker_user.worker
    assessment.save()

    authorisation.authorise(
        assessment=assessment,
        authorised_date=D(2024, 4, 2),
        outcomes=["cin_plan"],
        opened_version=1,
        by=manager,
    )

    [note] = Notification.objects.filter(recipient=worker_user)
    assert note.kind == "assessment_authorised"
    assert "Child in need plan" in note.body
