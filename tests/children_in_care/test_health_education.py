"""Health, education and the school term dates behind PEP deadlines."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.children_in_care.models import (
    DentalCheck,
    HealthAssessment,
    Immunisations,
    PersonalEducationPlan,
    SDQScore,
)
from kinfolio.children_in_care.record import next_pep_due
from kinfolio.children_in_care.services import health
from kinfolio.timescales import term_dates
from kinfolio.timescales.models import SchoolTerm
from tests.children_in_care.helpers import in_care, post_form
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import PersonalEducationPlanFactory

pytestmark = pytest.mark.django_db

BEFORE_CARE, IN_CARE = D(2025, 3, 2), D(2025, 3, 10)


@pytest.fixture
def worker(two_services):
    return staff(Role.SOCIAL_WORKER, team=two_services["team"])


@pytest.fixture
def terms(db):
    """Half-terms of 2024/25 and the autumn of 2025/26 (illustrative dates)."""
    SchoolTerm.objects.all().delete()
    for year, name, first, last in [
        ("2024/25", "Spring 2", D(2025, 2, 24), D(2025, 4, 4)),
        ("2024/25", "Summer 1", D(2025, 4, 22), D(2025, 5, 23)),
        ("2024/25", "Summer 2", D(2025, 6, 2), D(2025, 7, 22)),
        ("2025/26", "Autumn 1", D(2025, 9, 3), D(2025, 10, 24)),
        ("2025/26", "Autumn 2", D(2025, 11, 3), D(2025, 12, 19)),
    ]:
        SchoolTerm.objects.create(
            academic_year=year,
            term=name.split()[0].lower(),
            name=name,
            start_date=first,
            end_date=last,
        )


RECORDS = [
    (health.record_health_assessment, {"kind": "initial"}, "assessment_date", HealthAssessment),
    (health.record_dental_check, {}, "check_date", DentalCheck),
    (health.record_immunisations, {"up_to_date": True}, "checked_on", Immunisations),
    (health.record_sdq, {"score": 14, "reason_not_completed": ""}, "completed_date", SDQScore),
]


@pytest.mark.parametrize(("service", "answers", "day_field", "model"), RECORDS)
def test_health_is_recorded_while_looked_after_and_refused_before(
    worker, two_services, service, answers, day_field, model
):
    child = two_services["ours"]
    in_care(child, worker)
    history = ChangeEvent.objects.count()

    with pytest.raises(ValidationError) as refused:
        service(child=child, **answers, **{day_field: BEFORE_CARE}, by=worker)
    assert day_field in refused.value.message_dict
    assert not model.objects.exists()
    assert ChangeEvent.objects.count() == history

    service(child=child, **answers, **{day_field: IN_CARE}, by=worker)
    assert model.objects.filter(child=child, **{day_field: IN_CARE}).exists()
    assert ChangeEvent.objects.count() > history


@pytest.mark.parametrize(
    ("score", "reason", "accepted"),
    [(14, "", True), (None, "SDQ2", True), (None, "", False), (14, "SDQ2", False), (41, "", False)],
)
def test_an_sdq_has_a_score_or_a_reason_never_both(worker, two_services, score, reason, accepted):
    child = two_services["ours"]
    in_care(child, worker)
    record = {"child": child, "completed_date": IN_CARE, "score": score, "by": worker}
    if accepted:
        health.record_sdq(**record, reason_not_completed=reason)
    else:
        with pytest.raises(ValidationError):
            health.record_sdq(**record, reason_not_completed=reason)
    assert SDQScore.objects.count() == int(accepted)


def test_a_second_initial_health_assessment_in_a_period_is_refused(worker, two_services):
    child = two_services["ours"]
    in_care(child, worker)
    health.record_health_assessment(child=child, kind="initial", assessment_date=IN_CARE, by=worker)
    with pytest.raises(ValidationError, match="already has an initial"):
        health.record_health_assessment(
            child=child, kind="initial", assessment_date=D(2025, 3, 20), by=worker
        )
    health.record_health_assessment(
        child=child, kind="review", assessment_date=D(2025, 3, 20), by=worker
    )
    assert HealthAssessment.objects.count() == 2


def test_the_first_pep_is_due_20_school_days_in_then_each_term(terms, worker, two_services):
    child = two_services["ours"]
    period = in_care(child, worker)  # Monday 3 March 2025, in Spring 2

    assert next_pep_due(period, []).due == D(2025, 3, 31)  # 20 school days
    pep = health.record_pep(child=child, pep_date=D(2025, 3, 28), by=worker)
    assert pep.due_date == D(2025, 3, 31)
    # Agreed in the spring term: the next is due by the end of the summer term.
    assert next_pep_due(period, [pep]).due == D(2025, 7, 22)
    summer = PersonalEducationPlanFactory(child=child, period=period, due_date=D(2025, 7, 22))
    summer.pep_date = D(2025, 8, 1)  # in the holidays: counts for the summer
    assert next_pep_due(period, [summer]).due == D(2025, 12, 19)


def test_the_pep_rule_reads_which_term_a_row_is_not_its_name(worker, two_services):
    # Some councils number six terms a year ("Term 4" is the first half of the spring).
    SchoolTerm.objects.all().delete()
    for name, term, first, last in [
        ("Term 4", "spring", D(2025, 2, 24), D(2025, 4, 4)),
        ("Term 5", "summer", D(2025, 4, 22), D(2025, 5, 23)),
        ("Term 6", "summer", D(2025, 6, 2), D(2025, 7, 22)),
        ("Term 1", "autumn", D(2025, 9, 3), D(2025, 10, 24)),
    ]:
        year = "2024/25" if first.year == 2025 and first.month < 8 else "2025/26"
        SchoolTerm.objects.create(
            academic_year=year, term=term, name=name, start_date=first, end_date=last
        )
    child = two_services["ours"]
    period = in_care(child, worker)
    pep = PersonalEducationPlanFactory(
        child=child, period=period, due_date=D(2025, 3, 31), pep_date=D(2025, 3, 28)
    )
    # Agreed in the spring term: due by the end of the summer (Term 6), not of Term 5.
    assert next_pep_due(period, [pep]).due == D(2025, 7, 22)


def test_when_terms_run_out_the_pep_date_cannot_be_calculated_and_says_why(
    terms, worker, two_services
):
    child = two_services["ours"]
    period = in_care(child, worker)
    pep = PersonalEducationPlanFactory(
        child=child, period=period, due_date=D(2025, 12, 19), pep_date=D(2025, 11, 10)
    )

    due = next_pep_due(period, [pep])

    assert due.due is None
    assert "School term dates end on 19 December 2025" in due.problem


@pytest.mark.parametrize(
    ("today", "warned"),
    [(D(2025, 10, 23), False), (D(2025, 10, 25), True), (D(2026, 1, 5), True)],
)
def test_the_term_dates_warning_comes_eight_weeks_before_they_run_out(terms, today, warned):
    warning = term_dates.warning(today)
    assert (warning is not None) == warned
    if warned:
        assert "19 December 2025" in warning.message


def test_an_overlapping_term_is_refused_and_nothing_written(terms):
    admin = staff(Role.ADMINISTRATOR)
    before = SchoolTerm.objects.count()
    with pytest.raises(ValidationError) as refused:
        term_dates.add_term(
            academic_year="2025/26",
            term="spring",
            name="Spring 1",
            start_date=D(2025, 12, 15),
            end_date=D(2026, 2, 13),
            by=admin,
        )
    assert "start_date" in refused.value.message_dict
    assert SchoolTerm.objects.count() == before
    term_dates.add_term(
        academic_year="2025/26",
        term="spring",
        name="Spring 1",
        start_date=D(2026, 1, 5),
        end_date=D(2026, 2, 13),
        by=admin,
    )
    assert SchoolTerm.objects.count() == before + 1


def test_an_administrator_adds_a_term_and_sees_the_warning(client, terms, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: D(2025, 11, 20))
    client.force_login(staff(Role.ADMINISTRATOR))
    url = reverse("timescales:terms")
    assert "19 December 2025" in client.get(url).content.decode()

    response = post_form(
        client,
        reverse("timescales:term-new"),
        academic_year="2025/26",
        term="spring",
        name="Spring 1",
        start_date=("5", "1", "2026"),
        end_date=("13", "2", "2026"),
    )

    assert "School term added" in response.content.decode()
    assert "term-dates-warning" not in response.content.decode()


PAGES = ["health-assessment", "dental-check", "immunisations", "sdq", "pep"]


@pytest.mark.parametrize("name", PAGES)
def test_health_pages_sign_in_refuse_and_show(client, two_services, worker, name):
    url = reverse(f"children_in_care:{name}", args=[two_services["ours"].local_id])
    assert "sign-in" in client.get(url)["Location"]
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(url).status_code == 403
    client.force_login(worker)
    assert client.get(url).status_code == 200


def test_a_worker_records_a_pep_and_a_dental_check_from_the_care_record(
    client, terms, two_services, worker
):
    child = two_services["ours"]
    in_care(child, worker)
    client.force_login(worker)

    post_form(
        client, reverse("children_in_care:pep", args=[child.local_id]), pep_date=("28", "3", "2025")
    )
    refused = post_form(
        client,
        reverse("children_in_care:dental-check", args=[child.local_id]),
        check_date=("1", "3", "2025"),
    )
    care = client.get(reverse("children_in_care:care", args=[child.local_id])).content.decode()

    assert "must be dated while the child was looked after" in refused.content.decode()
    assert PersonalEducationPlan.objects.get(child=child).pep_date == D(2025, 3, 28)
    assert "22 July 2025" in care  # the next PEP, by the end of the summer term
