"""Where the DfE's validator itself is wrong, shown on the smallest return that shows it,
so the demo's test can name the rule rather than bend the data to it."""

from kinfolio.returns.ssda903.tables import BY_NAME
from kinfolio.returns.validation.client import run_validator
from kinfolio.returns.years import CollectionYear

YEAR = CollectionYear.parse("2025-26")
ROWS = {
    "Header": ["KF1,F,03/02/2014,WBRI,UN2,0,"],
    # Looked after from June 2025, moved in September, still looked after on 31 March.
    "Episodes": [
        "KF1,02/06/2025,S,C2,N1,U4,PR1,10/09/2025,X1,CARPL,MK9 3EJ,MK9 3EJ,",
        "KF1,10/09/2025,P,C2,N1,U4,PR1,,,,MK9 3EJ,MK9 3EJ,",
    ],
    # One social worker from the start of care, still the child's worker on 31 March.
    "SWEpisodes": ["KF1,03/02/2014,SW00001,02/06/2025,,FCONTA"],
}


def test_sw12_reports_an_open_episode_that_did_not_start_the_period(tmp_path):
    """Rule SW12STG2 ("all social worker episodes for the full previous year should be
    reported") reports the second episode although the one social worker episode covers
    the whole year: for an open episode whose RNE is not S neither of its two tests can
    hold (one compares with an empty DEC, the other asks for RNE S)."""
    for name, rows in ROWS.items():
        table = BY_NAME[name]
        lines = [",".join(table.columns), *rows]
        (tmp_path / table.file_name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = run_validator("ssda903", YEAR, tmp_path).findings
    assert {(f.rule, f.child, f.row) for f in findings if f.rule == "SW12STG2"} == {
        ("SW12STG2", "KF1", 1)
    }
