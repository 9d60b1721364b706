"""The indicator catalogue on the generated demo authority: the 2012 report's child
protection figures come out, and every drill-down list matches its figure."""

import pytest

from kinfolio.accounts.models import Role
from kinfolio.demo_authority.profiles import DEFAULT_CENSUS_DATE as CENSUS
from kinfolio.demo_authority.profiles import DEMO
from kinfolio.performance.indicators import drilldown
from kinfolio.performance.indicators.base import Unit
from kinfolio.performance.indicators.catalogue import CATALOGUE, get
from kinfolio.performance.indicators.engine import compute, compute_all, population_for
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.models import CollectedFigure
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db(serialized_rollback=True)
# The census date is the end of the demo's current year so far.
TO_CENSUS = Period.year_containing(CENSUS).up_to(CENSUS)


@pytest.mark.parametrize(
    ("indicator_id", "plans", "published"),
    [("cp_category_neg", 22, 53.6), ("cp_category_emo", 15, 36.6), ("cp_category_sab", 4, 9.8)],
)
def test_plans_by_latest_category_on_the_census_date_are_the_2012_reports(
    demo_authority, indicator_id, plans, published
):
    """Ofsted, 2012: neglect 53.6%, emotional abuse 36.6%, sexual abuse 9.8% of 41 plans.
    The report truncates 22/41 = 53.66% to 53.6; we round it to 53.7."""
    figure = compute(get(indicator_id), TO_CENSUS)
    assert (figure.numerator, figure.denominator) == (plans, 41)
    assert figure.value == pytest.approx(published, abs=0.1 + 1e-9)


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.PERFORMANCE_ANALYST])
def test_every_drilldown_list_has_as_many_rows_as_its_figure(demo_authority, role):
    user = UserFactory(role=role)
    year = Period.financial_year(CENSUS.year - 1)
    checked = 0
    for figure in compute_all(CATALOGUE, year):
        parts = [(drilldown.Part.NUMERATOR, figure.numerator)]
        if figure.indicator.denominator:
            parts.append((drilldown.Part.DENOMINATOR, figure.denominator))
        for part, total in parts:
            listed = drilldown.listed(figure, part, user)
            counted = drilldown.rows_of(figure, part)
            assert len(listed) == len(counted), (figure.indicator.id, part)
            if all(row.value == 1 for row in counted):
                assert len(listed) == total, (figure.indicator.id, part)
            else:  # days, scores or FTE: the rows add up to the figure
                assert sum(row.value for row in listed) == pytest.approx(total), figure.indicator.id
            checked += 1
    assert checked > len(CATALOGUE)


def test_rates_have_values_from_the_synthetic_population_never_called_ons(demo_authority):
    """The generator records a made-up population aged 0 to 17 for each year of the
    history (ONS publishes none for a synthetic authority), so every rate computes."""
    rates = [indicator for indicator in CATALOGUE if indicator.unit == Unit.RATE]
    first = Period.year_containing(CENSUS.replace(year=CENSUS.year - DEMO.history_years))
    years = [Period.financial_year(y) for y in range(first.start.year, CENSUS.year)]
    for year in years:
        for figure in compute_all(rates, year):
            assert figure.value is not None, (figure.indicator.id, year.key)
            assert figure.population.period == year.key
            assert figure.population.source == "Synthetic demo authority"
    # 18 of the 20 years of the 0 to 19 population (66,900), for the census year.
    assert population_for(TO_CENSUS).count == 60_210
    assert not CollectedFigure.objects.filter(source__icontains="ONS").exists()
