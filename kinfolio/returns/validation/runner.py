"""Run a DfE validator on a return and print its findings as JSON lines.

This script runs inside the validators' own virtualenv (``make validators``), never
Kinfolio's: csc-validator-be-903 and csc-validator-be-cin pin old pandas and numpy.
It imports nothing from Kinfolio. It calls each validator the way its own command
line does (``lac_validator.__main__`` ``run-offline``; ``cin_validator.__main__``
``run``), then prints one JSON object per finding:
``{"rule", "message", "child", "table", "field", "row", "query"}`` ("query": the
validator's rule is a query, which the DfE asks a council to check and either amend or
explain, rather than an error; only the CIN validator has them), and a last line
``{"done": true, "seconds": ..., "validator": ..., "version": ...}`` with the
validator's own time, and its package and release (which rules it is known to report
wrongly depends on the release: ``known_faults``).

    python runner.py ssda903 2026 E06000042 DIR
    python runner.py cin 2026 - FILE.xml
"""

import importlib
import importlib.metadata
import json
import logging
import os
import sys
import time
import warnings
from pathlib import Path

# Rules the validator could not run on this return (it logs them and goes on).
FAILED_RULES = []


def _value(value):
    try:
        import pandas as pd

        if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def run_903(end_year, la_code, folder):
    from lac_validator import lac_validator
    from lac_validator.report import Report
    from lac_validator.utils import process_uploaded_files

    files = sorted(str(path) for path in Path(folder).glob("*.csv"))
    files_list = process_uploaded_files({"This year": files})
    module = importlib.import_module(f"lac_validator.rules.lac{end_year - 1}_{end_year % 100:02d}")
    registry = module.registry
    validator = lac_validator.LacValidator(
        metadata={"collectionYear": str(end_year), "localAuthority": la_code},
        files=files_list,
        registry=registry,
        selected_rules=None,
    )
    report = Report(validator.ds_results, registry)
    messages = {str(rule.code): rule for rule in registry.values()}
    for column in [c for c in report.report.columns if c.startswith("ERR_")]:
        code = column[4:]
        rule = messages[code]
        failing = report.report[report.report[column] == True]  # noqa: E712 (pandas mask)
        for _, row in failing.iterrows():
            for field in sorted(rule.affected_fields) or [""]:
                yield {
                    "rule": code,
                    "message": rule.message,
                    "child": _value(row["CHILD"]),
                    "table": row["Table"],
                    "field": field,
                    "row": int(row["RowID"]),
                    "query": False,
                }
    FAILED_RULES.extend(str(code) for code in validator.fails)


def run_cin(end_year, path):
    import xml.etree.ElementTree as ET

    from cin_validator import cin_validator

    root = ET.parse(path).getroot()
    data = cin_validator.process_data(cin_validator.convert_data(root))
    module = importlib.import_module(f"cin_validator.rules.cin{end_year - 1}_{end_year % 100:02d}")
    from cin_validator.rule_engine import RuleType

    validator = cin_validator.CinValidator(data, module.registry)
    queries = {
        str(code) for code, rule in module.registry.items() if rule.rule_type == RuleType.QUERY
    }
    for _, issue in validator.full_issue_df.iterrows():
        yield {
            "rule": _value(issue["rule_code"]),
            "message": _value(issue["rule_description"]),
            "child": _value(issue["child_id"]),
            "table": _value(issue["tables_affected"]),
            "field": _value(issue["columns_affected"]),
            "row": None if _value(issue["row_id"]) == "" else int(issue["row_id"]),
            "query": _value(issue["rule_code"]) in queries,
        }
    for _, issue in validator.multichild_issues.iterrows():
        yield {
            "rule": _value(issue["rule_code"]),
            "message": _value(issue["rule_description"]),
            "child": "",
            "table": "Header",
            "field": "",
            "row": None,
            "query": _value(issue["rule_code"]) in queries,
        }


def release(module):
    """The package that installs ``module`` (``lac_validator``) and its version."""
    package = importlib.metadata.packages_distributions()[module][0]
    return package, importlib.metadata.version(package)


def main(argv):
    kind, end_year, la_code, target = argv[1], int(argv[2]), argv[3], argv[4]
    # The validators print as they go: keep our stdout for the findings alone.
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    findings = (
        run_903(end_year, la_code, target) if kind == "ssda903" else run_cin(end_year, target)
    )
    for finding in findings:
        out.write(json.dumps(finding) + "\n")
    seconds = round(time.perf_counter() - started, 3)
    package, version = release("lac_validator" if kind == "ssda903" else "cin_validator")
    done = {
        "done": True,
        "seconds": seconds,
        "failed_rules": FAILED_RULES,
        "validator": package,
        "version": version,
    }
    out.write(json.dumps(done) + "\n")
    out.flush()


if __name__ == "__main__":
    main(sys.argv)
