"""The forms for a new version of a timescale rule and a school term (input shape only)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms

from kinfolio.core.form_fields import DateInputField, date_field
from kinfolio.recording.forms import RecordingForm
from kinfolio.timescales.events import Unit
from kinfolio.timescales.models import SchoolTerm


class RuleVersionForm(forms.Form):
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the name"})
    interval = forms.IntegerField(
        min_value=1,
        max_value=1000,
        label="Interval",
        error_messages={
            "required": "Enter the interval",
            "invalid": "Enter the interval as a whole number",
            "min_value": "The interval must be at least 1",
        },
    )
    unit = forms.ChoiceField(choices=Unit.choices, error_messages={"required": "Choose the unit"})
    before = forms.BooleanField(
        required=False, label="Count back from the start event (a deadline before it)"
    )
    source = forms.CharField(
        max_length=200,
        help_text="For example, Working Together 2023, or local",
        error_messages={"required": "Enter the source of the rule"},
    )
    notes = forms.CharField(widget=forms.Textarea, required=False)
    effective_from = DateInputField(
        label="Applies to clocks started on or after",
        help_text="For example, 1 4 2026",
        require_all_fields=False,
    )
    reporting_only = forms.BooleanField(
        required=False, label="Count in timeliness reports only (do not show as a deadline)"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("name"),
            Field.text("interval", field_width=4),
            Field.radios("unit", legend_size=Size.SMALL),
            Field.checkbox("before"),
            Field.text("source"),
            Field.textarea("notes", rows=3),
            Field("effective_from"),
            Field.checkbox("reporting_only"),
            Button("submit", "Add this version"),
        )


class SchoolTermForm(RecordingForm):
    academic_year = forms.CharField(
        label="Academic year",
        help_text="For example, 2026/27",
        max_length=7,
        error_messages={"required": "Enter the academic year, like 2026/27"},
    )
    term = forms.ChoiceField(
        label="Which term of the school year is it (or is it half of)?",
        choices=SchoolTerm.Term.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the autumn, spring or summer term"},
    )
    name = forms.CharField(
        label="Name of the term or half-term",
        help_text="For example, Autumn 1. Give each half-term separately",
        max_length=50,
        error_messages={"required": "Enter the name of the term, like Autumn 1"},
    )
    start_date = date_field("First day of term", missing="Enter the first day of term")
    end_date = date_field("Last day of term", missing="Enter the last day of term")

    def layout(self) -> list:
        return [
            Field.text("academic_year", field_width=10),
            Field.radios("term", legend_size=Size.SMALL),
            Field.text("name", field_width=20),
            Field("start_date"),
            Field("end_date"),
        ]
