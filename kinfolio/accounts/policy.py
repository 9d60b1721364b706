"""Every page's access rule, declared once.

Each URL name maps to the permission its view requires and to how the page treats a
child in its URL. ``tests/accounts/test_authorisation_matrix.py`` walks every URL
pattern against this table for every role and fails when a pattern has no entry here,
or when a view's ``permission_required`` disagrees with it.
"""

from dataclasses import dataclass
from enum import StrEnum

from kinfolio.accounts.permissions import Permission


class ChildScope(StrEnum):
    """How a page with a child in its URL finds that child."""

    NONE = "none"  # the page is not about one child
    VISIBLE = "visible"  # through children_visible_to: 404 when the user may not see them
    BREAK_GLASS = "break_glass"  # the user's scope before restrictions: 404 outside it
    ANY = "any"  # anyone, restricted or not: only for the DPO's oversight pages


@dataclass(frozen=True)
class Rule:
    permission: Permission | None
    child_scope: ChildScope = ChildScope.NONE
    public: bool = False  # reachable without signing in (sign-in itself)

    def __post_init__(self) -> None:
        if self.permission is None and self.child_scope != ChildScope.NONE:
            raise ValueError("A page about a child must require a permission")


# Pages any signed-in user may use, about their own account; no permission.
SELF_SERVICE = Rule(permission=None)

