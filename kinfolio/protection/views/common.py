"""What every protection page shares: the hub's address."""

from django.urls import reverse


def journey_url(child) -> str:
    return reverse("protection:journey", args=[child.local_id])
