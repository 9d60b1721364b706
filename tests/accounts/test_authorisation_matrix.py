"""Every URL × every role × (own team's child, other service's child, restricted child).

The expected answer comes from ``kinfolio.accounts.policy.POLICY`` (which permission a
page needs and how it finds a child) and from the explicit table of what each role's
scope is below. A URL pattern with no policy entry fails the test.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kinfolio.accounts.models import Role
from kinfolio.accounts.permissions import ROLE_PERMISSIONS
from kinfolio.accounts.policy import POLICY, ChildScope
from kinfolio.adoption.models import AdopterHousehold
from kinfolio.audit.services import restrict_record
from kinfolio.children_in_care.models import PlacementProvider
from kinfolio.fostering.models import FosterHousehold
from kinfolio.front_door.models import Contact, OnlineReferral, PartnerCheck
from kinfolio.performance.models import Plan
from kinfolio.timescales.models import TimescaleRule
from kinfolio.workforce.models import Allocation
from tests.factories import (
    CaseNoteFactory,
    ChildFactory,
    ContactFactory,
    D,
    DocumentFactory,
    EarlyHelpEpisodeFactory,
    OnlineReferralFactory,
    PartnerCheckFactory,
    ServiceFactory,
    TeamFactory,
)
from tests.factories_accounts import UserFactory, staff
from tests.factories_care import (
    AdopterHouseholdFactory,
    AdoptionPlanFactory,
    FosterHouseholdFactory,
    LACReviewFactory,
    MissingEpisodeFactory,
    PathwayPlanReviewFactory,
    PeriodOfCareFactory,
    PlacementProviderFactory,
    PrivateFosteringArrangementFactory,
    ReviewRecommendationFactory,
    UASCStatusFactory,
)
from tests.inspection.factories import inspection_url_values
from tests.protection.factories import protection_url_values
from tests.returns.factories import returns_url_values

OWN, OTHER, RESTRICTED = "own team's child", "other service's child", "restricted child"
CHILD_KINDS = (OWN, OTHER, RESTRICTED)
ANONYMOUS = "anonymous"

# Which children each role may see, written out rather than derived from the code under
# test. Nobody here is named on the restriction, so no role sees the restricted child.
SCOPE: dict[str, frozenset[str]] = {
    Role.SOCIAL_WORKER: frozenset({OWN}),
    Role.SENIOR_PRACTITIONER: frozenset({OWN}),
    Role.TEAM_MANAGER: frozenset({OWN}),
    Role.IRO: frozenset({OWN}),
    Role.MASH_WORKER: frozenset({OWN, OTHER}),
    Role.EARLY_HELP_WORKER: frozenset({OWN}),
    Role.PERSONAL_ADVISER: frozenset({OWN}),
    Role.FOSTERING_ADOPTION_WORKER: frozenset({OWN}),
    Role.LADO: frozenset(),
    Role.BUSINESS_SUPPORT: frozenset(),
    Role.SERVICE_MANAGER: frozenset({OWN, OTHER}),
    Role.DIRECTOR: frozenset({OWN, OTHER}),
    Role.PERFORMANCE_ANALYST: frozenset(),
    Role.PARTNER_REFERRER: frozenset(),
    Role.INSPECTOR: frozenset(),
    Role.ADMINISTRATOR: frozenset(),
    Role.DATA_PROTECTION_OFFICER: frozenset(),
}
# What a signed-in user gets from a self-service account page (no permission needed).
SELF_SERVICE_STATUS: dict[str, int] = {
    "accounts:two-factor-setup": 200,  # no device yet: the setup page
    "accounts:two-factor-verify": 302,  # no device yet: sent to set one up
    "accounts:keep-alive": 204,  # the session is touched; nothing to show
    "recording:save-draft": 405,  # POST only (the recording forms' script)
    "notifications:list": 200,
    "notifications:mark-all-read": 405,  # POST only
}


def walk(resolver: URLResolver, namespace: str = "", prefix: str = ""):
    """(qualified name, route, callback) for every pattern, through every include()."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry.callback


PATTERNS = list(walk(get_resolver()))


def assert_every_pattern_has_a_rule() -> None:
    missing = [f"{name} ({route})" for name, route, _ in PATTERNS if name not in POLICY]
    assert not missing, f"Add these URL names to kinfolio.accounts.policy.POLICY: {missing}"


