from django import forms

from kinfolio.returns.models import KIND_CHOICES
from kinfolio.returns.years import CollectionYear, supported_years


class ValidateForm(forms.Form):
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    year = forms.ChoiceField(choices=[(y.slug, y.label) for y in supported_years()])

    def clean_year(self) -> CollectionYear:
        return CollectionYear.parse(self.cleaned_data["year"])
