"""The question page for a placement provider (input shape only: the rules are in
``services.providers``)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio import codesets
from kinfolio.children_in_care.models import OfstedRating
from kinfolio.core.form_fields import DateInputField
from kinfolio.recording.forms import RecordingForm


class ProviderForm(RecordingForm):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the provider's name"}
    )
    provider_type = forms.ChoiceField(
        label="Kind of provider",
        choices=[("", "Select the kind of provider"), *codesets.PROVIDER_TYPE.choices],
        error_messages={"required": "Select the kind of provider"},
    )
    in_house = forms.BooleanField(
        label="Run by the council itself (SSDA903 placement provider PR1)", required=False
    )
    urn = forms.CharField(
        label="Ofsted unique reference number (URN)",
        help_text="For example, SC123456. Leave empty for an unregistered provider",
        max_length=8,
        required=False,
    )
    postcode = forms.CharField(label="Postcode", max_length=8, required=False)
    capacity = forms.IntegerField(
        label="Number of children it is registered for",
        help_text="Leave empty for a fostering agency: its places are its households'",
        min_value=1,
        max_value=999,
        required=False,
    )
    needs_met = forms.MultipleChoiceField(
        label="Needs it is registered or contracted to meet",
        help_text="Placement search offers it only to children whose needs it meets",
        choices=codesets.PLACEMENT_NEED.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    ofsted_rating = forms.ChoiceField(
        label="Ofsted's latest overall judgement",
        choices=[("", "Not recorded"), *OfstedRating.choices],
        required=False,
    )
    ofsted_rating_date = DateInputField(
        label="Date of the judgement",
        help_text="For example, 27 3 2026",
        require_all_fields=False,
        required=False,
    )

    def layout(self) -> list:
        return [
            Field.text("name"),
            Field.select("provider_type"),
            Field.checkbox("in_house"),
            Field.text("urn", field_width=10),
            Field.text("postcode", field_width=10),
            Field.text("capacity", field_width=3),
            Field.checkboxes("needs_met", legend_size=Size.SMALL),
            Field.select("ofsted_rating"),
            Field("ofsted_rating_date"),
        ]


def initial_for(provider) -> dict:
    """The provider's details as the form's starting answers, to change them."""
    return {
        name: getattr(provider, name)
        for name in ProviderForm.base_fields
        if name != "opened_version"
    }
