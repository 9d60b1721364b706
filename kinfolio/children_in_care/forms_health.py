"""Question pages for a looked after child's health, education, missing episodes and
UASC status (input shape only: the rules are in ``services.health`` and
``services.missing``)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio import codesets
from kinfolio.children_in_care.models import VirtualSchoolContact
from kinfolio.core.form_fields import date_question, yes_no_question
from kinfolio.recording.forms import RecordingForm


class HealthAssessmentForm(RecordingForm):
    kind = forms.ChoiceField(
        label="Which health assessment",
        choices=codesets.HEALTH_ASSESSMENT_TYPE.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of health assessment"},
    )
    assessment_date = date_question("Date of the health assessment")

    def layout(self) -> list:
        return [Field.radios("kind", legend_size=Size.SMALL), Field("assessment_date")]


class DentalCheckForm(RecordingForm):
    check_date = date_question("Date of the dental check")


class ImmunisationsForm(RecordingForm):
    checked_on = date_question("Date the immunisations were checked")
    up_to_date = yes_no_question(
        "Were the child's immunisations up to date?",
        missing="Select yes if the immunisations were up to date",
    )

    def layout(self) -> list:
        return [Field("checked_on"), Field.radios("up_to_date", legend_size=Size.SMALL)]


class SDQForm(RecordingForm):
    completed_date = date_question("Date of the strengths and difficulties questionnaire")
    score = forms.IntegerField(
        label="Total difficulties score (0 to 40)",
        required=False,
        min_value=0,
        max_value=40,
        error_messages={
            "min_value": "The total score must be between 0 and 40",
            "max_value": "The total score must be between 0 and 40",
            "invalid": "Enter the total score as a number, like 14",
        },
    )
    reason_not_completed = forms.ChoiceField(
        label="If no score, why was the questionnaire not completed?",
        choices=[("", "Not applicable: there is a score"), *codesets.SDQ_REASON.choices],
        required=False,
    )

    def layout(self) -> list:
        return [
            Field("completed_date"),
            Field.text("score", field_width=3),
            Field.select("reason_not_completed"),
        ]


class PEPForm(RecordingForm):
    pep_date = date_question("Date the personal education plan was agreed")


class VirtualSchoolContactForm(RecordingForm):
    contact_date = date_question("Date of the contact")
    role = forms.ChoiceField(
        label="Who at the virtual school was the contact with?",
        choices=VirtualSchoolContact.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who at the virtual school the contact was with"},
    )
    contact_name = forms.CharField(
        label="Their name",
        max_length=200,
        error_messages={"required": "Enter the name of the person at the virtual school"},
    )
    purpose = forms.CharField(
        label="What was the contact about?",
        help_text="For example, a school place, an exclusion, pupil premium plus, the PEP",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the contact was about"},
    )
    outcome = forms.CharField(
        label="What came of it?",
        help_text="What was agreed, and who will do what",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what came of the contact"},
    )

    def layout(self) -> list:
        return [
            Field("contact_date"),
            Field.radios("role", legend_size=Size.SMALL),
            Field.text("contact_name"),
            Field.textarea("purpose"),
            Field.textarea("outcome"),
        ]


class MissingForm(RecordingForm):
    missing_type = forms.ChoiceField(
        label="Was the child missing or away?",
        choices=codesets.MISSING_TYPE.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the child was missing or away"},
    )
    start_date = date_question("Date the child went missing or away")

    def layout(self) -> list:
        return [Field.radios("missing_type", legend_size=Size.SMALL), Field("start_date")]


class ReturnForm(RecordingForm):
    end_date = date_question("Date the child came back")


class ReturnInterviewForm(RecordingForm):
    offered_on = date_question("Date the return home interview was offered")
    accepted = yes_no_question(
        "Did the child accept the interview?",
        missing="Select yes if the child accepted the interview",
    )

    def layout(self) -> list:
        return [Field("offered_on"), Field.radios("accepted", legend_size=Size.SMALL)]


class UASCStartForm(RecordingForm):
    start_date = date_question("Date the child became an unaccompanied asylum-seeking child")


class UASCEndForm(RecordingForm):
    end_date = date_question(
        "Date UASC status ceased", hint="For example, when granted leave to remain, or at 18"
    )
