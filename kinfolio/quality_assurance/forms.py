"""Input shapes for case file audits."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms

from kinfolio.accounts.models import Role, User
from kinfolio.quality_assurance.models import AuditTool

AUDITOR_ROLES = [Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.DIRECTOR, Role.SENIOR_PRACTITIONER]


def _helper(form, label: str) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*form.fields, Button("submit", label))
    return helper


class SampleForm(forms.Form):
    tool = forms.ModelChoiceField(
        queryset=AuditTool.objects.all(), error_messages={"required": "Choose the audit tool"}
    )
    name = forms.CharField(max_length=200, error_messages={"required": "Enter a name"})
    local_ids = forms.CharField(
        label="Children's IDs (to choose the children)",
        required=False,
        help_text="Separate IDs with spaces or commas. Leave empty to draw a random sample.",
    )
    size = forms.IntegerField(
        label="How many children to draw at random", required=False, min_value=1
    )
    auditors = forms.ModelMultipleChoiceField(
        queryset=User.objects.filter(is_active=True, role__in=AUDITOR_ROLES),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one auditor"},
    )
    moderators = forms.ModelMultipleChoiceField(
        queryset=User.objects.filter(is_active=True, role__in=AUDITOR_ROLES),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    moderate = forms.IntegerField(
        label="How many audits to moderate", required=False, min_value=0, initial=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(self, "Create the audits")

    def clean_local_ids(self) -> list[str]:
        return self.cleaned_data["local_ids"].replace(",", " ").split()


class GradesForm(forms.Form):
    """One required choice of grade per question of the audit's tool."""

    def __init__(self, *args, questions, grades, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(g.pk, g.label) for g in grades]
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=f"{question.theme}: {question.text}",
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose a grade for {question.theme.lower()}"},
            )
        self.helper = _helper(self, "Save grades")

    def grades(self, grades) -> dict[int, object]:
        by_pk = {g.pk: g for g in grades}
        return {int(k[1:]): by_pk[v] for k, v in self.cleaned_data.items()}
