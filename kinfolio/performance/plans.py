"""Reads of plans: each key performance indicator with its latest value and RAG, and
the commitments under their headings."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from kinfolio.performance.indicators import catalogue
from kinfolio.performance.indicators.base import Context
from kinfolio.performance.indicators.engine import Figure, compute
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.indicators.targets import Rag, rag
from kinfolio.performance.models import CollectedValue, Commitment, Plan, PlanIndicator


@dataclass(frozen=True)
class PlanRow:
    kpi: PlanIndicator
    value: float | None
    source: str  # "computed by Kinfolio", or where a collected value came from
    figure: Figure | None
    rag: Rag


def plan_indicators(plan: Plan, period: Period) -> list[PlanRow]:
    """Each indicator with its value for the period: computed from the records when
    Kinfolio can (the complement when the plan states the other side), else the value
    collected for the period, if any."""
    context = Context(period=period)
    collected = {
        c.indicator_id: c
        for c in CollectedValue.objects.filter(indicator__plan=plan, period=period.key)
    }
    rows = []
    for kpi in plan.indicators.all():
        figure, value, source = None, None, ""
        if kpi.indicator_id:
            figure = compute(catalogue.get(kpi.indicator_id), period, context=context)
            value = figure.value
            if value is not None and kpi.complement:
                value = round(100 - value, 1)
            source = "Computed by Kinfolio"
        elif kpi.pk in collected:
            value, source = float(collected[kpi.pk].value), collected[kpi.pk].source
        rows.append(
            PlanRow(kpi, value, source, figure, rag(value, kpi.target, kpi.tolerance, kpi.polarity))
        )
    return rows


def commitments_by_heading(plan: Plan) -> list[tuple[str, list[Commitment]]]:
    found = plan.commitments.select_related("owner").order_by("number")
    return [(heading, list(group)) for heading, group in groupby(found, key=lambda c: c.heading)]
