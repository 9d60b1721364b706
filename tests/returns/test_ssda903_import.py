"""Importing an SSDA903 return: round trip, idempotence, and malformed files refused
with the database left as it was."""

import shutil

import pytest

from kinfolio.children_in_care.models import CareEpisode, LACReview, PeriodOfCare
from kinfolio.people.models import Person
from kinfolio.returns.importing import ImportRefused
from kinfolio.returns.ssda903.export import export_ssda903
from kinfolio.returns.ssda903.importer import import_ssda903
from kinfolio.returns.ssda903.tables import BY_NAME
from kinfolio.returns.years import CollectionYear
from tests.factories import ChildFactory, D
from tests.factories_care import CareEpisodeFactory, PeriodOfCareFactory

YEAR = CollectionYear.parse("2025-26")
ROUND_TRIP_TABLES = ("episodes.csv", "reviews.csv", "missing.csv", "previous_permanence.csv")
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = ",".join(BY_NAME["Episodes"].columns) + "\n"


def write(folder, **files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def hand_made(folder):
    return write(
        folder,
        header=HEADER + "A100,F,03/02/2014,WBRI,UN1,1,01/01/2026\nA101,M,10/10/2012,MWBC,UN2,,\n",
        episodes=EPISODES
        + "A100,02/06/2025,S,C2,N1,U4,PR1,10/09/2025,X1,,,,\n"
        + "A100,10/09/2025,P,C2,N1,U6,PR4,,,,,,\n"
        + "A101,01/05/2025,S,V2,N4,K2,PR4,01/02/2026,E13,,,,\n",
    )


@pytest.fixture
def empty_db(db):
    assert not Person.objects.exists()


def test_import_then_export_gives_the_same_tables(empty_db, tmp_path):
    source = hand_made(tmp_path / "in")
    summary = import_ssda903(source)
    assert summary.created["children"] == 2
    assert summary.created["episodes"] == 3
    export_ssda903(YEAR, tmp_path / "out")
    for name in ("header.csv", "episodes.csv"):
        assert (tmp_path / "out" / name).read_text() == (source / name).read_text()


def test_export_then_import_into_an_empty_database_round_trips(db, tmp_path):
    period = PeriodOfCareFactory(child__local_id="KF0000001", start_date=D(2025, 6, 2))
    CareEpisodeFactory(period=period)
    export_ssda903(YEAR, tmp_path / "first")
    CareEpisode.objects.all().delete()
    PeriodOfCare.objects.all().delete()
    Person.objects.all().delete()
    import_ssda903(tmp_path / "first")
    export_ssda903(YEAR, tmp_path / "second")
    for name in ROUND_TRIP_TABLES + ("episodes.csv",):
        assert (tmp_path / "second" / name).read_text() == (tmp_path / "first" / name).read_text()


def test_import_twice_changes_nothing(empty_db, tmp_path):
    source = hand_made(tmp_path / "in")
    import_ssda903(source)
    again = import_ssda903(source)
    assert sum(again.created.values()) == 0
    assert again.matched["episodes"] == 3
    assert CareEpisode.objects.count() == 3


def test_dry_run_writes_nothing(empty_db, tmp_path):
    summary = import_ssda903(hand_made(tmp_path / "in"), dry_run=True)
    assert summary.created["children"] == 2
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"header": "CHILD,SEX,DOB\nA1,F,01/01/2015\n"}, "columns are not those"),
        ({"header": HEADER + "A1,F,2015-01-01,WBRI,UN1,,\n"}, "dd/mm/yyyy"),
        ({"header": HEADER + "A1,F,01/01/2015,XXXX,UN1,,\n"}, "Not a code of Ethnicity"),
        ({"header": HEADER + "A1,F,01/01/2015,WBRI,UN1,,\n" * 2}, "duplicate"),
        ({"header": ""}, "empty"),
        (
            {
                "header": HEADER + "A1,F,01/01/2015,WBRI,UN1,,\n",
                "episodes": EPISODES + "A9,02/06/2025,S,C2,N1,U4,PR1,,,,,,\n",
            },
            "not in the Header",
        ),
        ({"header": HEADER + "A1,F,01/01/2015,WBRI\n"}, "Expected 7 values"),
    ],
)
def test_malformed_files_are_refused_and_nothing_is_written(empty_db, tmp_path, files, message):
    folder = hand_made(tmp_path / "in")
    (folder / "episodes.csv").unlink()
    write(folder, **files)
    with pytest.raises(ImportRefused) as refused:
        import_ssda903(folder)
    assert any(message in str(problem) for problem in refused.value.problems)
    assert not Person.objects.exists()


def test_a_previous_permanence_authority_not_in_the_la_list_is_refused(empty_db, tmp_path):
    """LA_PERM is a DfE LA number (codesets.LOCAL_AUTHORITY): 999 is none, 202 is
    Camden."""
    columns = ",".join(BY_NAME["PrevPerm"].columns)
    folder = write(
        hand_made(tmp_path / "in"),
        previous_permanence=f"{columns}\nA101,10/10/2012,P1,202,01/01/2020\n"
        "A100,03/02/2014,P1,999,01/01/2021\n",
    )
    with pytest.raises(ImportRefused) as refused:
        import_ssda903(folder)
    [problem] = refused.value.problems
    assert (problem.file, problem.where, problem.field, problem.value) == (
        "previous_permanence.csv",
        "row 3",
        "LA_PERM",
        "999",
    )
    assert "Not a code of Local authority" in problem.message
    assert not Person.objects.exists()


