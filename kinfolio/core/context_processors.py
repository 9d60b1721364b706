from django.conf import settings
from django.urls import reverse

from kinfolio.accounts.permissions import Permission, has_permission

NAVIGATION = [
    ("My caseload", "workforce:my-caseload", Permission.VIEW_CASELOAD),
    ("Deadlines", "timescales:mine", Permission.VIEW_CASELOAD),
    ("Find a child", "people:search", Permission.SEARCH_CHILDREN),
    ("Teams", "workforce:teams", Permission.VIEW_TEAMS),
    ("Timescale rules", "timescales:rules", Permission.MANAGE_TIMESCALES),
]


def service(request):
    """The service's name, and the menu items this user may use (the view checks again)."""
    items = []
    if request.user.is_authenticated:
        for label, name, permission in NAVIGATION:
            if has_permission(request.user, permission):
                url = reverse(name)
                items.append(
                    {
                        "label": label,
                        "url": url,
                        "active": request.path == url
                        or (url != "/" and request.path.startswith(url)),
                    }
                )
    return {
        "authority_name": settings.KINFOLIO_AUTHORITY_NAME,
        "service_name": "Kinfolio",
        "navigation": items,
    }
