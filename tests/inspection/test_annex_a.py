"""Annex A: one sheet per list with the schema's headings; each list's rows are exactly
its qualifying records (counted by hand for each arrangement below)."""

from io import BytesIO
from itertools import zip_longest

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from kinfolio.inspection.annex_a import LISTS, write_workbook
from kinfolio.inspection.annex_a.formats import Period
from kinfolio.protection.models import ChildProtectionPlan
from tests import factories as f
from tests import factories_care as fc
from tests.factories import D, at

pytestmark = pytest.mark.django_db
PERIOD = Period(D(2024, 1, 1), D(2024, 6, 30))


END_REASON = ChildProtectionPlan._meta.get_field("end_reason").choices[0][0]


def closed_on(day) -> dict:
    return {"close_date": day, "close_reason": "RC8"}


def sheets() -> dict[str, list[tuple]]:
    out = BytesIO()
    write_workbook(PERIOD, out)
    workbook = load_workbook(BytesIO(out.getvalue()), read_only=True)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}


def data_rows(name: str) -> list[dict]:
    rows = sheets()[name]
    # Empty trailing cells are not written, so a row may be shorter than the headings.
    return [dict(zip_longest(rows[0], row)) for row in rows[1:]]


def test_workbook_has_eleven_sheets_with_the_schema_headings():
    found = sheets()
    assert list(found) == [f"List {n}" for n in range(1, 12)]
    for annex_list in LISTS:
        assert found[annex_list.sheet][0] == annex_list.headings
    assert found["List 1"][0][:5] == (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
    )


def test_list_1_contacts_in_the_period_one_row_each():
    child = f.ChildFactory(sex="F", ethnicity="APKN", date_of_birth=D(2015, 6, 1))
    f.ContactFactory(child=child, received_at=at(2024, 1, 1), source="6")
    f.ContactFactory(child=child, received_at=at(2024, 6, 30))
    f.ContactFactory(received_at=at(2023, 12, 31))  # before the period
    f.ContactFactory(received_at=at(2024, 7, 1))  # after it

    rows = data_rows("List 1")

    assert len(rows) == 2
    first = next(r for r in rows if r["Date of Contact"] == "01/01/2024")
    assert first["Gender"] == "b) Female"
    assert first["Ethnicity"] == "k) APKN"
    assert first["Contact Source"] == "q) 6: Police"
    assert first["Age of Child (Years)"] == 9  # on 30 June 2024
    assert first["Date of Contact"] == "01/01/2024"


def test_list_2_early_help_open_in_the_period():
    f.EarlyHelpEpisodeFactory(start_date=D(2023, 11, 1))  # open across the start
    closed = {"closure_reason": "outcomes_achieved"}
    f.EarlyHelpEpisodeFactory(start_date=D(2023, 1, 1), end_date=D(2024, 1, 1), **closed)
    f.EarlyHelpEpisodeFactory(start_date=D(2023, 1, 1), end_date=D(2023, 12, 31), **closed)
    f.EarlyHelpEpisodeFactory(start_date=D(2024, 7, 1))  # after
    assert len(data_rows("List 2")) == 2


def test_list_3_referrals_with_counts_in_the_last_twelve_months():
    child = f.ChildFactory()
    f.CINEpisodeFactory(child=child, referral_date=D(2023, 8, 1), **closed_on(D(2023, 9, 1)))
    f.CINEpisodeFactory(
        child=child,
        referral_date=D(2024, 3, 4),
        nfa=True,
        referral_source="1A",
        **closed_on(D(2024, 3, 4)),
    )
    f.CINEpisodeFactory(referral_date=D(2024, 7, 2))  # after the period

    rows = data_rows("List 3")

    assert len(rows) == 1
    assert rows[0]["Referral NFA?"] == "a) Yes"
    assert rows[0]["Referral Source"] == "a) 1A: Individual"
    assert rows[0]["Number of Referrals in Last 12 Months"] == 2


def test_list_4_assessments_started_in_the_period():
    f.AssessmentFactory(start_date=D(2024, 3, 5), child_seen=True)
    f.AssessmentFactory(start_date=D(2023, 12, 20))
    rows = data_rows("List 4")
    assert len(rows) == 1
    assert rows[0]["Child Seen During Continuous Assessment"] == "a) Yes"


def test_list_5_section_47s_with_their_conference():
    conference = f.InitialConferenceFactory(plan_required=True)  # s47 started 6 March 2024
    f.Section47EnquiryFactory(start_date=D(2023, 6, 1))
    rows = data_rows("List 5")
    assert len(rows) == 1
    assert (
        rows[0]["Did the Initial Child Protection Conference Result in a Child Protection Plan"]
        == "a) Yes"
    )
    icpc_date = rows[0]["Date of Initial Child Protection Conference"]
    assert icpc_date == f"{conference.conference_date:%d/%m/%Y}"
    assert rows[0]["Number of ICPCs in the last 12 months"] == 1


