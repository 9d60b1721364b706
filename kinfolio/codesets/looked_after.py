"""Code sets of the SSDA903 return (children looked after): episodes, reviews, missing.

Codes and valid years: the rule files of ``csc-validator-be-903`` 0.1.17, which holds
rules for the collections 2022/23 to 2026/27 (rule numbers are given per set).
A code with ``valid_from=None`` was already valid in 2022/23, the oldest year the
validator holds. Labels: the code tables of the DfE *Children looked after by local
authorities in England: guide to the SSDA903 collection*, as reproduced in the
liia-tools SSDA903 schema and Data to Insight's SSDA903 code tables.

Placement codes are in ``placements.py``. Unaccompanied asylum-seeking children are not
a code set in the SSDA903: the header carries a yes/no ``UASC`` flag (0 or 1, rule 105)
and a ``UASC`` table with the date UASC status ceased (``DUC``); store them as a boolean
and a date. The CIN census records UASC as assessment factor 9A.
"""

from kinfolio.codesets.base import Code, CodeSet

LAC_VALIDATOR = "csc-validator-be-903 0.1.17 (rules for 2022/23 to 2026/27)"
LAC_LABELS = "labels from the DfE SSDA903 guide code tables"


def lac_source(rules: str) -> str:
    return f"{LAC_VALIDATOR}, {rules}; {LAC_LABELS}"


LEGAL_STATUS = CodeSet(
    name="Legal status",
    source=lac_source("rules 144, 445 (D1) and 446 (E1)"),
    codes=(
        Code("C1", "Interim care order"),
        Code("C2", "Full care order"),
        Code("D1", "Freeing order granted (not for episodes starting after 31 December 2005)"),
        Code("E1", "Placement order granted"),
        Code("V2", "Single period of accommodation under section 20 (Children Act 1989)"),
        Code(
            "V3",
            "Accommodated under an agreed series of short-term breaks, when individual "
            "episodes of care are recorded",
        ),
        Code(
            "V4",
            "Accommodated under an agreed series of short-term breaks, when agreements are "
            "recorded (not individual episodes of care)",
        ),
        Code("L1", "Under police protection and in local authority accommodation"),
        Code("L2", "Emergency protection order (EPO)"),
        Code("L3", "Under child assessment order and in local authority accommodation"),
        Code("J1", "Remanded to local authority accommodation or to youth detention accommodation"),
        Code(
            "J2",
            "Placed in local authority accommodation under the Police and Criminal Evidence "
            "Act 1984, including secure accommodation",
        ),
        Code(
            "J3",
            "Sentenced to a youth rehabilitation order with a residence or intensive "
            "fostering requirement",
        ),
    ),
)

REASON_NEW_EPISODE = CodeSet(
    name="Reason for new episode",
    source=lac_source("rule 143"),
    codes=(
        Code("S", "Started to be looked after"),
        Code("L", "Change of legal status only"),
        Code("P", "Change of placement and carer(s) only"),
        Code("T", "Change of placement (but same carer(s)) only"),
        Code("B", "Change of legal status and placement and carer(s) at the same time"),
        Code(
            "U",
            "Change of legal status and change of placement (but same carer(s)) at the same time",
        ),
    ),
)

REASON_EPISODE_CEASED = CodeSet(
    name="Reason episode ceased",
    source=lac_source("rule 149"),
    codes=(
        Code("E11", "Adopted: application for an adoption order unopposed"),
        Code("E12", "Adopted: consent dispensed with by the court"),
        Code("E2", "Died"),
        Code("E3", "Care taken over by another local authority in the UK"),
        Code(
            "E4A",
            "Returned home to live with parent(s), relative(s), or other person(s) with "
            "parental responsibility as part of the care planning process",
        ),
        Code(
            "E4B",
            "Returned home to live with parent(s), relative(s), or other person(s) with "
            "parental responsibility which was not part of the current care planning process",
        ),
        Code(
            "E13",
            "Left care to live with parent(s), relative(s), or other person(s) with no "
            "parental responsibility",
        ),
        Code(
            "E41",
            "Residence order or child arrangements order (setting out with whom the child "
            "is to live) granted",
        ),
        Code(
            "E45",
            "Special guardianship order made to former foster carer(s), who was/are a "
            "relative(s) or friend(s)",
        ),
        Code(
            "E46",
            "Special guardianship order made to former foster carer(s), other than "
            "relative(s) or friend(s)",
        ),
        Code(
            "E47",
            "Special guardianship order made to carer(s), other than former foster carer(s), "
            "who was/are a relative(s) or friend(s)",
        ),
        Code(
            "E48",
            "Special guardianship order made to carer(s), other than former foster carer(s), "
            "other than relative(s) or friend(s)",
        ),
        Code(
            "E5",
            "Moved into independent living arrangement and no longer looked after: "
            "supportive accommodation providing formalised advice/support arrangements",
        ),
        Code(
            "E6",
            "Moved into independent living arrangement and no longer looked after: "
            "accommodation providing no formalised advice/support arrangements",
        ),
        Code("E7", "Transferred to residential care funded by adult social care services"),
        Code(
            "E8",
            "Period of being looked after ceased for any other reason (where none of the "
            "other reasons apply)",
        ),
        Code("E9", "Sentenced to custody"),
        Code("E14", "Accommodation on remand ended"),
        Code(
            "E15",
            "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not "
            "apply, such as a UASC whose age has been disputed",
        ),
        Code("E16", "Child moved abroad"),
        Code(
            "E17",
            "Aged 18 (or over) and remained with current carers (including under staying put "
            "arrangements)",
        ),
        Code("X1", "Episode ceases, and new episode begins on same day, for any reason"),
    ),
)

