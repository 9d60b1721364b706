"""Input shapes for the plan tracker and collected values (the rules live in services)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms

from kinfolio.performance.models import CommitmentStatus
from kinfolio.recording.forms import RecordingForm


class ProgressForm(forms.Form):
    note = forms.CharField(
        label="What has been done",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what has been done"},
    )
    status = forms.ChoiceField(
        choices=CommitmentStatus.choices, error_messages={"required": "Choose the status"}
    )
    evidence = forms.CharField(
        label="Evidence",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Where the evidence is: a report, a link, a meeting's minutes",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*self.fields, Button("submit", "Record progress"))


class CollectedValueForm(RecordingForm):
    """A collected indicator's value for a period (``services.collected``)."""

    period = forms.CharField(
        label="Period",
        help_text="The financial year, for example 2024-25",
        error_messages={"required": "Enter the period"},
    )
    value = forms.CharField(label="Value", error_messages={"required": "Enter the value"})
    source = forms.CharField(
        label="Source",
        help_text="The publication or return the value comes from, with its date",
        error_messages={"required": "Enter where the value comes from"},
    )

    def layout(self) -> list:
        return [
            Field.text("period", field_width=10),
            Field.text("value", field_width=10),
            Field.text("source"),
        ]


class CollectedImportForm(RecordingForm):
    file = forms.FileField(
        label="Upload a CSV file", error_messages={"required": "Select a CSV file"}
    )
