"""Importing a CIN census: round trip, idempotence, and malformed files refused with
the database left as it was."""

from pathlib import Path

import pytest

from kinfolio.people.models import Person
from kinfolio.protection.models import ChildProtectionPlan
from kinfolio.referrals.models import CINEpisode
from kinfolio.returns.cin.export import export_cin
from kinfolio.returns.cin.importer import import_cin
from kinfolio.returns.importing import ImportRefused
from kinfolio.returns.years import CollectionYear
from tests.factories import (
    AssessmentFactorFactory,
    AssessmentFactory,
    ChildFactory,
    ChildProtectionPlanFactory,
    D,
    ReviewConferenceFactory,
    at,
)

YEAR = CollectionYear.parse("2025-26")


def wipe() -> None:
    """Every record the census touches, children last (protected foreign keys)."""
    from kinfolio.assessments.models import Assessment
    from kinfolio.protection.models import (
        ChildProtectionConference,
        Section47Enquiry,
        StrategyDiscussion,
    )

    ChildProtectionConference.objects.filter(conference_type="review").delete()
    ChildProtectionPlan.objects.all().delete()
    ChildProtectionConference.objects.all().delete()
    Section47Enquiry.objects.all().delete()
    StrategyDiscussion.objects.all().delete()
    Assessment.objects.all().delete()
    CINEpisode.objects.all().delete()
    Person.objects.all().delete()


def body(path) -> str:
    """The census without its header's DateTime (the moment it was written)."""
    return "\n".join(line for line in path.read_text().splitlines() if "<DateTime>" not in line)


@pytest.fixture
def census_with_a_plan(db):
    plan = ChildProtectionPlanFactory(
        initial_conference__section47__strategy_discussion__cin_episode__referral_date=D(
            2025, 5, 1
        ),
        initial_conference__section47__strategy_discussion__discussion_date=D(2025, 5, 2),
        initial_conference__section47__start_date=D(2025, 5, 2),
        initial_conference__section47__icpc_due_date=D(2025, 5, 23),
        initial_conference__conference_date=D(2025, 5, 20),
    )
    Person.objects.filter(pk=plan.child_id).update(
        local_id="KF0000005", ethnicity="WBRI", disabilities="HAND,HEAR"
    )
    assessment = AssessmentFactory(
        child=plan.child,
        cin_episode=plan.cin_episode,
        start_date=D(2025, 5, 1),
        authorised_date=D(2025, 6, 10),
        outcome_other=True,
        outcome_other_detail="Not in the census",
    )
    AssessmentFactorFactory(assessment=assessment, factor="3A")
    ReviewConferenceFactory(cp_plan=plan, child=plan.child, conference_date=D(2025, 8, 12))
    return plan


def test_export_import_export_gives_the_same_census(census_with_a_plan, tmp_path):
    export_cin(YEAR, tmp_path / "first.xml", now=at(2026, 5, 1))
    wipe()
    summary = import_cin(tmp_path / "first.xml")
    assert summary.created["child protection plans"] == 1
    export_cin(YEAR, tmp_path / "second.xml", now=at(2026, 5, 2))
    assert body(tmp_path / "second.xml") == body(tmp_path / "first.xml")


def test_import_twice_changes_nothing(census_with_a_plan, tmp_path):
    export_cin(YEAR, tmp_path / "census.xml", now=at(2026, 5, 1))
    wipe()
    import_cin(tmp_path / "census.xml")
    again = import_cin(tmp_path / "census.xml")
    assert sum(again.created.values()) == 0
    assert ChildProtectionPlan.objects.count() == 1


def test_dry_run_writes_nothing(census_with_a_plan, tmp_path):
    export_cin(YEAR, tmp_path / "census.xml", now=at(2026, 5, 1))
    wipe()
    assert import_cin(tmp_path / "census.xml", dry_run=True).created["children"] == 1
    assert not Person.objects.exists()


XXE = """<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&secret;</LAchildID>
</ChildIdentifiers></Child></Children></Message>"""


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda text: text[: len(text) // 2], "not well formed"),
        (lambda text: XXE, "Refused"),
        (lambda text: "", "not well formed"),
        (lambda text: text.replace(">WBRI<", ">XXXX<"), "Not a code of Ethnicity"),
        (lambda text: text.replace("2025-05-01", "01/05/2025"), "yyyy-mm-dd"),
        (lambda text: text.replace("<LAchildID>KF0000005</LAchildID>", ""), "is needed"),
    ],
)
def test_malformed_census_is_refused_and_nothing_is_written(
    census_with_a_plan, tmp_path, mangle, message
):
    export_cin(YEAR, tmp_path / "census.xml", now=at(2026, 5, 1))
    wipe()
    path = tmp_path / "census.xml"
    path.write_text(mangle(path.read_text()))
    with pytest.raises(ImportRefused) as refused:
        import_cin(path)
    assert any(message in str(problem) for problem in refused.value.problems), (
        refused.value.problems
    )
    assert not Person.objects.exists()
    assert not CINEpisode.objects.exists()


LONG_ID = "child_fails_assessments"  # longer than an LA child ID Kinfolio holds
SHORT_ID = "child_fails"


def sample(name: str, folder: Path) -> Path:
    """The published sample with its one structural problem mended: an LA child ID of
    23 characters, shortened."""
    text = Path("tests/returns/data/cin", name).read_text()
    (folder / name).write_text(text.replace(LONG_ID, SHORT_ID))
    return folder / name


@pytest.mark.parametrize("name", ["CIN_Census_2024.xml", "CIN_Census_2026.xml"])
def test_the_validators_own_sample_census_is_refused_for_its_long_id(db, name):
    with pytest.raises(ImportRefused) as refused:
        import_cin(Path("tests/returns/data/cin") / name)
    [problem] = refused.value.problems
    assert (problem.field, problem.value) == ("LAchildID", LONG_ID)
    assert "Longer than 20 characters" in problem.message
    assert not Person.objects.exists()