def test_every_url_pattern_has_a_policy_entry():
    assert_every_pattern_has_a_rule()
    unused = set(POLICY) - {name for name, _, _ in PATTERNS}
    assert not unused, f"Policy entries with no URL pattern: {sorted(unused)}"


def test_every_view_carries_the_permission_its_policy_names():
    assert_every_pattern_has_a_rule()
    for name, _, callback in PATTERNS:
        rule = POLICY[name]
        declared = getattr(callback, "required_permission", None)
        if rule.permission is None:
            assert declared is None, f"{name} checks {declared} but its policy says none"
        else:
            assert declared == rule.permission, (
                f"{name}: view requires {declared}, policy says {rule.permission}"
            )


def expected(name: str, role: str, kind: str) -> int:
    rule = POLICY[name]
    if role == ANONYMOUS:
        return 302
    if rule.permission is None:
        return SELF_SERVICE_STATUS[name]
    if rule.permission not in ROLE_PERMISSIONS[role]:
        return 403
    visible = SCOPE[role]
    if rule.child_scope == ChildScope.VISIBLE:
        if kind in visible:
            return 200
        # A restricted record in the user's scope says so and offers break-glass.
        return 403 if kind == RESTRICTED and OWN in visible else 404
    if rule.child_scope == ChildScope.BREAK_GLASS:
        if kind in visible:
            return 302  # already open to them: straight to the record
        return 200 if kind == RESTRICTED and OWN in visible else 404
    return 200


@pytest.fixture
def world(db):
    own_team = TeamFactory(service=ServiceFactory(name="Safeguarding"))
    other_team = TeamFactory(service=ServiceFactory(name="Children in care"))
    children = {kind: ChildFactory() for kind in CHILD_KINDS}
    for kind, team in ((OWN, own_team), (OTHER, other_team), (RESTRICTED, own_team)):
        Allocation.objects.create(
            child=children[kind], role="social_worker", team=team, start_date=D(2025, 1, 6)
        )
    named = UserFactory(role=Role.SOCIAL_WORKER)
    restrict_record(
        child=children[RESTRICTED],
        reason="Child of a staff member",
        allowed_users=[named],
        by=None,
    )
    users = {role: staff(role, team=own_team) for role in Role}
    for child in children.values():
        records_for_urls(child)
    shared_records_for_urls(about=children[OWN])
    return {"children": children, "users": users, "team": own_team}


def records_for_urls(child) -> None:
    """A record of each kind that a URL names besides the child (``url_for`` below), so
    every page can be reached for this child (tests/security walks the same URLs)."""
    CaseNoteFactory(child=child)
    DocumentFactory(child=child)
    period = PeriodOfCareFactory(child=child)
    # an open period of care with a review to hold, and an earlier one held
    LACReviewFactory(period=period, review_date=None, participation="", chair=None)
    held = LACReviewFactory(period=period, due_date=D(2020, 6, 1), review_date=D(2020, 6, 1))
    ReviewRecommendationFactory(review=held)
    MissingEpisodeFactory(child=child)
    UASCStatusFactory(child=child)
    PathwayPlanReviewFactory(plan__child=child)
    AdoptionPlanFactory(child=child)
    PrivateFosteringArrangementFactory(child=child)
    EarlyHelpEpisodeFactory(child=child)  # open


def shared_records_for_urls(*, about) -> None:
    """Records a URL names that are not one child's own (``url_for`` takes the first)."""
    PartnerCheckFactory(contact=ContactFactory(child=about))
    OnlineReferralFactory()
    FosterHouseholdFactory()
    AdopterHouseholdFactory()
    PlacementProviderFactory()


def url_for(name: str, route: str, child, team) -> str:
    """The URL with every parameter filled: a child of the given kind, the own team, and
    an existing row for anything else."""
    values = _url_values(child, team)
    kwargs = {}
    for part in route.split("<")[1:]:
        key = part.split(">")[0].split(":")[-1]
        # A name two apps give different records is kept under the app's own name.
        own = f"{name.split(':')[0]}:{key}"
        assert own in values or key in values, f"{name}: the matrix cannot fill <{key}>"
        kwargs[key] = values[own] if own in values else values[key]
    return reverse(name, kwargs=kwargs)


