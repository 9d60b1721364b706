from kinfolio.adoption.models import AdoptionPlan, PreviousPermanence
from kinfolio.chronology.events import Lines

ADOPTERS = ("adopters__reference", "adopters__adopters")


def _adopters(plan: AdoptionPlan) -> str:
    return str(plan.adopters) if plan.adopters else ""


def _step(on: str, title: str, detail=_adopters, reads=ADOPTERS) -> Lines:
    return Lines("Adoption", AdoptionPlan, on, title, detail, significant=True, reads=reads)


LINES = [
    _step("adm_decision_date", "Decision that the child should be placed for adoption", "", ()),
    _step("placement_order_date", "Placement order made", "", ()),
    _step("matched_date", "Matched with adopters"),
    _step("placed_date", "Placed for adoption"),
    _step("adoption_order_date", "Adoption order made"),
    _step(
        "decision_reversed_date",
        "Should no longer be placed for adoption",
        lambda a: a.get_reason_placed_ceased_display(),
        ("reason_placed_ceased",),
    ),
    Lines(
        "Permanence",
        PreviousPermanence,
        "order_date",
        lambda p: p.get_permanence_option_display(),
        lambda p: p.get_local_authority_display(),
        significant=True,
        reads=("permanence_option", "local_authority"),
    ),
]
