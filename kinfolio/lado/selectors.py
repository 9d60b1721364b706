"""Reads for the LADO: allegations about adults who work with children."""

from django.db.models import BooleanField, Exists, OuterRef, QuerySet, Value

from kinfolio.accounts.models import User
from kinfolio.lado.models import Allegation
from kinfolio.people.selectors import children_visible_to


def allegations_for(user: User, *, open_only: bool = False, mine: bool = False) -> QuerySet:
    """Every allegation, open ones first, newest first; each says whether its child (if
    any) is one ``user`` may open, so the list never names a child they may not see.

    Most allegations concern an adult's conduct with no child on Kinfolio's records, so
    the list starts from the allegations, not from the children."""
    allegations = Allegation.objects.select_related("designated_officer", "child")
    if open_only:
        allegations = allegations.filter(closed_on__isnull=True)
    if mine:
        allegations = allegations.filter(designated_officer__user=user)
    visible = children_visible_to(user).filter(pk=OuterRef("child_id"))
    return allegations.annotate(
        child_visible=Exists(visible) if user.is_authenticated else Value(False, BooleanField())
    ).order_by("closed_on", "-received_on", "-pk")
