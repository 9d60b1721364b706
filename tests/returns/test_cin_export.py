import xml.etree.ElementTree as ET

from kinfolio.returns.cin.export import export_cin
from kinfolio.returns.years import CollectionYear
from tests.factories import ChildProtectionPlanFactory, D, at


def census(tmp_path, year="2025-26"):
    out = tmp_path / "cin.xml"
    export_cin(CollectionYear.parse(year), out, now=at(2026, 5, 1))
    return ET.parse(out).getroot()


def test_export_writes_a_child_on_a_protection_plan(db, tmp_path):
    plan = ChildProtectionPlanFactory(
        initial_conference__section47__strategy_discussion__cin_episode__referral_date=D(
            2025, 5, 1
        ),
        initial_conference__section47__strategy_discussion__discussion_date=D(2025, 5, 2),
        initial_conference__section47__start_date=D(2025, 5, 2),
        initial_conference__conference_date=D(2025, 5, 20),
    )
    root = census(tmp_path)
    assert root.findtext("Header/CollectionDetails/Year") == "2026"
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2026-03-31"
    (child,) = root.findall("Children/Child")
    assert child.findtext("ChildIdentifiers/LAchildID") == plan.child.local_id
    assert child.findtext("ChildIdentifiers/Sex") == "M"
    details = child.find("CINdetails")
    assert details.findtext("CINreferralDate") == "2025-05-01"
    assert details.findtext("Section47/S47ActualStartDate") == "2025-05-02"
    assert details.findtext("Section47/DateOfInitialCPC") == "2025-05-20"
    assert details.findtext("DateOfInitialCPC") is None  # recorded once, at the s47 (2884)
    assert details.findtext("ChildProtectionPlans/CPPstartDate") == "2025-05-20"
    assert details.findtext("ChildProtectionPlans/NumberOfPreviousCPP") == "0"


def test_export_uses_gender_current_before_2024_25(db, tmp_path):
    ChildProtectionPlanFactory()  # referral 4 March 2024: in 2023/24
    child = census(tmp_path, "2023-24").find("Children/Child/ChildIdentifiers")
    assert (child.findtext("GenderCurrent"), child.findtext("Sex")) == ("1", None)


def test_a_census_made_during_the_year_is_dated_31_march(db, tmp_path):
    ChildProtectionPlanFactory(
        initial_conference__section47__strategy_discussion__cin_episode__referral_date=D(
            2026, 5, 1
        ),
        initial_conference__section47__strategy_discussion__discussion_date=D(2026, 5, 2),
        initial_conference__section47__start_date=D(2026, 5, 2),
        initial_conference__conference_date=D(2026, 5, 20),
    )
    out = tmp_path / "cin.xml"
    export_cin(CollectionYear.parse("2026-27"), out, now=at(2026, 10, 1))
    root = ET.parse(out).getroot()
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2027-03-31"
    assert root.findtext("Children/Child/CINdetails/CINreferralDate") == "2026-05-01"
