"""The eleven lists as one workbook: a sheet per list, headings as the schema names them."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from kinfolio.inspection.annex_a import adoption, care, need_and_protection, safeguarding
from kinfolio.inspection.annex_a.formats import CHILD_HEADINGS, Period

DISABILITY = "Does the Child have a Disability"
TEAM_WORKER = ("Allocated Team", "Allocated Worker")
DATE_FORMAT = "%d/%m/%Y"


@dataclass(frozen=True)
class AnnexList:
    number: int
    title: str
    headings: tuple[str, ...]
    rows: Callable[[Period], Iterator[tuple]]
    records: Callable[[Period], QuerySet]  # the records the list is drawn from

    @property
    def sheet(self) -> str:
        return f"List {self.number}"


LISTS = (
    AnnexList(
        1,
        "Contacts",
        (*CHILD_HEADINGS, "Date of Contact", "Contact Source"),
        safeguarding.contact_rows,
        safeguarding.contacts,
    ),
    AnnexList(
        2,
        "Early help assessments",
        (
            *CHILD_HEADINGS,
            "Assessment start date",
            "Assessment completion date",
            "Organisation completing assessment",
        ),
        safeguarding.early_help_rows,
        safeguarding.early_help,
    ),
    AnnexList(
        3,
        "Referrals",
        (
            *CHILD_HEADINGS,
            "Date of referral",
            "Referral Source",
            "Referral NFA?",
            "Number of Referrals in Last 12 Months",
            *TEAM_WORKER,
        ),
        safeguarding.referral_rows,
        safeguarding.referrals,
    ),
    AnnexList(
        4,
        "Assessments",
        (
            *CHILD_HEADINGS,
            DISABILITY,
            "Continuous Assessment Start Date",
            "Child Seen During Continuous Assessment",
            "Continuous Assessment Date of Authorisation",
            "Was the child assessed as requiring LA children's social care support?",
            *TEAM_WORKER,
        ),
        safeguarding.assessment_rows,
        safeguarding.assessments,
    ),
    AnnexList(
        5,
        "Section 47 enquiries and ICPCs",
        (
            *CHILD_HEADINGS,
            DISABILITY,
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?",
            "Date of Initial Child Protection Conference",
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            "Number of Section 47 Enquiries in the last 12 months",
            "Number of ICPCs in the last 12 months",
            *TEAM_WORKER,
        ),
        safeguarding.section_47_rows,
        safeguarding.section_47s,
    ),
    AnnexList(
        6,
        "Children in need",
        (
            *CHILD_HEADINGS,
            DISABILITY,
            "CIN Start Date",
            "Primary Need Code",
            "Date Child Was Last Seen",
            "CIN Closure Date",
            "Reason for Closure",
            "Case Status",
            *TEAM_WORKER,
        ),
        need_and_protection.child_in_need_rows,
        need_and_protection.children_in_need,
    ),
    AnnexList(
        7,
        "Child protection",
        (
            *CHILD_HEADINGS,
            DISABILITY,
            "Child Protection Plan Start Date",
            "Initial Category of Abuse",
            "Latest Category of Abuse",
            "Date of the Last Statutory Visit",
            "Was the Child Seen Alone?",
            "Date of latest review conference",
            "Child Protection Plan End Date",
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last "
            "Six Months (Y/N)",
            "Number of Previous Child Protection Plans",
            *TEAM_WORKER,
        ),
        need_and_protection.protection_rows,
        need_and_protection.protection_plans,
    ),
    AnnexList(
        8,
        "Children in care",
        (
            *CHILD_HEADINGS,
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            DISABILITY,
            "Date Started to be Looked After",
            "Child's Category of Need",
            "Is this a second or subsequent period of being a Looked After Child within the "
            "last 12 months (Y/N)",
            "Start date of current legal status",
            "Child's Legal Status",
            "Date of Latest Statutory Review",
            "Date of Last Social Work Visit",
            "What is the permanence plan for this child?",
            "Date of Last IRO Visit / Contact to the Child",
            "Date of Last Health Assessment",
            "Date of Last Dental Check",
            "Number of Placements in the Last 12 months",
            "Date Ceased to be Looked After",
            "Reason Ceased to be Looked After",
            "Start Date of Most Recent Placement",
            "Placement Type",
            "Placement Provider",
            "Placement postcode",
            "URN of Placement",
            "Placement Location",
            "LA of Placement",
            "Number of Episodes the Child has been 'Missing' from their Placement in the last "
            "12 months",
            "Number of Episodes the Child has been 'Absent' from their Placement in the last "
            "12 months",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            *TEAM_WORKER,
        ),
        care.looked_after_rows,
        care.looked_after,
    ),
    AnnexList(
        9,
        "Care leavers",
        (
            *CHILD_HEADINGS,
            "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
            DISABILITY,
            *TEAM_WORKER,
            "Allocated Personal Advisor",
            "Eligibility Category",
            "Latest Pathway Plan Review Date",
            "LA in Touch",
            "Latest Date of Contact",
            "Type of Accommodation",
            "Suitability of Accommodation",
            "Activity Status",
        ),
        care.care_leaver_rows,
        care.care_leavers,
    ),
    AnnexList(
        10,
        "Adoption",
        (
            "Child Unique ID",
            "Family identifier",
            *CHILD_HEADINGS[1:],
            DISABILITY,
            "Date the Child Entered Care",
            "Date of Decision that Child Should be Placed for Adoption",
            "Date of Placement Order",
            "Date of Matching Child and Prospective Adopters",
            "Date Placed for Adoption",
            "Date of Adoption Order",
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            "Reason Why Child No Longer Placed for Adoption",
            "Date the child was placed for fostering in FFA or concurrent planning placement",
        ),
        adoption.adoption_rows,
        adoption.adoption_plans,
    ),
    AnnexList(
        11,
        "Adopters",
        (
            "Individual adopter identifier",
            "Family identifier",
            "Gender",
            "Ethnicity",
            "Disability",
            "Is the (prospective) adopter fostering for adoption?",
            "Date enquiry received",
            "Date Stage 1 started",
            "Date Stage 1 ended",
            "Date Stage 2 started",
            "Date Stage 2 ended",
            "Date application submitted",
            "Date application approved",
            "Date adopter matched with child(ren)",
            "Date child/children placed with adopter(s)",
            "No. of children placed",
            "Date of Adoption Order",
            "Date of leaving adoption process",
            "Reason for leaving adoption process",
        ),
        adoption.adopter_rows,
        adoption.adopter_households,
    ),
)


def write_workbook(period: Period, out, progress: Callable[[int, str], None] | None = None):
    """Write the eleven sheets to ``out`` (a path or a binary file); returns the row count
    of each list. ``progress(done, title)`` is told as each list is finished."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    counts: dict[int, int] = {}
    for done, annex_list in enumerate(LISTS, start=1):
        sheet = workbook.create_sheet(annex_list.sheet)
        heading_cells = []
        for heading in annex_list.headings:
            cell = WriteOnlyCell(sheet, value=heading)
            cell.font = bold
            heading_cells.append(cell)
        sheet.append(heading_cells)
        count = 0
        for row in annex_list.rows(period):
            sheet.append([_text_date(value) for value in row])
            count += 1
        counts[annex_list.number] = count
        if progress is not None:
            progress(done, annex_list.title)
    workbook.save(out)
    return counts


def _text_date(value):
    """Dates as dd/mm/yyyy text, as the schema reads them and Data to Insight writes
    them (a styled date cell costs several times as much to write)."""
    return value.strftime(DATE_FORMAT) if hasattr(value, "strftime") else value
