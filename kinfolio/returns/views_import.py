"""Import a return from the Returns page: upload, see what it would create and match
(a dry run), then confirm."""

from django import forms
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.returns import uploads
from kinfolio.returns.importing import ImportRefused
from kinfolio.returns.models import KIND_CHOICES

SESSION_KEY = "returns_import"


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label="Return", choices=KIND_CHOICES)
    file = forms.FileField(
        label="File",
        help_text="The CIN census as its XML file, or the SSDA903 tables as a zip of CSV files",
        error_messages={"required": "Choose the file to import"},
    )


@require_http_methods(["GET", "POST"])
@permission_required(Permission.MANAGE_RETURNS)
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if not form.is_valid():
        return render(request, "returns/import.html", {"form": form})
    kind = form.cleaned_data["kind"]
    try:
        token = uploads.stage(kind, form.cleaned_data["file"])
        summary = uploads.run(kind, token, dry_run=True, by=request.user)
    except ImportRefused as refused:
        return render(request, "returns/import_preview.html", {"problems": refused.problems})
    request.session[SESSION_KEY] = {"kind": kind, "token": token}
    return render(request, "returns/import_preview.html", {"summary": summary, "kind": kind})


@require_http_methods(["GET", "POST"])
@permission_required(Permission.MANAGE_RETURNS)
def confirm(request):
    staged = request.session.get(SESSION_KEY)
    if request.method == "GET" or not staged:
        return render(request, "returns/import_done.html", {"nothing": True})
    try:
        summary = uploads.run(staged["kind"], staged["token"], dry_run=False, by=request.user)
    except ImportRefused as refused:
        return render(request, "returns/import_preview.html", {"problems": refused.problems})
    finally:
        uploads.discard(staged["token"])
        del request.session[SESSION_KEY]
    return render(request, "returns/import_done.html", {"summary": summary})
