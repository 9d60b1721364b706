"""Import a CIN census (XML) into Kinfolio: children, child in need episodes,
assessments and their factors, child in need plans, section 47 enquiries and their
initial conferences, child protection plans and their reviews.

The file is parsed with defusedxml (a DTD or an external entity is refused) one
``<Child>`` at a time, so memory stays bounded whatever its size. All or nothing:
each child is written in its own savepoint so that every problem is collected, then
the whole import is rolled back if there was any. Records already in Kinfolio are
matched (a child by LA child ID, then UPN and date of birth; an episode by its
referral date; the rest by their dates), so importing the same file twice changes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction

from kinfolio import codesets
from kinfolio.assessments.models import Assessment, AssessmentFactor
from kinfolio.audit.services.history import record_import
from kinfolio.people.models import Person
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
)
from kinfolio.referrals.models import CINEpisode, CINPlan
from kinfolio.returns.importing import (
    ImportRefused,
    Problem,
    Summary,
    new_import_id,
    refresh_imported,
)
from kinfolio.workforce.models import Service, Team

IMPORTED_NAME = "Not given in the return"
IMPORT_TEAM = "Imported from a CIN census"
NOT_KEPT = [
    "Header (collection details and source)",
    "NumberOfPreviousCPP (Kinfolio counts the plans it holds: earlier ones are not in the census)",
    "DateOfInitialCPC of a CINdetails (an ICPC whose enquiry the census does not hold: the"
    " plan is recorded as starting at a transfer-in conference)",
    "ICPCnotRequired and the end of a section 47 enquiry (the census gives no date)",
    "the outcome of an assessment (recorded as 'other: not in the census')",
    "the end reason of a protection plan (recorded as 'other')",
    "PreProceedingsandFGDM (pre-proceedings: no model yet)",
]
CODES = {
    "ReferralSource": codesets.REFERRAL_SOURCE,
    "PrimaryNeedCode": codesets.CATEGORY_OF_NEED,
    "ReasonForClosure": codesets.CIN_CLOSURE_REASON,
    "Ethnicity": codesets.ETHNICITY,
    "Sex": codesets.SEX,
    "GenderCurrent": codesets.SEX,
    "InitialCategoryOfAbuse": codesets.CP_CATEGORY_OF_ABUSE,
    "LatestCategoryOfAbuse": codesets.CP_CATEGORY_OF_ABUSE,
    "AssessmentFactors": codesets.ASSESSMENT_FACTORS,
    "Disability": codesets.DISABILITY,
}
SEX_CODES = {"1": "M", "2": "F", "0": "U", "9": "U"}
ID_LENGTH = Person._meta.get_field("local_id").max_length
HISTORY_BATCH = 500  # children whose import is written to the change history at once


class _Refuse(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


class _DryRun(Exception):
    pass


class _Child:
    """Reads one <Child> element, checking each value as it is asked for."""

    def __init__(self, element: Element, file: str, number: int) -> None:
        self.element, self.file, self.where = element, file, f"Child {number}"

    def text(self, parent: Element, tag: str) -> str:
        found = parent.find(tag)
        value = (found.text or "").strip() if found is not None else ""
        if value and tag in CODES and value not in CODES[tag]:
            self.refuse(tag, value, f"Not a code of {CODES[tag].name}.")
        return value

    def day(self, parent: Element, tag: str) -> date | None:
        value = self.text(parent, tag)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.refuse(tag, value, "Enter the date as yyyy-mm-dd.")

    def refuse(self, field: str, value: str, message: str):
        raise _Refuse(Problem(self.file, self.where, field, value, message))


def import_cin(
    path: Path,
    *,
    dry_run: bool = False,
    by=None,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Import the census; after it the change history of every child it holds says so
    and their deadline clocks are stored (``by`` is the user importing it)."""
    summary = Summary(left=list(NOT_KEPT))
    problems: list[Problem] = []
    import_id, imported = new_import_id(), []
    source = f"the CIN census {path.name}"
    try:
        with transaction.atomic():
            team = _import_team()
            count = 0
            for element in _children(path, problems):
                count += 1
                child = _Child(element, path.name, count)
                try:
                    with transaction.atomic():
                        person = _import_child(child, team, summary)
                    if person is not None:
                        imported.append(person.pk)
                except _Refuse as refused:
                    problems.append(refused.problem)
                except (DatabaseError, ValidationError) as error:
                    problems.append(
                        Problem(path.name, child.where, "", "", f"Breaks a rule: {error}")
                    )
                element.clear()
                if len(imported) == HISTORY_BATCH:
                    record_import(by=by, import_id=import_id, child_ids=imported, source=source)
                    imported = []
                if progress:
                    progress(count)
            if count == 0 and not problems:
                problems.append(Problem(path.name, "Children", "", "", "There are no children."))
            if problems:
                raise ImportRefused(problems)
            if dry_run:
                raise _DryRun
            record_import(by=by, import_id=import_id, child_ids=imported, source=source)
            refresh_imported(import_id)
    except _DryRun:
        pass
    return summary


