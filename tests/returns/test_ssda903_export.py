import csv
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinfolio.children_in_care.models import Conviction, DevelopmentCheck, SubstanceMisuse
from kinfolio.people.models import Relationship
from kinfolio.returns.ssda903.export import export_ssda903
from kinfolio.returns.years import CollectionYear
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, D, TeamFactory, WorkerFactory
from tests.factories_care import (
    CareEpisodeFactory,
    MissingEpisodeFactory,
    PeriodOfCareFactory,
)

YEAR = CollectionYear.parse("2025-26")


def read(folder, name):
    with open(folder / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_export_writes_the_header_and_episodes_of_a_looked_after_child(
    looked_after_child, tmp_path
):
    counts = export_ssda903(YEAR, tmp_path)
    assert (counts["Header"], counts["Episodes"]) == (1, 1)
    assert read(tmp_path, "header.csv") == [
        {
            "CHILD": "KF0000001",
            "SEX": "F",
            "DOB": "03/02/2014",
            "ETHNIC": "WBRI",
            "UPN": "",
            "MOTHER": "0",
            "MC_DOB": "",
        }
    ]
    (episode,) = read(tmp_path, "episodes.csv")
    assert (episode["DECOM"], episode["RNE"], episode["LS"], episode["PLACE"], episode["DEC"]) == (
        "02/06/2025",
        "S",
        "C2",
        "U4",
        "",
    )


def test_export_writes_an_episode_ending_after_the_year_as_open_on_31_march(db, tmp_path):
    period = PeriodOfCareFactory(start_date=D(2025, 5, 1), end_date=D(2026, 5, 1))
    CareEpisodeFactory(period=period, end_date=D(2026, 5, 1), reason_ceased="E13")
    export_ssda903(YEAR, tmp_path)
    (episode,) = read(tmp_path, "episodes.csv")
    assert (episode["DEC"], episode["REC"]) == ("", "")


def test_export_uses_numeric_sex_codes_before_2024_25(looked_after_child, tmp_path):
    export_ssda903(CollectionYear.parse("2023-24"), tmp_path)
    assert read(tmp_path, "header.csv") == []  # not looked after then
    looked_after_child.periods_of_care.update(start_date=D(2023, 6, 2))
    looked_after_child.periods_of_care.get().episodes.update(start_date=D(2023, 6, 2))
    export_ssda903(CollectionYear.parse("2023-24"), tmp_path)
    assert read(tmp_path, "header.csv")[0]["SEX"] == "2"


def test_export_writes_social_worker_episodes_and_dolo_only_in_their_years(
    looked_after_child, tmp_path
):
    worker = WorkerFactory()
    Allocation.objects.create(
        child=looked_after_child,
        role="social_worker",
        team=TeamFactory(),
        worker=worker,
        start_date=D(2025, 6, 2),
        change_reason="FCONTA",
    )
    export_ssda903(YEAR, tmp_path)
    assert read(tmp_path, "sw_episodes.csv") == [
        {
            "CHILD": "KF0000001",
            "DOB": "03/02/2014",
            "SW_ID": f"SW{worker.pk:05d}",
            "SW_DECOM": "02/06/2025",
            "SW_DEC": "",
            "SW_REASON": "FCONTA",
        }
    ]
    assert not (tmp_path / "dolo.csv").exists()
    counts = export_ssda903(CollectionYear.parse("2026-27"), tmp_path / "next")
    assert counts["DoLo"] == 0
    assert (tmp_path / "next" / "dolo.csv").exists()


def test_export_query_count_does_not_grow_with_children(db, tmp_path):
    def queries_for(children: int) -> int:
        for _ in range(children):
            CareEpisodeFactory(period=PeriodOfCareFactory(start_date=D(2025, 6, 2)))
        with CaptureQueriesContext(connection) as captured:
            export_ssda903(YEAR, tmp_path / str(children))
        return len(captured)

    assert queries_for(1) == queries_for(5)


def test_header_says_whether_a_looked_after_girl_is_a_mother(looked_after_child, tmp_path):
    baby = ChildFactory(date_of_birth=D(2025, 9, 1))
    Relationship.objects.create(person=looked_after_child, other=baby, relationship_type="mother")
    export_ssda903(YEAR, tmp_path)
    (header,) = read(tmp_path, "header.csv")
    assert (header["MOTHER"], header["MC_DOB"]) == ("1", "01/09/2025")


def test_oc2_reports_convictions_substance_misuse_and_development_checks(db, tmp_path):
    older = PeriodOfCareFactory(child__date_of_birth=D(2012, 5, 1), start_date=D(2024, 1, 8))
    younger = PeriodOfCareFactory(child__date_of_birth=D(2022, 5, 1), start_date=D(2024, 1, 8))
    for period in (older, younger):
        CareEpisodeFactory(period=period, start_date=D(2024, 1, 8))
    Conviction.objects.create(child=older.child, convicted_on=D(2025, 7, 1))
    SubstanceMisuse.objects.create(
        child=older.child,
        identified_on=D(2025, 8, 1),
        intervention_received=False,
        intervention_offered=True,
    )
    DevelopmentCheck.objects.create(child=younger.child, check_date=D(2025, 6, 1))
    export_ssda903(YEAR, tmp_path)
    rows = {row["CHILD"]: row for row in read(tmp_path, "oc2.csv")}
    fields = ("CONVICTED", "HEALTH_CHECK", "SUBSTANCE_MISUSE")
    fields += ("INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
    assert [rows[older.child.local_id][f] for f in fields] == ["1", "", "1", "0", "1"]
    assert [rows[younger.child.local_id][f] for f in fields] == ["", "1", "0", "", ""]


def test_missing_lists_the_episodes_of_care_that_overlap_the_year(db, tmp_path):
    period = PeriodOfCareFactory(start_date=D(2025, 1, 6))
    CareEpisodeFactory(period=period, start_date=D(2025, 1, 6))
    for start, end in [
        (D(2025, 3, 1), D(2025, 3, 2)),  # before the year
        (D(2025, 7, 1), D(2025, 7, 3)),
        (D(2026, 3, 30), D(2026, 4, 2)),  # goes on past 31 March: open then
        (D(2026, 5, 5), D(2026, 5, 6)),  # after the year
    ]:
        MissingEpisodeFactory(
            child=period.child,
            period=period,
            start_date=start,
            end_date=end,
            return_interview_due_date=end + timedelta(days=3),
        )
    export_ssda903(YEAR, tmp_path)
    assert [(row["MIS_START"], row["MIS_END"]) for row in read(tmp_path, "missing.csv")] == [
        ("01/07/2025", "03/07/2025"),
        ("30/03/2026", ""),
    ]
