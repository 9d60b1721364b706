"""The self-evaluation: per ILACS judgement area, the latest indicators, what case file
audits found and where the action plans stand; and the same as a Word document for the
annual engagement meeting."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from django.db.models import Count, Q
from docx import Document

from kinfolio.inspection.models import Action, Recommendation
from kinfolio.performance.indicators import (
    care_quality,
    leavers_adoption,
    looked_after,
    protection,
    safeguarding,
    workforce,
)
from kinfolio.performance.indicators.engine import Figure
from kinfolio.performance.indicators.selectors import catalogue_figures, current_period
from kinfolio.quality_assurance.models import AuditAnswer
from kinfolio.quality_assurance.selectors import moderation_gaps

# The judgement areas of Ofsted's framework for inspecting local authority children's
# services (ILACS), with the indicator areas behind each and the sections of the 2012
# report whose areas for improvement fall under it (the 2006 and 2010 reports' are not
# split by area, so they are listed on the action plans only).
AREAS = [
    (
        "The impact of leaders on social work practice with children and families",
        [workforce.AREA],
        [],
    ),
    (
        "The experiences and progress of children who need help and protection",
        [safeguarding.AREA, protection.AREA],
        ["Safeguarding services"],
    ),
    (
        "The experiences and progress of children in care",
        [looked_after.AREA, care_quality.AREA],
        ["Services for looked after children"],
    ),
    ("The experiences and progress of care leavers", [leavers_adoption.AREA], []),
]


@dataclass
class AreaEvaluation:
    name: str
    figures: list[Figure]
    recommendations: int = 0
    actions: Counter = field(default_factory=Counter)

    @property
    def summary(self) -> str:
        if not self.recommendations:
            return "No published area for improvement falls under this area."
        done = self.actions[Action.Status.COMPLETE]
        open_ = self.actions[Action.Status.NOT_STARTED] + self.actions[Action.Status.IN_PROGRESS]
        return (
            f"{self.recommendations} areas for improvement from past inspections; actions: "
            f"{done} complete, {open_} open, of which {self.actions['overdue']} overdue."
        )


@dataclass
class SelfEvaluation:
    on: date
    period_label: str
    areas: list[AreaEvaluation]
    grades: list[tuple[str, Counter]]  # audit theme, count of auditors' grades
    gaps: list  # moderation gaps over every theme, per auditor


def self_evaluation(today: date) -> SelfEvaluation:
    period = current_period(today)
    figures = dict(catalogue_figures(period))
    areas = []
    for name, indicator_areas, sections in AREAS:
        area = AreaEvaluation(name, [f for a in indicator_areas for f in figures.get(a, [])])
        recommendations = Recommendation.objects.filter(section__in=sections)
        area.recommendations = recommendations.count()
        statuses = (
            Action.objects.filter(recommendation__in=recommendations)
            .values("status")
            .annotate(n=Count("pk"), late=Count("pk", filter=Q(due_on__lt=today)))
            .order_by()
        )
        for row in statuses:
            area.actions[row["status"]] += row["n"]
            if row["status"] != Action.Status.COMPLETE:
                area.actions["overdue"] += row["late"]
        areas.append(area)
    grades: dict[str, Counter] = {}
    answers = AuditAnswer.objects.filter(by_moderator=False).values(
        "question__theme", "grade__label"
    )
    for row in answers.annotate(n=Count("pk")).order_by():
        grades.setdefault(row["question__theme"], Counter())[row["grade__label"]] += row["n"]
    gaps = [gap for gap in moderation_gaps() if gap.theme == "All themes"]
    return SelfEvaluation(today, str(period), areas, sorted(grades.items()), gaps)


def as_docx(evaluation: SelfEvaluation, authority: str) -> bytes:
    """The self-evaluation as a Word document."""
    document = Document()
    document.add_heading(f"{authority}: self-evaluation of children's services", 0)
    document.add_paragraph(
        f"Prepared on {evaluation.on:%-d %B %Y}. Indicators are for {evaluation.period_label}."
    )
    for area in evaluation.areas:
        document.add_heading(area.name, 1)
        table = document.add_table(rows=1, cols=3)
        table.style = "Light List"
        for cell, text in zip(table.rows[0].cells, ("Indicator", "Latest", "Better"), strict=True):
            cell.text = text
        for figure in area.figures:
            row = table.add_row().cells
            row[0].text = figure.indicator.name
            row[1].text = figure.display
            row[2].text = figure.indicator.polarity.words
        document.add_paragraph(area.summary)
    document.add_heading("What case file audits found", 1)
    for theme, counts in evaluation.grades:
        document.add_paragraph(f"{theme}: {_counts(counts)}", style="List Bullet")
    for gap in evaluation.gaps:
        document.add_paragraph(
            f"{gap.auditor}: auditor's grades {gap.mean:+.2f} against the moderator's "
            f"over {gap.answers} questions",
            style="List Bullet",
        )
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _counts(counts: Counter) -> str:
    return ", ".join(f"{label} {n}" for label, n in counts.most_common())
