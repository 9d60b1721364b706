"""Subject access requests: find the person, see what will be exported, download it."""

from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit import selectors
from kinfolio.audit.forms import FindPersonForm
from kinfolio.audit.services.sar import export_person
from kinfolio.audit.subject_access import records_about

NOT_FOUND = "Enter a Kinfolio ID that belongs to someone on Kinfolio"


@permission_required(Permission.EXPORT_SUBJECT_ACCESS)
def find_person(request):
    form = FindPersonForm(request.GET or None)
    if form.is_valid():
        local_id = form.cleaned_data["local_id"].strip().upper()
        if selectors.any_person(local_id).exists():
            return redirect("audit:subject-access", local_id=local_id)
        form.add_error("local_id", NOT_FOUND)
    return render(request, "audit/subject_access_find.html", {"form": form})


@permission_required(Permission.EXPORT_SUBJECT_ACCESS)
def subject_access(request, local_id: str):
    person = get_object_or_404(selectors.any_person(local_id))
    if request.method == "POST":
        bundle = export_person(person, by=request.user, request=request)
        return FileResponse(
            bundle.file,
            as_attachment=True,
            filename=bundle.filename,
            content_type="application/zip",
        )
    return render(
        request,
        "audit/subject_access.html",
        {"person": person, "record_sets": records_about(person)},
    )