def _url_values(child, team) -> dict:
    """Every value a URL may name, read (and made, the first time) once per child and
    team in a test: a walk fills thousands of URLs, and reading them all for each was
    most of its time. Kept on the test's own child object, so no test sees another's."""
    made = child.__dict__.setdefault("_url_values", {})
    if team.pk not in made:
        made[team.pk] = _read_url_values(child, team)
    return made[team.pk]


def _read_url_values(child, team) -> dict:
    inspection = inspection_url_values(child)
    return {
        "inspection:recommendation_id": inspection.pop("recommendation_id"),
        "local_id": child.local_id,
        "team_id": team.pk,
        "worker_id": team.workers.order_by("pk").values_list("pk", flat=True).first(),
        "key": TimescaleRule.objects.values_list("key", flat=True).first(),
        **inspection,
        "indicator_id": "referrals",
        "collected_id": "population_0_17",
        "period": "2024-25",
        "part": "numerator",
        "service_id": team.service_id,
        "performance_plan_id": Plan.objects.values_list("pk", flat=True).first(),
        "number": 1,
        "fmt": "csv",
        # Records that belong to the child in the URL.
        "note_id": child.case_notes.values_list("pk", flat=True).first(),
        "document_id": child.documents.values_list("pk", flat=True).first(),
        "contact_id": Contact.objects.values_list("pk", flat=True).first(),
        "check_id": PartnerCheck.objects.values_list("pk", flat=True).first(),
        "referral_id": OnlineReferral.objects.values_list("pk", flat=True).first(),
        **returns_url_values(),
        "period_id": child.periods_of_care.values_list("pk", flat=True).first(),
        "household_id": FosterHousehold.objects.values_list("pk", flat=True).first(),
        "provider_id": PlacementProvider.objects.values_list("pk", flat=True).first(),
        "adopter_id": AdopterHousehold.objects.values_list("pk", flat=True).first(),
        "adoption_plan_id": child.adoption_plans.values_list("pk", flat=True).first(),
        "arrangement_id": child.private_fostering_arrangements.values_list("pk", flat=True).first(),
        "review_id": child.lac_reviews.values_list("pk", flat=True).first(),
        "recommendation_id": child.review_recommendations.values_list("pk", flat=True).first(),
        "missing_id": child.missing_episodes.values_list("pk", flat=True).first(),
        "uasc_id": child.uasc_statuses.values_list("pk", flat=True).first(),
        "pathway_review_id": child.pathway_plans.values_list("reviews__pk", flat=True).first(),
        **protection_url_values(child),
        "early_help_id": child.early_help_episodes.values_list("pk", flat=True).first(),
    }


@pytest.mark.walk
@pytest.mark.parametrize("role", [ANONYMOUS, *Role])  # one test a role: xdist shares them out
def test_authorisation_matrix(client, world, role):
    assert_every_pattern_has_a_rule()
    checked, wrong = 0, []
    private = [(n, r) for n, r, _ in PATTERNS if not POLICY[n].public]
    if role != ANONYMOUS:
        client.force_login(world["users"][role])
    statuses = {}  # a page naming no child is the same URL for each kind: asked once
    for name, route in private:
        for kind in CHILD_KINDS:
            url = url_for(name, route, world["children"][kind], world["team"])
            if url not in statuses:
                statuses[url] = client.get(url).status_code
            status = statuses[url]
            want = expected(name, role, kind)
            checked += 1
            if status != want:
                wrong.append(f"{role} GET {url} ({name}, {kind}): {status}, expected {want}")
    print(f"\nAuthorisation matrix for {role}: {checked} combinations checked")
    assert not wrong, "\n".join(wrong)


def test_anonymous_is_sent_to_sign_in_from_every_private_page(client, world):
    assert_every_pattern_has_a_rule()
    sign_in = reverse("accounts:sign-in")
    for name, route, _ in PATTERNS:
        if POLICY[name].public:
            continue
        url = url_for(name, route, world["children"][OWN], world["team"])
        response = client.get(url)
        assert response["Location"].startswith(sign_in), name


def test_public_pages_do_not_require_sign_in(client, db):
    assert client.get(reverse("accounts:sign-in")).status_code == 200
    assert client.post(reverse("accounts:sign-out")).status_code == 302
