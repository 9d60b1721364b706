"""Import a CIN census (XML) into Kinfolio: children, child in need episodes,
assessments and their factors, child in need plans, section 47 enquiries and their
initial conferences, child protection plans and their reviews.

The file is parsed with defusedxml (a DTD or an external entity is refused) one
``<Child>`` at a time, so memory stays bounded whatever its size. Each child is read
and checked whole (``_read``); a structural problem (a value missing, not a code, not a
date) refuses the import, and every one is collected. The children are written a
batch at a time (``_Writer``), one kind of record after another: what each batch's
children already have of that kind is read in one query and the new records created
in one statement. Records already in Kinfolio are matched (a child by LA child ID,
then UPN and date of birth; an episode by its referral date; the rest by their dates),
so importing the same file twice changes nothing. A record that breaks a rule of
Kinfolio's records (an assessment authorised before it started, say: the DfE's
validator reports it too) cannot be held: it is left with what hangs on it, and
listed in the summary. All or nothing: any problem rolls the whole import back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction

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
    create_all,
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
# The longest value Kinfolio holds of each free-text identifier.
LENGTHS = {
    tag: Person._meta.get_field(name).max_length
    for tag, name in (
        ("LAchildID", "local_id"),
        ("UPN", "upn"),
        ("FormerUPN", "former_upn"),
        ("UPNunknown", "upn_unknown_reason"),
    )
}
BATCH = 500  # children written at once


def _not_a_code(file: str, where: str, tag: str, value: str) -> Problem:
    return Problem(file, where, tag, value, f"Not a code of {CODES[tag].name}.")


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
            raise _Refuse(_not_a_code(self.file, self.where, tag, value))
        if len(value) > LENGTHS.get(tag, len(value)):
            self.refuse(tag, value, f"Longer than {LENGTHS[tag]} characters.")
        return value

    def day(self, parent: Element, tag: str) -> date | None:
        value = self.text(parent, tag)
        return self.parse_day(tag, value) if value else None

    def parse_day(self, tag: str, value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.refuse(tag, value, "Enter the date as yyyy-mm-dd.")

    def codes(self, parent: Element, path: str, tag: str) -> list[str]:
        """The codes listed under ``path``, each checked against ``tag``'s code set."""
        found = _listed(parent, path)
        for code in found:
            if code not in CODES[tag]:
                raise _Refuse(_not_a_code(self.file, self.where, tag, code))
        return found

    def refuse(self, field: str, value: str, message: str):
        raise _Refuse(Problem(self.file, self.where, field, value, message))


def _listed(parent: Element, path: str) -> list[str]:
    return [(element.text or "").strip() for element in parent.findall(path)]


# -- what a child's element holds, read and checked ----------------------------------


@dataclass
class _Plan:
    start: date | None
    fields: dict  # the ChildProtectionPlan's own values
    reviews: list[date]


@dataclass
class _Details:
    """One CINdetails block: the episode's values and the records under it."""

    referral: date
    fields: dict  # the CINEpisode's own values
    # Start, authorisation, factors (checked only if the assessment is kept, as the
    # DfE's sample census has an unknown factor in an assessment Kinfolio cannot hold).
    assessments: list[tuple[date | None, date | None, list[str]]]
    cin_plans: list[tuple[date | None, date | None]]  # start, end
    enquiries: list[tuple[date | None, date | None, date | None]]  # start, ICPC due, ICPC
    plans: list[_Plan]
    # The initial conferences held (DateOfInitialCPC of an enquiry): their enquiry, and
    # whether a plan's conference was written for the day (filled in as it is written).
    conferences: dict[date, list] = field(default_factory=dict)


@dataclass
class _Read:
    file: str
    where: str
    la_id: str
    upn: str
    born: date | None
    fields: dict  # the Person's values, should the child be created
    details: list[_Details]

    @property
    def place(self) -> str:
        """The file and the child, for the summary."""
        return f"{self.file}, {self.where}"