def test_a_byte_order_mark_is_accepted(empty_db, tmp_path):
    folder = hand_made(tmp_path / "in")
    text = (folder / "header.csv").read_text()
    (folder / "header.csv").write_text("\ufeff" + text, encoding="utf-8")
    assert import_ssda903(folder).created["children"] == 2


def test_a_doubtful_match_is_left_for_review(db, tmp_path):
    ChildFactory(local_id="OLD1", sex="F", date_of_birth=D(2014, 1, 1), upn="A123456789012")
    folder = write(tmp_path / "in", header=HEADER + "A100,F,03/02/2014,WBRI,A123456789012,,\n")
    summary = import_ssda903(folder)
    assert "OLD1" in summary.review[0]
    assert not Person.objects.filter(local_id="A100").exists()


def test_the_validators_own_sample_is_read_and_its_seeded_errors_reported(empty_db, tmp_path):
    """csc-validator-be-903's published test files (tests/returns/data/SOURCE.md) hold
    deliberate errors: each is reported with its file and row, and nothing written."""
    shutil.copytree("tests/returns/data/ssda903", tmp_path / "sample")
    with pytest.raises(ImportRefused) as refused:
        import_ssda903(tmp_path / "sample")
    found = {(p.file, p.where, p.field, p.value) for p in refused.value.problems}
    assert ("sw_episodes.csv", "row 2", "SW_REASON", "SWLAZY") in found
    assert ("dolo.csv", "row 2", "CHILD", "CHILD10") in found
    assert ("reviews.csv", "row 9826", "", "844067,18/05/2009,28/01/2020,PN1") in found
    assert not Person.objects.exists()


# The published sample's structural problems, found by the test above: without them
# it is a return a council could import (rows numbered as in the files).
SAMPLE_STRUCTURAL = {"reviews.csv": (9826, 12074), "sw_episodes.csv": (2,), "dolo.csv": (2,)}


def test_the_validators_own_sample_imports_once_its_structural_problems_are_gone(
    empty_db, tmp_path
):
    """What the sample breaks beyond structure is for the DfE's validator to report on
    the Returns page; records Kinfolio cannot hold at all (an episode with a reason it
    ceased but no end, a period of care whose every episode is left, a review outside
    any period of care) are left and listed."""
    sample = tmp_path / "sample"
    shutil.copytree("tests/returns/data/ssda903", sample)
    for name, rows in SAMPLE_STRUCTURAL.items():
        lines = (sample / name).read_text(encoding="utf-8-sig").splitlines(keepends=True)
        (sample / name).write_text(
            "".join(line for n, line in enumerate(lines, 1) if n not in rows)
        )
    summary = import_ssda903(sample)
    assert (summary.created["children"], summary.created["episodes"]) == (2675, 3636)
    assert summary.created["reviews"] == LACReview.objects.count() == 6662
    assert not PeriodOfCare.objects.filter(episodes__isnull=True).exists()
    assert len(summary.left_records) + summary.more["left_records"] == 7388
    assert "care_episode_reason_ceased_iff_ended" in summary.left_records[0]
    assert f"left: {summary.more['left_records']} more records" in summary.lines()


def test_an_episode_ended_since_the_return_keeps_its_end(db, tmp_path):
    """Importing the 2025/26 return again after the episode ended in May 2026 (the
    return shows it open on 31 March) changes nothing."""
    period = PeriodOfCareFactory(start_date=D(2025, 5, 1), end_date=D(2026, 5, 1))
    CareEpisodeFactory(period=period, end_date=D(2026, 5, 1), reason_ceased="E13")
    export_ssda903(YEAR, tmp_path / "out")
    import_ssda903(tmp_path / "out")
    episode = CareEpisode.objects.get()
    assert (episode.end_date, episode.reason_ceased) == (D(2026, 5, 1), "E13")
    assert PeriodOfCare.objects.get().end_date == D(2026, 5, 1)


def test_a_period_of_care_whose_every_episode_is_left_is_not_created(empty_db, tmp_path):
    """An episode with a reason it ceased but no end is left (Kinfolio's records refuse
    it); when it is the period's only episode, the period is left with it."""
    source = write(
        tmp_path / "in",
        header=HEADER + "A102,M,10/10/2012,MWBC,UN2,,\n",
        episodes=EPISODES + "A102,01/05/2025,S,V2,N4,K2,PR4,,E13,,,,\n",
    )
    summary = import_ssda903(source)
    assert not PeriodOfCare.objects.exists()
    assert summary.created["periods of care"] == 0
    episode, period = summary.left_records
    assert "care_episode_reason_ceased_iff_ended" in episode
    assert period == "episodes.csv row 2: period of care left with all its episodes"
