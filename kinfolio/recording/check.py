"""``check_page``: check your answers for a record that becomes final in one step.

The question page (``record_page(..., check_url=...)``) keeps a valid answer as the
worker's draft and sends them here; this page shows the draft's answers, each with a
link back to the question page to change it, and its POST calls the service. Nothing
is written until the worker confirms, and the draft (what they typed) is kept until the
service accepts it.

    @permission_required(Permission.RECORD_CASEWORK)
    def check_closure(request, local_id, early_help_id):
        ...
        return check_page(
            request,
            form_class=CloseForm,
            question_url=reverse("early_help:close", args=[...]),
            service=episodes.close_episode,
            arguments={"episode": episode},
            instance=episode,
            child=child,
            title="Check the closure before you close early help",
            success_url=...,
            success_message="Early help closed",
        )
"""

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinfolio.audit.services import record_access
from kinfolio.recording import selectors
from kinfolio.recording.forms import OPENED_VERSION, RecordingForm, as_query
from kinfolio.recording.pages import CHECK_ANSWERS, confirm_page
from kinfolio.recording.services import drafts
from kinfolio.recording.tasks import Answer


def check_page(
    request: HttpRequest,
    *,
    form_class: type[RecordingForm],
    question_url: str,
    service: Callable[..., Any],
    arguments: Mapping[str, Any] | None = None,
    instance: Any = None,
    child: Any = None,
    form_kwargs: Mapping[str, Any] | None = None,
    **page: Any,
) -> HttpResponse:
    """``page``: what ``confirm_page`` shows (title, caption, declaration, submit_label,
    success_url, success_message, back_url, context)."""
    user = request.user
    if child is not None:
        record_access(
            by=user, action="view_record", request=request, child=child, object_ref=request.path
        )
    draft = selectors.draft_for(user, question_url)
    form = form_class(data=as_query(draft.data if draft else {}), **(form_kwargs or {}))
    if draft is None or not form.is_valid():  # nothing (valid) to check: nothing to confirm
        return render(
            request,
            CHECK_ANSWERS,
            {
                "title": page["title"],
                "caption": page.get("caption", ""),
                "back_url": question_url,
                "answers": [],
                "errors": [{"message": "Answer the questions first", "url": question_url}],
            },
        )

    def finish(**kwargs: Any) -> Any:
        kwargs.update(form.service_arguments())
        if instance is not None:  # the version the worker opened on the question page
            kwargs[OPENED_VERSION] = form.cleaned_data.get(OPENED_VERSION)
        result = service(**kwargs)
        drafts.discard_draft(user=user, key=question_url)
        return result

    page.setdefault("back_url", question_url)
    return confirm_page(
        request,
        answers=answers_from_form(form, question_url),
        service=finish,
        arguments=arguments,
        **page,
    )


def answers_from_form(form: RecordingForm, change_url: str) -> list[Answer]:
    """A valid form's answers in page order, as the worker would read them."""
    names = [p.name for p in form.helper.layout.get_field_names() if p.name != OPENED_VERSION]
    return [
        Answer(
            question=str(form.fields[name].label or name),
            answer=_readable(form, name),
            change_url=change_url,
            field=name,
        )
        for name in names
    ]


def _readable(form: RecordingForm, name: str) -> str:
    field, value = form.fields[name], form.cleaned_data.get(name)
    if value in (None, "", [], ()):
        return ""
    if isinstance(field, forms.ModelChoiceField):
        return str(value)
    if isinstance(field, forms.BooleanField):
        return "Yes" if value else "No"
    if isinstance(field, forms.ChoiceField):  # the label of what was chosen, as typed
        labels = {str(k): str(v) for k, v in field.choices}
        raw = form[name].value()
        return "\n".join(
            labels.get(str(v), str(v)) for v in (raw if isinstance(raw, list) else [raw])
        )
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    return str(value)