def _read(element: Element, file: str, number: int) -> _Read:
    """The child's values, every one checked (``_Refuse`` at the first problem)."""
    child = _Child(element, file, number)
    ids = element.find("ChildIdentifiers")
    if ids is None:
        child.refuse("ChildIdentifiers", "", "Each child needs its identifiers.")
    la_id = child.text(ids, "LAchildID")
    if not la_id:
        child.refuse("LAchildID", "", "This value is needed.")
    child.where = f"Child {la_id}"
    born, upn = child.day(ids, "PersonBirthDate"), child.text(ids, "UPN")
    sex = child.text(ids, "Sex") or child.text(ids, "GenderCurrent")
    characteristics = element.find("ChildCharacteristics")
    ethnicity, disabilities = "", []
    if characteristics is not None:
        ethnicity = child.text(characteristics, "Ethnicity")
        disabilities = child.codes(characteristics, "Disabilities/Disability", "Disability")
    fields = {
        "local_id": la_id,
        "family_name": IMPORTED_NAME,
        "sex": SEX_CODES.get(sex, sex),
        "date_of_birth": born,
        "expected_date_of_birth": child.day(ids, "ExpectedPersonBirthDate"),
        "date_of_death": child.day(ids, "PersonDeathDate"),
        "upn": upn,
        "former_upn": child.text(ids, "FormerUPN"),
        "upn_unknown_reason": child.text(ids, "UPNunknown"),
        "ethnicity": ethnicity,
        "disabilities": ",".join(disabilities),
        "is_child_subject": True,
    }
    details = [_read_details(child, block) for block in element.findall("CINdetails")]
    return _Read(file, child.where, la_id, upn, born, fields, details)


def _read_details(child: _Child, details: Element) -> _Details:
    referral = child.day(details, "CINreferralDate")
    if referral is None:
        child.refuse("CINreferralDate", "", "This value is needed.")
    return _Details(
        referral=referral,
        fields={
            "referral_source": child.text(details, "ReferralSource"),
            "primary_need": child.text(details, "PrimaryNeedCode"),
            "close_date": child.day(details, "CINclosureDate"),
            "close_reason": child.text(details, "ReasonForClosure"),
            "nfa": child.text(details, "ReferralNFA") in ("true", "1"),
        },
        assessments=[
            (
                child.day(block, "AssessmentActualStartDate"),
                child.day(block, "AssessmentAuthorisationDate"),
                _listed(block, "FactorsIdentifiedAtAssessment/AssessmentFactors"),
            )
            for block in details.findall("Assessments")
        ],
        cin_plans=[
            (child.day(block, "CINPlanStartDate"), child.day(block, "CINPlanEndDate"))
            for block in details.findall("CINPlanDates")
        ],
        enquiries=[
            (
                child.day(block, "S47ActualStartDate"),
                child.day(block, "InitialCPCtarget"),
                child.day(block, "DateOfInitialCPC"),
            )
            for block in details.findall("Section47")
        ],
        plans=[_read_plan(child, block) for block in details.findall("ChildProtectionPlans")],
    )


def _read_plan(child: _Child, block: Element) -> _Plan:
    ended = child.day(block, "CPPendDate")
    return _Plan(
        start=child.day(block, "CPPstartDate"),
        fields={
            "end_date": ended,
            "end_reason": "other" if ended else "",
            "initial_category": child.text(block, "InitialCategoryOfAbuse"),
            "latest_category": child.text(block, "LatestCategoryOfAbuse"),
        },
        reviews=[
            child.parse_day("CPPreviewDate", (review.text or "").strip())
            for review in block.findall("Reviews/CPPreviewDate")
        ],
    )


# -- the import ----------------------------------------------------------------------


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
    import_id = new_import_id()
    source = None if dry_run else f"the CIN census {path.name}"
    try:
        with transaction.atomic():
            writer = _Writer(_import_team(), summary, problems)
            count, batch = 0, []
            for element in _children(path, problems):
                count += 1
                try:
                    batch.append(_read(element, path.name, count))
                except _Refuse as refused:
                    problems.append(refused.problem)
                element.clear()
                if len(batch) == BATCH:
                    writer.write(batch, by=by, import_id=import_id, source=source)
                    batch = []
                if progress:
                    progress(count)
            writer.write(batch, by=by, import_id=import_id, source=source)
            if count == 0 and not problems:
                problems.append(Problem(path.name, "Children", "", "", "There are no children."))
            if problems:
                raise ImportRefused(problems)
            if dry_run:
                raise _DryRun
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


