from kinfolio.chronology.events import Lines
from kinfolio.workforce.models import Allocation, CaseDirection, SupervisionDecision


def _allocated(allocation: Allocation) -> str:
    who = allocation.worker.full_name if allocation.worker else "no named worker"
    return f"{allocation.get_role_display()}: {who}"


def _decided(decision: SupervisionDecision) -> str:
    session = decision.session
    return f"Supervision decision ({session.supervisor} with {session.worker})"


def _decision(decision: SupervisionDecision) -> str:
    actions = f" Actions: {decision.actions}" if decision.actions else ""
    return f"{decision.decision}{actions}"


def _direction(direction: CaseDirection) -> str:
    review = f" Review by {direction.review_by:%-d %B %Y}." if direction.review_by else ""
    return f"{direction.direction}{review}"


WORKER = ("given_name", "family_name")

LINES = [
    Lines(
        "Allocation",
        Allocation,
        "start_date",
        _allocated,
        lambda a: f"Team: {a.team}",
        reads=("role", "team__name", *(f"worker__{f}" for f in WORKER)),
    ),
    Lines(
        "Management oversight",
        SupervisionDecision,
        "session__held_on",
        _decided,
        _decision,
        reads=(
            "decision",
            "actions",
            *(f"session__{who}__{f}" for who in ("supervisor", "worker") for f in WORKER),
        ),
    ),
    Lines(
        "Management oversight",
        CaseDirection,
        "given_on",
        lambda d: f"Case direction by {d.given_by}",
        _direction,
        reads=("direction", "review_by", *(f"given_by__{f}" for f in WORKER)),
    ),
]
