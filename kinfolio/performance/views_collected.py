"""Collected indicators: their values with source and who entered them, the change
history, and (for performance staff) entering a value or importing a CSV file."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.performance.forms import CollectedImportForm, CollectedValueForm
from kinfolio.performance.indicators import collected
from kinfolio.performance.models import CollectedFigure
from kinfolio.performance.services.collected import (
    CSV_COLUMNS,
    import_collected_values,
    record_collected_value,
)
from kinfolio.recording.pages import record_page


def _indicator_or_404(collected_id: str) -> collected.CollectedIndicator:
    try:
        return collected.get(collected_id)
    except KeyError as error:
        raise Http404("No such collected indicator") from error


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def collected_list(request):
    return render(
        request,
        "performance/collected.html",
        {
            "rows": collected.latest_values(),
            "may_enter": has_permission(request.user, Permission.ENTER_COLLECTED_VALUES),
        },
    )


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def collected_indicator(request, collected_id: str):
    indicator = _indicator_or_404(collected_id)
    return render(
        request,
        "performance/collected_indicator.html",
        {
            "indicator": indicator,
            "figures": collected.figures(indicator.id),
            "history": collected.history(indicator.id),
            "may_enter": has_permission(request.user, Permission.ENTER_COLLECTED_VALUES),
        },
    )


@permission_required(Permission.ENTER_COLLECTED_VALUES)
def enter_collected(request, collected_id: str):
    """A new value, or (``?period=2024-25``) a change to the one entered for a period."""
    indicator = _indicator_or_404(collected_id)
    instance = None
    if period := request.GET.get("period"):
        instance = CollectedFigure.objects.filter(indicator_id=indicator.id, period=period).first()
        if instance is None:
            raise Http404("No value is recorded for that period")
    back = reverse("performance:collected-indicator", args=[indicator.id])
    return record_page(
        request,
        form_class=CollectedValueForm,
        service=record_collected_value,
        arguments={"indicator_id": indicator.id},
        instance=instance,
        initial=(
            {"period": instance.period, "value": instance.value, "source": instance.source}
            if instance
            else {"source": indicator.enter}
        ),
        title=f"Change the value for {instance.period}" if instance else "Enter a value",
        caption=indicator.name,
        success_url=back,
        success_message="Value saved",
        back_url=back,
        template="performance/collected_enter.html",
        context={"indicator": indicator},
        # Entering a value and changing each period's are different forms.
        draft_key=f"{request.path}?period={period}" if instance else "",
    )


@permission_required(Permission.ENTER_COLLECTED_VALUES)
def import_collected(request):
    back = reverse("performance:collected")
    return record_page(
        request,
        form_class=CollectedImportForm,
        service=import_collected_values,
        title="Import collected values from a CSV file",
        success_url=back,
        success_message="Values imported",
        submit_label="Import",
        back_url=back,
        template="performance/collected_import.html",
        context={"columns": CSV_COLUMNS, "indicators": collected.COLLECTED},
    )
