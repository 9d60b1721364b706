"""The demo authority's last complete year through the importers: its two returns,
imported into an empty database and made again, are the same returns for everything
Kinfolio stores. What the importers list as not kept (their ``NOT_KEPT``) is left out
of the comparison, and the test checks each is listed there."""

import difflib
import re
from datetime import datetime

import pytest
from django.utils import timezone

from kinfolio.demo_authority.profiles import DEFAULT_CENSUS_DATE
from kinfolio.returns.cin import importer as cin_importer
from kinfolio.returns.cin.export import export_cin
from kinfolio.returns.ssda903 import importer as ssda903_importer
from kinfolio.returns.ssda903.export import export_ssda903
from kinfolio.returns.ssda903.tables import BY_NAME
from kinfolio.returns.years import current_and_last_complete
from tests.demo_authority.conftest import emptied

pytestmark = pytest.mark.django_db(serialized_rollback=True)
_, YEAR = current_and_last_complete(DEFAULT_CENSUS_DATE)
CENSUS_DAY = timezone.make_aware(datetime.combine(DEFAULT_CENSUS_DATE, datetime.min.time()))
# Census elements and SSDA903 tables the importers do not keep (each in their NOT_KEPT):
# NumberOfPreviousCPP counts plans before the census; ICPCnotRequired needs the end of
# an enquiry, which the census does not give; an episode's own DateOfInitialCPC is an
# ICPC whose enquiry is not in the census (Kinfolio's initial conference needs one);
# the SSDA903 outcomes and adoption tables have no place to go, and social worker
# episodes need the workers.
NOT_KEPT_ELEMENTS = ("NumberOfPreviousCPP", "ICPCnotRequired", "DateOfInitialCPC of a CINdetails")
# The census is indented four spaces a level: a CINdetails' own elements at 16.
NOT_KEPT_LINES = re.compile(r"<(NumberOfPreviousCPP|ICPCnotRequired)>|^ {16}<DateOfInitialCPC>")
NOT_KEPT_TABLES = ("OC2", "OC3", "AD1", "PlacedAdoption", "SWEpisodes")


def both_returns(folder):
    export_cin(YEAR, folder / "cin.xml", now=CENSUS_DAY)
    export_ssda903(YEAR, folder / "ssda903")
    return folder


def kept(path) -> list[str]:
    lines = path.read_text().splitlines()
    if path.suffix == ".xml":
        return [line for line in lines if not NOT_KEPT_LINES.search(line)]
    return lines


def test_the_not_kept_are_listed_by_the_importers():
    for name in NOT_KEPT_ELEMENTS:
        assert any(item.startswith(name) for item in cin_importer.NOT_KEPT)
    for name in NOT_KEPT_TABLES:
        assert any(name in item for item in ssda903_importer.NOT_KEPT)


def test_the_last_complete_year_round_trips(demo_authority, tmp_path):
    first = both_returns(tmp_path / "first")
    emptied()  # inside the test's transaction: the other tests keep the demo
    cin_importer.import_cin(first / "cin.xml")
    ssda903_importer.import_ssda903(first / "ssda903")
    second = both_returns(tmp_path / "second")
    compared = ["cin.xml"] + [
        f"ssda903/{table.file_name}"
        for table in BY_NAME.values()
        if table.name not in NOT_KEPT_TABLES and (first / "ssda903" / table.file_name).exists()
    ]
    assert len(compared) == 7  # the census, Header, Episodes, Reviews, UASC, PrevPerm, Missing
    differences = {
        name: list(difflib.unified_diff(kept(first / name), kept(second / name), lineterm="", n=0))[
            :20
        ]
        for name in compared
    }
    assert all(len(kept(first / name)) > 1 for name in compared)  # rows, not just a header
    assert differences == dict.fromkeys(compared, [])
