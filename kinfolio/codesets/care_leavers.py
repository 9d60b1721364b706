"""SSDA903 OC3 code sets: care leavers' contact, activity and accommodation.

Codes: ``csc-validator-be-903`` 0.1.17 rules 131 (IN_TOUCH), 132 (ACTIV) and 133
(ACCOM); none of them changes between 2022/23 and 2026/27. Labels: the DfE SSDA903
guide code tables (via Data to Insight's SSDA903 code tables).

Activity and accommodation both accept ``0``: "no activity/accommodation to report",
used when the young person has died, has returned home for 6 months or more (rule 344
requires 0 then), or the authority is not in touch and does not know.

Accommodation codes end in 1 when the accommodation is judged suitable and in 2 when
unsuitable. "No fixed abode/homeless" (S) and "in custody" (X) exist only as unsuitable
(S2, X2): the validator accepts no S1 or X1.
"""

from kinfolio.codesets.base import Code, CodeSet
from kinfolio.codesets.looked_after import lac_source

CARE_LEAVER_IN_TOUCH = CodeSet(
    name="Local authority in touch with care leaver",
    source=lac_source("rule 131"),
    codes=(
        Code("YES", "Yes, in touch"),
        Code("NO", "No, not in touch"),
        Code("DIED", "Died after leaving care"),
        Code("REFU", "Young person refuses contact"),
        Code("NREQ", "Young person no longer requires children's social care services"),
        Code(
            "RHOM",
            "Young person returned to live with parents or someone with parental "
            "responsibility for a continuous period of 6 months or more",
        ),
    ),
)

_NOTHING_TO_REPORT = (
    "Not applicable: not in touch and not known, died, or returned home for 6 months or more"
)

CARE_LEAVER_ACTIVITY = CodeSet(
    name="Care leaver's main activity",
    source=lac_source("rules 132 and 344"),
    codes=(
        Code("F1", "Full time in higher education (for example studies beyond A level)"),
        Code("P1", "Part time in higher education (for example studies beyond A level)"),
        Code("F2", "Full time in education other than higher education"),
        Code("P2", "Part time in education other than higher education"),
        Code("F4", "Full time in an apprenticeship"),
        Code("P4", "Part time in an apprenticeship"),
        Code("F5", "Full time in training or employment (not apprenticeship)"),
        Code("P5", "Part time in training or employment (not apprenticeship)"),
        Code("G4", "Not in education, employment or training because of illness or disability"),
        Code("G5", "Not in education, employment or training: other circumstances"),
        Code("G6", "Not in education, employment or training due to pregnancy or parenting"),
        Code("0", _NOTHING_TO_REPORT),
    ),
)

_ACCOMMODATION_TYPES = (
    ("B", "With parent(s) or relative(s)"),
    ("C", "Community home or other form of residential care, such as an NHS establishment"),
    (
        "D",
        "Semi-independent, transitional accommodation (such as a supported hostel or trainer "
        "flat, or self-contained accommodation with specialist or floating support)",
    ),
    ("E", "Supported lodgings (usually in a family home, with formal advice and support)"),
    ("G", "Gone abroad"),
    ("H", "Deported"),
    ("K", "Ordinary lodgings, without formal support"),
    ("R", "Residence not known"),
    ("S", "No fixed abode/homeless"),
    (
        "T",
        "Foyers and similar supported accommodation combined with opportunities for "
        "education, training or employment",
    ),
    (
        "U",
        "Independent living, for example an independent tenancy of a flat, house or bedsit, "
        "or accommodation provided by a college or university",
    ),
    ("V", "Emergency accommodation (such as a night shelter, direct access or emergency hostel)"),
    ("W", "Bed and breakfast"),
    ("X", "In custody"),
    ("Y", "Other accommodation"),
    (
        "Z",
        "With former foster carer(s) who fostered them immediately before they turned 18 "
        "(staying put)",
    ),
)
_ONLY_UNSUITABLE = {"S", "X"}


def _accommodation_codes() -> tuple[Code, ...]:
    codes: list[Code] = []
    for letter, words in _ACCOMMODATION_TYPES:
        if letter not in _ONLY_UNSUITABLE:
            codes.append(Code(f"{letter}1", f"{words}: suitable"))
        codes.append(Code(f"{letter}2", f"{words}: not suitable"))
    codes.append(Code("0", _NOTHING_TO_REPORT))
    return tuple(codes)


CARE_LEAVER_ACCOMMODATION = CodeSet(
    name="Care leaver's accommodation and its suitability",
    source=lac_source("rules 133 and 344"),
    codes=_accommodation_codes(),
)


def accommodation_is_suitable(code: str | None) -> bool | None:
    """True for a suitable (…1) code, False for an unsuitable (…2) one, else None.

    None means "not a suitability code": ``0``, blank, or anything not in the set.
    """
    if code not in CARE_LEAVER_ACCOMMODATION or code == "0":
        return None
    return code.endswith("1")
