"""A child's current status (child in need, child protection, looked after, care leaver,
early help), for one record or as annotations on a list without extra queries per row."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from kinfolio.care_leavers.models import CareLeaverStatus
from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare
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


def tags_of(flags) -> list[tuple[str, str]]:
    """The tags a list shows for a child annotated ``with_status_flags``: (label, GOV.UK
    colour), child in need only when no plan or care says more (as ``current_status``)."""
    tags = []
    if flags.is_looked_after:
        tags.append(("Looked after", "red"))
    if flags.on_cp_plan:
        tags.append(("Child protection plan", "orange"))
    if flags.is_care_leaver:
        tags.append(("Care leaver", "purple"))
    if flags.open_cin and not flags.on_cp_plan and not flags.is_looked_after:
        tags.append(("Child in need", "blue"))
    if flags.in_early_help:
        tags.append(("Early help", "green"))
    return tags


# The child's open record of each kind: (relation, the field that closes it). Each is
# unique per child in the database (a partial unique constraint "one_open_..._per_child").
OPEN_RECORDS = {
    "open_cin_episode": ("cin_episodes", "close_date"),
    "open_cp_plan": ("cp_plans", "end_date"),
    "open_period": ("periods_of_care", "end_date"),
    "open_care_leaver_status": ("care_leaver_statuses", "end_date"),
    "open_pathway_plan": ("pathway_plans", "end_date"),
    "open_cin_plan": ("cin_plans", "end_date"),
    "open_early_help": ("early_help_episodes", "end_date"),
}


def open_records(records: dict[str, tuple[str, str]] = OPEN_RECORDS) -> dict[str, QuerySet]:
    """The child's open record of each kind (``records``: name, relation and the field
    that closes it), as rows naming the child as ``OuterRef("pk")``: one at most each, so
    each may be read with the child (``people.record.record_child``)."""
    reads = {}
    for name, (relation, end) in records.items():
        relation = Person._meta.get_field(relation)
        reads[name] = relation.related_model.objects.filter(
            **{relation.field.name: OuterRef("pk"), f"{end}__isnull": True}
        )
    return reads


# What ``current_status`` reads with the child (``people.record.record_child``), beyond
# its open records: a looked after child's current episode.
READ_WITH_CHILD = {
    "current_care_episode": CareEpisode.objects.filter(
        period__child=OuterRef("pk"), period__end_date__isnull=True, end_date__isnull=True
    )
}


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
    """What the child record's header shows: tags, and each open piece of work and plan,
    from the child's open records (``open_records``) and current SSDA903 episode, read
    with the child (``READ_WITH_CHILD``); no query."""
    status = Status(age=child.age_on(timezone.localdate()))
    period, plan = child.open_period, child.open_cp_plan
    if period:
        episode = child.current_care_episode
        detail = (
            f"{episode.get_legal_status_display()}; {episode.get_placement_type_display()}"
            if episode
            else ""
        )
        status.add(
            "Looked after", "red", "Looked after since", f"{period.start_date:%-d %B %Y}. {detail}"
        )
    if plan:
        status.add(
            "Child protection plan",
            "orange",
            "Child protection plan since",
            f"{plan.start_date:%-d %B %Y} ({plan.get_latest_category_display().lower()})",
        )
    if leaver := child.open_care_leaver_status:
        status.add("Care leaver", "purple", "Care leaver status", leaver.get_eligibility_display())
    if pathway := child.open_pathway_plan:
        status.add(None, "", "Pathway plan since", pathway.start_date)
    if episode := child.open_cin_episode:
        tag = None if period or plan else "Child in need"
        status.add(tag, "blue", "Referral (open episode)", episode.referral_date)
    if cin_plan := child.open_cin_plan:
        status.add(None, "", "Child in need plan since", cin_plan.start_date)
    if early_help := child.open_early_help:
        status.add("Early help", "green", "Early help since", early_help.start_date)
    return status
