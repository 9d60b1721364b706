"""``record_page``: the one view helper every recording page uses.

    @permission_required(Permission.RECORD_CASEWORK)
    def add_case_note(request, local_id):
        child = get_visible_child_or_404(request.user, local_id)
        return record_page(
            request,
            form_class=CaseNoteForm,
            service=case_notes.add_case_note,
            arguments={"child": child},
            child=child,
            title="Add a case note",
            caption=child.full_name,
            success_url=reverse("casework:case-notes", args=[child.local_id]),
            success_message="Case note added",
        )

A record that becomes final when saved passes ``check_url=``: a valid answer is kept as
the draft and the worker goes to that check-your-answers page
(``kinfolio.recording.check.check_page``), which calls the service (``service=None``
here).

Editing a record passes ``instance=``: its version goes into the form's hidden
``opened_version`` and the service receives ``opened_version=`` (and calls
``kinfolio.core.versions.guard_version``). ``success_url`` may be a function of what
the service returned. Anything the page shows besides the form goes in ``context``.
``child=`` (the child the page is about) writes the access log entry for the page.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kinfolio.audit.services import record_access
from kinfolio.core.versions import StaleRecord
from kinfolio.recording import selectors, tokens
from kinfolio.recording.forms import OPENED_VERSION, RecordingForm
from kinfolio.recording.services import drafts
from kinfolio.recording.tasks import Answer

QUESTION_PAGE = "_components/question_page.html"
CHECK_ANSWERS = "_components/check_answers.html"


def record_page(
    request: HttpRequest,
    *,
    form_class: type[RecordingForm],
    service: Callable[..., Any] | None,
    title: str,
    success_url: str | Callable[[Any], str],
    success_message: str,
    arguments: Mapping[str, Any] | None = None,
    child: Any = None,
    instance: Any = None,
    initial: Mapping[str, Any] | None = None,
    form_kwargs: Mapping[str, Any] | None = None,
    caption: str = "",
    submit_label: str = "Save",
    back_url: str = "",
    template: str = QUESTION_PAGE,
    context: Mapping[str, Any] | None = None,
    check_url: str = "",
    draft_key: str = "",
) -> HttpResponse:
    """``draft_key`` names the form's draft when its path alone does not (a page whose
    query string chooses what is changed); the path by default."""
    user, key = request.user, draft_key or request.path
    if child is not None:
        record_access(by=user, action="view_record", request=request, child=child, object_ref=key)
    form_kwargs = dict(form_kwargs or {})
    page = {"stale": None, "draft_saved_at": None}
    if request.method == "POST":
        drafts.save_draft(user=user, key=key, data=request.POST)
        form = form_class(data=request.POST, files=request.FILES, **form_kwargs)
        if form.is_valid() and check_url:
            return redirect(check_url)  # the draft just saved holds the answers to check
        if form.is_valid():
            try:
                result = _call(service, form, arguments, instance, user)
            except StaleRecord as stale:
                # Keep every word typed; the next save is against the version now shown.
                data = request.POST.copy()
                data[OPENED_VERSION] = str(stale.instance.version)
                drafts.save_draft(user=user, key=key, data=data)
                form = form_class(data=data, **form_kwargs)
                form.is_valid()
                page["stale"] = stale
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                drafts.discard_draft(user=user, key=key)
                messages.success(request, success_message)
                return redirect(success_url(result) if callable(success_url) else success_url)
    else:
        draft = selectors.draft_for(user, key)
        if draft is not None:
            form = form_class.restored(draft.data, **form_kwargs)
            page["draft_saved_at"] = draft.saved_at
        else:
            start = dict(initial or {})
            if instance is not None:
                start[OPENED_VERSION] = instance.version
            form = form_class(initial=start, **form_kwargs)
    return render(
        request,
        template,
        {
            **(context or {}),
            **page,
            "form": form,
            "title": title,
            "caption": caption,
            "submit_label": submit_label,
            "back_url": back_url,
            "draft_field": tokens.FIELD,
            "draft_seconds": settings.KINFOLIO_DRAFT_SAVE_SECONDS,
            "draft_token": tokens.draft_token(user_id=user.pk, key=key),
        },
    )


def child_page(request: HttpRequest, child: Any, *, return_url: str, **kwargs: Any) -> HttpResponse:
    """``record_page`` for a page about ``child`` that goes back to ``return_url`` when
    saved or left; its caption is the child's name unless given."""
    kwargs.setdefault("caption", child.full_name)
    kwargs.setdefault("success_url", return_url)
    return record_page(request, child=child, back_url=return_url, **kwargs)


def show_record(
    request: HttpRequest,
    template: str,
    *,
    child: Any,
    record: Any = None,
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """A read-only page about ``child`` (and one of their ``record``s): the access is
    logged, then the page is shown with ``child`` and ``context``."""
    ref = (
        f"{record._meta.label_lower}:{record.pk}"
        if record is not None
        else request.resolver_match.view_name
    )
    record_access(
        by=request.user, action="view_record", request=request, child=child, object_ref=ref
    )
    return render(request, template, {"child": child, **(context or {})})


def _call(service, form: RecordingForm, arguments, instance, user) -> Any:
    kwargs = {**(arguments or {}), **form.service_arguments(), "by": user}
    if instance is not None:
        kwargs[OPENED_VERSION] = form.cleaned_data.get(OPENED_VERSION)
    return service(**kwargs)


def add_service_errors(form: RecordingForm, error: ValidationError) -> None:
    """Put a service's refusal on the fields it names; the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        target = field if field in form.fields and field != NON_FIELD_ERRORS else None
        for message in messages_:
            form.add_error(target, message)


def confirm_page(
    request: HttpRequest,
    *,
    answers: list[Answer],
    service: Callable[..., Any],
    title: str,
    success_url: str | Callable[[Any], str],
    success_message: str,
    arguments: Mapping[str, Any] | None = None,
    instance: Any = None,
    caption: str = "",
    declaration: str = "",
    submit_label: str = "Confirm and save",
    back_url: str = "",
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """Check your answers: GET shows them; POST calls ``service`` (with ``arguments``,
    ``by=`` and, for a versioned ``instance``, the ``opened_version`` the page showed)
    to make the record final. A refusal lists its messages, each linking to the
    answer to change."""
    errors: list[dict[str, str]] = []
    if request.method == "POST":
        kwargs = {**(arguments or {}), "by": request.user}
        if instance is not None:
            kwargs[OPENED_VERSION] = _version(request.POST.get(OPENED_VERSION))
        try:
            result = service(**kwargs)
        except ValidationError as error:
            errors = _answer_errors(error, answers)
        else:
            messages.success(request, success_message)
            return redirect(success_url(result) if callable(success_url) else success_url)
    return render(
        request,
        CHECK_ANSWERS,
        {
            **(context or {}),
            "answers": answers,
            "errors": errors,
            "title": title,
            "caption": caption,
            "declaration": declaration,
            "submit_label": submit_label,
            "back_url": back_url,
            "opened_version": getattr(instance, "version", None),
        },
    )


def _version(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _answer_errors(error: ValidationError, answers: list[Answer]) -> list[dict[str, str]]:
    urls = {a.field: a.change_url for a in answers if a.field}
    if not hasattr(error, "error_dict"):
        return [{"message": m, "url": ""} for m in error.messages]
    return [
        {"message": m, "url": urls.get(field, "")}
        for field, found in error.message_dict.items()
        for m in found
    ]
