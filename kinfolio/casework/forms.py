"""Case note forms (input shape only; the rules are in casework.services)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio.casework.models import CaseNoteType
from kinfolio.recording.forms import RecordingForm


class CaseNoteForm(RecordingForm):
    note_type = forms.ChoiceField(
        label="What kind of note is this?",
        choices=CaseNoteType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of note"},
    )
    body = forms.CharField(
        label="The note",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Enter the case note"},
    )

    def layout(self) -> list:
        return [
            Field.radios("note_type", legend_size=Size.SMALL),
            Field.textarea("body", label_size=Size.SMALL),
        ]
