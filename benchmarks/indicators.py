"""The indicator catalogue (issue 18) on the last complete year, against one hand-written
SQL query computing three of its indicators (referrals, re-referrals within 12 months,
children on a child protection plan at 31 March); the query's figures are checked
against the catalogue's before anything is printed.

Three ratios, each saying what it compares:
- like for like (the target, <= 2): the same three indicators through the catalogue
  (figures, with the rows behind them ready for a drill-down) against the query;
- the whole catalogue per indicator against the query per indicator: the catalogue's
  average indicator against three of its simplest, hand-written;
- the whole catalogue, every indicator, against the same three-indicator query: not
  like for like (dozens of indicators against three), printed to show its cost.
"""

from benchmarks.harness import is_postgresql, timed

SQL = """
WITH referred AS (
    SELECT child_id, referral_date FROM referrals_cinepisode
    WHERE referral_date BETWEEN %(start)s AND %(end)s
)
SELECT
    (SELECT count(*) FROM referred),
    (SELECT count(*) FROM referred r WHERE EXISTS (
        SELECT 1 FROM referrals_cinepisode p
        WHERE p.child_id = r.child_id AND p.referral_date < r.referral_date
          AND p.referral_date >= {year_before})),
    (SELECT count(*) FROM protection_childprotectionplan
     WHERE start_date <= %(end)s AND (end_date IS NULL OR end_date > %(end)s))
"""
YEAR_BEFORE = {
    True: "CAST(r.referral_date - INTERVAL '12 months' AS date)",
    False: "date(r.referral_date, '-12 months')",
}


def run(report) -> None:
    from django.db import connection

    from kinfolio.performance.indicators.catalogue import CATALOGUE, get
    from kinfolio.performance.indicators.engine import compute_all
    from kinfolio.performance.indicators.periods import Period
    from kinfolio.referrals.models import CINEpisode

    latest = CINEpisode.objects.latest("referral_date").referral_date
    year = Period.year_containing(latest)
    period = Period.financial_year(year.start.year - 1)

    def values(indicators):
        # Figures are counted lazily: read every value inside the timing.
        figures = compute_all(indicators, period)
        for figure in figures:
            figure.value  # noqa: B018
        return figures

    catalogue_seconds, figures = timed(lambda: values(CATALOGUE))
    same_three = [get(i) for i in ("referrals", "re_referrals", "cp_plans")]
    three_seconds, _ = timed(lambda: values(same_three))
    by_id = {figure.indicator.id: figure for figure in figures}
    sql = SQL.format(year_before=YEAR_BEFORE[is_postgresql()])

    def query():
        with connection.cursor() as cursor:
            cursor.execute(sql, {"start": period.start, "end": period.end})
            return cursor.fetchone()

    sql_seconds, found = timed(query)
    expected = (
        by_id["referrals"].numerator,
        by_id["re_referrals"].numerator,
        by_id["cp_plans"].numerator,
    )
    assert tuple(found) == expected, (found, expected)
    report("like for like: one SQL query (referrals, re-referrals, CP plans)", sql_seconds, "s")
    report("like for like: the same three through the catalogue", three_seconds, "s")
    report("like for like: catalogue / SQL (target <= 2)", three_seconds / sql_seconds, "x")
    report(f"whole catalogue: {len(CATALOGUE)} indicators, {period.key}", catalogue_seconds, "s")
    report(
        "whole catalogue per indicator / that SQL per indicator",
        (catalogue_seconds / len(CATALOGUE)) / (sql_seconds / 3),
        "x",
    )
    report(
        f"whole catalogue / that SQL ({len(CATALOGUE)} to 3, not like for like)",
        catalogue_seconds / sql_seconds,
        "x",
    )
