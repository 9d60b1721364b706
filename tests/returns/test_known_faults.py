"""Rules the DfE's validator is known to report wrongly on valid data are marked on the
Returns page, the child's record and ``validate_return``, only for the validator
release they were checked against, and still counted and listed."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.returns import services
from kinfolio.returns.management.commands import validate_return
from kinfolio.returns.models import ValidationRun
from kinfolio.returns.validation.client import Finding, Result
from kinfolio.returns.validation.known_faults import (
    CIN_VALIDATOR,
    KNOWN_FAULTS,
    LAC_VALIDATOR,
    known_fault,
    known_fault_rules,
)
from tests.factories import TeamFactory
from tests.factories_accounts import UserFactory
from tests.returns.factories import finished_validation

CHECKED = "0.1.17"  # the csc-validator-be-903 release SW12STG2's fault was checked on
FOUND = [
    Finding("SW12STG2", "All social worker episodes", "KF0000021", "Episodes", "SW_DECOM", 0),
    Finding("SW12STG2", "All social worker episodes", "KF0000022", "Episodes", "SW_DECOM", 3),
    Finding("378", "Placed with parents under s20", "KF0000021", "Episodes", "PLACE", 1),
]


def test_known_fault_is_found_only_for_a_release_it_was_checked_against():
    fault = known_fault(package=LAC_VALIDATOR, version=CHECKED, rule="SW12STG2")
    assert (fault.kind, fault.rule, fault.versions) == ("ssda903", "SW12STG2", (CHECKED,))
    assert known_fault(package=LAC_VALIDATOR, version="0.1.18", rule="SW12STG2") is None
    assert known_fault(package=CIN_VALIDATOR, version=CHECKED, rule="SW12STG2") is None
    assert known_fault(package=LAC_VALIDATOR, version=CHECKED, rule="378") is None
    assert known_fault_rules(package=LAC_VALIDATOR, version="0.1.18") == set()


def test_known_faults_each_name_their_return_validator_and_what_to_do():
    packages = {"ssda903": LAC_VALIDATOR, "cin": CIN_VALIDATOR}
    assert [f.rule for f in KNOWN_FAULTS if packages[f.kind] != f.package] == []
    assert len({(f.package, f.rule) for f in KNOWN_FAULTS}) == len(KNOWN_FAULTS)
    for fault in KNOWN_FAULTS:
        assert all((fault.versions, fault.rule_asks, fault.validator_checks, fault.where))
        assert f"rule {fault.rule} " in fault.what_to_do


def _run(version: str) -> ValidationRun:
    return finished_validation(validator=LAC_VALIDATOR, version=version, findings=FOUND)


def _group(page: str, rule: str) -> str:
    start = page.index(f'data-testid="rule-{rule}"')
    return page[start : page.index("</details>", start)]


@pytest.mark.django_db
def test_run_page_marks_a_known_fault_and_still_counts_and_lists_it(client):
    run = _run(CHECKED)
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    page = client.get(reverse("returns:run", args=[run.pk])).text
    assert "(csc-validator-be-903 0.1.17) found <strong>3 errors</strong>" in page
    assert '2 of these are marked "Known fault in the DfE validator" below' in page
    fault = _group(page, "SW12STG2")
    assert "Rule SW12STG2: 2 errors" in fault
    assert "Known fault in the DfE validator</strong>" in fault
    assert "Known fault in csc-validator-be-903 0.1.17" in fault
    assert "whenever any of the child&#x27;s social worker episodes began before it" in fault
    assert {"KF0000021", "KF0000022"} <= set(re.findall(r"KF\d+", fault))
    other = _group(page, "378")
    assert "Rule 378: 1 error" in other
    assert "Known fault" not in other


@pytest.mark.django_db
def test_run_page_marks_no_fault_for_a_release_it_was_not_checked_against(client):
    run = _run("0.1.18")
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    page = client.get(reverse("returns:run", args=[run.pk])).text
    assert "Rule SW12STG2: 2 errors" in page
    assert "Known fault" not in page
    assert 'data-testid="known-fault-count"' not in page


@pytest.mark.django_db
@pytest.mark.parametrize(("version", "marked"), [(CHECKED, True), ("0.1.18", False)])
def test_child_data_quality_marks_a_known_fault_beside_the_error(client, version, marked):
    _run(version)
    TeamFactory()
    client.force_login(UserFactory(role=Role.SERVICE_MANAGER))
    record = client.get(reverse("people:child", args=["KF0000021"])).text
    panel = record[record.index('id="data-quality"') :]
    assert [rule for rule in ("SW12STG2", "378") if rule not in panel] == []
    assert ("Known fault in the DfE validator" in panel) is marked
    assert ("When csc-validator-be-903 0.1.17 reports rule SW12STG2 wrongly" in panel) is marked
    assert panel.count("Known fault in the DfE validator") == (1 if marked else 0)


@pytest.mark.django_db
def test_run_validation_keeps_the_validator_release_that_ran(monkeypatch):
    result = Result(FOUND, 1.0, [], LAC_VALIDATOR, CHECKED)
    monkeypatch.setattr(services, "run_validator", lambda kind, year, target: result)
    user = UserFactory(role=Role.PERFORMANCE_ANALYST)
    run = ValidationRun.objects.create(kind="ssda903", collection_year=2026, requested_by=user)
    services.run_validation(run_id=run.pk)
    run.refresh_from_db()
    assert (run.validator, run.validator_version, run.error_count) == (LAC_VALIDATOR, CHECKED, 3)


@pytest.mark.django_db
@pytest.mark.parametrize("version", [CHECKED, "0.1.18"])
def test_validate_return_counts_the_known_faults_by_rule_and_still_fails(monkeypatch, version):
    result = Result(FOUND, 1.0, [], LAC_VALIDATOR, version)
    monkeypatch.setattr(validate_return, "run_validator", lambda kind, year, target: result)
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("validate_return", "ssda903", "--year", "2025-26", stdout=out)
    assert exit_.value.code == 1
    lines = out.getvalue().splitlines()
    count = next(n for n, line in enumerate(lines) if line.startswith("3 errors and 0 queries"))
    if version == CHECKED:
        assert lines[count + 1] == (
            "2 of them are under rules csc-validator-be-903 0.1.17 is known to report where "
            "the DfE's rule is met (still counted above):"
        )
        assert lines[count + 2].startswith("  SW12STG2: 2 errors. The validator instead reports")
        assert lines[count + 3].startswith("    What to do: Check that the child's social")
        assert len(lines) == count + 4
    else:
        assert lines[count + 1 :] == [
            "None of them is under a rule csc-validator-be-903 0.1.18 is known to report wrongly."
        ]
