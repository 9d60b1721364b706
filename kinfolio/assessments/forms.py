"""Assessment forms, one per section of the task list (input shape only)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio import codesets
from kinfolio.core.form_fields import date_field
from kinfolio.recording.forms import ChildsVoiceFields, RecordingForm

OUTCOME_CHOICES = [
    ("nfa", "No further action"),
    ("cin_plan", "Child in need plan"),
    ("strategy_discussion", "Strategy discussion"),
    ("other", "Other"),
]


class StartAssessmentForm(RecordingForm):
    start_date = date_field(
        "Date the assessment started", missing="Enter the date the assessment started"
    )


class ChildSeenForm(RecordingForm):
    child_seen = forms.BooleanField(
        label="The child was seen during the assessment", required=False
    )
    child_seen_date = date_field(
        "Date the child was seen", missing="Enter the date the child was seen", required=False
    )
    child_seen_alone = forms.BooleanField(label="The child was seen alone", required=False)

    def layout(self) -> list:
        return [
            Field.checkbox("child_seen"),
            Field("child_seen_date"),
            Field.checkbox("child_seen_alone"),
        ]


class ChildsViewsForm(ChildsVoiceFields, RecordingForm):
    def layout(self) -> list:
        return self.voice_layout()


class FactorsForm(RecordingForm):
    factors = forms.MultipleChoiceField(
        label="Factors identified at the end of the assessment",
        choices=[(c.code, f"{c.code}: {c.label}") for c in codesets.ASSESSMENT_FACTORS.codes],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the factors identified, or 'No factors identified'"},
    )

    def layout(self) -> list:
        return [Field.checkboxes("factors", legend_size=Size.SMALL, small=True)]


class AnalysisForm(RecordingForm):
    analysis = forms.CharField(
        label="Analysis",
        help_text="What the information means for the child: risks, strengths and needs",
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": "Enter the analysis"},
    )

    def layout(self) -> list:
        return [Field.textarea("analysis", label_size=Size.SMALL)]


class AuthoriseForm(RecordingForm):
    authorised_date = date_field(
        "Date authorised",
        missing="Enter the date the assessment was authorised",
        hint="This is the completion date sent in the children in need census",
    )
    outcomes = forms.MultipleChoiceField(
        label="Outcome of the assessment",
        choices=OUTCOME_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the outcome of the assessment"},
    )
    outcome_other_detail = forms.CharField(
        label="If other, describe the outcome",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def layout(self) -> list:
        return [
            Field("authorised_date"),
            Field.checkboxes("outcomes", legend_size=Size.SMALL),
            Field.textarea("outcome_other_detail"),
        ]


class ReturnForm(RecordingForm):
    reason = forms.CharField(
        label="What needs to change before you can authorise it?",
        help_text="The worker sees this on the assessment and is told by notification",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter what needs to change before it can be authorised"},
    )

    def layout(self) -> list:
        return [Field.textarea("reason")]
