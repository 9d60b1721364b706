"""A child's current status (child in need, child protection, looked after, care leaver,
early help), for one record or as annotations on a list without extra queries per row."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from kinfolio.care_leavers.models import CareLeaverStatus
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.people.models import Person
from kinfolio.protection.models import ChildProtectionPlan
from kinfolio.referrals.models import CINEpisode

FLAGS = {
    "open_cin": (CINEpisode, "close_date"),
    "on_cp_plan": (ChildProtectionPlan, "end_date"),
    "is_looked_after": (PeriodOfCare, "end_date"),
    "is_care_leaver": (CareLeaverStatus, "end_date"),
    "in_early_help": (EarlyHelpEpisode, "end_date"),
}


def with_status_flags(children: QuerySet[Person]) -> QuerySet[Person]:
    """Annotate each child with a boolean per status, all in the one query."""
    return children.annotate(
        **{
            flag: Exists(model.objects.filter(child=OuterRef("pk"), **{f"{end}__isnull": True}))
            for flag, (model, end) in FLAGS.items()
        }
    )


@dataclass
class Status:
    age: int | None
    tags: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)


def current_status(child: Person) -> Status:
    """What the child record's header shows: tags and the open pieces of work."""
    status = Status(age=child.age_on(timezone.localdate()))
    period = PeriodOfCare.objects.filter(child=child, end_date__isnull=True).first()
    plan = ChildProtectionPlan.objects.filter(child=child, end_date__isnull=True).first()
    episode = CINEpisode.objects.filter(child=child, close_date__isnull=True).first()
    leaver = CareLeaverStatus.objects.filter(child=child, end_date__isnull=True).first()
    early_help = EarlyHelpEpisode.objects.filter(child=child, end_date__isnull=True).first()
    if period:
        status.tags.append({"label": "Looked after", "colour": "red"})
        status.lines.append({"label": "Looked after since", "value": period.start_date})
    if plan:
        status.tags.append({"label": "Child protection plan", "colour": "orange"})
        status.lines.append(
            {
                "label": "Child protection plan since",
                "value": f"{plan.start_date:%-d %B %Y} "
                f"({plan.get_latest_category_display().lower()})",
            }
        )
    if leaver:
        status.tags.append({"label": "Care leaver", "colour": "purple"})
        status.lines.append(
            {"label": "Care leaver status", "value": leaver.get_eligibility_display()}
        )
    if episode:
        if not (period or plan):
            status.tags.append({"label": "Child in need", "colour": "blue"})
        status.lines.append({"label": "Referral (open episode)", "value": episode.referral_date})
    if early_help:
        status.tags.append({"label": "Early help", "colour": "green"})
        status.lines.append({"label": "Early help since", "value": early_help.start_date})
    return status
