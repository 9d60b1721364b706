"""What the workforce views share: finding the child, the workers a team can allocate
to, and turning a service's refusal into form errors."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kinfolio.audit.models import AccessAction
from kinfolio.audit.services import record_access
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_in_scope_ignoring_restrictions, children_visible_to
from kinfolio.workforce.models import Team, Worker


def opened_child(request, local_id: str) -> Person:
    """The child, if the user may see them (logged as opening the record); a restricted
    record in the user's scope is refused (403), anything else does not exist (404)."""
    child = children_visible_to(request.user).filter(local_id=local_id).first()
    if child is None:
        in_scope = children_in_scope_ignoring_restrictions(request.user)
        if in_scope.filter(local_id=local_id).exists():
            raise PermissionDenied
        raise Http404
    if request.method == "GET":
        record_access(
            by=request.user, action=AccessAction.VIEW_RECORD, request=request, child=child
        )
    return child


def in_post(team: Team | None) -> QuerySet[Worker]:
    """The team's workers who can take a child today."""
    if team is None:
        return Worker.objects.none()
    today = timezone.localdate()
    return team.workers.filter(start_date__lte=today).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=today)
    )


def add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError as the form's errors, on the field it names."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)
