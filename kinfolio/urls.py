from django.urls import include, path

from kinfolio.children_in_care.urls import iro_urlpatterns

urlpatterns = [
    path("", include("kinfolio.workforce.urls")),
    path("account/", include("kinfolio.accounts.urls")),
    path("children/", include("kinfolio.casework.urls")),
    path("children/", include("kinfolio.chronology.urls")),
    path("children/", include("kinfolio.children_in_care.urls")),
    path("children/", include("kinfolio.care_leavers.urls")),
    path("children/", include("kinfolio.referrals.urls")),
    path("children/", include("kinfolio.protection.urls")),
    path("children/", include("kinfolio.early_help.urls")),
    path("", include("kinfolio.assessments.urls")),
    path("children/", include("kinfolio.people.urls")),
    path("iros/", include(iro_urlpatterns)),
    path("lado/", include("kinfolio.lado.urls")),
    path("fostering/", include("kinfolio.fostering.urls")),
    path("adoption/", include("kinfolio.adoption.urls")),
    path("timescales/", include("kinfolio.timescales.urls")),
    path("referrals/", include("kinfolio.front_door.urls")),
    path("front-door/", include("kinfolio.front_door.urls_mash")),
    path("performance/", include("kinfolio.performance.urls")),
    path("inspection/", include("kinfolio.inspection.urls")),
    path("audits/", include("kinfolio.quality_assurance.urls")),
    path("drafts/", include("kinfolio.recording.urls")),
    path("returns/", include("kinfolio.returns.urls")),
    path("", include("kinfolio.audit.urls")),
    path("notifications/", include("kinfolio.notifications.urls")),
]

handler403 = "kinfolio.core.errors.permission_denied"
handler404 = "kinfolio.core.errors.page_not_found"
handler500 = "kinfolio.core.errors.server_error"
