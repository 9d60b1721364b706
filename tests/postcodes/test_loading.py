"""load_postcode_locations reads the ONS Postcode Directory and OS Code-Point Open, all
or nothing (hand-made files in the publications' shapes; no real data is shipped)."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from kinfolio.postcodes.models import PostcodeLocation, normalise_postcode

pytestmark = pytest.mark.django_db

ONSPD_HEADER = "pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long\n"


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(*paths, **options):
    call_command("load_postcode_locations", *map(str, paths), **options)


def test_onspd_rows_are_loaded_with_their_source_and_date(tmp_path):
    path = write(
        tmp_path,
        "onspd.csv",
        ONSPD_HEADER + "AB1 0AA ,AB1  0AA,AB1 0AA,198001,199606,385386,801193,57.101474,-2.242851\n"
        "ZZ990ZZ,ZZ99 0ZZ,ZZ99 0ZZ,198001,,,,99.999999,0.000000\n",
    )
    load(path, published=date(2025, 5, 1))
    [row] = PostcodeLocation.objects.all()
    assert (row.postcode, row.latitude, row.longitude) == ("AB1 0AA", 57.101474, -2.242851)
    assert (row.source, row.source_date) == ("ONS Postcode Directory", date(2025, 5, 1))


def test_code_point_open_eastings_and_northings_become_latitude_and_longitude(tmp_path):
    path = write(
        tmp_path,
        "ab.csv",
        '"AB101AB",10,394251,806376,"S92000003","","S08000020","","S12000033","S13002842"\n'
        '"AB101AF",90,0,0,"S92000003","","S08000020","","S12000033","S13002842"\n',
    )
    load(path, published=date(2025, 2, 1))
    [row] = PostcodeLocation.objects.all()
    assert row.postcode == "AB10 1AB"
    assert row.source == "OS Code-Point Open"
    # Aberdeen city centre (OS's OSTN15 transformation; a few metres' tolerance).
    assert row.latitude == pytest.approx(57.1487, abs=0.001)
    assert row.longitude == pytest.approx(-2.0969, abs=0.001)


def test_a_later_release_replaces_a_postcodes_location(tmp_path):
    first = write(tmp_path, "a.csv", ONSPD_HEADER + "x,x,MK9 3EJ,,,,,52.04,-0.76\n")
    later = write(tmp_path, "b.csv", ONSPD_HEADER + "x,x,MK9 3EJ,,,,,52.05,-0.75\n")
    load(first, published=date(2024, 5, 1))
    load(later, published=date(2025, 5, 1))
    row = PostcodeLocation.objects.get()
    assert (row.latitude, row.source_date) == (52.05, date(2025, 5, 1))


def test_only_the_areas_asked_for_are_loaded(tmp_path):
    path = write(
        tmp_path,
        "onspd.csv",
        ONSPD_HEADER + "x,x,MK9 3EJ,,,,,52.04,-0.76\nx,x,NN1 1AA,,,,,52.24,-0.89\n"
        "x,x,LU1 1AA,,,,,51.88,-0.42\n",
    )
    load(path, published=date(2025, 5, 1), areas="MK,NN")
    assert list(PostcodeLocation.objects.values_list("postcode", flat=True)) == [
        "MK9 3EJ",
        "NN1 1AA",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (ONSPD_HEADER + "x,x,MK9 3EJ,,,,,52.04,-0.76\nx,x,NOT A CODE,,,,,52.0,-0.7\n", "line 3"),
        (ONSPD_HEADER + "x,x,MK9 3EJ,,,,,52.04,-0.76\nx,x,MK9 3EL,,,,,north,-0.7\n", "number"),
        (ONSPD_HEADER + "x,x,MK9 3EJ,,,,,52.04,-0.76\nx,x,MK9 3EL,,,,,40.0,-0.7\n", "UK"),
        (ONSPD_HEADER + "x,x,MK9 3EJ,,,,,52.04,-0.76\nx,x\n", "too few columns"),
        ("name,latitude\nMK9 3EJ,52\n", "not the ONS Postcode Directory"),
        ("", "empty"),
    ],
)
def test_a_file_with_an_unreadable_row_is_refused_and_nothing_is_written(tmp_path, text, message):
    good = write(tmp_path, "good.csv", ONSPD_HEADER + "x,x,LU1 1AA,,,,,51.88,-0.42\n")
    bad = write(tmp_path, "bad.csv", text)
    with pytest.raises(CommandError, match=message):
        load(good, bad, published=date(2025, 5, 1))
    assert not PostcodeLocation.objects.exists()


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="Nothing loaded"):
        load(tmp_path / "absent.csv", published=date(2025, 5, 1))


@pytest.mark.parametrize(
    ("text", "postcode"),
    [("mk93ej", "MK9 3EJ"), (" EC1A  1BB ", "EC1A 1BB"), ("W1A 0AX", "W1A 0AX"), ("MK9", "")],
)
def test_postcodes_are_normalised(text, postcode):
    assert normalise_postcode(text) == postcode
