"""The base of every recording form, and the child's voice as one reusable piece.

Forms give input its shape only: field types, GOV.UK labels and the wording of "this
is missing" errors. The rules live in the service the page calls; its
``ValidationError``s come back onto these fields by name, so a form's field names are
the service's keyword arguments.

    class VisitForm(ChildsVoiceFields, RecordingForm):
        visit_date = DateInputField(...)
        seen = forms.BooleanField(...)

        def layout(self):
            return [Field("visit_date"), Field.checkbox("seen"), *self.voice_layout()]
"""

from typing import Any

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.forms.utils import ErrorDict
from django.http import QueryDict

from kinfolio.codesets.local import CHILDS_VOICE_NOT_RECORDED
from kinfolio.core.form_fields import date_question

OPENED_VERSION = "opened_version"


class RecordingForm(forms.Form):
    """A question page's form: crispy-forms-gds layout and a hidden ``opened_version``
    (the version of the record the worker opened; ``kinfolio.core.versions``)."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the question page writes the <form> (draft token)
        self.helper.layout = Layout(Field("opened_version"), *self.layout())

    def layout(self) -> list:
        """The fields in page order, as crispy-forms-gds layout objects."""
        return [Field(name) for name in self.fields if name != OPENED_VERSION]

    @classmethod
    def restored(cls, data: dict[str, list[str]], **kwargs) -> "RecordingForm":
        """The form filled in with a draft, as typed. A draft was never submitted, so
        nothing is checked and no error is shown until the worker saves."""

        form = cls(data=as_query(data), **kwargs)
        form._errors = ErrorDict()  # bound (shows the typed values) but not validated
        return form

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned answers as the service's keyword arguments."""
        return {k: v for k, v in self.cleaned_data.items() if k != OPENED_VERSION}


class DayForm(RecordingForm):
    """A page asking one date: the day a step happened. The question is the class's
    ``day_label``, or ``label=`` from the view when one form serves several steps."""

    day_label = "Date"
    day = date_question("Date")

    def __init__(self, *args, label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        question = date_question(label or self.day_label)
        self.fields["day"].label = question.label
        self.fields["day"].error_messages["required"] = question.error_messages["required"]


class DayAndReasonForm(DayForm):
    """A date and why, one of ``reasons`` (radios): leaving a process, ending a plan or
    an approval. Subclasses name the question and the list."""

    reason_label = "Why?"
    reason_missing = "Select why"
    reasons: list[tuple[str, str]] = []
    reason = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields["reason"]
        reason.label, reason.choices = self.reason_label, self.reasons
        reason.error_messages["required"] = self.reason_missing

    def layout(self) -> list:
        return [Field("day"), Field.radios("reason", legend_size=Size.SMALL)]


def as_query(data: dict[str, list[str]]) -> QueryDict:
    """A draft's fields (``Draft.data``) as submitted form data."""
    query = QueryDict(mutable=True)
    for name, values in data.items():
        query.setlist(name, values)
    return query


class ChildsVoiceFields(forms.Form):
    """The child's views, or why they are not recorded and an explanation. Add it
    before ``RecordingForm`` in the bases and put ``*self.voice_layout()`` in the
    layout; the service checks it with ``kinfolio.core.voice.validate_childs_voice``."""

    childs_views = forms.CharField(
        label="The child's views, wishes and feelings",
        help_text="In the child's own words where you can",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    childs_views_not_recorded_code = forms.ChoiceField(
        label="If the child's views are not recorded, why not?",
        choices=[("", "Not applicable: the child's views are recorded")]
        + list(CHILDS_VOICE_NOT_RECORDED.choices),
        required=False,
    )
    childs_views_not_recorded_reason = forms.CharField(
        label="Explain why the child's views are not recorded",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def voice_layout(self) -> list:
        return [
            Fieldset(
                Field.textarea("childs_views"),
                Field.select("childs_views_not_recorded_code"),
                Field.textarea("childs_views_not_recorded_reason"),
                legend="The child's voice",
                legend_size=Size.MEDIUM,
            )
        ]
