"""Write the children in need census for a collection year, as the DfE's XML.

Element names and nesting follow the DfE's CIN census XML as the validator
csc-validator-be-cin 0.1.13 reads it (its ``ingress.XMLtoCSV`` and sample
``fake_data/CIN_Census_2026.xml``); the DfE census guide was not available. Sex is
``<Sex>`` M/F/U from 2024/25 and ``<GenderCurrent>`` 1/2/0/9 before (rule 4180).

A child is in the census when one of their child in need episodes was open at any
time in the year; each such episode is a ``<CINdetails>`` block holding the
assessments, plans, enquiries and reviews of that episode that fall in the year. A
date after 31 March is left out, as the census describes the year as it ended.
Children are read in chunks and written one ``<Child>`` at a time, so memory stays
bounded; each chunk costs one query per kind of record.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.db.models import F, Q

from kinfolio.assessments.models import Assessment, AssessmentFactor
from kinfolio.people.models import Person
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
)
from kinfolio.referrals.models import CINEpisode, CINPlan
from kinfolio.returns.ssda903.export import chunks, overlapping, sex_code
from kinfolio.returns.years import CollectionYear

INITIAL = "initial"  # CONFERENCE_TYPE of the conference that follows a section 47 enquiry
SEX_BEFORE_2025 = {"M": "1", "F": "2", "U": "0"}


def census_child_ids(year: CollectionYear) -> list[int]:
    ids = (
        CINEpisode.objects.filter(overlapping("referral_date", "close_date", year))
        .values_list("child_id", flat=True)
        .distinct()
    )
    return list(Person.objects.filter(pk__in=ids).order_by("local_id").values_list("pk", flat=True))


def as_at(year: CollectionYear, today: date) -> date:
    """The last day the census describes: 31 March, or for the year still going on, the
    day it is made (a later date is not yet known). Its header's reference date is 31
    March either way, as the DfE's census specification has it (rule 100): a census
    made during the year is the year so far."""
    return min(year.end, today)


def iso(day: date | None, until: date) -> str | None:
    """The date as the census writes it, or None when it falls after ``until``."""
    if day is None or day > until:
        return None
    return day.isoformat()


def add(parent: ET.Element, tag: str, text: str | None) -> None:
    """Add ``<tag>text</tag>``; an absent value is left out, as the schema allows."""
    if text not in (None, ""):
        ET.SubElement(parent, tag).text = str(text)


def grouped(rows, key: str) -> dict[int, list[dict]]:
    groups: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return groups


class CensusChunk:
    """Everything the census needs about one chunk of children, read in a few queries."""

    def __init__(self, year: CollectionYear, ids: list[int], until: date) -> None:
        self.year = year
        self.until = until  # the day it is made, at the latest: later dates are left out
        in_year = overlapping
        self.people = (
            Person.objects.filter(pk__in=ids)
            .order_by("local_id")
            .values(
                "pk",
                "local_id",
                "upn",
                "former_upn",
                "upn_unknown_reason",
                "date_of_birth",
                "expected_date_of_birth",
                "sex",
                "date_of_death",
                "ethnicity",
                "disabilities",
            )
        )
        self.episodes = grouped(
            CINEpisode.objects.filter(child_id__in=ids)
            .filter(in_year("referral_date", "close_date", year))
            .order_by("referral_date", "pk")
            .values(
                "pk",
                "child_id",
                "referral_date",
                "referral_source",
                "primary_need",
                "close_date",
                "close_reason",
                "nfa",
            ),
            "child_id",
        )
        window = Q(cin_episode__child_id__in=ids)
        self.assessments = grouped(
            Assessment.objects.filter(window, start_date__lte=year.end)
            .filter(Q(authorised_date__isnull=True) | Q(authorised_date__gte=year.start))
            .order_by("start_date", "pk")
            .values("pk", "cin_episode_id", "start_date", "authorised_date"),
            "cin_episode_id",
        )
        factors: dict[int, list[str]] = defaultdict(list)
        for assessment_id, factor in (
            AssessmentFactor.objects.filter(
                assessment__cin_episode__child_id__in=ids, assessment__start_date__lte=year.end
            )
            .order_by("factor")
            .values_list("assessment_id", "factor")
        ):
            factors[assessment_id].append(factor)
        self.factors = factors
        self.cin_plans = grouped(
            CINPlan.objects.filter(window)
            .filter(in_year("start_date", "end_date", year))
            .order_by("start_date", "pk")
            .values("cin_episode_id", "start_date", "end_date"),
            "cin_episode_id",
        )
        self.enquiries = grouped(
            Section47Enquiry.objects.filter(window)
            .filter(in_year("start_date", "end_date", year))
            .order_by("start_date", "pk")
            .values(
                "pk",
                "cin_episode_id",
                "start_date",
                "end_date",
                "outcome",
                "icpc_due_date",
                "strategy_discussion__discussion_date",
            ),
            "cin_episode_id",
        )
        self.icpc_dates = dict(
            ChildProtectionConference.objects.filter(
                section47__cin_episode__child_id__in=ids, conference_type=INITIAL
            ).values_list("section47_id", "conference_date")
        )
        plans = list(
            ChildProtectionPlan.objects.filter(child_id__in=ids, start_date__lte=year.end)
            .order_by("child_id", "start_date", "pk")
            .values(
                "pk",
                "child_id",
                "cin_episode_id",
                "start_date",
                "end_date",
                "initial_category",
                "latest_category",
                icpc_date=F("initial_conference__conference_date"),
                started_at=F("initial_conference__conference_type"),
            )
        )
        earlier: dict[int, int] = defaultdict(int)
        for plan in plans:  # plans before this one, in any year, for NumberOfPreviousCPP
            plan["previous"] = earlier[plan["child_id"]]
            earlier[plan["child_id"]] += 1
        self.cp_plans = grouped(
            [p for p in plans if p["end_date"] is None or p["end_date"] >= year.start],
            "cin_episode_id",
        )
        self.cp_reviews = grouped(
            ChildProtectionConference.objects.filter(
                cp_plan__child_id__in=ids, conference_date__range=(year.start, year.end)
            )
            .order_by("conference_date")
            .values("cp_plan_id", "conference_date"),
            "cp_plan_id",
        )

    def children(self):
        for person in self.people:
            yield self.child(person)

    def child(self, person: dict) -> ET.Element:
        year = self.year
        child = ET.Element("Child")
        ids = ET.SubElement(child, "ChildIdentifiers")
        add(ids, "LAchildID", person["local_id"])
        add(ids, "UPN", person["upn"])
        add(ids, "FormerUPN", person["former_upn"])
        add(ids, "UPNunknown", "" if person["upn"] else person["upn_unknown_reason"])
        add(ids, "PersonBirthDate", iso(person["date_of_birth"], self.until))
        if person["date_of_birth"] is None or person["date_of_birth"] > self.until:
            add(ids, "ExpectedPersonBirthDate", person["expected_date_of_birth"].isoformat())
        if year.end_year >= 2025:
            add(ids, "Sex", sex_code(person["sex"], year))
        else:
            add(ids, "GenderCurrent", SEX_BEFORE_2025.get(person["sex"], person["sex"]))
        add(ids, "PersonDeathDate", iso(person["date_of_death"], self.until))
        characteristics = ET.SubElement(child, "ChildCharacteristics")
        add(characteristics, "Ethnicity", person["ethnicity"])
        codes = [code.strip() for code in person["disabilities"].split(",") if code.strip()]
        if codes:
            disabilities = ET.SubElement(characteristics, "Disabilities")
            for code in codes:
                add(disabilities, "Disability", code)
        for episode in self.episodes.get(person["pk"], []):
            child.append(self.details(episode))
        return child

    def details(self, episode: dict) -> ET.Element:
        year = self.year
        closed = iso(episode["close_date"], self.until)
        details = ET.Element("CINdetails")
        add(details, "CINreferralDate", iso(episode["referral_date"], self.until))
        add(details, "ReferralSource", episode["referral_source"])
        add(details, "PrimaryNeedCode", episode["primary_need"])
        add(details, "CINclosureDate", closed)
        add(details, "ReasonForClosure", episode["close_reason"] if closed else None)
        plans = self.cp_plans.get(episode["pk"], [])
        # An ICPC is written once: at its section 47 enquiry when that is in the
        # census, otherwise on the episode (rule 2884).
        enquiries = self.enquiries.get(episode["pk"], [])
        initial = [p["icpc_date"] for p in plans if p["started_at"] == INITIAL]
        if initial and not any(self.icpc_dates.get(e["pk"]) for e in enquiries):
            add(details, "DateOfInitialCPC", iso(initial[0], self.until))
        for assessment in self.assessments.get(episode["pk"], []):
            block = ET.SubElement(details, "Assessments")
            add(block, "AssessmentActualStartDate", iso(assessment["start_date"], self.until))
            authorised = iso(assessment["authorised_date"], self.until)
            add(block, "AssessmentAuthorisationDate", authorised)
            if authorised:
                factors = ET.SubElement(block, "FactorsIdentifiedAtAssessment")
                for factor in self.factors.get(assessment["pk"], []):
                    add(factors, "AssessmentFactors", factor)
        for plan in self.cin_plans.get(episode["pk"], []):
            block = ET.SubElement(details, "CINPlanDates")
            add(block, "CINPlanStartDate", iso(plan["start_date"], self.until))
            add(block, "CINPlanEndDate", iso(plan["end_date"], self.until))
        for enquiry in self.enquiries.get(episode["pk"], []):
            block = ET.SubElement(details, "Section47")
            started = enquiry["strategy_discussion__discussion_date"] or enquiry["start_date"]
            add(block, "S47ActualStartDate", iso(started, self.until))
            add(block, "InitialCPCtarget", iso(enquiry["icpc_due_date"], year.end))  # a target
            held = iso(self.icpc_dates.get(enquiry["pk"]), self.until)
            add(block, "DateOfInitialCPC", held)
            ended = iso(enquiry["end_date"], self.until)
            add(
                block,
                "ICPCnotRequired",
                "false"
                if held or not ended
                else ("true" if enquiry["outcome"] != "icpc" else "false"),
            )
        add(details, "ReferralNFA", "true" if episode["nfa"] else "false")
        for plan in plans:
            block = ET.SubElement(details, "ChildProtectionPlans")
            add(block, "CPPstartDate", iso(plan["start_date"], self.until))
            add(block, "CPPendDate", iso(plan["end_date"], self.until))
            add(block, "InitialCategoryOfAbuse", plan["initial_category"])
            add(block, "LatestCategoryOfAbuse", plan["latest_category"])
            add(block, "NumberOfPreviousCPP", str(plan["previous"]))
            reviews = self.cp_reviews.get(plan["pk"], [])
            if reviews:
                block_reviews = ET.SubElement(block, "Reviews")
                for review in reviews:
                    add(block_reviews, "CPPreviewDate", iso(review["conference_date"], self.until))
        return details


def header(year: CollectionYear, now: datetime) -> ET.Element:
    element = ET.Element("Header")
    details = ET.SubElement(element, "CollectionDetails")
    add(details, "Collection", "CIN")
    add(details, "Year", str(year.end_year))
    add(details, "ReferenceDate", year.end.isoformat())
    source = ET.SubElement(element, "Source")
    add(source, "SourceLevel", "L")
    add(source, "LEA", settings.KINFOLIO_LA_CODE)
    add(source, "SoftwareCode", "Kinfolio")
    add(source, "Release", "1")
    add(source, "SerialNo", "001")
    add(source, "DateTime", now.replace(microsecond=0).isoformat())
    return element


def _text(element: ET.Element, level: int) -> str:
    ET.indent(element, space="    ", level=level)
    return "    " * level + ET.tostring(element, encoding="unicode") + "\n"


def export_cin(
    year: CollectionYear,
    out: Path,
    *,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the census to ``out``; return the number of children written."""
    ids = census_child_ids(year)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<Message>\n')
        handle.write(_text(header(year, now), 1))
        handle.write("    <Children>\n")
        done = 0
        for chunk_ids in chunks(ids):
            chunk = CensusChunk(year, chunk_ids, as_at(year, now.date()))
            for child in chunk.children():
                handle.write(_text(child, 2))
            done += len(chunk_ids)
            if progress:
                progress(done, len(ids))
        handle.write("    </Children>\n</Message>\n")
    return len(ids)
