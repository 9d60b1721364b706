"""The events that start and stop statutory clocks, and the units intervals are counted in.

A ``TimescaleRule`` names its start and stop events from ``EVENTS``; the clock
functions in ``clocks`` find those events in the records. Labels read after "from" or
"until" in an explanation: "45 working days from the referral on 20 Dec 2024".
"""

from django.db import models


class Unit(models.TextChoices):
    WORKING_DAYS = "working_days", "working days"
    CALENDAR_DAYS = "calendar_days", "calendar days"
    SCHOOL_DAYS = "school_days", "school days"
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"
    HOURS = "hours", "hours"


EVENTS: dict[str, str] = {
    "contact_received": "the contact",
    "contact_decided": "the decision on the contact",
    "referrer_informed": "the referrer being told the outcome",
    "referral": "the referral",
    "assessment_authorised": "the assessment being authorised",
    "strategy_discussion": "the strategy discussion",
    "initial_conference": "the initial child protection conference",
    "review_conference": "the review child protection conference",
    "conference": "the child protection conference",
    "invitations_sent": "the invitations being sent",
    "reports_shared": "the reports being shared with the family",
    "minutes_distributed": "the minutes being distributed",
    "core_group": "the core group meeting",
    "cp_plan_or_visit": "the start of the plan or the last child protection visit",
    "cp_visit": "the child protection visit",
    "looked_after": "becoming looked after",
    "lac_review": "the looked after review",
    "placement": "the placement starting",
    "lac_visit": "the looked after visit",
    "initial_health_assessment": "the initial health assessment",
    "health_assessment": "the last health assessment",
    "review_health_assessment": "the review health assessment",
    "pep": "the personal education plan being agreed",
    "returned_from_missing": "the return from missing",
    "return_interview_offered": "the return home interview being offered",
    "sixteenth_birthday": "the 16th birthday (or becoming an eligible child after it)",
    "pathway_plan": "the pathway plan being agreed",
    "pathway_plan_or_review": "the pathway plan or its last review",
    "pathway_plan_review": "the pathway plan review",
    "private_fostering_notified": "the notification of private fostering",
    "private_fostering_visit": "the private fostering visit",
    "proceedings_issued": "care proceedings being issued",
    "proceedings_concluded": "care proceedings concluding",
}


def event_label(key: str) -> str:
    return EVENTS.get(key, key.replace("_", " "))
