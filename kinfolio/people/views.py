from django.http import Http404
from django.shortcuts import render

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.people import selectors
from kinfolio.people.record import record_child, sub_navigation, summary_of


@permission_required(Permission.SEARCH_CHILDREN)
def search(request):
    query = request.GET.get("q", "").strip()
    results = selectors.search_children(request.user, query) if query else []
    if query:
        record_access(by=request.user, action="search", request=request, query=query)
    return render(
        request,
        "people/search.html",
        {
            "query": query,
            "results": results,
            "limit": selectors.SEARCH_LIMIT,
        },
    )


@permission_required(Permission.VIEW_CHILD_RECORD)
def child_record(request, local_id: str):
    """The summary of a child's record: who they are, what is open, who works with them,
    and what needs doing next. The other sections are in ``people.views_record``."""
    child = record_child(request.user, local_id)
    if child is None:
        return _restricted_or_not_found(request, local_id)
    record_access(by=request.user, action="view_record", request=request, child=child)
    return render(
        request,
        "people/child_record.html",
        {
            "child": child,
            "sections": sub_navigation(child, "people:child"),
            **summary_of(child, request.user),
        },
    )


def _restricted_or_not_found(request, local_id: str):
    """A restricted record in the user's scope says so (403) and offers break-glass;
    anything else the user may not see does not exist for them (404)."""
    in_scope = selectors.children_in_scope_ignoring_restrictions(request.user)
    if not in_scope.filter(local_id=local_id).exists():
        raise Http404
    return render(request, "people/restricted.html", {"local_id": local_id}, status=403)
