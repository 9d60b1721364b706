from kinfolio.assessments.models import Assessment
from kinfolio.chronology.events import Lines

LINES = [
    Lines("Assessment", Assessment, "start_date", "Assessment started"),
    Lines(
        "Assessment",
        Assessment,
        "authorised_date",
        "Assessment authorised",
        lambda a: "Outcome: " + ", ".join(a.outcomes),
        significant=True,
        reads=("outcome_nfa", "outcome_cin_plan", "outcome_strategy_discussion", "outcome_other"),
    ),
]
