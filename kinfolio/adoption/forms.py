"""Question pages for adopters and a child's adoption (input shape only: the rules are
in ``services.adopters`` and ``services.plans``)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio import codesets
from kinfolio.adoption.models import AdopterHousehold
from kinfolio.fostering.forms import YES_NO, _date
from kinfolio.recording.forms import RecordingForm


class AdopterEnquiryForm(RecordingForm):
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
    postcode = forms.CharField(
        label="Postcode of their home",
        max_length=8,
        error_messages={"required": "Enter the postcode of their home"},
    )
    enquiry_date = _date("Date the enquiry was received")

    def layout(self) -> list:
        return [
            Field.text("adopters"),
            Field.radios("number_of_adopters", legend_size=Size.SMALL, inline=True),
            Field.select("sex_of_adopters"),
            Field.select("legal_status"),
            Field.text("postcode", field_width=10),
            Field("enquiry_date"),
        ]


class StepForm(RecordingForm):
    day = _date("Date")

    def __init__(self, *args, label: str = "Date", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].label = label


class AdopterLeavingForm(RecordingForm):
    day = _date("Date they left the adoption process")
    reason = forms.ChoiceField(
        label="Why did they leave?",
        choices=codesets.ADOPTER_LEAVING_REASON.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the adopters left the process"},
    )

    def layout(self) -> list:
        return [Field("day"), Field.radios("reason", legend_size=Size.SMALL)]


class MatchForm(RecordingForm):
    day = _date("Date the child was matched with adopters")
    adopters = forms.ModelChoiceField(
        label="Adopters",
        queryset=AdopterHousehold.objects.filter(
            approval_date__isnull=False, deregistered_on__isnull=True
        ),
        error_messages={"required": "Select the adopters"},
    )
    adopted_by_foster_carer = forms.TypedChoiceField(
        label="Are the adopters the child's foster carers?",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the adopters are the child's foster carers"},
    )

    def layout(self) -> list:
        return [
            Field("day"),
            Field.select("adopters"),
            Field.radios("adopted_by_foster_carer", legend_size=Size.SMALL, inline=True),
        ]


class ReverseForm(RecordingForm):
    day = _date("Date of the decision that the child should no longer be placed for adoption")
    reason = forms.ChoiceField(
        label="Reason",
        choices=[(c.code, f"{c.code}: {c.label}") for c in codesets.REASON_PLACED_CEASED.codes],
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the child should no longer be placed"},
    )

    def layout(self) -> list:
        return [Field("day"), Field.radios("reason", legend_size=Size.SMALL)]
