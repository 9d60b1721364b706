"""Conference forms: booking, invitations, attendance and reports, decision, minutes."""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from kinfolio import codesets
from kinfolio.core.form_fields import date_field
from kinfolio.protection.services.conferences import Invitation
from kinfolio.recording.forms import ChildsVoiceFields, RecordingForm

INVITATION_ROWS = 6


class BookConferenceForm(RecordingForm):
    date = date_field("Date of the conference", missing="Enter the date of the conference")
    delay_reason = forms.CharField(
        label="If the conference is later than its due date, why?",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def layout(self) -> list:
        return [Field("date"), Field.textarea("delay_reason")]


class TransferInForm(RecordingForm):
    date = date_field("Date of the conference", missing="Enter the date of the conference")

    def layout(self) -> list:
        return [Field("date")]


class InvitationsForm(RecordingForm):
    """Up to six people at a time; the page can be used again for more."""

    sent_on = date_field(
        "Date the invitations were sent", missing="Enter the date the invitations were sent"
    )

    def layout(self) -> list:
        rows = [
            Fieldset(
                Field.text(f"name_{i}"),
                Field.select(f"agency_{i}"),
                legend=f"Person {i + 1}",
                legend_size=Size.SMALL,
            )
            for i in range(INVITATION_ROWS)
        ]
        return [Field("sent_on"), *rows]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "sent_on": data["sent_on"],
            "invitations": [
                Invitation(data[f"name_{i}"].strip(), data[f"agency_{i}"])
                for i in range(INVITATION_ROWS)
                if data[f"name_{i}"].strip()
            ],
        }


for _i in range(INVITATION_ROWS):
    InvitationsForm.base_fields[f"name_{_i}"] = forms.CharField(label="Name", required=False)
    InvitationsForm.base_fields[f"agency_{_i}"] = forms.ChoiceField(
        label="Agency", choices=codesets.MEETING_AGENCY.choices, required=False
    )


class AttendanceForm(RecordingForm):
    """A row per person invited: did they come, and when did their report arrive."""

    reports_shared_on = date_field(
        "Date the reports were shared with the family",
        missing="Enter the date the reports were shared",
        required=False,
    )

    def __init__(self, *args, invitees=(), **kwargs):
        self.invitees = list(invitees)
        super().__init__(*args, **kwargs)
        for invitee in self.invitees:
            self.fields[f"attended_{invitee.pk}"] = forms.BooleanField(
                label="Attended", required=False
            )
            self.fields[f"report_{invitee.pk}"] = date_field(
                "Report received on", missing="", required=False
            )

    def layout(self) -> list:
        return [
            *[
                Fieldset(
                    Field.checkbox(f"attended_{i.pk}"),
                    Field(f"report_{i.pk}"),
                    legend=f"{i.name} ({i.get_agency_display()})",
                    legend_size=Size.SMALL,
                )
                for i in self.invitees
            ],
            Field("reports_shared_on"),
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "attended": {i.pk: data[f"attended_{i.pk}"] for i in self.invitees},
            "reports_received": {i.pk: data[f"report_{i.pk}"] for i in self.invitees},
            "reports_shared_on": data["reports_shared_on"],
        }


class DecisionForm(ChildsVoiceFields, RecordingForm):
    child_attended = forms.BooleanField(label="The child attended the conference", required=False)
    plan_required = forms.TypedChoiceField(
        label="Does the child need a child protection plan?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the child needs a child protection plan"},
    )
    category_of_abuse = forms.ChoiceField(
        label="Category of abuse (if a plan is needed)",
        choices=[("", "Not applicable")] + list(codesets.CP_CATEGORY_OF_ABUSE.choices),
        required=False,
    )

    def layout(self) -> list:
        return [
            Field.checkbox("child_attended"),
            *self.voice_layout(),
            Field.radios("plan_required", legend_size=Size.MEDIUM, inline=True),
            Field.select("category_of_abuse"),
        ]


class MinutesForm(RecordingForm):
    minutes_distributed_on = date_field(
        "Date the chair's minutes were distributed",
        missing="Enter the date the minutes were distributed",
    )
