"""The register of placement providers: the list, one provider with the children placed
there, and adding or changing one."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from kinfolio import codesets
from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.children_in_care.models import PlacementProvider
from kinfolio.fostering import selectors
from kinfolio.fostering.forms_providers import ProviderForm, initial_for
from kinfolio.fostering.placement_search import needs_text
from kinfolio.fostering.services import providers
from kinfolio.recording.pages import record_page

PAGE_SIZE = 50


def _provider_url(provider: PlacementProvider) -> str:
    return reverse("fostering:provider", args=[provider.pk])


@permission_required(Permission.MANAGE_CARERS)
def provider_list(request):
    """Every provider (or one kind: ``?type=``), with places, children placed and the
    needs it meets."""
    kind = request.GET.get("type", "")
    if codesets.PROVIDER_TYPE.get(kind) is None:
        kind = ""
    page = Paginator(selectors.providers(kind), PAGE_SIZE).get_page(request.GET.get("page"))
    for provider in page:
        provider.needs = needs_text(provider.needs_met)
    return render(
        request,
        "fostering/providers.html",
        {
            "page": page,
            "kind": kind,
            "kinds": codesets.PROVIDER_TYPE.choices,
            "query": f"type={kind}&" if kind else "",
        },
    )


@permission_required(Permission.MANAGE_CARERS)
def provider_detail(request, provider_id: int):
    provider = get_object_or_404(selectors.providers(), pk=provider_id)
    record_access(by=request.user, action="view_record", request=request, object_ref=str(provider))
    placed = selectors.children_placed_at(provider, user=request.user)
    return render(
        request,
        "fostering/provider.html",
        {
            "provider": provider,
            "placed": placed,
            "hidden": provider.placed - len(placed),
            "vacancies": None
            if provider.capacity is None
            else max(0, provider.capacity - provider.placed),
            "needs": needs_text(provider.needs_met),
        },
    )


@permission_required(Permission.MANAGE_CARERS)
def provider_new(request):
    return record_page(
        request,
        form_class=ProviderForm,
        service=providers.add_provider,
        title="Add a placement provider",
        success_url=_provider_url,
        back_url=reverse("fostering:providers"),
        success_message="Placement provider added",
    )


@permission_required(Permission.MANAGE_CARERS)
def provider_edit(request, provider_id: int):
    provider = get_object_or_404(PlacementProvider, pk=provider_id)
    return record_page(
        request,
        form_class=ProviderForm,
        service=providers.change_provider,
        arguments={"provider": provider},
        instance=provider,
        initial=initial_for(provider),
        title="Change the provider's details",
        caption=provider.name,
        success_url=_provider_url(provider),
        back_url=_provider_url(provider),
        success_message="Provider's details saved",
    )