def _children(path: Path, problems: list[Problem]):
    try:
        for _event, element in iterparse(str(path), events=("end",)):
            if element.tag == "Child":
                yield element
    except DefusedXmlException as error:
        problems.append(Problem(path.name, "", "", "", f"Refused: {error!r} (no DTD or entities)."))
    except ParseError as error:
        problems.append(
            Problem(
                path.name,
                f"line {error.position[0]}",
                "",
                "",
                f"The XML is not well formed: {error}",
            )
        )


def _import_team() -> Team:
    service, _ = Service.objects.get_or_create(name="Imported records")
    team, _ = Team.objects.get_or_create(
        name=IMPORT_TEAM, defaults={"service": service, "team_type": "locality_cin"}
    )
    return team


def _person(child: _Child, summary: Summary) -> Person | None:
    ids = child.element.find("ChildIdentifiers")
    if ids is None:
        child.refuse("ChildIdentifiers", "", "Each child needs its identifiers.")
    la_id = child.text(ids, "LAchildID")
    if not la_id:
        child.refuse("LAchildID", "", "This value is needed.")
    if len(la_id) > ID_LENGTH:
        child.refuse("LAchildID", la_id, f"Longer than {ID_LENGTH} characters.")
    child.where = f"Child {la_id}"
    born, upn = child.day(ids, "PersonBirthDate"), child.text(ids, "UPN")
    person = Person.objects.filter(local_id=la_id).first()
    if person is None and upn:
        candidate = Person.objects.filter(upn=upn).first()
        if candidate and candidate.date_of_birth != born:
            summary.review.append(
                f"{la_id}: UPN {upn} is {candidate.local_id}'s, whose date "
                "of birth differs; left for a person to check"
            )
            return None
        person = candidate
    if person is not None:
        summary.matched["children"] += 1
        return person
    sex = child.text(ids, "Sex") or child.text(ids, "GenderCurrent")
    characteristics = child.element.find("ChildCharacteristics")
    disabilities = []
    ethnicity = ""
    if characteristics is not None:
        ethnicity = child.text(characteristics, "Ethnicity")
        for element in characteristics.findall("Disabilities/Disability"):
            code = (element.text or "").strip()
            if code not in codesets.DISABILITY:
                child.refuse("Disability", code, "Not a code of Disability.")
            disabilities.append(code)
    summary.created["children"] += 1
    return Person.objects.create(
        local_id=la_id,
        family_name=IMPORTED_NAME,
        sex=SEX_CODES.get(sex, sex),
        date_of_birth=born,
        expected_date_of_birth=child.day(ids, "ExpectedPersonBirthDate"),
        date_of_death=child.day(ids, "PersonDeathDate"),
        upn=upn,
        former_upn=child.text(ids, "FormerUPN"),
        upn_unknown_reason=child.text(ids, "UPNunknown"),
        ethnicity=ethnicity,
        disabilities=",".join(disabilities),
        is_child_subject=True,
    )


