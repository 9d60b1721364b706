"""Reads for case file audits: the moderation gap, audits to do, a child's actions."""

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Q, QuerySet

from kinfolio.accounts.models import User
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to
from kinfolio.quality_assurance.models import Audit, AuditAction, AuditAnswer, AuditSample


@dataclass(frozen=True)
class Gap:
    """How far an auditor's grades sat above the moderator's, on the tool's ranks.

    Positive: the auditor was more generous than the moderator."""

    auditor: str
    theme: str
    answers: int
    gap: Fraction

    @property
    def mean(self) -> float:
        return float(self.gap)


def moderation_gaps(sample: AuditSample | None = None) -> list[Gap]:
    """Mean (auditor rank minus moderator rank) per auditor and theme, and per auditor
    over every theme (theme "All themes"), over every moderated question."""
    answers = AuditAnswer.objects.filter(audit__moderated_on__isnull=False)
    if sample is not None:
        answers = answers.filter(audit__sample=sample)
    fields = ("audit_id", "question_id", "question__theme", "by_moderator", "grade__rank")
    fields += ("audit__auditor__first_name", "audit__auditor__last_name")
    ranks: dict[tuple, dict[bool, int]] = defaultdict(dict)
    about: dict[tuple, tuple[str, str]] = {}
    for row in answers.values(*fields).iterator():
        key = (row["audit_id"], row["question_id"])
        ranks[key][row["by_moderator"]] = row["grade__rank"]
        auditor = f"{row['audit__auditor__first_name']} {row['audit__auditor__last_name']}"
        about[key] = (auditor.strip(), row["question__theme"])
    totals: dict[tuple[str, str], list[int]] = defaultdict(list)
    for key, pair in ranks.items():
        if len(pair) == 2:
            auditor, theme = about[key]
            difference = pair[False] - pair[True]
            totals[(auditor, theme)].append(difference)
            totals[(auditor, "All themes")].append(difference)
    return [
        Gap(auditor, theme, len(diffs), Fraction(sum(diffs), len(diffs)))
        for (auditor, theme), diffs in sorted(
            totals.items(), key=lambda item: (item[0][0], item[0][1] == "All themes", item[0][1])
        )
    ]


def audits_for(user: User) -> QuerySet[Audit]:
    """Audits the user is to grade or moderate, of children they may see."""
    return (
        Audit.objects.filter(Q(auditor=user) | Q(moderator=user))
        .filter(child__in=children_visible_to(user))
        .select_related("child", "sample__tool", "auditor", "moderator")
    )


def samples() -> QuerySet[AuditSample]:
    return AuditSample.objects.select_related("tool", "created_by")


def audit_actions_for(child: Person) -> QuerySet[AuditAction]:
    return AuditAction.objects.filter(child=child, done_on__isnull=True).select_related(
        "owner", "audit__sample"
    )
