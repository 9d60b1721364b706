"""Indicators of looked after children: numbers, starts and ends, placements and their
stability (the DfE's "Children looked after in England" release, from the SSDA903)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Q

from kinfolio.children_in_care.distances import placement_distances
from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare
from kinfolio.performance.indicators.base import (
    Context,
    Counted,
    Indicator,
    Polarity,
    Row,
    Unit,
    first_per_child,
    last_per_child,
    rows_of,
)
from kinfolio.performance.indicators.selection import in_period, open_on, overlapping
from kinfolio.postcodes.selectors import out_of_area
from kinfolio.timescales.engine import add_months
from kinfolio.workforce.models import Allocation

CLA_RELEASE = "DfE, Children looked after in England including adoptions (SSDA903)"
NEW_PLACEMENT = ("S", "P", "T", "B", "U")  # REASON_NEW_EPISODE codes that start a placement
CHILDRENS_HOMES = ("K1", "K2")  # PLACEMENT_TYPE: secure children's homes, children's homes
FOSTER_CARE = ("U1", "U2", "U3", "U4", "U5", "U6")  # PLACEMENT_TYPE
SHORT_BREAKS = ("V3", "V4")  # LEGAL_STATUS: an agreed series of short-term placements
AREA = "Children looked after"
WITHOUT_SHORT_BREAKS = (
    "Children looked after then under an agreed series of short-term placements (legal "
    "status V3 or V4) are not counted, as the DfE leaves them out of its published figures."
)


def _short_breaks(*match: Q, **fields) -> Exists:
    """An episode of the period of care (``OuterRef("pk")``) under an agreed series of
    short-term placements (legal status V3, V4) matching ``match`` and ``fields``."""
    return Exists(
        CareEpisode.objects.filter(
            *match, period=OuterRef("pk"), legal_status__in=SHORT_BREAKS, **fields
        )
    )


def looked_after_at_end(context: Context):
    """Periods of care open at the end of the period, except those whose episode then was
    under an agreed series of short-term placements (V3, V4): the DfE's figures leave
    those children out ("Children looked after in England including adoption")."""
    end = context.period.end
    open_then = open_on(PeriodOfCare.objects.all(), end)
    short_break_then = _short_breaks(
        Q(end_date__isnull=True) | Q(end_date__gt=end), start_date__lte=end
    )
    return context.scoped(open_then.exclude(short_break_then))


def looked_after(context: Context) -> list[Row]:
    return rows_of(looked_after_at_end(context), on="start_date")


def started(context: Context) -> list[Row]:
    """Children who started to be looked after in the period, each counted once (the
    first time), leaving out periods begun under short-term placements (V3, V4)."""
    periods = in_period(PeriodOfCare.objects.all(), "start_date", context.period)
    periods = periods.exclude(_short_breaks(start_date=OuterRef("start_date")))
    return first_per_child(rows_of(context.scoped(periods), on="start_date"))


def ceased(context: Context) -> list[Row]:
    """Children who ceased to be looked after in the period, counted once (the last
    time), leaving out periods ended under short-term placements (V3, V4)."""
    periods = in_period(PeriodOfCare.objects.all(), "end_date", context.period)
    periods = periods.exclude(_short_breaks(end_date=OuterRef("end_date")))
    return last_per_child(rows_of(context.scoped(periods), on="end_date"))


def _current_episodes(context: Context):
    return context.scoped(
        open_on(CareEpisode.objects.all(), context.period.end), child="period__child"
    )


def _placed(context: Context, **filters) -> list[Row]:
    return rows_of(
        _placed_at_end(context).filter(**filters), on="start_date", child="period__child_id"
    )


def in_childrens_homes(context: Context) -> list[Row]:
    return _placed(context, placement_type__in=CHILDRENS_HOMES)


def in_foster_care(context: Context) -> list[Row]:
    return _placed(context, placement_type__in=FOSTER_CARE)


def _placed_at_end(context: Context):
    """The placements the DfE's placement location figures count: each child looked
    after at the end of the period, in their placement then, except children looked
    after under an agreed series of short-term placements (legal status V3, V4)."""
    return _current_episodes(context).exclude(legal_status__in=SHORT_BREAKS)


def _placements_among(context: Context, keep) -> list[Row]:
    placed = _placed_at_end(context)
    return rows_of(
        placed.filter(pk__in=[pk for pk in _located(context) if keep(pk)]),
        on="start_date",
        child="period__child_id",
    )


def _located(context: Context) -> dict[int, tuple[bool | None, bool | None]]:
    """For each placement at the end of the period: whether it is over 20 miles from
    home, and whether it is outside the authority (None when it cannot be said: a
    postcode missing or without a stored location)."""

    def locate():
        placed = list(_placed_at_end(context).only("pk", "home_postcode", "placement_postcode"))
        distances = placement_distances(placed)
        return {
            e.pk: (distances[e.pk].over_twenty_miles, out_of_area(e.placement_postcode))
            for e in placed
        }

    return context.memo("placement_locations", locate)


def placed_at_end(context: Context) -> list[Row]:
    return rows_of(_placed_at_end(context), on="start_date", child="period__child_id")


def placed_over_20_miles(context: Context) -> list[Row]:
    located = _located(context)
    return _placements_among(context, lambda pk: located[pk][0] is True)


def placed_out_of_area(context: Context) -> list[Row]:
    """Placements outside the authority (``postcodes.selectors.out_of_area``)."""
    located = _located(context)
    return _placements_among(context, lambda pk: located[pk][1] is True)


def placed_out_of_area_over_20_miles(context: Context) -> list[Row]:
    located = _located(context)
    return _placements_among(context, lambda pk: located[pk] == (True, True))


def _placements_in_period(context: Context) -> dict[int, int]:
    """For each child looked after at the end of the period, the placements they had in
    it: the one they were in when it began (if looked after then) and each one started
    in it (an episode starting a placement: codes S, P, T, B, U)."""
    period = context.period
    episodes = overlapping(
        CareEpisode.objects.filter(
            period__child__in=looked_after_at_end(context).values("child_id")
        ),
        period,
    ).values_list("period__child_id", "start_date", "reason_new_episode")
    counts: dict[int, int] = defaultdict(int)
    carried_in = set()
    for child_id, start, reason in episodes:
        if start < period.start:
            carried_in.add(child_id)
        elif reason in NEW_PLACEMENT:
            counts[child_id] += 1
    return {child: counts[child] + (child in carried_in) for child in {*counts, *carried_in}}


def three_or_more_placements(context: Context) -> list[Row]:
    placements = context.memo("placements", lambda: _placements_in_period(context))
    return [row for row in looked_after(context) if placements.get(row.child_id, 0) >= 3]


def _long_term_cohort(context: Context):
    """Looked after at the end of the period, under 16 then, and continuously for at
    least two and a half years."""
    end = context.period.end
    return looked_after_at_end(context).filter(
        start_date__lte=add_months(end, -30), child__date_of_birth__gt=add_months(end, -16 * 12)
    )


def long_term_cohort(context: Context) -> list[Row]:
    return rows_of(_long_term_cohort(context), on="start_date")


def long_term_stable(context: Context) -> list[Row]:
    """Of them, those whose current placement began two years or more before the end."""
    end = context.period.end
    placed = {}
    for child_id, start in (
        CareEpisode.objects.filter(
            period__in=_long_term_cohort(context),
            reason_new_episode__in=NEW_PLACEMENT,
            start_date__lte=end,
        )
        .order_by("start_date")
        .values_list("period__child_id", "start_date")
    ):
        placed[child_id] = start  # the last placement started is the current one
    two_years_ago = add_months(end, -24)
    return [
        row for row in long_term_cohort(context) if placed.get(row.child_id, end) <= two_years_ago
    ]


def three_or_more_social_workers(context: Context) -> list[Row]:
    period = context.period
    counted = (
        overlapping(Allocation.objects.filter(role="social_worker", worker__isnull=False), period)
        .filter(child__in=looked_after_at_end(context).values("child_id"))
        .values("child_id")
        .annotate(workers=Count("worker_id", distinct=True))
        .filter(workers__gte=3)
        .values_list("child_id", flat=True)
    )
    many = set(counted)
    return [row for row in looked_after(context) if row.child_id in many]


def _cla(**fields) -> Indicator:
    fields.setdefault("source", CLA_RELEASE)
    return Indicator(area=AREA, **fields)


INDICATORS = [
    _cla(
        id="looked_after",
        name="Children looked after",
        definition="Children looked after at the end of the last day of the period (a child "
        f"who ceased that day is not counted). {WITHOUT_SHORT_BREAKS}",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.AT_END,
        numerator=looked_after,
        numerator_label="Children looked after",
        lait="LACnum",
    ),
    _cla(
        id="looked_after_rate",
        name="Children looked after per 10,000 children",
        definition="Children looked after at the end of the period per 10,000 children "
        f"aged 0 to 17. {WITHOUT_SHORT_BREAKS}",
        unit=Unit.RATE,
        polarity=Polarity.NEITHER,
        counted=Counted.AT_END,
        numerator=looked_after,
        numerator_label="Children looked after",
        lait="LAC",
    ),
    _cla(
        id="started_looked_after",
        name="Children who started to be looked after",
        definition="Children who started to be looked after in the period, each counted once "
        "however many times they started. A period of care that began under an agreed "
        "series of short-term placements (legal status V3 or V4) is not counted, as the DfE "
        "leaves those children out of its published figures.",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=started,
        numerator_label="Children who started",
        lait="LACnum_Start",
    ),
    _cla(
        id="ceased_looked_after",
        name="Children who ceased to be looked after",
        definition="Children who ceased to be looked after in the period, each counted once "
        "(the last time). A period of care that ended under an agreed series of short-term "
        "placements (legal status V3 or V4) is not counted, as the DfE leaves those "
        "children out of its published figures.",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=ceased,
        numerator_label="Children who ceased",
        lait="LACceased",
    ),
    _cla(
        id="three_or_more_placements",
        name="Children with three or more placements in the period",
        definition="Of the children looked after at the end of the period, the share who had "
        "three or more placements in it: the placement they were in when the period began "
        "and each placement started in it (a new episode for a new placement, carer or "
        f"both, or starting to be looked after). {WITHOUT_SHORT_BREAKS}",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.AT_END,
        numerator=three_or_more_placements,
        numerator_label="Children with 3 or more placements",
        denominator=looked_after,
        denominator_label="Children looked after",
        lait="LACStable_2016on",
    ),
    _cla(
        id="long_term_stability",
        name="Long-term placement stability",
        definition="Of the children under 16 looked after at the end of the period who had "
        "been looked after continuously for at least 2½ years, the share whose current "
        "placement had lasted at least 2 years. (The DfE also counts a child placed for "
        "adoption whose adoptive and previous placements together lasted 2 years: Kinfolio "
        f"does not yet join those two placements.) {WITHOUT_SHORT_BREAKS}",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.AT_END,
        numerator=long_term_stable,
        numerator_label="Children in the same placement 2 years or more",
        denominator=long_term_cohort,
        denominator_label="Children looked after 2½ years or more, under 16",
        lait="LAC_LongStable%",
    ),
    _cla(
        id="placed_over_20_miles",
        name="Children placed over 20 miles from home",
        definition="Of the children looked after at the end of the period (except those "
        "looked after under an agreed series of short-term placements, legal status V3 or "
        "V4), the share whose placement was over 20 miles (more than 20.0 miles) from "
        "their home postcode, as the crow flies between the two postcodes' stored "
        "locations. A placement whose distance cannot be calculated (a postcode not "
        "recorded, confidential or without a location) stays in the denominator, as the "
        "DfE's 'not known or not recorded'.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.AT_END,
        numerator=placed_over_20_miles,
        numerator_label="Children placed over 20 miles from home",
        denominator=placed_at_end,
        denominator_label="Children looked after (not in short-term placements)",
        source=f"{CLA_RELEASE}; DfE, Children looked after: a focus on placement location "
        "(2024; distance of placement from home: 'Over 20 miles')",
    ),
    _cla(
        id="placed_out_of_area",
        name="Children placed outside the authority",
        definition="Of the children looked after at the end of the period (except those "
        "looked after under an agreed series of short-term placements, legal status V3 or "
        "V4), the share whose placement postcode lies outside the authority's own postcode "
        "districts. A placement without a recorded postcode stays in the denominator, as "
        "the DfE's 'not known or not recorded'.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.AT_END,
        numerator=placed_out_of_area,
        numerator_label="Children placed outside the authority",
        denominator=placed_at_end,
        denominator_label="Children looked after (not in short-term placements)",
        source=f"{CLA_RELEASE}; DfE, Children looked after: a focus on placement location "
        "(placement locality)",
    ),
    _cla(
        id="placed_out_of_area_over_20_miles",
        name="Children placed outside the authority and over 20 miles from home",
        definition="Of the children looked after at the end of the period (except those "
        "looked after under an agreed series of short-term placements, legal status V3 or "
        "V4), the share placed both outside the authority's own postcode districts and 20 "
        "miles or more from their home postcode.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.AT_END,
        numerator=placed_out_of_area_over_20_miles,
        numerator_label="Children placed outside the authority, over 20 miles from home",
        denominator=placed_at_end,
        denominator_label="Children looked after (not in short-term placements)",
    ),
    _cla(
        id="childrens_homes",
        name="Children placed in children's homes",
        definition="Of the children looked after at the end of the period, the share placed "
        "in secure children's homes or children's homes (placement types K1, K2). "
        f"{WITHOUT_SHORT_BREAKS}",
        unit=Unit.PERCENT,
        polarity=Polarity.NEITHER,
        counted=Counted.AT_END,
        numerator=in_childrens_homes,
        numerator_label="Children in children's homes",
        denominator=looked_after,
        denominator_label="Children looked after",
        lait="LAC_SecHome_And_ChildHome",
    ),
    _cla(
        id="foster_care",
        name="Children placed in foster care",
        definition="Of the children looked after at the end of the period, the share placed "
        f"with foster carers (placement types U1 to U6). {WITHOUT_SHORT_BREAKS}",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.AT_END,
        numerator=in_foster_care,
        numerator_label="Children in foster care",
        denominator=looked_after,
        denominator_label="Children looked after",
        lait="LAC_Foster_Placements",
    ),
    _cla(
        id="three_or_more_social_workers",
        name="Children with three or more social workers in the period",
        definition="Of the children looked after at the end of the period, the share "
        "allocated to three or more different social workers at some time in it. "
        f"{WITHOUT_SHORT_BREAKS}",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.AT_END,
        numerator=three_or_more_social_workers,
        numerator_label="Children with 3 or more social workers",
        denominator=looked_after,
        denominator_label="Children looked after",
        lait="Stability_SocialWorker",
    ),
]