def test_list_6_children_in_need_once_each_excluding_referral_only():
    child = f.ChildFactory()
    f.CINEpisodeFactory(child=child, referral_date=D(2023, 5, 1), **closed_on(D(2023, 8, 1)))
    f.CINEpisodeFactory(child=child, referral_date=D(2024, 2, 1))  # the row for this child
    f.CINEpisodeFactory(referral_date=D(2022, 1, 1))  # open throughout
    f.CINEpisodeFactory(referral_date=D(2024, 2, 1), nfa=True, **closed_on(D(2024, 2, 1)))
    f.CINEpisodeFactory(referral_date=D(2022, 1, 1), **closed_on(D(2023, 12, 1)))  # before

    rows = data_rows("List 6")

    assert len(rows) == 2
    mine = next(r for r in rows if r["Child Unique ID"] == child.local_id)
    assert mine["CIN Start Date"] == "01/02/2024"
    assert mine["Primary Need Code"].startswith("N1 - ")
    assert mine["Case Status"] == "c) Child in need plan"


def test_list_7_protection_plans_current_or_ended_in_the_period():
    plan = f.ChildProtectionPlanFactory()  # from 25 March 2024
    f.ChildProtectionPlanFactory(
        child=plan.child,
        start_date=D(2022, 1, 10),
        end_date=D(2022, 9, 1),
        end_reason=END_REASON,
        initial_conference__conference_date=D(2022, 1, 10),
        initial_conference__section47__start_date=D(2021, 12, 20),
        initial_conference__section47__strategy_discussion__discussion_date=D(2021, 12, 20),
        initial_conference__section47__cin_episode__referral_date=D(2021, 12, 1),
    )  # ended before the period: counted as a previous plan, not listed
    rows = data_rows("List 7")
    assert len(rows) == 1
    assert rows[0]["Initial Category of Abuse"] == "a) Neglect"
    assert rows[0]["Number of Previous Child Protection Plans"] == 1


def test_list_8_children_in_care_current_or_ceased_in_the_period():
    episode = fc.CareEpisodeFactory(period__start_date=D(2023, 5, 1))
    fc.CareEpisodeFactory(
        period__start_date=D(2021, 1, 1),
        period__end_date=D(2022, 1, 1),
        end_date=D(2022, 1, 1),
        reason_ceased="E11",
    )  # ceased before the period
    fc.MissingEpisodeFactory(
        child=episode.period.child,
        period=episode.period,
        start_date=D(2024, 2, 1),
        end_date=D(2024, 2, 2),
        return_interview_due_date=D(2024, 2, 5),
    )
    rows = data_rows("List 8")
    assert len(rows) == 1
    assert rows[0]["Child's Legal Status"].startswith("C2: ")
    missing = next(heading for heading in rows[0] if "'Missing'" in heading)
    assert rows[0][missing] == 1


def test_list_9_care_leavers_at_the_end_of_the_period():
    status = fc.CareLeaverStatusFactory(start_date=D(2023, 6, 1))
    fc.CareLeaverContactFactory(child=status.child, contact_date=D(2024, 5, 1), accommodation="D1")
    fc.CareLeaverStatusFactory(start_date=D(2022, 1, 1), end_date=D(2024, 3, 1))  # ended
    rows = data_rows("List 9")
    assert len(rows) == 1
    assert rows[0]["Eligibility Category"] == "b) Former relevant child"
    assert rows[0]["Suitability of Accommodation"] == "a) Suitable"
    assert rows[0]["LA in Touch"] == "a) Yes"


def adopted(on) -> dict:
    household = fc.AdopterHouseholdFactory()
    return {"adopters": household, "matched_date": on, "placed_date": on, "adoption_order_date": on}


def test_list_10_adoption_decisions_adoptions_and_reversals():
    fc.AdoptionPlanFactory(adm_decision_date=D(2023, 3, 1))  # waiting
    fc.AdoptionPlanFactory(adm_decision_date=D(2022, 3, 1), **adopted(D(2024, 2, 1)))
    fc.AdoptionPlanFactory(adm_decision_date=D(2021, 3, 1), **adopted(D(2023, 2, 1)))
    fc.AdoptionPlanFactory(adm_decision_date=D(2024, 8, 1))  # after the period
    assert len(data_rows("List 10")) == 2


