"""Plan forms: outcomes and actions, core groups, visits, ending a plan (input shape)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio.core.form_fields import date_field
from kinfolio.protection.models.plans import CPPlanEndReason
from kinfolio.recording.forms import ChildsVoiceFields, RecordingForm


class OutcomeForm(RecordingForm):
    outcome = forms.CharField(
        label="Outcome for the child",
        help_text="What will be different for the child, in words the family understands",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the outcome for the child"},
    )


class ActionForm(RecordingForm):
    action = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the action"},
    )
    owner = forms.CharField(
        label="Who will do it",
        help_text="A person, and their agency",
        error_messages={"required": "Enter who will do it"},
    )
    due_date = date_field("To be done by", missing="Enter the date it is to be done by")

    def layout(self) -> list:
        return [Field.textarea("action"), Field.text("owner"), Field("due_date")]


class ActionDoneForm(RecordingForm):
    completed_on = date_field("Date it was done", missing="Enter the date it was done")


class CoreGroupForm(RecordingForm):
    meeting_date = date_field("Date of the meeting", missing="Enter the date of the meeting")
    attendees = forms.CharField(
        label="Who took part",
        help_text="Name and agency of each person",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter who took part, and for which agency"},
    )
    notes = forms.CharField(
        label="What was agreed", widget=forms.Textarea(attrs={"rows": 6}), required=False
    )

    def layout(self) -> list:
        return [Field("meeting_date"), Field.textarea("attendees"), Field.textarea("notes")]


class VisitForm(ChildsVoiceFields, RecordingForm):
    visit_date = date_field("Date of the visit", missing="Enter the date of the visit")
    seen = forms.BooleanField(label="The child was seen", required=False)
    seen_alone = forms.BooleanField(label="The child was seen alone", required=False)

    def layout(self) -> list:
        return [
            Field("visit_date"),
            Field.checkbox("seen"),
            Field.checkbox("seen_alone"),
            *self.voice_layout(),
        ]


class EndPlanForm(RecordingForm):
    end_date = date_field("Date the plan ended", missing="Enter the date the plan ended")
    end_reason = forms.ChoiceField(
        label="Why did the plan end?",
        choices=CPPlanEndReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the plan ended"},
    )

    def layout(self) -> list:
        return [Field("end_date"), Field.radios("end_reason", legend_size=Size.SMALL)]
