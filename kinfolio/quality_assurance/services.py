"""Writes for case file audits: samples, grades, moderation and audit actions."""

import random
from datetime import date
from itertools import cycle

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services import changes, record_event
from kinfolio.people.selectors import children_visible_to
from kinfolio.quality_assurance.models import (
    Audit,
    AuditAction,
    AuditAnswer,
    AuditGrade,
    AuditSample,
    AuditTool,
)


@transaction.atomic
def draw_sample(
    *,
    tool: AuditTool,
    name: str,
    auditors: list[User],
    by: User,
    size: int = 0,
    local_ids: list[str] | None = None,
    moderators: list[User] | None = None,
    moderate: int = 0,
    seed: int | None = None,
) -> AuditSample:
    """Audits of the chosen children, or of ``size`` children drawn at random from those
    the user may see; auditors take them in turn, and ``moderate`` of them (drawn at
    random) go to a moderator who is not their auditor."""
    if not auditors:
        raise ValidationError({"auditors": "Choose at least one auditor"})
    visible = children_visible_to(by).order_by("pk")
    if local_ids:
        children = list(visible.filter(local_id__in=local_ids))
        missing = set(local_ids) - {c.local_id for c in children}
        if missing:
            raise ValidationError({"local_ids": f"No child you can see has ID {min(missing)}"})
        method = AuditSample.Method.CHOSEN
    else:
        ids = list(visible.values_list("pk", flat=True))
        if not 0 < size <= len(ids):
            raise ValidationError({"size": f"Enter a sample size from 1 to {len(ids)}"})
        seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
        chosen = random.Random(seed).sample(ids, size)
        children = list(visible.filter(pk__in=chosen))
        method = AuditSample.Method.RANDOM
    if moderate > len(children):
        raise ValidationError({"moderate": "Moderate no more audits than the sample holds"})
    sample = AuditSample.objects.create(
        tool=tool, name=name, method=method, seed=seed, created_by=by
    )
    turn = cycle(auditors)
    audits = [Audit(sample=sample, child=child, auditor=next(turn)) for child in children]
    moderated = random.Random(seed).sample(audits, moderate) if moderate else []
    for audit in moderated:
        audit.moderator = next((m for m in moderators or [] if m != audit.auditor), None)
        if audit.moderator is None:
            raise ValidationError({"moderators": "Choose a moderator who is not the auditor"})
    Audit.objects.bulk_create(audits)
    record_event(
        by=by, instance=sample, changes=changes(None, sample), kind=ChangeEvent.Kind.CREATED
    )
    return sample


@transaction.atomic
def record_grades(
    *, audit: Audit, grades: dict[int, AuditGrade], by: User, comments: dict | None = None
) -> list[AuditAnswer]:
    """The auditor's grades, or the moderator's once the audit is done: one per question."""
    if by.pk == audit.auditor_id:
        by_moderator = False
    elif by.pk == audit.moderator_id:
        if audit.audited_on is None:
            raise ValidationError("Moderate the audit once the auditor has graded it")
        by_moderator = True
    else:
        raise ValidationError("Only the audit's auditor or moderator can grade it")
    questions = list(audit.sample.tool.questions.all())
    if {q.pk for q in questions} - set(grades):
        raise ValidationError("Grade every question")
    if any(grade.tool_id != audit.sample.tool_id for grade in grades.values()):
        raise ValidationError("Use the tool's own grades")
    audit.answers.filter(by_moderator=by_moderator).delete()
    answers = AuditAnswer.objects.bulk_create(
        AuditAnswer(
            audit=audit,
            question=q,
            by_moderator=by_moderator,
            grade=grades[q.pk],
            comment=(comments or {}).get(q.pk, ""),
        )
        for q in questions
    )
    before = {
        "audited_on": str(audit.audited_on or ""),
        "moderated_on": str(audit.moderated_on or ""),
    }
    field = "moderated_on" if by_moderator else "audited_on"
    setattr(audit, field, timezone.localdate())
    audit.save(update_fields=[field])
    record_event(by=by, instance=audit, child=audit.child, changes=changes(before, audit))
    return answers


@transaction.atomic
def add_audit_action(
    *, audit: Audit, description: str, owner: User, due_on: date, by: User
) -> AuditAction:
    if by.pk not in (audit.auditor_id, audit.moderator_id):
        raise ValidationError("Only the audit's auditor or moderator can add actions")
    action = AuditAction.objects.create(
        audit=audit, child=audit.child, description=description, owner=owner, due_on=due_on
    )
    record_event(
        by=by,
        instance=action,
        child=audit.child,
        changes=changes(None, action),
        kind=ChangeEvent.Kind.CREATED,
    )
    return action
