from django.conf import settings
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.accounts.two_factor import needs_two_factor
from kinfolio.notifications.selectors import unread_count

NAVIGATION = [
    ("Allegations (LADO)", "lado:allegations", Permission.MANAGE_LADO),
    ("My caseload", "workforce:my-caseload", Permission.VIEW_CASELOAD),
    ("My team", "workforce:my-team", Permission.ALLOCATE_CASES),
    ("Deadlines", "timescales:mine", Permission.VIEW_CASELOAD),
    ("Find a child", "people:search", Permission.SEARCH_CHILDREN),
    ("Front door", "mash:queue", Permission.WORK_FRONT_DOOR),
    ("Your referrals", "front_door:my-referrals", Permission.VIEW_OWN_REFERRALS),
    ("Caseload summary", "performance:caseload-summary", Permission.VIEW_AGGREGATES),
    ("Performance", "performance:dashboard", Permission.VIEW_INDICATORS),
    ("Indicators", "performance:indicators", Permission.VIEW_INDICATORS),
    ("Inspection", "inspection:history", Permission.VIEW_INSPECTION),
    ("Case file audits", "quality_assurance:audits", Permission.CONDUCT_AUDITS),
    ("Teams", "workforce:teams", Permission.VIEW_TEAMS),
    ("Teams compared", "workforce:compare-teams", Permission.COMPARE_TEAMS),
    ("IRO workload", "iros:workload", Permission.VIEW_TEAMS),
    ("Foster households", "fostering:households", Permission.MANAGE_CARERS),
    ("Placement providers", "fostering:providers", Permission.MANAGE_CARERS),
    ("Adopters", "adoption:adopters", Permission.MANAGE_CARERS),
    ("Timescale rules", "timescales:rules", Permission.MANAGE_TIMESCALES),
    ("Unusual access", "audit:unusual-access", Permission.VIEW_ACCESS_LOG),
    ("Subject access", "audit:subject-access-find", Permission.EXPORT_SUBJECT_ACCESS),
    ("Retention review", "audit:retention", Permission.VIEW_RETENTION_REVIEW),
]


# A role's own home page, where the first menu page it may use is not the right one:
# role -> URL name (for example Role.INSPECTOR: "inspection:home").
HOME_FOR_ROLE: dict[str, str] = {
    Role.TEAM_MANAGER: "workforce:my-team",
    Role.INSPECTOR: "inspection:home",
}
# A page every signed-in user may see: the home of a role with no menu page.
EVERYONES_PAGE = "notifications:list"


def home_for(user) -> str:
    """Where a user lands after signing in, and where the service name in the header
    takes them: their role's own home, else the first menu page their role may use,
    else their notifications. Never a page that would refuse them."""
    name = HOME_FOR_ROLE.get(user.role) or next(
        (name for _, name, permission in NAVIGATION if has_permission(user, permission)),
        EVERYONES_PAGE,
    )
    return reverse(name)


def service(request):
    """The service's name, and the menu items this user may use (the view checks again)."""
    items = []
    user = request.user
    # Until the second factor is given, no page but the code page can be used: no menu.
    verified = not needs_two_factor(user) or getattr(user, "is_verified", lambda: False)()
    if user.is_authenticated and verified:
        names = [name for _, name, permission in NAVIGATION if has_permission(user, permission)]
        labels = {name: label for label, name, _ in NAVIGATION}
        for name in [*names, "notifications:list"]:
            url = reverse(name)
            items.append(
                {
                    "label": labels.get(name, "Notifications"),
                    "url": url,
                    "active": request.path == url or (url != "/" and request.path.startswith(url)),
                    "count": unread_count(user) if name == "notifications:list" else 0,
                }
            )
    return {
        "session_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": settings.KINFOLIO_SESSION_WARNING_SECONDS,
        "authority_name": settings.KINFOLIO_AUTHORITY_NAME,
        "service_name": "Kinfolio",
        "navigation": items,
        "home_url": home_for(user) if user.is_authenticated and verified else "/",
    }
