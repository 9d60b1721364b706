"""The sections of a child's record after the summary (``people.record.SECTIONS``).

Each is a thin view: the child through ``child_for`` (404 unseen, 403 restricted), the
access logged, one selector, a page of at most ``PAGE_SIZE`` rows.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.audit.selectors import change_history_for
from kinfolio.audit.services import record_access
from kinfolio.casework.selectors import case_notes_for, documents_for, visits_for
from kinfolio.chronology.selectors import Chronology
from kinfolio.journey.plans import meetings_for, plans_for
from kinfolio.people.access import child_for
from kinfolio.people.record import sub_navigation
from kinfolio.timescales.selectors import child_deadlines

PAGE_SIZE = 25


def _section(request, section: str, template: str, **context):
    child = context.pop("child")
    record_access(
        by=request.user, action="view_record", request=request, child=child, object_ref=section
    )
    return render(
        request,
        template,
        {"child": child, "sections": sub_navigation(child, section), **context},
    )


def _page(request, rows):
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def chronology(request, local_id: str):
    child = child_for(request.user, local_id)
    kinds = request.GET.getlist("kind")
    events = Chronology(child, kinds)
    return _section(
        request,
        "people:child-chronology",
        "people/record/chronology.html",
        child=child,
        page=_page(request, events),
        total=len(events),
        chronology_kinds=events.kinds,
        selected_kinds=kinds,
        can_record=has_permission(request.user, Permission.RECORD_CASEWORK),
        # Page links keep the filter.
        query_suffix="&" + urlencode([("kind", k) for k in kinds]) if kinds else "",
    )


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def plans(request, local_id: str):
    child = child_for(request.user, local_id)
    return _section(
        request,
        "people:child-plans",
        "people/record/plans.html",
        child=child,
        plans=plans_for(child),
        page=_page(request, meetings_for(child)),
    )


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def visits(request, local_id: str):
    child = child_for(request.user, local_id)
    return _section(
        request,
        "people:child-visits",
        "people/record/visits.html",
        child=child,
        page=_page(request, visits_for(child)),
    )


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def documents(request, local_id: str):
    child = child_for(request.user, local_id)
    return _section(
        request,
        "people:child-documents",
        "people/record/documents.html",
        child=child,
        page=_page(request, case_notes_for(child)),
        documents=documents_for(child)[:PAGE_SIZE],
        can_record=has_permission(request.user, Permission.RECORD_CASEWORK),
    )


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def deadlines(request, local_id: str):
    child = child_for(request.user, local_id)
    return _section(
        request,
        "people:child-deadlines",
        "people/record/deadlines.html",
        child=child,
        deadlines=child_deadlines(child),
    )


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def history(request, local_id: str):
    child = child_for(request.user, local_id)
    return _section(
        request,
        "people:child-history",
        "people/record/history.html",
        child=child,
        page=_page(request, change_history_for(child)),
    )
