"""Loads every row of DOMAIN.md's table of statutory and common local timescales as the
default rules, with the sources that table gives ("WT 2023" written out as Working
Together 2023, "CPPCR Regs 2010" as CPPCR Regulations 2010). ``notes`` keeps the table's
wording of the timescale. The rows take effect from 1 January 2012, the first day the
bundled bank holiday data covers; a council changes a rule by adding a later version.

The data is written out here, not imported, so that the migration means the same
thing whatever the code becomes.
"""

import datetime

from django.db import migrations

FROM = datetime.date(2012, 1, 1)
WT = "Working Together 2023"
CPPCR = "CPPCR Regulations 2010"
HEALTH = "health guidance 2015"
PF = "PF regulations 2005"

# key, name, start event, stop event, interval, unit, before, source, notes, reporting only
RULES = [
    ("contact_decision_1wd", "Decision on a contact", "contact_received", "contact_decided",
     1, "working_days", False, WT, "decision on a contact/referral: 1 working day", False),
    ("referrer_informed_3wd", "Referrer told the outcome", "contact_decided",
     "referrer_informed", 3, "working_days", False,
     f"{WT}; Ofsted (2012) criticised delays",
     "promptly (local: within 1–3 WD); Kinfolio's default is the end of that range", False),
    ("assessment_45wd", "Child and family assessment", "referral", "assessment_authorised",
     45, "working_days", False, WT, "≤45 working days from referral", False),
    ("icpc_15wd", "Initial child protection conference", "strategy_discussion",
     "initial_conference", 15, "working_days", False, WT,
     "≤15 working days from the strategy discussion that started the s47", False),
    ("core_group_first_10wd", "First core group meeting", "initial_conference", "core_group",
     10, "working_days", False, WT, "≤10 working days after ICPC", False),
    ("rcpc_first_3m", "First review child protection conference", "initial_conference",
     "review_conference", 3, "months", False, WT, "≤3 months after ICPC; then ≤6 months",
     False),
    ("rcpc_subsequent_6m", "Later review child protection conference", "review_conference",
     "review_conference", 6, "months", False, WT, "≤3 months after ICPC; then ≤6 months",
     False),
    ("cp_visit_10wd", "Child protection visit", "cp_plan_or_visit", "cp_visit", 10,
     "working_days", False, "local", "local, commonly every 10 working days", False),
    ("conference_invitations_5wd", "Conference invitations sent", "conference",
     "invitations_sent", 5, "working_days", True,
     "local (Ofsted (2012) criticised late invitations)",
     "local lead time (e.g. invites ≥5 WD, reports ≥2 WD before)", False),
    ("conference_reports_2wd", "Conference reports shared with the family", "conference",
     "reports_shared", 2, "working_days", True,
     "local (Ofsted (2012) criticised late invitations)",
     "local lead time (e.g. invites ≥5 WD, reports ≥2 WD before)", False),
    ("conference_minutes_15wd", "Conference minutes distributed", "conference",
     "minutes_distributed", 15, "working_days", False, "local (Ofsted (2012) criticised delays)",
     "local (e.g. ≤15 WD)", False),
    ("lac_review_first_20wd", "First looked after review", "looked_after", "lac_review", 20,
     "working_days", False, CPPCR, "≤20 working days after becoming looked after", False),
    ("lac_review_second_3m", "Second looked after review", "lac_review", "lac_review", 3,
     "months", False, CPPCR, "≤3 months after the first; then ≤6 months", False),
    ("lac_review_subsequent_6m", "Later looked after review", "lac_review", "lac_review", 6,
     "months", False, CPPCR, "≤3 months after the first; then ≤6 months", False),
    ("lac_visit_first_1w", "First statutory visit in a placement", "placement", "lac_visit",
     1, "weeks", False, CPPCR, "within 1 week of placement", False),
    ("lac_visit_first_year_6w", "Statutory visit, first year of placement", "lac_visit",
     "lac_visit", 6, "weeks", False, CPPCR, "then ≤6 weeks in the first year", False),
    ("lac_visit_3m", "Statutory visit after the first year", "lac_visit", "lac_visit", 3,
     "months", False, CPPCR, "then ≤3 months", False),
    ("lac_visit_long_term_6m", "Statutory visit, approved long-term placement", "lac_visit",
     "lac_visit", 6, "months", False, CPPCR,
     "≤6 months in an approved long-term placement (Kinfolio reads placement types U1 and "
     "U4, long-term fostering, as approved long-term placements)", False),
    ("initial_health_assessment_20wd", "Initial health assessment", "looked_after",
     "initial_health_assessment", 20, "working_days", False, HEALTH,
     "in time for the first review (≤20 WD)", False),
    ("initial_health_assessment_28wd", "Initial health assessment (local KPI)",
     "looked_after", "initial_health_assessment", 28, "working_days", False,
     "Children and Families Plan 2015/16 local KPI", "Children and Families Plan 2015/16 local KPI: ≤28 WD", True),
    ("review_health_assessment_under5_6m", "Review health assessment (under 5)",
     "health_assessment", "review_health_assessment", 6, "months", False, HEALTH,
     "6-monthly under 5", False),
    ("review_health_assessment_5plus_12m", "Review health assessment (5 and over)",
     "health_assessment", "review_health_assessment", 12, "months", False, HEALTH,
     "annually 5+", False),
    ("pep_20sd", "Personal education plan", "looked_after", "pep", 20, "school_days", False,
     "virtual school guidance", "in place within 20 school days / by the first review",
     False),
    ("return_interview_72h", "Return home interview", "returned_from_missing",
     "return_interview_offered", 72, "hours", False, "missing children guidance 2014",
     "≤72 hours", False),
    ("pathway_plan_16_3m", "Pathway plan in place", "sixteenth_birthday", "pathway_plan", 3,
     "months", False, "care leavers regulations", "by 16¼", False),
    ("pathway_plan_review_6m", "Pathway plan review", "pathway_plan_or_review",
     "pathway_plan_review", 6, "months", False, "care leavers regulations",
     "reviewed ≤6 months", False),
    ("private_fostering_first_visit_7wd", "First private fostering visit",
     "private_fostering_notified", "private_fostering_visit", 7, "working_days", False, PF,
     "≤7 working days of notification", False),
    ("private_fostering_visit_first_year_6w", "Private fostering visit, first year",
     "private_fostering_visit", "private_fostering_visit", 6, "weeks", False, PF,
     "then ≤6 weeks (yr 1)", False),
    ("private_fostering_visit_12w", "Private fostering visit after the first year",
     "private_fostering_visit", "private_fostering_visit", 12, "weeks", False, PF,
     "≤12 weeks", False),
    ("care_proceedings_26w", "Care proceedings", "proceedings_issued", "proceedings_concluded",
     26, "weeks", False, "Children and Families Act 2014", "≤26 weeks", False),
]


def load(apps, schema_editor):
    TimescaleRule = apps.get_model("timescales", "TimescaleRule")
    TimescaleRule.objects.bulk_create(
        TimescaleRule(key=key, name=name, start_event=start, stop_event=stop,
                      interval=interval, unit=unit, before=before, source=source,
                      notes=notes, reporting_only=reporting, effective_from=FROM)
        for key, name, start, stop, interval, unit, before, source, notes, reporting in RULES
    )


def unload(apps, schema_editor):
    TimescaleRule = apps.get_model("timescales", "TimescaleRule")
    keys = [row[0] for row in RULES]
    TimescaleRule.objects.filter(key__in=keys, effective_from=FROM).delete()


class Migration(migrations.Migration):
    dependencies = [("timescales", "0002_rules_and_notifications")]
    operations = [migrations.RunPython(load, unload)]
