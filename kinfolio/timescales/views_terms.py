"""The school term dates an administrator keeps, with a warning before they run out."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.recording.pages import record_page
from kinfolio.timescales import term_dates
from kinfolio.timescales.forms import SchoolTermForm
from kinfolio.timescales.models import SchoolTerm


@require_GET
@permission_required(Permission.MANAGE_TIMESCALES)
def term_list(request):
    context = {
        "terms": SchoolTerm.objects.order_by("-start_date"),
        "warning": term_dates.warning(timezone.localdate()),
    }
    return render(request, "timescales/term_list.html", context)


@permission_required(Permission.MANAGE_TIMESCALES)
def term_new(request):
    back = reverse("timescales:terms")
    return record_page(
        request,
        form_class=SchoolTermForm,
        service=term_dates.add_term,
        title="Add a school term",
        success_url=back,
        back_url=back,
        success_message="School term added",
    )