def _keep(child: _Child, summary: Summary, what: str, write: Callable[[], object]):
    """Write one record (with what hangs on it) in its own savepoint. One that breaks
    a rule of Kinfolio's records (an assessment authorised before it started, say: the
    DfE's validator reports it too) cannot be held: it is left and listed in the
    summary, and the rest of the child imported. A structural problem (_Refuse) still
    refuses the import."""
    try:
        with transaction.atomic():
            return write()
    except (IntegrityError, ValidationError) as error:
        summary.leave(
            f"{child.file}, {child.where}, {what}: breaks a rule of Kinfolio's records "
            f"({error}); not imported"
        )
        return None


def _keep_each(
    child: _Child,
    summary: Summary,
    parent: Element,
    tag: str,
    date_tag: str,
    write: Callable[[Element, date | None], object],
    *,
    dated: str = "started",
) -> None:
    """Each ``tag`` block of ``parent`` written in its own savepoint (``_keep``) by
    ``write(block, day)``, named in the summary by its day (``date_tag``)."""
    for block in parent.findall(tag):
        day = child.day(block, date_tag)
        _keep(
            child,
            summary,
            f"{tag} {dated} {day}",
            lambda block=block, day=day: write(block, day),
        )


def _count(summary: Summary, kind: str, made: bool) -> None:
    (summary.created if made else summary.matched)[kind] += 1


def _import_child(child: _Child, team: Team, summary: Summary) -> Person | None:
    person = _person(child, summary)
    if person is None:
        return None
    for details in child.element.findall("CINdetails"):
        referral = child.day(details, "CINreferralDate")
        if referral is None:
            child.refuse("CINreferralDate", "", "This value is needed.")
        _keep(
            child,
            summary,
            f"CINdetails referred {referral}",
            lambda details=details, referral=referral: _details(
                child, details, referral, person, team, summary
            ),
        )
    return person


def _details(child, details, referral, person, team, summary) -> None:
    episode, made = CINEpisode.objects.get_or_create(
        child=person,
        referral_date=referral,
        defaults={
            "referral_source": child.text(details, "ReferralSource"),
            "primary_need": child.text(details, "PrimaryNeedCode"),
            "close_date": child.day(details, "CINclosureDate"),
            "close_reason": child.text(details, "ReasonForClosure"),
            "nfa": child.text(details, "ReferralNFA") in ("true", "1"),
            "team": team,
        },
    )
    _count(summary, "child in need episodes", made)
    _keep_each(
        child,
        summary,
        details,
        "Assessments",
        "AssessmentActualStartDate",
        lambda block, start: _assessment(child, block, start, person, episode, summary),
    )
    _keep_each(
        child,
        summary,
        details,
        "CINPlanDates",
        "CINPlanStartDate",
        lambda block, start: _count(
            summary,
            "child in need plans",
            CINPlan.objects.get_or_create(
                child=person,
                cin_episode=episode,
                start_date=start,
                defaults={"end_date": child.day(block, "CINPlanEndDate"), "team": team},
            )[1],
        ),
        dated="from",
    )
    conferences = _enquiries(child, details, person, episode, summary)
    _plans(child, details, person, episode, conferences, summary)


def _assessment(child, block, start, person, episode, summary) -> None:
    authorised = child.day(block, "AssessmentAuthorisationDate")
    assessment, made = Assessment.objects.get_or_create(
        child=person,
        cin_episode=episode,
        start_date=start,
        defaults={
            "authorised_date": authorised,
            "outcome_other": authorised is not None,
            "outcome_other_detail": "Not in the census" if authorised else "",
        },
    )
    _count(summary, "assessments", made)
    for factor in block.findall("FactorsIdentifiedAtAssessment/AssessmentFactors"):
        code = (factor.text or "").strip()
        if code not in codesets.ASSESSMENT_FACTORS:
            child.refuse("AssessmentFactors", code, "Not a code of Assessment factors.")
        AssessmentFactor.objects.get_or_create(assessment=assessment, factor=code)


