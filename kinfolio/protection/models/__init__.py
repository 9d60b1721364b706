"""Child protection: strategy discussions, section 47 enquiries, conferences and plans.

The journey runs strategy discussion → section 47 enquiry → initial child protection
conference (ICPC) → child protection plan, reviewed at review conferences and worked
through core group meetings (Working Together 2023).
"""

from kinfolio.protection.models.conferences import ChildProtectionConference, ConferenceInvitee
from kinfolio.protection.models.enquiries import (
    Section47Enquiry,
    StrategyDiscussion,
    StrategyDiscussionAttendee,
)
from kinfolio.protection.models.plan_content import PlanAction, PlanOutcome
from kinfolio.protection.models.plans import (
    ChildProtectionPlan,
    CoreGroupMeeting,
    CPPlanEndReason,
)

__all__ = [
    "CPPlanEndReason",
    "ChildProtectionConference",
    "ChildProtectionPlan",
    "ConferenceInvitee",
    "CoreGroupMeeting",
    "PlanAction",
    "PlanOutcome",
    "Section47Enquiry",
    "StrategyDiscussion",
    "StrategyDiscussionAttendee",
]
