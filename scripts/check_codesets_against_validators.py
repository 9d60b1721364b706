"""Compare kinfolio.codesets with the code lists in the DfE validators.

Run it with an interpreter that has ``csc-validator-be-903`` (``lac_validator``) and
``csc-validator-be-cin`` (``cin_validator``) installed. They pin old pandas and numpy,
so use a throwaway virtual environment, never the project's own::

    python3.11 -m venv /tmp/validators-venv
    /tmp/validators-venv/bin/pip install csc-validator-be-903 csc-validator-be-cin
    PYTHONPATH=. /tmp/validators-venv/bin/python scripts/check_codesets_against_validators.py

For every collection year each validator holds, it reads the code list literal inside
the rule that checks a field (by parsing the rule's source), then prints:

* MISSING: a code the validator accepts that our set does not hold (exit status 1);
* NOT VALID IN YEAR: a code we hold but whose valid_from/valid_to excludes a year in
  which the validator accepts it (exit status 1);
* extra (for information): a code we offer in a year the validator does not accept.

It imports no Django: kinfolio.codesets is plain Python.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
import textwrap
from dataclasses import dataclass

from kinfolio import codesets
from kinfolio.codesets import CodeSet


@dataclass(frozen=True)
class Check:
    rule: str  # rule code in the validator's registry
    variable: str  # the name the rule gives its list of allowed codes
    code_set: CodeSet


LAC_CHECKS = (
    Check("101", "code_list", codesets.SEX),
    Check("103", "code_list", codesets.ETHNICITY),
    Check("131", "code_list", codesets.CARE_LEAVER_IN_TOUCH),
    Check("132", "code_list", codesets.CARE_LEAVER_ACTIVITY),
    Check("133", "valid_codes", codesets.CARE_LEAVER_ACCOMMODATION),
    Check("143", "code_list", codesets.REASON_NEW_EPISODE),
    Check("144", "code_list", codesets.LEGAL_STATUS),
    Check("145", "code_list", codesets.CATEGORY_OF_NEED_LOOKED_AFTER),
    Check("146", "code_list", codesets.PLACEMENT_TYPE),
    Check("149", "code_list", codesets.REASON_EPISODE_CEASED),
    Check("1006", "code_list", codesets.MISSING_TYPE),
    Check("1009", "code_list", codesets.REASON_PLACE_CHANGE),
    Check("120", "code_list", codesets.REASON_PLACED_CEASED),
    Check("167", "code_list", codesets.REVIEW_PARTICIPATION),
    Check("176", "code_list", codesets.ADOPTER_SEX),
    Check("177", "code_list", codesets.ADOPTER_LEGAL_STATUS),
    Check("178", "code_list_placement_provider", codesets.PLACEMENT_PROVIDER),
    Check("196", "code_list", codesets.SDQ_REASON),
    Check("631", "code_list", codesets.PREVIOUS_PERMANENCE),
    Check("SW13STG1", "valid_reasons", codesets.SOCIAL_WORKER_CHANGE_REASON),
)

CIN_CHECKS = (
    Check("4180", "valid_gender_codes", codesets.SEX),  # up to 2023/24
    Check("4180", "valid_sex_codes", codesets.SEX),  # from 2024/25
    Check("4220", "eth_list", codesets.ETHNICITY),
    Check("8540", "valid_dis", codesets.DISABILITY),
    Check("8640", "valid_reason", codesets.CIN_CLOSURE_REASON),
    Check("8650", "PriNeed_list", codesets.CATEGORY_OF_NEED),
    Check("8866", "valid_referrals", codesets.REFERRAL_SOURCE),
    Check("8897Q", "factors_list", codesets.ASSESSMENT_FACTORS),
    Check("8905", "abuse_cats", codesets.CP_CATEGORY_OF_ABUSE),
    Check("8910", "abuse_cats", codesets.CP_CATEGORY_OF_ABUSE),
)

# Fields the validators check that Kinfolio keeps as something other than a code set.
NOT_CODE_SETS = (
    "903 UASC (rule 105): a 0/1 flag, stored as a boolean",
    "903 NB_ADOPTR (rule 175): the number of adopters, 1 or 2",
    "903 LA_PERM (rule 633): a local authority code, WAL, SCO, NUK or NIR",
    "CIN UPNunknown (UN1-UN7): reason a UPN is unknown, not yet a Kinfolio code set",
)


def listed_codes(func, variable: str) -> set[str] | None:
    """The string literals of the list assigned to ``variable`` in ``func``, if any."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.List):
            continue
        if any(isinstance(t, ast.Name) and t.id == variable for t in node.targets):
            return {
                str(item.value)
                for item in node.value.elts
                if isinstance(item, ast.Constant) and isinstance(item.value, str)
            }
    return None


def registry(package: str, prefix: str, year: int) -> dict | None:
    name = f"{package}.rules.{prefix}{year - 1}_{str(year)[2:]}"
    try:
        return importlib.import_module(name).registry
    except ModuleNotFoundError:
        return None


def compare(package: str, prefix: str, checks: tuple[Check, ...]) -> tuple[list[str], int]:
    problems: list[str] = []
    read: set[Check] = set()
    years = 0
    for year in range(2015, 2040):
        rules = registry(package, prefix, year)
        if rules is None:
            continue
        years += 1
        for check in checks:
            rule = rules.get(check.rule)
            if rule is None:
                continue
            accepted = listed_codes(rule.func, check.variable)
            if accepted is None:
                continue  # this year's version of the rule uses another list name
            read.add(check)
            # The 2024/25 903 rule 146 spells K3 as "k3": DfE codes are upper case.
            accepted = {code.upper() for code in accepted}
            offered = {code.code for code in check.code_set.valid_in(year)}
            for code in sorted(accepted):
                if code not in check.code_set:
                    problems.append(
                        f"MISSING {year} {package} rule {check.rule}: {code} "
                        f"not in {check.code_set.name}"
                    )
                elif code not in offered:
                    problems.append(
                        f"NOT VALID IN YEAR {year} {package} rule {check.rule}: "
                        f"{code} in {check.code_set.name}"
                    )
            if check.code_set is codesets.SEX:
                continue  # SEX joins the CIN and 903 conventions; extras are expected
            for code in sorted(offered - accepted):
                print(
                    f"extra {year} {package} rule {check.rule}: {check.code_set.name} offers {code}"
                )
    for check in checks:
        if check not in read:
            problems.append(f"UNREAD {package} rule {check.rule}: no list named {check.variable}")
    return problems, years


def main() -> int:
    problems: list[str] = []
    for package, prefix, checks in (
        ("lac_validator", "lac", LAC_CHECKS),
        ("cin_validator", "cin", CIN_CHECKS),
    ):
        found, years = compare(package, prefix, checks)
        if years == 0:
            problems.append(f"{package} holds no rule sets: is it installed?")
        print(f"{package}: compared {years} collection years")
        problems.extend(found)
    print("Not compared (not code sets in Kinfolio):")
    for note in NOT_CODE_SETS:
        print(f"  {note}")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print("Nothing missing: every code the validators accept is in kinfolio.codesets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