REASON_PLACE_CHANGE = CodeSet(
    name="Reason for placement change",
    source=lac_source("rule 1009"),
    codes=(
        Code("CARPL", "Change to/implementation of care plan"),
        Code("CLOSE", "Resignation/closure of provision"),
        Code("ALLEG", "Allegation (s47)"),
        Code("STAND", "Standards of care concern"),
        Code("APPRR", "Approval removed"),
        Code("CREQB", "Carer(s) requests placement end due to child's behaviour"),
        Code("CREQO", "Carer(s) requests placement end other than due to child's behaviour"),
        Code("CHILD", "Child requests placement end"),
        Code("LAREQ", "Responsible/area authority requests placement end"),
        Code("PLACE", "Change in the status of placement only"),
        Code("CUSTOD", "Custody arrangement"),
        Code("OTHER", "Other"),
    ),
)

REVIEW_PARTICIPATION = CodeSet(
    name="Participation of the child in a looked after review",
    source=lac_source("rule 167"),
    codes=(
        Code("PN0", "Child aged under 4 at the time of the review"),
        Code("PN1", "Child physically attends and speaks for themselves"),
        Code("PN2", "Child physically attends and an advocate speaks on their behalf"),
        Code("PN3", "Child attends and conveys their view symbolically (non-verbally)"),
        Code(
            "PN4",
            "Child physically attends but does not speak for themselves, convey their view "
            "symbolically or ask an advocate to speak for them",
        ),
        Code("PN5", "Child does not attend physically but briefs an advocate to speak for them"),
        Code(
            "PN6",
            "Child does not attend but conveys their feelings to the review by a facilitative "
            "medium (for example text, written format, phone, audio/video)",
        ),
        Code("PN7", "Child does not attend nor are their views conveyed to the review"),
    ),
)

MISSING_TYPE = CodeSet(
    name="Missing or away from placement",
    source=lac_source("rule 1006"),
    codes=(
        Code(
            "M",
            "Missing from care: not at their placement or where they are expected to be, and "
            "their whereabouts is not known",
        ),
        Code(
            "A",
            "Away from placement without authorisation: whereabouts known, but not at their "
            "placement or where they are expected to be",
        ),
    ),
)

SDQ_REASON = CodeSet(
    name="Reason a strengths and difficulties questionnaire (SDQ) was not completed",
    source=lac_source("rule 196"),
    codes=(
        Code(
            "SDQ1",
            "No form returned as child was aged under 4 or over 16 at date of latest assessment",
        ),
        Code("SDQ2", "Carer(s) refused to complete and return questionnaire"),
        Code(
            "SDQ3",
            "Not possible to complete the questionnaire due to severity of the child's disability",
        ),
        Code("SDQ4", "Other"),
        Code("SDQ5", "Child or young person refuses to allow an SDQ to be completed"),
    ),
)

PREVIOUS_PERMANENCE = CodeSet(
    name="Previous permanence option",
    source=lac_source("rule 631"),
    codes=(
        Code("P1", "Adoption"),
        Code("P2", "Special guardianship order (SGO)"),
        Code(
            "P3",
            "Residence order (RO) or child arrangements order (CAO) which sets out with whom "
            "the child is to live",
        ),
        Code("P4", "Unknown"),
        Code("Z1", "Child has not previously had a permanence option"),
    ),
)

# Social worker episodes (the SWEpisodes table, first collected for 2023/24). The codes
# are the validator's (rule SW13STG1, 2023/24 onwards). Five labels (ABSENC, CHCHAN,
# FCONTA, MANAGE, TSPROC) are the wording of the DfE's published statistics "Stability
# measures for children looked after in England" (reporting years 2024 and 2025, the
# "Reason for social worker change" filter). The other five (LEFTRL, ORGRST, PCCHAN,
# SWDIED, OTHERS) could not be sourced (checked 2 December 2026): the validators carry
# the codes without labels (csc-validator-be-903 0.1.17, rule SW13STG1; liia-tools'
# SSDA903 2024 schema), the statistics' published previews list only the five above,
# and the DfE guide's code table was not available to us. Their labels are Kinfolio's
# reading of the code, to be replaced by the guide's wording when it is checked.
SOCIAL_WORKER_CHANGE_REASON = CodeSet(
    name="Reason for social worker change",
    source=(
        f"{LAC_VALIDATOR}, rule SW13STG1; labels for ABSENC, CHCHAN, FCONTA, MANAGE and "
        "TSPROC from DfE, Stability measures for children looked after in England, 2024 "
        "and 2025; the labels of LEFTRL, ORGRST, PCCHAN, SWDIED and OTHERS are not "
        "sourced (not in the validators or the published statistics): Kinfolio's reading "
        "of the code"
    ),
    codes=(
        Code("MANAGE", "Managing caseloads", valid_from=2024),
        Code("FCONTA", "First contact or re-referral", valid_from=2024),
        Code("LEFTRL", "Previous social worker left the role", valid_from=2024),
        Code("ORGRST", "Organisational restructure", valid_from=2024),
        Code(
            "TSPROC",
            "New social worker assigned following child transfer due to standard process",
            valid_from=2024,
        ),
        Code("ABSENC", "Absence cover or return from absence", valid_from=2024),
        Code("CHCHAN", "Child requested change from previous social worker", valid_from=2024),
        Code("PCCHAN", "Parent or carer requested change of social worker", valid_from=2024),
        Code("SWDIED", "Previous social worker died", valid_from=2024),
        Code("OTHERS", "Other reason", valid_from=2024),
    ),
)
