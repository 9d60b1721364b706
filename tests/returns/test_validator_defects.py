"""Where the DfE's validator itself is wrong, shown on the smallest return that shows it,
so the demo's test can name the rule rather than bend the data to it.

Each rule shown here is held, with the releases it was checked against (the newest,
csc-validator-be-903 0.1.17 and csc-validator-be-cin 0.1.13), what the DfE's rule asks,
what the validator checks instead and where in its source, in
``kinfolio.returns.validation.known_faults``, which the Returns page and
``validate_return`` mark findings from: each test checks that the release that ran is
one its fault was checked against. The newest copy of data-to-insight/csc-validator-be-903
searched (1 May 2026) holds the same conditions."""

import pytest

from kinfolio.returns.exports import default_target, write_return
from kinfolio.returns.ssda903.tables import BY_NAME
from kinfolio.returns.validation.client import Finding, run_validator
from kinfolio.returns.validation.known_faults import known_fault
from kinfolio.returns.years import CollectionYear
from tests.factories import CINEpisodeFactory, D

YEAR = CollectionYear.parse("2025-26")
ROWS = {
    "Header": ["KF1,F,03/02/2014,WBRI,UN2,0,"],
    # Looked after from December 2025, moved in January, looked after on 31 March.
    "Episodes": [
        "KF1,07/12/2025,S,V2,N2,U6,PR4,24/01/2026,X1,CARPL,MK13 7BS,MK40 4PD,SC945154",
        "KF1,24/01/2026,P,V2,N2,U6,PR1,,,,MK13 7BS,CB1 3TP,SC914770",
    ],
    # A social worker from before care, then the looked after children's team's.
    "SWEpisodes": [
        "KF1,03/02/2014,SW00007,14/02/2025,07/12/2025,FCONTA",
        "KF1,03/02/2014,SW00160,07/12/2025,,TSPROC",
    ],
}


def write(folder, rows: dict[str, list[str]]):
    for name, lines in rows.items():
        table = BY_NAME[name]
        text = "\n".join([",".join(table.columns), *lines]) + "\n"
        (folder / table.file_name).write_text(text, encoding="utf-8")
    return folder


def reported(kind: str, target, *rules: str) -> list[Finding]:
    """What the validator reports under ``rules``, known faults of the release that ran."""
    result = run_validator(kind, YEAR, target)
    for rule in rules:
        assert known_fault(package=result.validator, version=result.version, rule=rule)
    return [finding for finding in result.findings if finding.rule in rules]


def test_sw12_reports_the_social_worker_episodes_it_asks_for(tmp_path):
    """Rule SW12STG2 says "if a child is looked after on 31 March then all social worker
    episodes for the full previous year should be reported, even those whilst they were
    not looked after", yet reports the child's first episode of care because a social
    worker episode began before it: it accepts one only if it began after that episode
    did or before it ended other than by a placement move (X1)."""
    findings = reported("ssda903", write(tmp_path, ROWS), "SW12STG2")
    assert {(f.child, f.row) for f in findings} == {("KF1", 0)}


def test_241_compares_a_supported_accommodation_with_the_returning_authority(tmp_path):
    """Rule 241 says "LA of placement is not an LA the provider has premises" (its text:
    the placement's authority must be one in Ofsted's URN lookup for that URN), yet
    compares the placement's authority with the authority making the return: registered
    supported accommodation (K3) outside the authority is always reported, whichever
    provider runs it."""
    rows = {
        "Header": ["KF1,F,03/02/2009,WBRI,UN2,0,"],
        # Looked after since 2023, in supported accommodation in Stevenage from September.
        "Episodes": [
            "KF1,06/03/2023,S,C2,N1,U4,PR1,01/09/2025,X1,CHILD,MK14 7PQ,MK10 1JY,SC914770",
            "KF1,01/09/2025,P,C2,N1,K3,PR4,,,,MK14 7PQ,SG1 6AA,SC952996",
        ],
    }
    findings = reported("ssda903", write(tmp_path, rows), "241")
    assert {(f.child, f.row) for f in findings} == {("KF1", 1)}


@pytest.mark.parametrize("before", [0, 1], ids=["first worker", "second worker"])
def test_sw11b_reports_a_change_of_worker_in_late_march_after_an_earlier_one(tmp_path, before):
    """Rule SW11bSTG2 says "Social worker episode has ended before 31 March and no
    subsequent social worker episode has been provided", yet reports an episode that
    ended in the year's last five days and was followed the next day, whenever another
    episode came before it: its last check compares each episode's start with the end of
    the one after it, not whether one follows."""
    earlier = ["KF1,03/02/2014,SW00007,07/06/2025,10/10/2025,FCONTA"][:before]
    rows = {
        "Header": ["KF1,F,03/02/2014,WBRI,UN2,0,"],
        # Looked after since June 2025 in the same foster home, on 31 March too.
        "Episodes": ["KF1,07/06/2025,S,C2,N1,U6,PR1,,,,MK13 7BS,MK40 4PD,SC914770"],
        # Its worker left on 27 March 2026; the next took over on the 28th.
        "SWEpisodes": [
            *earlier,
            f"KF1,03/02/2014,SW00160,{'10/10/2025' if before else '07/06/2025'},27/03/2026,"
            + ("LEFTRL" if before else "FCONTA"),
            "KF1,03/02/2014,SW00161,28/03/2026,,LEFTRL",
        ],
    }
    findings = reported("ssda903", write(tmp_path, rows), "SW11bSTG2")
    assert {(f.child, f.row) for f in findings} == ({("KF1", 1)} if before else set())


def test_2887q_counts_the_children_with_no_disability(db, tmp_path):
    """Query 2887Q says "Less than 8 disability codes have been used in your return" (its
    text: the different codes used, NONE aside, should be more than 7), yet counts the
    children recorded with NONE: a census using eight codes is queried."""
    for code in ("AUT", "BEH", "COMM", "HEAR", "LD", "MOB", "PC", "VIS"):
        CINEpisodeFactory(child__disabilities=code, referral_date=D(2025, 6, 2), nfa=True)
    target = write_return("cin", YEAR, default_target("cin", YEAR, tmp_path))
    assert [(f.child, f.query) for f in reported("cin", target, "2887Q")] == [("", True)]


def test_575_and_577_report_a_child_missing_on_31_march_from_a_placement_that_goes_on(
    tmp_path,
):
    """Rules 575 ("If the placement from which the child goes missing ... ends, the
    missing ... period ... must also have an end date") and 577 ("Child ceased to be
    looked after but there is a missing ... period without an end date") report a child
    missing since 30 March from a placement that has not ended: rule 365, run before
    them, writes 31 March into every blank DEC of the Episodes table the rules share
    (``episodes.loc[episodes["DEC"].isna(), "DEC"] = collection_end_str`` on the
    validator's shallow copy of its data), so the rules after it see every open
    placement end on 31 March."""
    rows = {
        "Header": ["KF1,F,15/11/2012,WBRI,UN2,0,"],
        # Looked after since 2019 in the same foster home, on 31 March too.
        "Episodes": ["KF1,23/12/2019,S,C2,N1,U1,PR1,,,,MK5 8PB,MK19 7YN,SC914770"],
        "Missing": ["KF1,15/11/2012,M,30/03/2026,"],
    }
    findings = reported("ssda903", write(tmp_path, rows), "575", "577")
    assert {(f.rule, f.child, f.table) for f in findings} == {
        ("575", "KF1", "Missing"),
        ("577", "KF1", "Missing"),
    }
