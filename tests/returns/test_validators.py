"""The DfE's own validators, run in their own virtualenv, on small hand-made returns
with errors seeded in them."""

import pytest

from kinfolio.protection.models import ChildProtectionConference
from kinfolio.returns.exports import default_target, write_return
from kinfolio.returns.validation.client import ValidatorFailed, run_validator
from kinfolio.returns.years import CollectionYear
from tests.factories import (
    AssessmentFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    D,
)
from tests.factories_care import CareEpisodeFactory, PeriodOfCareFactory

YEAR = CollectionYear.parse("2025-26")


def findings_of(kind, tmp_path):
    target = write_return(kind, YEAR, default_target(kind, YEAR, tmp_path))
    return run_validator(kind, YEAR, target).findings


def test_ssda903_validator_reports_a_placement_not_allowed_for_the_legal_status(db, tmp_path):
    period = PeriodOfCareFactory(child__local_id="KF0000009", start_date=D(2025, 6, 2))
    # Placed with parents (P1) while accommodated under section 20 (V2): rule 378.
    CareEpisodeFactory(period=period, legal_status="V2", placement_type="P1")
    rules = {(f.rule, f.child) for f in findings_of("ssda903", tmp_path)}
    assert ("378", "KF0000009") in rules


def test_cin_validator_reports_a_protection_plan_without_an_initial_conference(db, tmp_path):
    episode = CINEpisodeFactory(child__local_id="KF0000010", referral_date=D(2025, 5, 1))
    transfer_in = ChildProtectionConference.objects.create(
        child=episode.child,
        conference_type="transfer_in",
        conference_date=D(2025, 5, 20),
        plan_required=True,
        category_of_abuse="NEG",
    )
    ChildProtectionPlanFactory(
        initial_conference=transfer_in,
        child=episode.child,
        cin_episode=episode,
        start_date=D(2025, 5, 20),
    )
    found = {(f.rule, f.child, f.field, f.query) for f in findings_of("cin", tmp_path)}
    # Rule 2885: the plan does not start on the day of an initial conference.
    assert ("2885", "KF0000010", "DateOfInitialCPC", False) in found


def test_cin_validator_tells_a_query_from_an_error(db, tmp_path):
    AssessmentFactory(
        cin_episode__child__local_id="KF0000011",
        cin_episode__referral_date=D(2025, 6, 2),
        start_date=D(2025, 6, 2),
    )
    found = [f for f in findings_of("cin", tmp_path) if f.child == "KF0000011"]
    # Rule 8670Q: an assessment still open more than 45 working days before 31 March,
    # which the council is asked to check and either amend or explain.
    assert ("8670Q", True) in {(f.rule, f.query) for f in found}
    # The DfE names its queries with a Q; the child's other findings are errors (4220).
    assert [f.rule for f in found if f.query != f.rule.endswith("Q")] == []
    assert any(not f.query for f in found)


def test_a_validator_that_never_finishes_is_stopped_and_reported(settings, tmp_path):
    # A stand-in for the validators' Python that never answers.
    python = tmp_path / "python"
    python.write_text("#!/bin/sh\nexec sleep 60\n")
    python.chmod(0o755)
    settings.KINFOLIO_VALIDATORS_PYTHON = str(python)
    settings.KINFOLIO_VALIDATOR_TIMEOUT_SECONDS = 1
    with pytest.raises(ValidatorFailed, match="had not finished after 1 seconds"):
        run_validator("cin", YEAR, tmp_path / "return.xml")
