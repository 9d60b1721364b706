"""Input shapes for action plans (the rules live in services)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms

from kinfolio.core.form_fields import DateInputField
from kinfolio.inspection.models import Action, EvidenceLink
from kinfolio.inspection.selectors import action_owner_choices


class _GdsForm(forms.Form):
    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*self.fields, Button("submit", self.submit_label))


class ActionForm(_GdsForm):
    submit_label = "Add action"
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what will be done"},
    )
    owner = forms.ModelChoiceField(
        queryset=action_owner_choices(), error_messages={"required": "Choose who owns the action"}
    )
    due_on = DateInputField(
        label="Due date",
        required=False,
        require_all_fields=False,
        help_text="Leave empty to use the end of the published timescale. For example, 27 3 2026",
    )


class ProgressForm(_GdsForm):
    submit_label = "Record progress"
    note = forms.CharField(
        label="What has been done",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what has been done"},
    )
    status = forms.ChoiceField(
        choices=Action.Status.choices, error_messages={"required": "Choose the status"}
    )


class EvidenceForm(_GdsForm):
    submit_label = "Add evidence"
    kind = forms.ChoiceField(
        label="Kind of evidence",
        choices=EvidenceLink.Kind.choices,
        error_messages={"required": "Choose the kind of evidence"},
    )
    title = forms.CharField(max_length=300, error_messages={"required": "Enter a title"})
    reference = forms.CharField(
        max_length=500,
        label="Link or reference",
        error_messages={"required": "Enter a link or reference"},
    )


class AnnexAForm(_GdsForm):
    submit_label = "Produce Annex A"
    start = DateInputField(
        label="Start of the period",
        require_all_fields=False,
        help_text="Ofsted asks for six months (twelve for adoption). For example, 1 6 2026",
    )
    end = DateInputField(
        label="End of the period",
        require_all_fields=False,
        help_text="Usually the day before the inspection. For example, 30 11 2026",
    )


class InspectorForm(_GdsForm):
    submit_label = "Create the inspector's account"
    first_name = forms.CharField(max_length=150, error_messages={"required": "Enter a first name"})
    last_name = forms.CharField(max_length=150, error_messages={"required": "Enter a last name"})
    email = forms.EmailField(error_messages={"required": "Enter an email address"})
    username = forms.CharField(max_length=150, error_messages={"required": "Enter a username"})
    inspectorate = forms.CharField(max_length=200, initial="Ofsted")
    period_start = DateInputField(label="Start of the period inspected", require_all_fields=False)
    period_end = DateInputField(label="End of the period inspected", require_all_fields=False)
    days = forms.IntegerField(
        label="Days of access",
        min_value=1,
        initial=14,
        error_messages={"required": "Enter how many days the account stays open"},
    )
