"""Case note forms (input shape only; the rules are in casework.services)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio.casework.models import CaseNoteType, DocumentKind
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


class DocumentForm(RecordingForm):
    title = forms.CharField(label="Title", max_length=200, required=False)
    kind = forms.ChoiceField(
        label="What kind of document is it?",
        choices=[("", "Select")] + list(DocumentKind.choices),
        required=False,
    )
    file = forms.FileField(
        label="Upload a file", help_text="PDF, PNG, JPG or DOCX, up to 10 MB", required=False
    )

    def layout(self) -> list:
        return [Field.text("title"), Field.select("kind"), Field("file")]
