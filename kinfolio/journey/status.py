"""A child's current status (child in need, child protection, looked after, care leaver,
early help), for one record or as annotations on a list without extra queries per row."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from kinfolio.care_leavers.models import CareLeaverStatus, PathwayPlan
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.people.models import Person
from kinfolio.protection.models import ChildProtectionPlan
from kinfolio.referrals.models import CINEpisode, CINPlan

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

    def add(self, tag: str | None, colour: str, label: str, value) -> None:
        if tag:
            self.tags.append({"label": tag, "colour": colour})
        self.lines.append({"label": label, "value": value})


def current_status(child: Person) -> Status:
    """What the child record's header shows: tags, and each open piece of work and plan."""
    status = Status(age=child.age_on(timezone.localdate()))
    period = PeriodOfCare.objects.filter(child=child, end_date__isnull=True).first()
    if period:
        episode = period.episodes.filter(end_date__isnull=True).first()
        detail = (
            f"{episode.get_legal_status_display()}; {episode.get_placement_type_display()}"
            if episode
            else ""
        )
        status.add(
            "Looked after", "red", "Looked after since", f"{period.start_date:%-d %B %Y}. {detail}"
        )
    plan = ChildProtectionPlan.objects.filter(child=child, end_date__isnull=True).first()
    if plan:
        status.add(
            "Child protection plan",
            "orange",
            "Child protection plan since",
            f"{plan.start_date:%-d %B %Y} ({plan.get_latest_category_display().lower()})",
        )
    leaver = CareLeaverStatus.objects.filter(child=child, end_date__isnull=True).first()
    if leaver:
        status.add("Care leaver", "purple", "Care leaver status", leaver.get_eligibility_display())
    pathway = PathwayPlan.objects.filter(child=child, end_date__isnull=True).first()
    if pathway:
        status.add(None, "", "Pathway plan since", pathway.start_date)
    episode = CINEpisode.objects.filter(child=child, close_date__isnull=True).first()
    if episode:
        tag = None if period or plan else "Child in need"
        status.add(tag, "blue", "Referral (open episode)", episode.referral_date)
    cin_plan = CINPlan.objects.filter(child=child, end_date__isnull=True).first()
    if cin_plan:
        status.add(None, "", "Child in need plan since", cin_plan.start_date)
    early_help = EarlyHelpEpisode.objects.filter(child=child, end_date__isnull=True).first()
    if early_help:
        status.add("Early help", "green", "Early help since", early_help.start_date)
    return status