# One record wanted: where it comes from (for the summary), the key it is matched by
# among those held, and its values should it be created.
_Wanted = tuple[str, tuple, dict]


class _Writer:
    """Writes a batch of children, one kind of record after another."""

    def __init__(self, team: Team, summary: Summary, problems: list[Problem]) -> None:
        self.team, self.summary, self.problems = team, summary, problems

    def _made(
        self,
        model: type[models.Model],
        kind: str | None,
        held: dict[tuple, models.Model],
        wanted: list[_Wanted],
    ) -> tuple[list[models.Model], set[int]]:
        """Each wanted record: the one ``held`` under its key (matched), or a new one,
        the new ones created at once. One that breaks a rule of Kinfolio's records is
        left, and listed (its pk stays None, so what hangs on it is left too). Returns
        the records in the order wanted, and the ids (``id()``) of those created."""
        records, new = [], []
        for where, key, values in wanted:
            record = held.get(key)
            if record is None:
                record = held[key] = model(**values)
                record._where = where
                new.append(record)
            elif kind:
                self.summary.matched[kind] += 1
            records.append(record)
        made = create_all(model, new, failed=self._left)
        if kind:
            self.summary.created[kind] += made
        return records, {id(record) for record in new if record.pk is not None}

    def _left(self, record: models.Model, error: Exception) -> None:
        self.summary.leave(
            f"{record._where}: breaks a rule of Kinfolio's records ({error}); not imported"
        )

    def write(self, batch: list[_Read], *, by, import_id: str, source: str | None) -> None:
        """Write the batch in its own savepoint: a database error is a problem of the
        batch's children (and refuses the import) rather than the end of it."""
        if not batch:
            return
        try:
            with transaction.atomic():
                people = self._people(batch)
                details = [(read, person, d) for read, person in people for d in read.details]
                episodes = self._episodes(details)
                self._assessments(episodes)
                self._cin_plans(episodes)
                self._enquiries(episodes)
                self._plans(episodes)
                if source is not None:
                    record_import(
                        by=by,
                        import_id=import_id,
                        child_ids=[person.pk for _, person in people],
                        source=source,
                    )
        except (DatabaseError, ValidationError) as error:
            where = f"{batch[0].where} to {batch[-1].where}"
            self.problems.append(Problem(batch[0].file, where, "", "", f"Breaks a rule: {error}"))

    def _people(self, batch: list[_Read]) -> list[tuple[_Read, Person]]:
        """Each child matched (by LA child ID, then UPN with the same date of birth) or
        created; a UPN matched with another date of birth is listed for review and the
        child left."""
        known = {
            p.local_id: p for p in Person.objects.filter(local_id__in={r.la_id for r in batch})
        }
        by_upn: dict[str, Person] = {}
        for person in Person.objects.filter(upn__in={r.upn for r in batch if r.upn}):
            by_upn.setdefault(person.upn, person)
        people, new = [], []
        for read in batch:
            person = known.get(read.la_id)
            if person is None and read.upn and read.upn in by_upn:
                person = by_upn[read.upn]
                if person.date_of_birth != read.born:
                    self.summary.note_review(
                        f"{read.la_id}: UPN {read.upn} is {person.local_id}'s, whose date "
                        "of birth differs; left for a person to check"
                    )
                    continue
            if person is None:
                person = known[read.la_id] = Person(**read.fields)
                person._read = read
                if read.upn:
                    by_upn.setdefault(read.upn, person)
                new.append(person)
            else:
                self.summary.matched["children"] += 1
            people.append((read, person))
        self.summary.created["children"] += create_all(Person, new, failed=self._refused)
        return [(read, person) for read, person in people if person.pk is not None]

    def _refused(self, person: Person, error: Exception) -> None:
        read = person._read
        self.problems.append(Problem(read.file, read.where, "", "", f"Breaks a rule: {error}"))

    def _episodes(self, details) -> list[tuple[_Read, Person, _Details, CINEpisode]]:
        held = {
            (e.child_id, e.referral_date): e
            for e in CINEpisode.objects.filter(child__in=_people_of(details))
        }
        episodes, _ = self._made(
            CINEpisode,
            "child in need episodes",
            held,
            [
                (
                    f"{read.place}, CINdetails referred {d.referral}",
                    (person.pk, d.referral),
                    {"child": person, "referral_date": d.referral, "team": self.team, **d.fields},
                )
                for read, person, d in details
            ],
        )
        return [(*row, e) for row, e in zip(details, episodes, strict=True) if e.pk is not None]

    def _assessments(self, episodes) -> None:
        """Each assessment, then the factors identified at it."""
        wanted = [
            (f"{read.place}, Assessments started {start}", read, person, episode, start, authorised)
            for read, person, d, episode in episodes
            for start, authorised, _ in d.assessments
        ]
        factors = [f for *_, d, _ in episodes for *_, f in d.assessments]
        assessments, _ = self._made(
            Assessment,
            "assessments",
            {
                (a.child_id, a.cin_episode_id, a.start_date): a
                for a in Assessment.objects.filter(child__in=_people_of(episodes))
            },
            [
                (
                    place,
                    (person.pk, episode.pk, start),
                    {
                        "child": person,
                        "cin_episode": episode,
                        "start_date": start,
                        "authorised_date": authorised,
                        "outcome_other": authorised is not None,
                        "outcome_other_detail": "Not in the census" if authorised else "",
                    },
                )
                for place, _, person, episode, start, authorised in wanted
            ],
        )
        kept = []
        for (place, read, *_), assessment, codes in zip(wanted, assessments, factors, strict=True):
            if assessment.pk is None:
                continue
            for code in codes:
                if code not in CODES["AssessmentFactors"]:
                    self.problems.append(
                        _not_a_code(read.file, read.where, "AssessmentFactors", code)
                    )
            kept.append((place, assessment, codes))
        self._made(
            AssessmentFactor,
            None,
            {
                (f.assessment_id, f.factor): f
                for f in AssessmentFactor.objects.filter(assessment__in=[a for _, a, _ in kept])
            },
            [
                (place, (assessment.pk, code), {"assessment": assessment, "factor": code})
                for place, assessment, codes in kept
                for code in codes
            ],
        )

    def _cin_plans(self, episodes) -> None:
        held = {
            (p.child_id, p.cin_episode_id, p.start_date): p
            for p in CINPlan.objects.filter(child__in=_people_of(episodes))
        }
        self._made(
            CINPlan,
            "child in need plans",
            held,
            [
                (
                    f"{read.place}, CINPlanDates from {start}",
                    (person.pk, episode.pk, start),
                    {
                        "child": person,
                        "cin_episode": episode,
                        "start_date": start,
                        "end_date": end,
                        "team": self.team,
                    },
                )
                for read, person, d, episode in episodes
                for start, end in d.cin_plans
            ],
        )

    def _enquiries(self, episodes) -> None:
        """Each enquiry with its strategy discussion (held on the census's S47 start
        date); the initial conference each held is noted on its CINdetails."""
        wanted = [
            (f"{read.place}, Section47 started {start}", person, d, episode, start, due, icpc)
            for read, person, d, episode in episodes
            for start, due, icpc in d.enquiries
        ]
        people = _people_of(episodes)
        discussions, new_discussions = self._made(
            StrategyDiscussion,
            None,
            {
                (s.child_id, s.cin_episode_id, s.discussion_date): s
                for s in StrategyDiscussion.objects.filter(child__in=people)
            },
            [
                (
                    place,
                    (person.pk, episode.pk, start),
                    {
                        "child": person,
                        "cin_episode": episode,
                        "discussion_date": start,
                        "held": True,
                        "decision": "s47",
                    },
                )
                for place, person, _, episode, start, _, _ in wanted
            ],
        )
        rows = [
            (*row, discussion)
            for row, discussion in zip(wanted, discussions, strict=True)
            if discussion.pk is not None
        ]
        enquiries, _ = self._made(
            Section47Enquiry,
            "section 47 enquiries",
            {
                (s.child_id, s.cin_episode_id, s.strategy_discussion_id): s
                for s in Section47Enquiry.objects.filter(child__in=people)
            },
            [
                (
                    place,
                    (person.pk, episode.pk, discussion.pk),
                    {
                        "child": person,
                        "cin_episode": episode,
                        "strategy_discussion": discussion,
                        "start_date": start,
                        "icpc_due_date": due,
                    },
                )
                for place, person, _, episode, start, due, _, discussion in rows
            ],
        )
        undone = []
        for (*_, d, _, _, _, icpc, discussion), enquiry in zip(rows, enquiries, strict=True):
            if enquiry.pk is None:
                if id(discussion) in new_discussions:
                    undone.append(discussion.pk)  # left with its enquiry
            elif icpc:
                d.conferences[icpc] = [enquiry, False]
        StrategyDiscussion.objects.filter(pk__in=undone).delete()

    def _plans(self, episodes) -> None:
        """Each plan with the conference that started it (an initial conference after
        the enquiry whose ICPC was that day, else a transfer-in) and its reviews; then
        the initial conferences that decided no plan was needed."""
        people = _people_of(episodes)
        by_start = {}
        for plan in ChildProtectionPlan.objects.filter(child__in=people):
            by_start.setdefault((plan.child_id, plan.start_date), plan)
        wanted = []
        for read, person, d, episode in episodes:
            for plan in d.plans:
                if (person.pk, plan.start) in by_start:  # its conferences are recorded
                    self.summary.matched["child protection plans"] += 1
                    if plan.start in d.conferences:
                        d.conferences[plan.start][1] = True
                    continue
                place = f"{read.place}, ChildProtectionPlans started {plan.start}"
                wanted.append((place, person, d, episode, plan))
        conferences = ChildProtectionConference.objects.filter(child__in=people)
        started, new_started = self._made(
            ChildProtectionConference,
            None,
            {(c.child_id, c.conference_date, c.conference_type): c for c in conferences},
            [
                (
                    place,
                    (person.pk, plan.start, "initial" if enquiry else "transfer_in"),
                    {
                        "child": person,
                        "conference_date": plan.start,
                        "conference_type": "initial" if enquiry else "transfer_in",
                        "section47": enquiry,
                        "plan_required": True,
                        "category_of_abuse": plan.fields["initial_category"],
                    },
                )
                for place, person, d, _, plan in wanted
                for enquiry in [d.conferences.get(plan.start, [None])[0]]
            ],
        )
        rows = []
        for (place, person, d, episode, plan), conference in zip(wanted, started, strict=True):
            if conference.pk is not None:
                rows.append((place, person, episode, plan, conference))
                if plan.start in d.conferences:
                    d.conferences[plan.start][1] = True
        plans, _ = self._made(
            ChildProtectionPlan,
            "child protection plans",
            {
                (p.initial_conference_id,): p
                for p in ChildProtectionPlan.objects.filter(child__in=people)
            },
            [
                (
                    place,
                    (conference.pk,),
                    {
                        "child": person,
                        "initial_conference": conference,
                        "cin_episode": episode,
                        "start_date": plan.start,
                        **plan.fields,
                    },
                )
                for place, person, episode, plan, conference in rows
            ],
        )
        ChildProtectionConference.objects.filter(
            pk__in=[
                conference.pk
                for (*_, conference), plan in zip(rows, plans, strict=True)
                if plan.pk is None and id(conference) in new_started  # left with its plan
            ]
        ).delete()
        self._made(
            ChildProtectionConference,
            None,
            {
                (c.child_id, c.cp_plan_id, c.conference_date): c
                for c in conferences.filter(conference_type="review")
            },
            [
                (
                    place,
                    (person.pk, plan.pk, day),
                    {
                        "child": person,
                        "cp_plan": plan,
                        "conference_type": "review",
                        "conference_date": day,
                    },
                )
                for (place, person, _, read_plan, _), plan in zip(rows, plans, strict=True)
                if plan.pk is not None
                for day in read_plan.reviews
            ],
        )
        self._made(
            ChildProtectionConference,
            None,
            {
                (c.child_id, c.section47_id, c.conference_date): c
                for c in conferences.filter(conference_type="initial")
            },
            [
                (
                    f"{read.place}, DateOfInitialCPC {held}",
                    (person.pk, enquiry.pk, held),
                    {
                        "child": person,
                        "section47": enquiry,
                        "conference_type": "initial",
                        "conference_date": held,
                        "plan_required": False,
                    },
                )
                for read, person, d, _ in episodes
                for held, (enquiry, planned) in d.conferences.items()
                if not planned  # an ICPC that decided no plan was needed
            ],
        )


def _people_of(rows: Iterable[tuple]) -> list[int]:
    return list({row[1].pk for row in rows})
