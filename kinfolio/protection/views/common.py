"""What every protection page shares: finding the child's record and the hub's address."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from kinfolio.people.access import child_for


def child_and(request, local_id: str, model, pk: int):
    """The visible child (403/404 otherwise) and their record of ``model`` numbered ``pk``."""
    child = child_for(request.user, local_id)
    return child, get_object_or_404(model, pk=pk, child=child)


def journey_url(child) -> str:
    return reverse("protection:journey", args=[child.local_id])
