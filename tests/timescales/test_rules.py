"""The rules as data: defaults from DOMAIN.md, versions in force, the due date service."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from kinfolio.accounts.models import User
from kinfolio.timescales import services
from kinfolio.timescales.calendar import CalendarHorizonError
from kinfolio.timescales.clocks import registry
from kinfolio.timescales.engine import NoRuleInForce, add_months
from kinfolio.timescales.events import EVENTS
from kinfolio.timescales.models import TimescaleRule

pytestmark = pytest.mark.django_db
D = dt.date
DOMAIN = Path("/work/shared/DOMAIN.md")


def test_default_rules_cover_every_row_of_the_domain_table():
    # Each row of DOMAIN.md's table and the default rules that carry it.
    rows = {
        "decision on a contact/referral": ["contact_decision_1wd"],
        "referrer told the outcome": ["referrer_informed_3wd"],
        "child and family assessment": ["assessment_45wd"],
        "ICPC": ["icpc_15wd"],
        "first core group": ["core_group_first_10wd"],
        "first review conference (RCPC)": ["rcpc_first_3m", "rcpc_subsequent_6m"],
        "CP visits": ["cp_visit_10wd"],
        "conference invitation / reports to family": [
            "conference_invitations_5wd",
            "conference_reports_2wd",
        ],
        "conference minutes distributed": ["conference_minutes_15wd"],
        "first LAC review": ["lac_review_first_20wd"],
        "second LAC review": ["lac_review_second_3m", "lac_review_subsequent_6m"],
        "LAC statutory visits": [
            "lac_visit_first_1w",
            "lac_visit_first_year_6w",
            "lac_visit_3m",
            "lac_visit_long_term_6m",
        ],
        "initial health assessment": [
            "initial_health_assessment_20wd",
            "initial_health_assessment_28wd",
        ],
        "review health assessment": [
            "review_health_assessment_under5_6m",
            "review_health_assessment_5plus_12m",
        ],
        "personal education plan": ["pep_20sd"],
        "return home interview after missing": ["return_interview_72h"],
        "pathway plan": ["pathway_plan_16_3m", "pathway_plan_review_6m"],
        "private fostering visit": [
            "private_fostering_first_visit_7wd",
            "private_fostering_visit_first_year_6w",
            "private_fostering_visit_12w",
        ],
        "care proceedings": ["care_proceedings_26w"],
    }
    if DOMAIN.exists():
        table = re.findall(r"^\| ([^|]+?) \|", DOMAIN.read_text(), re.MULTILINE)
        assert set(table) - {"event", "---"} == set(rows)
    keys = set(TimescaleRule.objects.values_list("key", flat=True))
    assert keys == {k for ks in rows.values() for k in ks} == set(registry())


def test_default_rules_name_known_events_and_their_sources():
    for rule in TimescaleRule.objects.all():
        rule.full_clean()
        assert rule.start_event in EVENTS
        assert rule.stop_event in EVENTS
    assert TimescaleRule.objects.get(key="assessment_45wd").source == "Working Together 2023"
    assert TimescaleRule.objects.get(key="lac_review_first_20wd").source == "CPPCR Regulations 2010"


def test_due_date_referral_before_christmas_2024():
    # Referral Friday 20 Dec 2024. Working days after it: 23, 24, 27, 30, 31 Dec (5;
    # 25 and 26 Dec are bank holidays), 2, 3 Jan (7; 1 Jan is one), 6-10 (12), 13-17
    # (17), 20-24 (22), 27-31 Jan (27), 3-7 Feb (32), 10-14 (37), 17-21 (42), 24, 25,
    # 26 Feb (45): due Wednesday 26 February 2025.
    assert services.due_date("assessment_45wd", D(2024, 12, 20)) == D(2025, 2, 26)


def test_due_date_care_proceedings_26_weeks():
    # Issued Monday 6 Jan 2025 + 26 weeks (182 days) = Monday 7 July 2025.
    assert services.due_date("care_proceedings_26w", D(2025, 1, 6)) == D(2025, 7, 7)


def test_due_date_beyond_the_bank_holiday_data_says_so():
    with pytest.raises(CalendarHorizonError, match="Update the govuk-bank-holidays package"):
        services.due_date("assessment_45wd", D(2028, 12, 1))


def test_due_date_before_any_version_is_refused():
    with pytest.raises(NoRuleInForce, match="No version of the timescale"):
        services.due_date("assessment_45wd", D(2011, 12, 30))


def test_add_months_keeps_the_day_or_takes_the_last_of_a_shorter_month():
    assert add_months(D(2023, 11, 30), 3) == D(2024, 2, 29)
    assert add_months(D(2025, 8, 31), 6) == D(2026, 2, 28)
    assert add_months(D(2025, 1, 10), 12) == D(2026, 1, 10)


@pytest.fixture
def admin_user(db):
    return User.objects.create_user(
        username="admin", password="x-long-password", role="administrator"
    )


def test_add_rule_version_changes_new_clocks_only(admin_user):
    services.add_rule_version(
        key="assessment_45wd",
        name="Child and family assessment",
        interval=40,
        unit="working_days",
        source="local",
        effective_from=D(2025, 4, 1),
        by=admin_user,
    )
    # Started before 1 April 2025: the old 45 working days (Friday 28 March 2025 + 45
    # working days; Good Friday 18 and Easter Monday 21 April, 5 and 26 May are bank
    # holidays: 31 Mar-4 Apr (5), 7-11 (10), 14-17 (14), 22-25 (18), 28 Apr-2 May
    # (23), 6-9 (27), 12-16 (32), 19-23 (37), 27-30 (41), 2-5 June (45) -> 5 June.
    assert services.due_date("assessment_45wd", D(2025, 3, 28)) == D(2025, 6, 5)
    # Started on 1 April 2025: the new 40: 2-4 Apr (3), 7-11 (8), 14-17 (12), 22-25
    # (16), 28 Apr-2 May (21), 6-9 (25), 12-16 (30), 19-23 (35), 27-30 (39), 2 June (40).
    assert services.due_date("assessment_45wd", D(2025, 4, 1)) == D(2025, 6, 2)
    new = TimescaleRule.objects.get(key="assessment_45wd", effective_from=D(2025, 4, 1))
    assert (new.start_event, new.stop_event, new.created_by) == (
        "referral",
        "assessment_authorised",
        admin_user,
    )


def test_add_rule_version_dated_before_the_current_one_is_refused(admin_user):
    with pytest.raises(ValidationError, match="must be after 1 January 2012"):
        services.add_rule_version(
            key="assessment_45wd",
            name="x",
            interval=40,
            unit="working_days",
            source="local",
            effective_from=D(2011, 1, 1),
            by=admin_user,
        )
    assert TimescaleRule.objects.filter(key="assessment_45wd").count() == 1


def test_add_rule_version_of_an_unknown_rule_is_refused(admin_user):
    with pytest.raises(ValidationError, match="no timescale with that name"):
        services.add_rule_version(
            key="made_up",
            name="x",
            interval=1,
            unit="weeks",
            source="local",
            effective_from=D(2026, 1, 1),
            by=admin_user,
        )


def test_school_days_cannot_be_counted_backwards(admin_user):
    with pytest.raises(ValidationError, match="School days can only be counted forwards"):
        services.add_rule_version(
            key="pep_20sd",
            name="PEP",
            interval=5,
            unit="school_days",
            before=True,
            source="local",
            effective_from=D(2026, 1, 1),
            by=admin_user,
        )


def test_rule_describe_reads_naturally():
    rule = TimescaleRule(interval=1, unit="weeks")
    assert rule.describe() == "1 week"
    rule = TimescaleRule(interval=5, unit="working_days", before=True)
    assert rule.describe() == "5 working days before"
