"""What early help suggests doing on a child's record: the open episode's next step,
a step-down into early help when social care's plan has ended, or starting early help
for a child social care does not hold. The open episode and child protection plan come
with the child (``people.record.record_child``), and so does the latest child in need
episode (``READ_WITH_CHILD``); no query."""

from django.db.models import Exists, OuterRef
from django.urls import reverse

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.people.models import Person
from kinfolio.people.record import NextAction
from kinfolio.protection.models import ChildProtectionPlan
from kinfolio.referrals.models import CINEpisode

# The closure reason that sends the child to early help (CIN census RC9).
CLOSED_TO_EARLY_HELP = "RC9"

# Read with the child (``people.record.reads_with_child``): the latest child in need
# episode (episodes do not overlap, ``referrals.invariants``: an open one is the latest),
# whether it had a child protection plan and whether anything stepped down from it.
READ_WITH_CHILD = {
    "latest_cin_episode": CINEpisode.objects.filter(child=OuterRef("pk"))
    .order_by("-referral_date", "-pk")
    .annotate(
        had_plan=Exists(
            ChildProtectionPlan.objects.filter(child=OuterRef("child"), cin_episode=OuterRef("pk"))
        ),
        stepped_down=Exists(EarlyHelpEpisode.objects.filter(stepped_down_from=OuterRef("pk"))),
    )
}


def next_actions(child: Person, user: User) -> list[NextAction]:
    if not has_permission(user, Permission.RECORD_CASEWORK):
        return []
    local_id = child.local_id
    episode = child.open_early_help
    if episode is not None:
        actions = [
            NextAction("Early help", reverse("early_help:episode", args=[local_id, episode.pk]))
        ]
        if episode.assessment_date is None:
            actions.append(
                NextAction(
                    "Record the early help assessment",
                    reverse("early_help:assessment", args=[local_id, episode.pk]),
                )
            )
        return actions
    cin = child.latest_cin_episode
    if cin is not None and _ready_to_step_down(child, cin):
        return [
            NextAction(
                "Step down to early help",
                reverse("early_help:step-down", args=[local_id, cin.pk]),
                reason="Social care's plan has ended: agree who carries on and how",
            )
        ]
    if cin is None or cin.close_date is not None:
        return [NextAction("Start early help", reverse("early_help:start", args=[local_id]))]
    return []


def _ready_to_step_down(child: Person, cin) -> bool:
    """The latest child in need episode was closed to early help, or its plans have
    ended, and nothing has stepped down from it yet."""
    open_plan = child.open_cp_plan
    if cin.close_reason != CLOSED_TO_EARLY_HELP and (
        cin.close_date is not None or (open_plan and open_plan.cin_episode_id == cin.pk)
    ):
        return False
    return (cin.had_plan or cin.close_reason == CLOSED_TO_EARLY_HELP) and not cin.stepped_down
