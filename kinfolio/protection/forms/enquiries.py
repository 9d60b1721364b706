"""Strategy discussion and section 47 forms (input shape only)."""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from kinfolio import codesets
from kinfolio.core.form_fields import date_field
from kinfolio.protection.services.strategy import Attendee
from kinfolio.recording.forms import RecordingForm

OTHER_HINT = "One person a line: name, then agency (for example: Ms Head, education)"


class StrategyDiscussionForm(RecordingForm):
    """The three agencies Working Together requires each have a row; anyone else goes in
    "Others", one a line. The service decides whether enough people took part."""

    discussion_date = date_field(
        "Date of the strategy discussion", missing="Enter the date of the strategy discussion"
    )
    social_care_name = forms.CharField(label="Children's social care", required=False)
    police_name = forms.CharField(label="Police", required=False)
    health_name = forms.CharField(label="Health", required=False)
    others = forms.CharField(
        label="Others who took part",
        help_text=OTHER_HINT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decision = forms.ChoiceField(
        label="What did the strategy discussion decide?",
        choices=codesets.STRATEGY_DECISION.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision of the strategy discussion"},
    )

    def layout(self) -> list:
        return [
            Field("discussion_date"),
            Fieldset(
                Field.text("social_care_name"),
                Field.text("police_name"),
                Field.text("health_name"),
                Field.textarea("others"),
                legend="Who took part (name)",
                legend_size=Size.SMALL,
            ),
            Field.radios("decision", legend_size=Size.SMALL),
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        attendees = [
            Attendee(data[f"{agency}_name"].strip(), agency)
            for agency in ("social_care", "police", "health")
            if data[f"{agency}_name"].strip()
        ]
        for line in filter(str.strip, data["others"].splitlines()):
            name, _, agency = line.rpartition(",")
            attendees.append(Attendee((name or line).strip(), _agency(agency if name else "")))
        return {
            "discussion_date": data["discussion_date"],
            "attendees": attendees,
            "decision": data["decision"],
        }


def _agency(text: str) -> str:
    """The agency code for what was typed (a code or a label), or "other"."""
    text = text.strip().lower()
    for code, label in codesets.MEETING_AGENCY.choices:
        if text in (code, label.lower()):
            return code
    return "other"


class StartEnquiryForm(RecordingForm):
    start_date = date_field(
        "Date the enquiry started", missing="Enter the date the enquiry started"
    )
    strategy_discussion = forms.TypedChoiceField(
        label="The strategy discussion that decided on the enquiry",
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    no_strategy_reason = forms.CharField(
        label="If there was no strategy discussion, why not?",
        help_text="Ofsted (2012) asked that a decision not to hold one is always recorded and "
        "explained",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args, discussions=(), **kwargs):
        self.discussions = {d.pk: d for d in discussions}
        super().__init__(*args, **kwargs)
        self.fields["strategy_discussion"].choices = [("", "No strategy discussion was held")] + [
            (d.pk, f"{d.discussion_date:%-d %B %Y}: {d.get_decision_display()}")
            for d in discussions
        ]

    def layout(self) -> list:
        return [
            Field("start_date"),
            Field.radios("strategy_discussion", legend_size=Size.SMALL),
            Field.textarea("no_strategy_reason"),
        ]

    def service_arguments(self) -> dict:
        arguments = super().service_arguments()
        arguments["strategy_discussion"] = self.discussions.get(arguments["strategy_discussion"])
        return arguments


class CompleteEnquiryForm(RecordingForm):
    end_date = date_field(
        "Date the enquiry was completed", missing="Enter the date the enquiry was completed"
    )
    outcome = forms.ChoiceField(
        label="Outcome of the enquiry",
        choices=codesets.S47_OUTCOME.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the enquiry"},
    )
    summary = forms.CharField(
        label="What the enquiry found",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter what the enquiry found"},
    )

    def layout(self) -> list:
        return [
            Field("end_date"),
            Field.radios("outcome", legend_size=Size.SMALL),
            Field.textarea("summary"),
        ]
