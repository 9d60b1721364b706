"""The large authority's returns through the DfE's own validators, as the demo's are
(tests/demo_authority/test_returns_on_demo.py): for the last complete collection year and
the current one, no error but the validator's known faults for the release that ran.
The CIN validator takes minutes over a year of ~15,000 children: `make bench` runs these."""

import pytest

from kinfolio.returns.validation.client import run_validator
from kinfolio.returns.validation.known_faults import known_fault_rules
from tests.demo_authority.test_returns_on_demo import YEARS, write

pytestmark = [pytest.mark.django_db(serialized_rollback=True), pytest.mark.large]


@pytest.mark.parametrize("kind", ["cin", "ssda903"])
@pytest.mark.parametrize("year", YEARS, ids=str)
def test_large_return_has_no_error_but_the_validators_known_faults(
    large_authority, tmp_path, kind, year
):
    result = run_validator(kind, year, write(kind, year, tmp_path))
    known = known_fault_rules(package=result.validator, version=result.version)
    assert [str(f) for f in result.errors if f.rule not in known] == []
