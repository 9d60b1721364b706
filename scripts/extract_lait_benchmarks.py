"""Build kinfolio/performance/benchmarks/*.csv from the DfE's Local Authority Interactive
Tool data (run by hand at build time, never at run time; needs pyarrow and openpyxl).

    git clone https://github.com/dfe-analytical-services/local-authority-interactive-tool
    python scripts/extract_lait_benchmarks.py path/to/local-authority-interactive-tool

Writes the values of the measures the indicator catalogue names (``Indicator.lait``) for
England, every region and every local authority in the latest three years, each row
with its source; and the DfE's statistical neighbours of every authority.
"""

import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq

OUT = Path(__file__).resolve().parent.parent / "kinfolio" / "performance" / "benchmarks"
YEARS = 3
DATA = "01_data/02_prod"


def main(repo: Path) -> None:
    sys.path.insert(0, str(OUT.parents[2]))
    import django

    django.setup()
    from kinfolio.performance.indicators.catalogue import CATALOGUE

    codes = {indicator.lait for indicator in CATALOGUE if indicator.lait}
    commit = subprocess.run(
        ["git", "-C", str(repo), "log", "-1", "--format=%h %cs"], capture_output=True, text=True
    ).stdout.split()
    source = (
        "DfE Local Authority Interactive Tool data "
        f"(dfe-analytical-services/local-authority-interactive-tool {DATA}/bds_long_0.parquet, "
        f"commit {commit[0]}, {commit[1]})"
    )
    published = dt.date.fromisoformat(commit[1])
    cited_as = f"Department for Education, Local Authority Interactive Tool ({published:%B %Y})"
    with open(repo / DATA / "lait_data_dictionary.csv", encoding="utf-8") as handle:
        dictionary = {row["Measure_short"]: row for row in csv.DictReader(handle)}
    rows = [
        r
        for r in pq.read_table(repo / DATA / "bds_long_0.parquet").to_pylist()
        if r["Short Desc"] in codes
    ]
    latest = sorted({r["Years"] for r in rows if r["Years"].isdigit()})[-YEARS:]
    with open(OUT / "lait_values.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["lait", "year_ending_march", "area", "region", "value"])
        for r in sorted(rows, key=lambda r: (r["Short Desc"], r["Years"], r["LA and Regions"])):
            try:
                float(r["Values"])
            except (TypeError, ValueError):
                continue  # suppressed or not applicable: left out, never guessed
            if r["Years"] in latest:
                region = "" if r["Region"] in (None, "NA") else r["Region"]
                writer.writerow(
                    [r["Short Desc"], r["Years"], r["LA and Regions"], region, r["Values"]]
                )
    with open(OUT / "lait_sources.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["lait", "measure", "publication", "source", "cited_as"])
        for code in sorted(codes):
            meta = dictionary.get(code, {})
            links = (meta.get("Hyperlink(s)") or "").split()
            writer.writerow(
                [code, meta.get("Chart_title", ""), links[0] if links else "", source, cited_as]
            )
    book = openpyxl.load_workbook(repo / DATA / "sn_may_2025.xlsx", read_only=True)
    sheet = book.worksheets[0]
    table = list(sheet.iter_rows(values_only=True))[3:]
    names = {row[0]: row[1] for row in table if row and row[0]}
    sn_source = f"DfE statistical neighbours, May 2025 (commit {commit[0]})"
    with open(OUT / "statistical_neighbours.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["area", "neighbour", "rank", "closeness", "source"])
        for row in table:
            if not row or not row[0]:
                continue
            for rank in range(10):
                number, closeness = row[5 + 2 * rank], row[6 + 2 * rank]
                if number in names:
                    writer.writerow(
                        [
                            row[1],
                            names[number],
                            rank + 1,
                            closeness,
                            sn_source,
                        ]
                    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
