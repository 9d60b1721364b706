"""The key event form (input shape only; the rules are in chronology.services)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio.core.form_fields import DateInputField
from kinfolio.front_door.forms import yes_no
from kinfolio.recording.forms import RecordingForm


class KeyEventForm(RecordingForm):
    event_date = DateInputField(
        label="Date of the event", help_text="For example, 3 2 2025", required=False
    )
    title = forms.CharField(label="What happened", max_length=200, required=False)
    detail = forms.CharField(
        label="Details (optional)", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    significant = yes_no("Is this a significant event in the child's life?")

    def layout(self) -> list:
        return [
            Field("event_date"),
            Field.text("title"),
            Field.textarea("detail"),
            Field.radios("significant", inline=True, legend_size=Size.SMALL),
        ]
