"""Lists 1 to 5: contacts, early help, referrals, assessments, section 47 enquiries and
ICPCs. Each list is one query for its rows plus a
fixed number of grouped queries for per-child figures: no query per row."""

from collections.abc import Iterator

from dateutil.relativedelta import relativedelta
from django.db.models import Count, QuerySet

from kinfolio.assessments.models import Assessment
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.front_door.models import Contact
from kinfolio.inspection.annex_a.formats import (
    CHILD_FIELDS,
    SOURCE,
    Period,
    child_columns,
    disability,
    name,
    yes_no,
)
from kinfolio.inspection.annex_a.queries import open_in, per_child
from kinfolio.protection.models import ChildProtectionConference, Section47Enquiry
from kinfolio.referrals.models import CINEpisode

CHILD = (*CHILD_FIELDS, "child__disabilities")


# List 1: contacts received in the period, one row per contact.
def contacts(period: Period) -> QuerySet:
    return Contact.objects.filter(
        received_at__date__gte=period.start, received_at__date__lte=period.end
    )


def contact_rows(period: Period) -> Iterator[tuple]:
    for row in contacts(period).values(*CHILD_FIELDS, "received_at", "source").iterator():
        yield (*child_columns(row, period), row["received_at"].date(), SOURCE.get(row["source"]))


# List 2: early help episodes (assessments and interventions) open in the period.
def early_help(period: Period) -> QuerySet:
    return EarlyHelpEpisode.objects.filter(open_in(period))


def early_help_rows(period: Period) -> Iterator[tuple]:
    fields = (*CHILD_FIELDS, "start_date", "assessment_date", "team__name")
    for row in early_help(period).values(*fields).iterator():
        yield (
            *child_columns(row, period),
            row["start_date"],
            row["assessment_date"],
            row["team__name"],
        )


# List 3: referrals received in the period, one row per referral.
def referrals(period: Period) -> QuerySet:
    return CINEpisode.objects.filter(referral_date__gte=period.start, referral_date__lte=period.end)


def referral_rows(period: Period) -> Iterator[tuple]:
    qualifying = referrals(period)
    year_before = CINEpisode.objects.filter(
        referral_date__gt=period.end - relativedelta(years=1), referral_date__lte=period.end
    )
    counts = per_child(year_before, qualifying, Count("pk"))
    fields = (*CHILD_FIELDS, "child_id", "referral_date", "referral_source", "nfa")
    fields += ("team__name", "worker__given_name", "worker__family_name")
    for row in qualifying.values(*fields).iterator():
        yield (
            *child_columns(row, period),
            row["referral_date"],
            SOURCE.get(row["referral_source"]),
            yes_no(row["nfa"]),
            counts.get(row["child_id"], 0),
            row["team__name"],
            name(row["worker__given_name"], row["worker__family_name"]),
        )


# List 4: assessments started in the period.
def assessments(period: Period) -> QuerySet:
    return Assessment.objects.filter(start_date__gte=period.start, start_date__lte=period.end)


def assessment_rows(period: Period) -> Iterator[tuple]:
    fields = (*CHILD, "start_date", "child_seen", "authorised_date", "outcome_nfa")
    fields += ("worker__team__name", "worker__given_name", "worker__family_name")
    for row in assessments(period).values(*fields).iterator():
        done = row["authorised_date"] is not None
        yield (
            *child_columns(row, period),
            disability(row["child__disabilities"]),
            row["start_date"],
            yes_no(row["child_seen"]),
            row["authorised_date"],
            yes_no(not row["outcome_nfa"]) if done else None,
            row["worker__team__name"],
            name(row["worker__given_name"], row["worker__family_name"]),
        )


# List 5: section 47 enquiries started in the period, with their ICPC.
def section_47s(period: Period) -> QuerySet:
    return Section47Enquiry.objects.filter(start_date__gte=period.start, start_date__lte=period.end)


def section_47_rows(period: Period) -> Iterator[tuple]:
    qualifying = section_47s(period)
    since = period.end - relativedelta(years=1)
    s47_counts = per_child(
        Section47Enquiry.objects.filter(start_date__gt=since, start_date__lte=period.end),
        qualifying,
        Count("pk"),
    )
    icpcs = ChildProtectionConference.objects.filter(conference_type="initial")
    icpc_counts = per_child(
        icpcs.filter(conference_date__gt=since, conference_date__lte=period.end),
        qualifying,
        Count("pk"),
    )
    conference = {
        c["section47_id"]: c
        for c in icpcs.filter(section47__in=qualifying).values(
            "section47_id", "conference_date", "plan_required"
        )
    }
    fields = (*CHILD, "pk", "child_id", "start_date", "strategy_discussion__discussion_date")
    fields += ("outcome", "worker__team__name", "worker__given_name", "worker__family_name")
    for row in qualifying.values(*fields).iterator():
        icpc = conference.get(row["pk"], {})
        yield (
            *child_columns(row, period),
            disability(row["child__disabilities"]),
            row["strategy_discussion__discussion_date"] or row["start_date"],
            yes_no(row["outcome"] != "icpc") if row["outcome"] else None,
            icpc.get("conference_date"),
            yes_no(icpc.get("plan_required")),
            s47_counts.get(row["child_id"], 0),
            icpc_counts.get(row["child_id"], 0),
            row["worker__team__name"],
            name(row["worker__given_name"], row["worker__family_name"]),
        )