POLICY: dict[str, Rule] = {
    # accounts
    "accounts:sign-in": Rule(permission=None, public=True),
    "accounts:sign-out": Rule(permission=None, public=True),
    "accounts:two-factor-setup": SELF_SERVICE,
    "accounts:two-factor-verify": SELF_SERVICE,
    "accounts:keep-alive": SELF_SERVICE,
    # recording: the user's own drafts
    "recording:save-draft": SELF_SERVICE,
    # workforce
    "workforce:my-caseload": Rule(Permission.VIEW_CASELOAD),
    "workforce:teams": Rule(Permission.VIEW_TEAMS),
    "workforce:team": Rule(Permission.VIEW_TEAMS),
    "workforce:my-team": Rule(Permission.VIEW_TEAMS),
    "workforce:compare-teams": Rule(Permission.COMPARE_TEAMS),
    "workforce:team-home": Rule(Permission.VIEW_TEAMS),
    "workforce:team-children": Rule(Permission.VIEW_TEAMS),
    "workforce:transfers": Rule(Permission.ALLOCATE_CASES),
    "workforce:worker": Rule(Permission.VIEW_TEAMS),
    "workforce:worker-leaving": Rule(Permission.ALLOCATE_CASES),
    "workforce:supervision": Rule(Permission.RECORD_OVERSIGHT),
    "workforce:allocate": Rule(Permission.ALLOCATE_CASES, ChildScope.VISIBLE),
    "workforce:end-allocation": Rule(Permission.ALLOCATE_CASES, ChildScope.VISIBLE),
    "workforce:transfer": Rule(Permission.ALLOCATE_CASES, ChildScope.VISIBLE),
    "workforce:case-direction": Rule(Permission.RECORD_OVERSIGHT, ChildScope.VISIBLE),
    # people
    "people:search": Rule(Permission.SEARCH_CHILDREN),
    "people:child": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "people:child-chronology": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "people:child-plans": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "people:child-visits": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "people:child-documents": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "people:child-deadlines": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "people:child-history": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    # casework: case notes
    "casework:case-note-new": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "chronology:key-event-new": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "chronology:export-csv": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "chronology:export-pdf": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "casework:case-note-change": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "casework:document-new": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "casework:document": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    # children in care: coming into care, changes, leaving care
    "children_in_care:become-looked-after": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:care-change": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:cease-care": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:review-held": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:care": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "care_leavers:record": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "care_leavers:status": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "care_leavers:pathway-plan": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "care_leavers:pathway-review": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "care_leavers:birthday": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "care_leavers:staying-put": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "care_leavers:health-history": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:health-assessment": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:dental-check": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:immunisations": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:sdq": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:pep": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:virtual-school-contact": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:missing": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:missing-returned": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:return-interview": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:uasc": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:uasc-end": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "children_in_care:recommendation-done": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "iros:workload": Rule(Permission.VIEW_TEAMS),
    "lado:allegations": Rule(Permission.MANAGE_LADO),
    # fostering: households from enquiry to approval and after; placement search
    "fostering:households": Rule(Permission.MANAGE_CARERS),
    "fostering:household-new": Rule(Permission.MANAGE_CARERS),
    "fostering:household": Rule(Permission.MANAGE_CARERS),
    "fostering:household-assessment": Rule(Permission.MANAGE_CARERS),
    "fostering:household-approval": Rule(Permission.MANAGE_CARERS),
    "fostering:household-review": Rule(Permission.MANAGE_CARERS),
    "fostering:household-availability": Rule(Permission.MANAGE_CARERS),
    "fostering:household-deregister": Rule(Permission.MANAGE_CARERS),
    "fostering:household-close": Rule(Permission.MANAGE_CARERS),
    "fostering:providers": Rule(Permission.MANAGE_CARERS),
    "fostering:provider-new": Rule(Permission.MANAGE_CARERS),
    "fostering:provider": Rule(Permission.MANAGE_CARERS),
    "fostering:provider-edit": Rule(Permission.MANAGE_CARERS),
    "fostering:household-exemption": Rule(Permission.MANAGE_CARERS),
    "fostering:placement-search": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "fostering:private-fostering": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "fostering:private-notify": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "fostering:private-visit": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "fostering:private-end": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    # adoption: adopters through the process; a child's adoption
    "adoption:adopters": Rule(Permission.MANAGE_CARERS),
    "adoption:adopter-new": Rule(Permission.MANAGE_CARERS),
    "adoption:adopter": Rule(Permission.MANAGE_CARERS),
    "adoption:adopter-step": Rule(Permission.MANAGE_CARERS),
    "adoption:adopter-leaving": Rule(Permission.MANAGE_CARERS),
    "adoption:child": Rule(Permission.VIEW_CHILD_RECORD, ChildScope.VISIBLE),
    "adoption:plan-decision": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "adoption:plan-placement-order": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "adoption:plan-match": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "adoption:plan-placed": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "adoption:plan-order": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "adoption:plan-reversed": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE),
    "iros:children": Rule(Permission.VIEW_TEAMS),
    # front door: a partner referrer's own contacts
    "front_door:my-referrals": Rule(Permission.VIEW_OWN_REFERRALS),
    "front_door:send": Rule(Permission.SEND_REFERRALS),
    # the front door (MASH): contacts are reached through children_visible_to
    "mash:queue": Rule(Permission.WORK_FRONT_DOOR),
    "mash:referrers-to-tell": Rule(Permission.WORK_FRONT_DOOR),
    "mash:contact-new": Rule(Permission.WORK_FRONT_DOOR),
    "mash:online-record": Rule(Permission.WORK_FRONT_DOOR),
    "mash:contact": Rule(Permission.WORK_FRONT_DOOR),
    "mash:contact-rag": Rule(Permission.WORK_FRONT_DOOR),
    "mash:contact-decide": Rule(Permission.WORK_FRONT_DOOR),
    "mash:contact-tell": Rule(Permission.WORK_FRONT_DOOR),
    "mash:contact-check-new": Rule(Permission.WORK_FRONT_DOOR),
    "mash:contact-check-response": Rule(Permission.WORK_FRONT_DOOR),
    # referrals, assessments and child protection (issue 13: steps 5 to 8)
    **{
        f"referrals:{name}": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE)
        for name in ("open", "close", "cin-plan-new", "cin-plan-end", "cin-plan-review")
    },
    **{
        f"assessments:{name}": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE)
        for name in ("start", "assessment", "child-seen", "views", "factors", "analysis", "submit")
    },
    "assessments:authorise": Rule(Permission.AUTHORISE_ASSESSMENTS, ChildScope.VISIBLE),
    "assessments:return": Rule(Permission.AUTHORISE_ASSESSMENTS, ChildScope.VISIBLE),
    "assessments:sign-off-queue": Rule(Permission.AUTHORISE_ASSESSMENTS),
    **{
        f"protection:{name}": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE)
        for name in (
            "journey",
            "strategy-new",
            "s47-new",
            "s47-complete",
            "icpc-new",
            "conference",
            "conference-invite",
            "conference-attendance",
            "conference-decision",
            "conference-decision-check",
            "conference-minutes",
            "transfer-in-new",
            "plan",
            "rcpc-new",
            "plan-outcome-new",
            "plan-action-new",
            "plan-action-done",
            "core-group-new",
            "visit-new",
            "plan-end",
        )
    },
    # early help (issue 13, step 4)
    **{
        f"early_help:{name}": Rule(Permission.RECORD_CASEWORK, ChildScope.VISIBLE)
        for name in (
            "start",
            "episode",
            "assessment",
            "lead-practitioner",
            "member-new",
            "review-new",
            "close",
            "close-check",
            "step-up",
            "step-up-check",
            "step-down",
            "step-down-check",
        )
    },
    # performance: aggregates and pseudonymised lists
    "performance:caseload-summary": Rule(Permission.VIEW_AGGREGATES),
    "performance:indicators": Rule(Permission.VIEW_INDICATORS),
    "performance:dashboard": Rule(Permission.VIEW_INDICATORS),
    "performance:service-dashboard": Rule(Permission.VIEW_INDICATORS),
    "performance:team-dashboard": Rule(Permission.VIEW_INDICATORS),
    "performance:plan": Rule(Permission.VIEW_INDICATORS),
    "performance:commitment": Rule(Permission.VIEW_INDICATORS),
    "performance:indicator-chart": Rule(Permission.VIEW_INDICATORS),
    "performance:export": Rule(Permission.VIEW_INDICATORS),
    "performance:pack": Rule(Permission.VIEW_INDICATORS),
    "performance:indicator": Rule(Permission.VIEW_INDICATORS),
    "performance:indicator-rows": Rule(Permission.VIEW_INDICATORS),
    "performance:collected": Rule(Permission.VIEW_INDICATORS),
    "performance:collected-indicator": Rule(Permission.VIEW_INDICATORS),
    "performance:enter-collected": Rule(Permission.ENTER_COLLECTED_VALUES),
    "performance:import-collected": Rule(Permission.ENTER_COLLECTED_VALUES),
    # inspection readiness: history, action plans
    "inspection:history": Rule(Permission.VIEW_INSPECTION),
    "inspection:action-plan": Rule(Permission.VIEW_INSPECTION),
    "inspection:recommendation": Rule(Permission.VIEW_INSPECTION),
    "inspection:action": Rule(Permission.VIEW_INSPECTION),
    "inspection:self-evaluation": Rule(Permission.VIEW_INSPECTION),
    "inspection:home": Rule(Permission.VIEW_INSPECTION),
    "inspection:inspector-annex-a": Rule(Permission.INSPECT_PERIOD),
    "inspection:inspectors": Rule(Permission.MANAGE_INSPECTOR_ACCESS),
    "inspection:annex-a": Rule(Permission.PRODUCE_ANNEX_A),
    "inspection:annex-a-run": Rule(Permission.PRODUCE_ANNEX_A),
    "inspection:annex-a-download": Rule(Permission.PRODUCE_ANNEX_A),
    # statutory returns
    "returns:index": Rule(Permission.MANAGE_RETURNS),
    "returns:validate": Rule(Permission.MANAGE_RETURNS),
    "returns:run": Rule(Permission.MANAGE_RETURNS),
    "returns:download": Rule(Permission.MANAGE_RETURNS),
    "returns:import": Rule(Permission.MANAGE_RETURNS),
    "returns:import-confirm": Rule(Permission.MANAGE_RETURNS),
    # case file audits
    "quality_assurance:audits": Rule(Permission.CONDUCT_AUDITS),
    "quality_assurance:sample-new": Rule(Permission.MANAGE_AUDITS),
    "quality_assurance:audit": Rule(Permission.CONDUCT_AUDITS, ChildScope.VISIBLE),
    "quality_assurance:moderation": Rule(Permission.VIEW_INSPECTION),
    # timescales
    "timescales:mine": Rule(Permission.VIEW_CASELOAD),
    "timescales:team": Rule(Permission.VIEW_TEAMS),
    "timescales:rules": Rule(Permission.MANAGE_TIMESCALES),
    "timescales:rule-new-version": Rule(Permission.MANAGE_TIMESCALES),
    "timescales:terms": Rule(Permission.MANAGE_TIMESCALES),
    "timescales:term-new": Rule(Permission.MANAGE_TIMESCALES),
    # notifications: everyone's own
    "notifications:list": SELF_SERVICE,
    "notifications:mark-all-read": SELF_SERVICE,
    # audit
    "audit:break-glass": Rule(Permission.BREAK_GLASS, ChildScope.BREAK_GLASS),
    "audit:child-access": Rule(Permission.VIEW_ACCESS_LOG, ChildScope.ANY),
    "audit:subject-access-find": Rule(Permission.EXPORT_SUBJECT_ACCESS),
    "audit:subject-access": Rule(Permission.EXPORT_SUBJECT_ACCESS, ChildScope.ANY),
    "audit:unusual-access": Rule(Permission.VIEW_ACCESS_LOG),
    "audit:retention": Rule(Permission.VIEW_RETENTION_REVIEW),
}
