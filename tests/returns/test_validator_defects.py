"""Where the DfE's validator itself is wrong, shown on the smallest return that shows it,
so the demo's test can name the rule rather than bend the data to it."""

from kinfolio.returns.ssda903.tables import BY_NAME
from kinfolio.returns.validation.client import run_validator
from kinfolio.returns.years import CollectionYear

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


def test_sw12_reports_the_social_worker_episodes_it_asks_for(tmp_path):
    """Rule SW12STG2 says "if a child is looked after on 31 March then all social worker
    episodes for the full previous year should be reported, even those whilst they were
    not looked after", yet reports the child's first episode of care because a social
    worker episode began before it: it accepts one only if it began after that episode
    did or before it ended other than by a placement move (X1)."""
    for name, rows in ROWS.items():
        table = BY_NAME[name]
        lines = [",".join(table.columns), *rows]
        (tmp_path / table.file_name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = run_validator("ssda903", YEAR, tmp_path).findings
    assert {(f.rule, f.child, f.row) for f in findings if f.rule == "SW12STG2"} == {
        ("SW12STG2", "KF1", 0)
    }
