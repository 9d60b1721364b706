"""How Annex A writes a child's details and the DfE's codes (see the package docstring
for the sources)."""

from dataclasses import dataclass
from datetime import date

from kinfolio import codesets
from kinfolio.codesets.base import CodeSet

YES, NO, UNKNOWN = "a) Yes", "b) No", "Unknown"

GENDER = {
    "M": "a) Male",
    "F": "b) Female",
    "U": "c) Not stated/recorded",
    "1": "a) Male",
    "2": "b) Female",
    "0": "c) Not stated/recorded",
    "9": "d) Neither",
}

# Annex A letters the DfE's ethnicity codes a) to t), in the DfE's order.
ETHNICITY = {
    code.code: f"{letter}) {code.code}"
    for letter, code in zip("abcdefghijklmnopqrst", codesets.ETHNICITY.codes, strict=True)
}

# Source of contact or referral: the Annex A letter, the CIN census code and its group.
_SOURCE_GROUPS = [
    ("a", "1A", "Individual"),
    ("b", "1B", "Individual"),
    ("c", "1C", "Individual"),
    ("d", "1D", "Individual"),
    ("e", "2A", "Schools"),
    ("f", "2B", "Education services"),
    ("g", "3A", "Health services"),
    ("h", "3B", "Health services"),
    ("i", "3C", "Health services"),
    ("j", "3D", "Health services"),
    ("k", "3E", "Health services"),
    ("l", "3F", "Health services"),
    ("m", "4", "Housing"),
    ("n", "5A", "LA services"),
    ("o", "5B", "LA services"),
    ("p", "5C", "LA services"),
    ("p1", "5D", "LA services"),
    ("q", "6", "Police"),
    ("r", "7", "Other legal agency"),
    ("s", "8", "Other"),
    ("t", "9", "Anonymous"),
    ("u", "10", "Unknown"),
]
SOURCE = {code: f"{letter}) {code}: {group}" for letter, code, group in _SOURCE_GROUPS}

CATEGORY_OF_ABUSE = {
    "NEG": "a) Neglect",
    "PHY": "b) Physical abuse",
    "SAB": "c) Sexual abuse",
    "EMO": "d) Emotional abuse",
    "MUL": "e) Multiple/not recommended",
}

ELIGIBILITY = {
    "relevant": "a) Relevant child",
    "former_relevant": "b) Former relevant child",
    "qualifying": "c) Qualifying care leaver",
    "eligible": "d) Eligible child",
}

IN_TOUCH = {
    "YES": "a) Yes",
    "NO": "b) No",
    "DIED": "c) Died",
    "REFU": "d) Refu",
    "NREQ": "e) NREQ",
    "RHOM": "f) Rhom",
}


def yes_no(value: bool | None) -> str | None:
    if value is None:
        return None
    return YES if value else NO


def coded(codeset: CodeSet, code: str | None, separator: str = ": ") -> str | None:
    """A DfE code with its label, e.g. "N1 - Abuse or neglect" or "C2: Full care order"."""
    if not code:
        return None
    found = codeset.get(code)
    return f"{code}{separator}{found.label}" if found else code


def disability(codes: str) -> str:
    """Yes when any DfE disability is recorded, No for NONE, Unknown when nothing is."""
    if not codes:
        return UNKNOWN
    return NO if codes.strip() == "NONE" else YES


def age_on(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def name(given: str | None, family: str | None) -> str | None:
    return " ".join(part for part in (given, family) if part) or None


@dataclass(frozen=True)
class Period:
    """The period the lists cover; "at the point of inspection" means its last day."""

    start: date
    end: date


CHILD_FIELDS = (
    "child__local_id",
    "child__sex",
    "child__ethnicity",
    "child__date_of_birth",
)
CHILD_HEADINGS = ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)")


def child_columns(row: dict, period: Period, prefix: str = "child__") -> tuple:
    born = row[f"{prefix}date_of_birth"]
    return (
        row[f"{prefix}local_id"],
        GENDER.get(row[f"{prefix}sex"], "c) Not stated/recorded"),
        ETHNICITY.get(row[f"{prefix}ethnicity"]),
        born,
        age_on(born, period.end),
    )
