from django.urls import path

from kinfolio.protection.views import conferences, enquiries, plans

app_name = "protection"
C = "<str:local_id>/conferences/<int:conference_id>/"
P = "<str:local_id>/child-protection-plans/<int:plan_id>/"
urlpatterns = [
    path("<str:local_id>/referral-and-protection/", enquiries.journey, name="journey"),
    path(
        "<str:local_id>/referrals/<int:episode_id>/strategy-discussion/new/",
        enquiries.new_discussion,
        name="strategy-new",
    ),
    path(
        "<str:local_id>/referrals/<int:episode_id>/section-47/new/",
        enquiries.new_enquiry,
        name="s47-new",
    ),
    path(
        "<str:local_id>/section-47/<int:enquiry_id>/complete/",
        enquiries.complete_enquiry,
        name="s47-complete",
    ),
    path(
        "<str:local_id>/section-47/<int:enquiry_id>/conference/new/",
        conferences.book_initial,
        name="icpc-new",
    ),
    path(
        "<str:local_id>/conferences/transfer-in/new/",
        conferences.book_transfer_in,
        name="transfer-in-new",
    ),
    path(C, conferences.conference, name="conference"),
    path(C + "invitations/", conferences.part, {"name": "invite"}, name="conference-invite"),
    path(C + "attendance/", conferences.part, {"name": "attendance"}, name="conference-attendance"),
    path(C + "decision/", conferences.part, {"name": "decision"}, name="conference-decision"),
    path(C + "decision/check/", conferences.decision_check, name="conference-decision-check"),
    path(C + "minutes/", conferences.part, {"name": "minutes"}, name="conference-minutes"),
    path(P, plans.plan, name="plan"),
    path(P + "review/new/", conferences.book_review, name="rcpc-new"),
    path(P + "outcomes/new/", plans.add_outcome, name="plan-outcome-new"),
    path(P + "outcomes/<int:outcome_id>/actions/new/", plans.add_action, name="plan-action-new"),
    path(P + "actions/<int:plan_action_id>/done/", plans.complete_action, name="plan-action-done"),
    path(P + "core-groups/new/", plans.add_core_group, name="core-group-new"),
    path(P + "visits/new/", plans.add_visit, name="visit-new"),
    path(P + "end/", plans.end_plan, name="plan-end"),
]
