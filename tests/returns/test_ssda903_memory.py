"""The SSDA903 import streams its files: its peak memory is the same for a file twice
the size (``make bench BENCH=returns`` imports 100 MB)."""

import tracemalloc

import pytest

from kinfolio.returns.ssda903.importer import import_ssda903
from kinfolio.returns.ssda903.tables import BY_NAME

# The import's Python memory does not depend on the database: measured once, in the
# SQLite pass (on PostgreSQL its reads, planned on statistics that cannot count the
# import's own uncommitted rows, have taken minutes on a loaded machine).
pytestmark = pytest.mark.sqlite_pass


def generated(folder, children: int):
    """A return of ``children`` children, each with one episode and two reviews."""
    folder.mkdir()
    with open(folder / "header.csv", "w") as header:
        header.write(",".join(BY_NAME["Header"].columns) + "\n")
        for n in range(children):
            header.write(f"G{n:08d},F,03/02/2014,WBRI,UN1,,\n")
    with open(folder / "episodes.csv", "w") as episodes:
        episodes.write(",".join(BY_NAME["Episodes"].columns) + "\n")
        for n in range(children):
            episodes.write(f"G{n:08d},02/06/2025,S,C2,N1,U4,PR1,,,,,,\n")
    with open(folder / "reviews.csv", "w") as reviews:
        reviews.write(",".join(BY_NAME["Reviews"].columns) + "\n")
        for n in range(children):
            reviews.write(f"G{n:08d},03/02/2014,01/07/2025,PN1\n")
            reviews.write(f"G{n:08d},03/02/2014,01/10/2025,PN1\n")
    return folder


def peak_of_import(folder):
    """The import's peak of memory allocated by Python (bytes), and its summary."""
    tracemalloc.start()
    try:
        summary = import_ssda903(folder, dry_run=True)
        return tracemalloc.get_traced_memory()[1], summary
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_files_size(db, tmp_path):
    """About 0.35 and 0.7 MB (an import writes about 1,000 rows a second on a loaded CI
    machine); the peak is about 3.3 MB for both, most of it Django's own."""
    small_peak, small = peak_of_import(generated(tmp_path / "small", 2_000))
    big_peak, big = peak_of_import(generated(tmp_path / "big", 4_000))
    assert (small.created["reviews"], big.created["reviews"]) == (4_000, 8_000)
    assert big_peak < small_peak * 1.2, (small_peak, big_peak)
