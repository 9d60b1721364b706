"""Foster households from enquiry to approval and after, and placement search."""

import datetime as dt

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.fostering import forms, selectors
from kinfolio.fostering.models import FosterHousehold, HouseholdStatus
from kinfolio.fostering.placement_search import needs_text, search_placements
from kinfolio.fostering.services import households, limits
from kinfolio.people.access import child_for
from kinfolio.people.selectors import children_visible_to
from kinfolio.postcodes.selectors import location_sources
from kinfolio.recording.pages import record_page

PAGE_SIZE = 50
SHOWN = 50  # placement search shows the nearest first, a page at a time
# Each step's form, service, title, and whether it edits the household (its version).
STEPS = {
    "assessment": (forms.AssessmentForm, households.start_assessment, "Start the assessment", True),
    "approval": (forms.ApprovalForm, households.approve, "Record the panel and approval", True),
    "review": (forms.ReviewForm, households.record_review, "Record an annual review", False),
    "availability": (
        forms.AvailabilityForm,
        households.set_availability,
        "Taking placements or on hold",
        True,
    ),
    "deregister": (forms.DeregisterForm, households.deregister, "Deregister the household", True),
    "close": (forms.CloseEnquiryForm, households.close_enquiry, "Close the enquiry", True),
}


def _household_url(household: FosterHousehold) -> str:
    return reverse("fostering:household", args=[household.pk])


@permission_required(Permission.MANAGE_CARERS)
def household_list(request):
    """The households being assessed, approved or deregistered; closed enquiries are
    listed apart (``?closed=1``)."""
    closed = request.GET.get("closed") == "1"
    rows = (
        selectors.households().filter(status=HouseholdStatus.CLOSED)
        if closed
        else selectors.households().exclude(status=HouseholdStatus.CLOSED)
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "fostering/households.html",
        {"page": page, "closed": closed, "closed_count": selectors.closed_enquiries().count()},
    )


@permission_required(Permission.MANAGE_CARERS)
def household_detail(request, household_id: int):
    household = get_object_or_404(selectors.household_with_reviews(), pk=household_id)
    record_access(by=request.user, action="view_record", request=request, object_ref=str(household))
    placed = selectors.children_placed_with(household, user=request.user)
    return render(
        request,
        "fostering/household.html",
        {
            "household": household,
            "placed": placed,
            "hidden": household.placed - len(placed),
            "vacancies": selectors.vacancies_of(household),
            "needs": needs_text(household.needs_met),
            "exemptions": household.limit_exemptions.prefetch_related("children"),
            "usual_limit": limits.USUAL_FOSTERING_LIMIT,
        },
    )


@permission_required(Permission.MANAGE_CARERS)
def household_new(request):
    back = reverse("fostering:households")
    return record_page(
        request,
        form_class=forms.EnquiryForm,
        service=households.record_enquiry,
        title="Record an enquiry to foster",
        success_url=_household_url,
        back_url=back,
        success_message="Enquiry recorded",
    )


@permission_required(Permission.MANAGE_CARERS)
def household_step(request, household_id: int, step: str):
    household = get_object_or_404(FosterHousehold, pk=household_id)
    form_class, service, title, edits = STEPS[step]
    return record_page(
        request,
        form_class=form_class,
        service=service,
        arguments={"household": household},
        instance=household if edits else None,
        title=title,
        caption=str(household),
        success_url=_household_url(household),
        back_url=_household_url(household),
        success_message=f"{title}: saved",
    )


@permission_required(Permission.MANAGE_CARERS)
def household_exemption(request, household_id: int):
    household = get_object_or_404(FosterHousehold, pk=household_id)
    placed = [e.period.child for e in selectors.children_placed_with(household, user=request.user)]
    return record_page(
        request,
        form_class=forms.ExemptionForm,
        form_kwargs={"placed": placed, "visible": children_visible_to(request.user)},
        service=limits.grant_exemption,
        arguments={"household": household},
        title="Record an exemption from the usual fostering limit",
        caption=str(household),
        context={
            "lead": "A foster carer may not usually foster more than three children unless "
            "they are all brothers and sisters; the council where the carer lives may exempt "
            "them, naming the children they may foster (Children Act 1989, Schedule 7)."
        },
        success_url=_household_url(household),
        back_url=_household_url(household),
        success_message="Exemption from the usual fostering limit recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def placement_search(request, local_id: str):
    child = child_for(request.user, local_id)
    record_access(by=request.user, action="view_record", request=request, child=child)
    form = forms.PlacementSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    today = dt.date.today()
    found = search_placements(
        child=child,
        on=today,
        kinds=set(filters.get("kinds") or ()),
        needs=set(filters.get("needs") or ()),
        within_miles=filters.get("within_miles"),
    )
    page = Paginator(found, SHOWN).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    period = PeriodOfCare.objects.filter(child=child, end_date__isnull=True).first()
    place_url = (
        reverse("children_in_care:care-change", args=[child.local_id, period.pk])
        if period
        else reverse("children_in_care:become-looked-after", args=[child.local_id])
    )
    return render(
        request,
        "fostering/placement_search.html",
        {
            "child": child,
            "age": child.age_on(today),
            "home": found.home,
            "location_sources": location_sources(),
            "form": form,
            "page": page,
            "query": f"{query.urlencode()}&" if query else "",
            "place_url": place_url,
            "moving": period is not None,
        },
    )