def test_list_11_one_row_per_adopter_of_households_active_in_the_period():
    couple = fc.AdopterHouseholdFactory(approval_date=D(2023, 1, 1))  # two adopters, M and F
    fc.AdopterHouseholdFactory(
        approval_date=D(2024, 2, 1), number_of_adopters=1, sex_of_adopters="F1", legal_status="L0"
    )
    fc.AdopterHouseholdFactory(approval_date=D(2020, 1, 1), deregistered_on=D(2023, 6, 1))
    fc.AdopterHouseholdFactory(
        reference="AH-LEFT",
        enquiry_date=D(2022, 1, 10),
        stage_1_started=D(2022, 2, 1),
        approval_date=D(2022, 9, 1),
        fostering_for_adoption=True,
        deregistered_on=D(2024, 3, 1),
        leaving_reason="withdrew",
    )
    rows = data_rows("List 11")
    assert len(rows) == 5
    left = next(r for r in rows if r["Family identifier"] == "AH-LEFT")
    assert left["Is the (prospective) adopter fostering for adoption?"] == "a) Yes"
    assert left["Reason for leaving adoption process"] == "The adopters withdrew"
    assert left["Date Stage 1 started"] is not None
    assert {r["Gender"] for r in rows if r["Family identifier"] == couple.reference} == {
        "a) Male",
        "b) Female",
    }


def _adopter(reference: str, **dates) -> None:
    fc.AdopterHouseholdFactory(
        reference=reference,
        approval_date=dates.pop("approval_date", None),
        number_of_adopters=1,
        sex_of_adopters="F1",
        legal_status="L0",
        **dates,
    )


def test_list_11_lists_adopters_at_every_stage_and_those_who_left_before_approval():
    """Period 1 January to 30 June 2024: each hand-built household, at one stage."""
    _adopter("ENQUIRY", enquiry_date=D(2024, 3, 1))
    _adopter("STAGE-1", enquiry_date=D(2023, 11, 1), stage_1_started=D(2023, 12, 1))
    _adopter(
        "STAGE-2",
        enquiry_date=D(2023, 6, 1),
        stage_1_started=D(2023, 7, 1),
        stage_1_ended=D(2023, 9, 1),
        stage_2_started=D(2023, 10, 1),
    )
    _adopter(
        "WITHDREW-IN-STAGE-1",
        enquiry_date=D(2023, 10, 1),
        stage_1_started=D(2023, 11, 1),
        deregistered_on=D(2024, 2, 14),
        leaving_reason="withdrew",
    )
    _adopter(
        "NOT-APPROVED",
        enquiry_date=D(2023, 5, 1),
        stage_1_started=D(2023, 6, 1),
        stage_1_ended=D(2023, 8, 1),
        stage_2_started=D(2023, 9, 1),
        stage_2_ended=D(2024, 1, 20),
        application_date=D(2024, 1, 25),
        deregistered_on=D(2024, 4, 2),
        leaving_reason="not_approved",
    )
    _adopter("APPROVED", enquiry_date=D(2023, 1, 1), approval_date=D(2023, 9, 1))
    _adopter(  # left before the period began
        "LEFT-BEFORE",
        enquiry_date=D(2023, 1, 1),
        deregistered_on=D(2023, 12, 31),
        leaving_reason="withdrew",
    )
    _adopter("ENQUIRED-AFTER", enquiry_date=D(2024, 7, 1))  # after the period

    rows = {r["Family identifier"]: r for r in data_rows("List 11")}

    assert set(rows) == {
        "ENQUIRY",
        "STAGE-1",
        "STAGE-2",
        "WITHDREW-IN-STAGE-1",
        "NOT-APPROVED",
        "APPROVED",
    }
    withdrew = rows["WITHDREW-IN-STAGE-1"]
    assert withdrew["Date Stage 1 started"] is not None
    assert withdrew["Date application approved"] is None
    assert withdrew["Date of leaving adoption process"] == "14/02/2024"
    assert withdrew["Reason for leaving adoption process"] == "The adopters withdrew"
    assert rows["NOT-APPROVED"]["Reason for leaving adoption process"] == "Not approved"
    assert rows["ENQUIRY"]["Date enquiry received"] == "01/03/2024"
    assert rows["ENQUIRY"]["Date Stage 1 started"] is None


def test_annex_a_command_writes_the_workbook(tmp_path):
    f.ContactFactory(received_at=at(2024, 2, 1))
    out = tmp_path / "annex-a.xlsx"
    call_command("annex_a", "--start", "2024-01-01", "--end", "2024-06-30", "--out", str(out))
    workbook = load_workbook(out, read_only=True)
    assert len(list(workbook["List 1"].iter_rows())) == 2


def test_queries_do_not_grow_with_the_number_of_records():
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            write_workbook(PERIOD, BytesIO())
        return len(captured)

    def one_of_each():
        f.ContactFactory(received_at=at(2024, 2, 1))
        f.ChildProtectionPlanFactory()
        episode = fc.CareEpisodeFactory(period__start_date=D(2023, 5, 1))
        fc.LACReviewFactory(child=episode.period.child, period=episode.period)
        fc.CareLeaverStatusFactory(start_date=D(2023, 6, 1))
        fc.AdoptionPlanFactory(adm_decision_date=D(2023, 3, 1))

    one_of_each()
    few = queries()
    for _ in range(4):
        one_of_each()
    assert queries() == few
