"""Input shapes for the plan tracker (the rules live in services)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms

from kinfolio.performance.models import CommitmentStatus


class ProgressForm(forms.Form):
    note = forms.CharField(
        label="What has been done",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what has been done"},
    )
    status = forms.ChoiceField(
        choices=CommitmentStatus.choices, error_messages={"required": "Choose the status"}
    )
    evidence = forms.CharField(
        label="Evidence",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Where the evidence is: a report, a link, a meeting's minutes",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*self.fields, Button("submit", "Record progress"))
