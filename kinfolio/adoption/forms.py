"""Question pages for adopters and a child's adoption (input shape only: the rules are
in ``services.adopters`` and ``services.plans``)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio import codesets
from kinfolio.adoption.models import AdopterHousehold
from kinfolio.core.form_fields import date_question, yes_no_question
from kinfolio.fostering.forms import EnquiryFields
from kinfolio.recording.forms import DayAndReasonForm, RecordingForm


class AdopterEnquiryForm(EnquiryFields, RecordingForm):
    adopters = forms.CharField(
        label="Names of the people who want to adopt",
        max_length=200,
        error_messages={"required": "Enter the names of the people who want to adopt"},
    )
    number_of_adopters = forms.TypedChoiceField(
        label="How many adopters?",
        choices=[("1", "One"), ("2", "Two (a couple)")],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how many adopters"},
    )
    sex_of_adopters = forms.ChoiceField(
        label="Sex of the adopters",
        choices=[("", "Select"), *codesets.ADOPTER_SEX.choices],
        error_messages={"required": "Select the sex of the adopters"},
    )
    legal_status = forms.ChoiceField(
        label="Legal status of the adopters",
        choices=[("", "Select"), *codesets.ADOPTER_LEGAL_STATUS.choices],
        error_messages={"required": "Select the legal status of the adopters"},
    )

    def layout(self) -> list:
        return [
            Field.text("adopters"),
            Field.radios("number_of_adopters", legend_size=Size.SMALL, inline=True),
            Field.select("sex_of_adopters"),
            Field.select("legal_status"),
            Field.text("postcode", field_width=10),
            Field("enquiry_date"),
        ]


class AdopterLeavingForm(DayAndReasonForm):
    day_label = "Date they left the adoption process"
    reason_label = "Why did they leave?"
    reason_missing = "Select why the adopters left the process"
    reasons = codesets.ADOPTER_LEAVING_REASON.choices


class MatchForm(RecordingForm):
    day = date_question("Date the child was matched with adopters")
    adopters = forms.ModelChoiceField(
        label="Adopters",
        queryset=AdopterHousehold.objects.filter(
            approval_date__isnull=False, deregistered_on__isnull=True
        ),
        error_messages={"required": "Select the adopters"},
    )
    adopted_by_foster_carer = yes_no_question(
        "Are the adopters the child's foster carers?",
        missing="Select whether the adopters are the child's foster carers",
    )

    def layout(self) -> list:
        return [
            Field("day"),
            Field.select("adopters"),
            Field.radios("adopted_by_foster_carer", legend_size=Size.SMALL, inline=True),
        ]


class ReverseForm(DayAndReasonForm):
    day_label = "Date of the decision that the child should no longer be placed for adoption"
    reason_label = "Reason"
    reason_missing = "Select why the child should no longer be placed"
    reasons = [(c.code, f"{c.code}: {c.label}") for c in codesets.REASON_PLACED_CEASED.codes]