@pytest.mark.parametrize("name", ["CIN_Census_2024.xml", "CIN_Census_2026.xml"])
def test_the_validators_own_sample_census_imports_and_lists_what_it_cannot_hold(db, name, tmp_path):
    """csc-validator-be-cin's published samples (tests/returns/data/SOURCE.md) break the
    DfE's rules on purpose: that is for the validator to report once they are imported.
    The one record Kinfolio cannot hold at all (an assessment authorised eight years
    before it started) is left and listed; the rest is imported."""
    summary = import_cin(sample(name, tmp_path))
    [left] = summary.left_records
    assert "DfEX0000001, Assessments started 2028-04-28" in left
    assert summary.created["children"] == 2
    assert summary.created["child protection plans"] == 1
    assert CINEpisode.objects.count() == 2


def _leaves(element) -> dict[str, str]:
    """The element's values by path (a repeated path's values joined in order)."""
    found: dict[str, str] = {}
    for path, child in ((c.tag, c) for c in element):
        if len(child):
            for key, value in _leaves(child).items():
                found[f"{path}/{key}"] = " ".join(filter(None, [found.get(f"{path}/{key}"), value]))
        elif (child.text or "").strip():
            found[path] = (child.text or "").strip()
    return found


def test_the_validators_sample_child_of_2024_25_round_trips(db, tmp_path):
    """The sample is no single year's census (its children's dates run from 2022 to
    2028): its child referred in 2024/25 is made again, that year, with every value the
    sample gives for the year. Its assessment, authorised in January 2024, belongs to
    the year before and is left out of 2024/25 as the census asks."""
    from defusedxml.ElementTree import parse

    given_file = sample("CIN_Census_2026.xml", tmp_path)
    import_cin(given_file)
    export_cin(CollectionYear.parse("2024-25"), tmp_path / "again.xml", now=at(2025, 5, 1))
    wanted = SHORT_ID

    def child(path):
        return next(
            c
            for c in parse(path).iter("Child")
            if c.findtext("ChildIdentifiers/LAchildID") == wanted
        )

    given, made = _leaves(child(given_file)), _leaves(child(tmp_path / "again.xml"))
    assessment = [key for key in given if key.startswith("CINdetails/Assessments")]
    assert assessment == [
        "CINdetails/Assessments/AssessmentActualStartDate",
        "CINdetails/Assessments/AssessmentAuthorisationDate",
    ]
    assert made == {key: value for key, value in given.items() if key not in assessment}


PLAN_ENDED_BEFORE_IT_STARTED = """<?xml version="1.0" encoding="utf-8"?>
<Message><Children><Child>
<ChildIdentifiers><LAchildID>C300</LAchildID><UPNunknown>UN1</UPNunknown>
<PersonBirthDate>2015-03-27</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
<CINdetails><CINreferralDate>2025-10-06</CINreferralDate><ReferralSource>1A</ReferralSource>
<PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>
<ChildProtectionPlans><CPPstartDate>2025-11-03</CPPstartDate><CPPendDate>2025-11-01</CPPendDate>
<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
<Reviews><CPPreviewDate>2025-12-01</CPPreviewDate></Reviews></ChildProtectionPlans>
</CINdetails></Child></Children></Message>"""


def test_a_plan_that_breaks_a_rule_is_left_with_its_conference_and_reviews(db, tmp_path):
    """The plan ends before it starts: it is left and listed, and so are the
    transfer-in conference that would have started it and its review; the child and
    the episode are imported."""
    from kinfolio.protection.models import ChildProtectionConference

    path = tmp_path / "census.xml"
    path.write_text(PLAN_ENDED_BEFORE_IT_STARTED)
    summary = import_cin(path)
    [left] = summary.left_records
    assert "census.xml, Child C300, ChildProtectionPlans started 2025-11-03" in left
    assert "cp_plan_dates_in_order" in left
    assert summary.created["child in need episodes"] == 1
    assert summary.created["child protection plans"] == 0
    assert not ChildProtectionPlan.objects.exists()
    assert not ChildProtectionConference.objects.exists()
    assert CINEpisode.objects.get().child.local_id == "C300"


def one_child(la_id: str, born: str, upn: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Message><Children><Child>
<ChildIdentifiers><LAchildID>{la_id}</LAchildID><UPN>{upn}</UPN>
<PersonBirthDate>{born}</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
<CINdetails><CINreferralDate>2025-10-06</CINreferralDate><ReferralSource>1A</ReferralSource>
<PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA></CINdetails>
</Child></Children></Message>"""


@pytest.mark.parametrize(
    ("born", "matched", "to_review"), [("2014-01-01", 1, 0), ("2014-02-03", 0, 1)]
)
def test_a_child_is_matched_by_upn_only_with_the_same_date_of_birth(
    db, tmp_path, born, matched, to_review
):
    """Another LA child ID with a Kinfolio child's UPN is that child when the dates of
    birth agree; when they differ it is listed for a person to check and left."""
    old = ChildFactory(local_id="OLD1", sex="F", date_of_birth=D(2014, 1, 1), upn="A123456789012")
    path = tmp_path / "census.xml"
    path.write_text(one_child("C400", born, "A123456789012"))
    summary = import_cin(path)
    assert (summary.matched["children"], summary.created["children"]) == (matched, 0)
    assert len(summary.review) == to_review
    assert all("OLD1" in line for line in summary.review)
    assert Person.objects.get() == old
    assert CINEpisode.objects.filter(child=old).count() == matched
