"""Finding the child a page is about, for every page with a child in its URL."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from kinfolio.accounts.models import User
from kinfolio.people.models import Person
from kinfolio.people.selectors import child_visible_to, children_in_scope_ignoring_restrictions


def child_for(user: User, local_id: str) -> Person:
    """The child with this ID if ``user`` may see them (``child_visible_to``).

    A restricted record in the user's scope is refused (403: the child record page
    offers break-glass); a child outside their scope does not exist for them (404).
    """
    child = child_visible_to(user, local_id)
    if child is not None:
        return child
    if children_in_scope_ignoring_restrictions(user).filter(local_id=local_id).exists():
        raise PermissionDenied
    raise Http404


def child_and(request, local_id: str, model, pk: int):
    """The visible child (403/404 otherwise) and their record of ``model`` numbered ``pk``
    (404 when it is not theirs)."""
    child = child_for(request.user, local_id)
    return child, get_object_or_404(model, pk=pk, child=child)
