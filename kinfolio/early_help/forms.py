"""Early help forms (input shape; the rules are in early_help.services)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio import codesets
from kinfolio.core.form_fields import date_field
from kinfolio.early_help.services.episodes import EARLY_HELP_TEAM
from kinfolio.recording.forms import ChildsVoiceFields, RecordingForm
from kinfolio.workforce.models import Team, Worker


class PractitionerField(forms.ModelChoiceField):
    """A current early help practitioner, shown with their team."""

    def __init__(self, label: str, missing: str, **kwargs):
        super().__init__(
            queryset=Worker.objects.filter(
                team__team_type=EARLY_HELP_TEAM, end_date__isnull=True
            ).select_related("team"),
            label=label,
            empty_label="Select a practitioner",
            error_messages={"required": missing},
            **kwargs,
        )

    def label_from_instance(self, obj: Worker) -> str:
        return f"{obj.full_name}, {obj.job_title} ({obj.team})"


def _team_field(label: str, missing: str, *, early_help: bool) -> forms.ModelChoiceField:
    teams = (
        Team.objects.filter(team_type=EARLY_HELP_TEAM)
        if early_help
        else Team.objects.exclude(team_type=EARLY_HELP_TEAM)
    )
    return forms.ModelChoiceField(
        queryset=teams.order_by("name"),
        label=label,
        empty_label="Select a team",
        error_messages={"required": missing},
    )


def _text(label: str, missing: str, rows: int = 6, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": missing},
        **kwargs,
    )


class StartForm(RecordingForm):
    start_date = date_field("Date early help started", missing="Enter the date early help started")
    team = _team_field("Early help team", "Select the early help team", early_help=True)
    lead_practitioner = PractitionerField(
        "Lead practitioner (if known)", "Select the lead practitioner", required=False
    )

    def layout(self) -> list:
        return [Field("start_date"), Field.select("team"), Field.select("lead_practitioner")]


class AssessmentForm(ChildsVoiceFields, RecordingForm):
    assessment_date = date_field(
        "Date of the early help assessment", missing="Enter the date of the early help assessment"
    )
    assessment_summary = _text(
        "What the assessment found",
        "Enter what the assessment found",
        help_text="The family's needs and strengths, and what early help will do",
    )

    def layout(self) -> list:
        return [
            Field("assessment_date"),
            Field.textarea("assessment_summary"),
            *self.voice_layout(),
        ]


class LeadPractitionerForm(RecordingForm):
    lead_practitioner = PractitionerField("Lead practitioner", "Select the lead practitioner")

    def layout(self) -> list:
        return [Field.select("lead_practitioner")]


class MemberForm(RecordingForm):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the member's name"}
    )
    agency = forms.ChoiceField(
        label="Agency",
        choices=[("", "Select an agency"), *codesets.MEETING_AGENCY.choices],
        error_messages={"required": "Select the member's agency"},
    )
    role = forms.CharField(
        label="Role (optional)",
        max_length=200,
        required=False,
        help_text="For example, school nurse",
    )
    joined_on = date_field(
        "Date they joined the team", missing="Enter the date they joined the team"
    )

    def layout(self) -> list:
        return [Field.text("name"), Field.select("agency"), Field.text("role"), Field("joined_on")]


class ReviewForm(ChildsVoiceFields, RecordingForm):
    review_date = date_field("Date of the review", missing="Enter the date of the review")
    summary = _text("What the review found", "Enter what the review found")

    def layout(self) -> list:
        return [Field("review_date"), Field.textarea("summary"), *self.voice_layout()]


class CloseForm(RecordingForm):
    end_date = date_field("Date early help ended", missing="Enter the date early help ended")
    closure_reason = forms.ChoiceField(
        label="Outcome of early help",
        # Stepping up closes early help from its own page, with the referral.
        choices=[c for c in codesets.EARLY_HELP_CLOSURE_REASON.choices if c[0] != "stepped_up"],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of early help"},
    )

    def layout(self) -> list:
        return [Field("end_date"), Field.radios("closure_reason", legend_size=Size.SMALL)]


class StepUpForm(RecordingForm):
    referral_date = date_field("Date of the referral", missing="Enter the date of the referral")
    referral_source = forms.ChoiceField(
        label="Source of the referral",
        choices=[("", "Select the source")]
        + [(c.code, f"{c.code}: {c.label}") for c in codesets.REFERRAL_SOURCE.codes],
        error_messages={"required": "Select the source of the referral"},
    )
    team = _team_field(
        "Team taking the referral", "Select the team taking the referral", early_help=False
    )

    def layout(self) -> list:
        return [Field("referral_date"), Field.select("referral_source"), Field.select("team")]


class StepDownForm(RecordingForm):
    start_date = date_field("Date early help starts", missing="Enter the date early help starts")
    receiving_practitioner = PractitionerField(
        "Receiving early help practitioner",
        "Select the early help practitioner who will receive the family",
        help_text="They will lead the early help",
    )
    step_down_plan = _text(
        "Step-down plan",
        "Enter the step-down plan: what carries on from social care's plan and who does it",
        help_text="What carries on from social care's plan, and who does it",
    )

    def layout(self) -> list:
        return [
            Field("start_date"),
            Field.select("receiving_practitioner"),
            Field.textarea("step_down_plan"),
        ]