def _enquiries(child, details, person, episode, summary) -> dict[date, list]:
    """Each enquiry, its strategy discussion (held on the census's S47 start date) and
    its initial conference; returns the conferences by date, with their enquiry."""
    conferences: dict[date, list] = {}
    _keep_each(
        child,
        summary,
        details,
        "Section47",
        "S47ActualStartDate",
        lambda block, started: _enquiry(
            child, block, started, person, episode, conferences, summary
        ),
    )
    return conferences


def _enquiry(child, block, started, person, episode, conferences, summary) -> None:
    discussion, _ = StrategyDiscussion.objects.get_or_create(
        child=person,
        cin_episode=episode,
        discussion_date=started,
        defaults={"held": True, "decision": "s47"},
    )
    enquiry, made = Section47Enquiry.objects.get_or_create(
        child=person,
        cin_episode=episode,
        strategy_discussion=discussion,
        defaults={"start_date": started, "icpc_due_date": child.day(block, "InitialCPCtarget")},
    )
    _count(summary, "section 47 enquiries", made)
    held = child.day(block, "DateOfInitialCPC")
    if held:
        conferences[held] = [enquiry, None]


def _plans(child, details, person, episode, conferences, summary) -> None:
    _keep_each(
        child,
        summary,
        details,
        "ChildProtectionPlans",
        "CPPstartDate",
        lambda block, start: _plan(child, block, start, person, episode, conferences, summary),
    )
    for held, (enquiry, conference) in conferences.items():
        if conference is None:  # an ICPC that decided no plan was needed
            _keep(
                child,
                summary,
                f"DateOfInitialCPC {held}",
                lambda enquiry=enquiry, held=held: ChildProtectionConference.objects.get_or_create(
                    child=person,
                    section47=enquiry,
                    conference_type="initial",
                    conference_date=held,
                    defaults={"plan_required": False},
                ),
            )


def _plan(child, block, start, person, episode, conferences, summary) -> None:
    initial = child.text(block, "InitialCategoryOfAbuse")
    enquiry = conferences.get(start, [None])[0]
    known = ChildProtectionPlan.objects.filter(child=person, start_date=start).first()
    if known is not None:  # matched: its conferences are already recorded
        _count(summary, "child protection plans", False)
        if start in conferences:
            conferences[start][1] = known.initial_conference
        return
    conference, _ = ChildProtectionConference.objects.get_or_create(
        child=person,
        conference_date=start,
        conference_type="initial" if enquiry else "transfer_in",
        defaults={"section47": enquiry, "plan_required": True, "category_of_abuse": initial},
    )
    if start in conferences:
        conferences[start][1] = conference
    ended = child.day(block, "CPPendDate")
    plan, made = ChildProtectionPlan.objects.get_or_create(
        child=person,
        initial_conference=conference,
        defaults={
            "cin_episode": episode,
            "start_date": start,
            "end_date": ended,
            "end_reason": "other" if ended else "",
            "initial_category": initial,
            "latest_category": child.text(block, "LatestCategoryOfAbuse"),
        },
    )
    _count(summary, "child protection plans", made)
    for review in block.findall("Reviews/CPPreviewDate"):
        text = (review.text or "").strip()
        try:
            day = date.fromisoformat(text)
        except ValueError:
            child.refuse("CPPreviewDate", text, "Enter the date as yyyy-mm-dd.")
        ChildProtectionConference.objects.get_or_create(
            child=person, cp_plan=plan, conference_type="review", conference_date=day
        )
