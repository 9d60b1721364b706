"""Kinfolio's starter case file audit tool, loaded by migration 0002.

Its themes follow what Ofsted's 2012 inspection of the council looked for in case
files (strategy discussions, the analysis of risk, the child seen and heard, management
oversight, plans); the questions and four grades are Kinfolio's own, and a council
replaces them with its own tool.
"""

NAME = "Case file audit (Kinfolio starter tool)"
GRADES = [(4, "Outstanding"), (3, "Good"), (2, "Requires improvement"), (1, "Inadequate")]
QUESTIONS = [
    ("Safety and risk", "Is the analysis of risk and protective factors clear and evidenced?"),
    ("Safety and risk", "Were strategy discussions held when needed, or the reason recorded?"),
    ("The child's voice", "Is the child seen, and are their wishes and feelings recorded?"),
    ("Planning", "Is there a plan with clear, timed actions that is being followed?"),
    ("Management oversight", "Is there recorded management oversight and supervision?"),
]


def load(apps) -> None:
    tool_model = apps.get_model("quality_assurance", "AuditTool")
    tool = tool_model.objects.create(
        name=NAME,
        purpose="A short tool for monthly audits of children's case files.",
        source="Kinfolio (themes from Ofsted's 2012 inspection findings)",
    )
    for rank, label in GRADES:
        tool.grades.create(rank=rank, label=label)
    for order, (theme, text) in enumerate(QUESTIONS):
        tool.questions.create(theme=theme, text=text, order=order)
