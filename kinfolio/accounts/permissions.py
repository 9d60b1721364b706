"""What each role may do: one enum of permissions and the grants of each role.

Views check a permission with ``permission_required``; which *children* a user may
see is a separate question answered by ``people.selectors.children_visible_to``.
"""

from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.core.exceptions import PermissionDenied

from kinfolio.accounts.models import Role, User


class Permission(StrEnum):
    VIEW_CASELOAD = "view_caseload"
    VIEW_CHILD_RECORD = "view_child_record"
    SEARCH_CHILDREN = "search_children"
    VIEW_TEAMS = "view_teams"
    BREAK_GLASS = "break_glass"
    VIEW_ACCESS_LOG = "view_access_log"
    MANAGE_TIMESCALES = "manage_timescales"
    EXPORT_SUBJECT_ACCESS = "export_subject_access"
    VIEW_RETENTION_REVIEW = "view_retention_review"
    VIEW_OWN_REFERRALS = "view_own_referrals"  # a partner's own contacts and what they were told
    MANAGE_LADO = "manage_lado"  # allegations about adults who work with children
    VIEW_AGGREGATES = "view_aggregates"  # counts and pseudonymised lists, never a record
    MANAGE_RETURNS = "manage_returns"  # make, validate and import the DfE's statutory returns
    VIEW_INSPECTION = "view_inspection"  # inspection history, action plans, audits, Annex A
    MANAGE_ACTION_PLANS = "manage_action_plans"  # owners and actions of inspection plans
    CONDUCT_AUDITS = "conduct_audits"  # grade and moderate case file audits
    MANAGE_AUDITS = "manage_audits"  # draw audit samples
    PRODUCE_ANNEX_A = "produce_annex_a"  # Ofsted's child-level lists, as a workbook
    MANAGE_INSPECTOR_ACCESS = "manage_inspector_access"  # time-limited inspector accounts
    INSPECT_PERIOD = "inspect_period"  # an inspector's workbooks for the period inspected
    RECORD_CASEWORK = "record_casework"  # write on a visible child's record (recording pattern)
    WORK_FRONT_DOOR = "work_front_door"  # the front door queue, contacts and their decisions
    SEND_REFERRALS = "send_referrals"  # a partner sends a contact through the portal
    AUTHORISE_ASSESSMENTS = "authorise_assessments"  # a manager's sign-off of an assessment
    VIEW_INDICATORS = "view_indicators"  # indicators, dashboards; children behind a figure
    ALLOCATE_CASES = "allocate_cases"  # allocate, reallocate, end; transfers; leaving dates
    RECORD_OVERSIGHT = "record_oversight"  # supervision and case direction
    COMPARE_TEAMS = "compare_teams"  # the service manager's and director's comparison
    ENTER_COLLECTED_VALUES = "enter_collected_values"  # indicators' figures from elsewhere
    MANAGE_CARERS = "manage_carers"  # foster households and adopters: assessment to approval


CASEWORK = frozenset(
    {
        Permission.VIEW_CASELOAD,
        Permission.VIEW_CHILD_RECORD,
        Permission.SEARCH_CHILDREN,
        Permission.VIEW_TEAMS,
        Permission.BREAK_GLASS,
        Permission.RECORD_CASEWORK,
    }
)
# Those who answer for the council's improvement plan: they assign and write actions.
INSPECTION_READINESS = frozenset(
    {
        Permission.VIEW_INSPECTION,
        Permission.MANAGE_ACTION_PLANS,
        Permission.CONDUCT_AUDITS,
        Permission.MANAGE_AUDITS,
        Permission.PRODUCE_ANNEX_A,
        Permission.MANAGE_INSPECTOR_ACCESS,
    }
)
# Managers sign off the assessments of the workers they manage, decide who holds each
# child, and record supervision and case direction.
MANAGING = CASEWORK | {
    Permission.AUTHORISE_ASSESSMENTS,
    Permission.ALLOCATE_CASES,
    Permission.RECORD_OVERSIGHT,
}
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.SOCIAL_WORKER: CASEWORK,
    Role.SENIOR_PRACTITIONER: CASEWORK,
    Role.TEAM_MANAGER: MANAGING | {Permission.VIEW_INSPECTION, Permission.VIEW_INDICATORS},
    Role.IRO: CASEWORK,
    Role.MASH_WORKER: CASEWORK | {Permission.WORK_FRONT_DOOR},
    Role.EARLY_HELP_WORKER: CASEWORK,
    Role.PERSONAL_ADVISER: CASEWORK,
    Role.FOSTERING_ADOPTION_WORKER: CASEWORK | {Permission.MANAGE_CARERS},
    Role.SERVICE_MANAGER: MANAGING
    | {
        Permission.MANAGE_TIMESCALES,
        Permission.VIEW_AGGREGATES,
        Permission.MANAGE_RETURNS,
        Permission.VIEW_INDICATORS,
        Permission.WORK_FRONT_DOOR,
        Permission.COMPARE_TEAMS,
        Permission.MANAGE_CARERS,
    }
    | INSPECTION_READINESS,
    Role.DIRECTOR: CASEWORK
    | {
        Permission.VIEW_AGGREGATES,
        Permission.MANAGE_RETURNS,
        Permission.VIEW_INDICATORS,
        Permission.COMPARE_TEAMS,
    }
    | INSPECTION_READINESS,
    Role.LADO: frozenset({Permission.VIEW_CASELOAD, Permission.MANAGE_LADO}),
    Role.BUSINESS_SUPPORT: frozenset({Permission.VIEW_TEAMS}),
    Role.PERFORMANCE_ANALYST: frozenset(
        {
            Permission.VIEW_TEAMS,
            Permission.VIEW_AGGREGATES,
            Permission.VIEW_INSPECTION,
            Permission.MANAGE_RETURNS,
            Permission.VIEW_INDICATORS,
            Permission.ENTER_COLLECTED_VALUES,
        }
    ),
    Role.PARTNER_REFERRER: frozenset({Permission.VIEW_OWN_REFERRALS, Permission.SEND_REFERRALS}),
    Role.INSPECTOR: frozenset({Permission.VIEW_INSPECTION, Permission.INSPECT_PERIOD}),
    Role.ADMINISTRATOR: frozenset(
        {Permission.VIEW_TEAMS, Permission.MANAGE_TIMESCALES, Permission.VIEW_RETENTION_REVIEW}
    ),
    Role.DATA_PROTECTION_OFFICER: frozenset(
        {
            Permission.VIEW_ACCESS_LOG,
            Permission.EXPORT_SUBJECT_ACCESS,
            Permission.VIEW_RETENTION_REVIEW,
        }
    ),
}

# Roles whose work spans every child: the front door must check any child's history.
SEES_ALL_CHILDREN = frozenset({Role.MASH_WORKER, Role.SERVICE_MANAGER, Role.DIRECTOR})
# Roles that see the children of their own service's teams.
SEES_OWN_SERVICE = frozenset(
    {
        Role.SOCIAL_WORKER,
        Role.SENIOR_PRACTITIONER,
        Role.TEAM_MANAGER,
        Role.IRO,
        Role.EARLY_HELP_WORKER,
        Role.PERSONAL_ADVISER,
        Role.FOSTERING_ADOPTION_WORKER,
    }
)


def has_permission(user: User, permission: Permission) -> bool:
    if not user.is_authenticated or not user.is_active or user.access_has_expired:
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())


def permission_required(permission: Permission) -> Callable:
    """Refuse (403) a signed-in user without the permission; never redirect."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_permission(request.user, permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator
