from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms

from kinfolio.audit.services.restrictions import REASON_REQUIRED
from kinfolio.core.form_fields import DateInputField

MAX_PERIOD_DAYS = 366


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need to open this record?",
        help_text="Your reason, your name and the time are logged and sent to your manager "
        "and the data protection officer straight away.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": REASON_REQUIRED},
        strip=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.textarea("reason"),
            Button("submit", "Open the record", css_class="govuk-button--warning"),
        )


class UnusualAccessForm(forms.Form):
    """The period the unusual access report covers (GET: the page is bookmarkable)."""

    start = DateInputField(label="From", help_text="For example, 1 9 2025")
    end = DateInputField(label="To", help_text="For example, 30 9 2025")
    daily_views = forms.IntegerField(
        label="List days with more record views than",
        required=False,
        min_value=1,
        help_text="Leave this empty to use the usual number",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "invalid": "Enter the number of views as a whole number",
            "min_value": "The number of views must be 1 or more",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, words in (("start", "start"), ("end", "end")):
            message = f"Enter the {words} of the period as a day, month and year"
            self.fields[name].error_messages.update({"required": message, "incomplete": message})
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.layout = Layout(
            Field("start"),
            Field("end"),
            Field.text("daily_views", field_width=4),
            Button("submit", "Show unusual access", css_class="govuk-button--secondary"),
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "The end of the period must be the same as or after the start")
        elif start and end and (end - start).days > MAX_PERIOD_DAYS:
            self.add_error("end", "The period must be a year or shorter")
        return data


class FindPersonForm(forms.Form):
    local_id = forms.CharField(
        label="Kinfolio ID of the person who asked",
        max_length=20,
        help_text="For example, C000123. It is on every page of their record.",
        error_messages={"required": "Enter the person's Kinfolio ID"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.layout = Layout(
            Field.text("local_id", field_width=10), Button("submit", "Continue")
        )
