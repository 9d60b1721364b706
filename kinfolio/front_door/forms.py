"""Front door forms (input shape only; the rules are in front_door.services)."""

import datetime as dt

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils import timezone

from kinfolio import codesets
from kinfolio.core.form_fields import DateInputField
from kinfolio.front_door.models import InformedMethod, RAGRating
from kinfolio.front_door.services.contacts import NEW_CHILD, NOT_LISTED
from kinfolio.recording.forms import RecordingForm

YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no(label: str, **kwargs) -> forms.TypedChoiceField:
    """A yes/no question answered with radios; unanswered is None (the service asks)."""
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        **kwargs,
    )


def text(label: str, *, required: bool = False, rows: int = 0, **kwargs) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(label=label, required=required, widget=widget, **kwargs)


class ChildDetailsFields(forms.Form):
    child_given_name = text("Child's first name")
    child_family_name = text("Child's last name")
    child_date_of_birth = DateInputField(
        label="Child's date of birth", help_text="For example, 27 3 2016", required=False
    )
    child_nhs_number = text("Child's NHS number (if known)", help_text="10 digits")

    def child_layout(self) -> list:
        return [
            Field.text("child_given_name"),
            Field.text("child_family_name"),
            Field("child_date_of_birth"),
            Field.text("child_nhs_number", field_width=10),
        ]


class ConcernFields(forms.Form):
    concern_summary = text("What is the concern?", rows=6)
    consent_obtained = yes_no("Does the family know about and agree to this contact?")
    referrer_anonymous = yes_no("Has the referrer asked that the family is not told who they are?")
    anonymity_reason = text("Why must the family not be told?", rows=3)

    def concern_layout(self) -> list:
        return [
            Field.textarea("concern_summary"),
            Field.radios("consent_obtained", inline=True, legend_size=Size.SMALL),
            Field.radios("referrer_anonymous", inline=True, legend_size=Size.SMALL),
            Field.textarea("anonymity_reason"),
        ]

    def clean_referrer_anonymous(self) -> bool:
        return bool(self.cleaned_data.get("referrer_anonymous"))


class SendReferralForm(ChildDetailsFields, ConcernFields, RecordingForm):
    """A partner's online referral."""

    source = forms.ChoiceField(
        label="What kind of agency do you work for?",
        choices=[("", "Select")] + list(codesets.REFERRAL_SOURCE.choices),
        required=False,
    )
    referrer_role = text("Your job title")
    referrer_phone = text("A phone number we can reach you on")
    child_address = text("Child's address (if known)", rows=3)

    def layout(self) -> list:
        return [
            Fieldset(
                Field.select("source"),
                Field.text("referrer_role"),
                Field.text("referrer_phone", field_width=20),
                legend="About you",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                *self.child_layout(),
                Field.textarea("child_address"),
                legend="The child",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(*self.concern_layout(), legend="Your concern", legend_size=Size.MEDIUM),
        ]


class ContactForm(ChildDetailsFields, ConcernFields, RecordingForm):
    """The front door records a contact (typed, or from an online referral)."""

    match = forms.ChoiceField(
        label="Who is this contact about?", required=False, widget=forms.RadioSelect
    )
    received_on = DateInputField(label="Date received", required=False)
    received_time = forms.TimeField(
        label="Time received",
        help_text="For example, 14:30",
        required=False,
        error_messages={"invalid": "Enter the time as hours and minutes, like 14:30"},
    )
    source = forms.ChoiceField(
        label="Source of the contact",
        choices=[("", "Select")] + list(codesets.REFERRAL_SOURCE.choices),
        required=False,
    )
    referrer_name = text("Referrer's name")
    referrer_agency = text("Referrer's agency or relationship to the child")
    referrer_role = text("Referrer's job title")
    referrer_phone = text("Referrer's phone number")
    referrer_email = forms.EmailField(label="Referrer's e-mail address", required=False)

    def __init__(self, *args, matches=(), **kwargs):
        self.matches = list(matches)
        super().__init__(*args, **kwargs)
        self.fields["match"].choices = [
            (
                child.local_id,
                f"{child.full_name}, born {child.date_of_birth:%-d %B %Y}, {child.local_id}"
                if child.date_of_birth
                else child.full_name,
            )
            for child in self.matches
        ] + [
            (NOT_LISTED, "None of these: record a new child")
            if self.matches
            else (NEW_CHILD, "A child not yet known to us: record a new child")
        ]

    def layout(self) -> list:
        return [
            Fieldset(*self.child_layout(), legend="The child", legend_size=Size.MEDIUM),
            Field.radios("match", legend_size=Size.MEDIUM),
            Fieldset(
                Field("received_on"),
                Field.text("received_time", field_width=5),
                Field.select("source"),
                Field.text("referrer_name"),
                Field.text("referrer_agency"),
                Field.text("referrer_role"),
                Field.text("referrer_phone", field_width=20),
                Field.text("referrer_email"),
                legend="The referrer",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(*self.concern_layout(), legend="The concern", legend_size=Size.MEDIUM),
        ]

    def service_arguments(self) -> dict:
        data = super().service_arguments()
        day, time = data.pop("received_on"), data.pop("received_time")
        data["received_at"] = (
            timezone.make_aware(dt.datetime.combine(day, time)) if day and time else None
        )
        return data


class RAGForm(RecordingForm):
    rag_rating = forms.ChoiceField(
        label="RAG rating", choices=RAGRating.choices, widget=forms.RadioSelect, required=False
    )


class DecisionForm(RecordingForm):
    decision = forms.ChoiceField(
        label="What is the decision?",
        choices=codesets.CONTACT_OUTCOME.choices,
        widget=forms.RadioSelect,
        required=False,
    )


class CheckForm(RecordingForm):
    agency = forms.ChoiceField(
        label="Which agency was asked?",
        choices=[("", "Select")] + list(codesets.CONTACT_SOURCE_AGENCY.choices),
        required=False,
    )
    requested_date = DateInputField(label="Date the check was requested", required=False)


class CheckResponseForm(RecordingForm):
    response_date = DateInputField(label="Date the agency replied", required=False)
    summary = text("What the agency said", rows=5)


class TellReferrerForm(RecordingForm):
    method = forms.ChoiceField(
        label="How is the referrer told?",
        choices=InformedMethod.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    content = text("What the referrer is told", rows=10)
