"""Question pages for care leavers (input shape only: rules in ``services``)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio import codesets
from kinfolio.care_leavers.models import Eligibility
from kinfolio.core.form_fields import date_field
from kinfolio.fostering.models import FosterHousehold
from kinfolio.recording.forms import RecordingForm
from kinfolio.workforce.models import Worker


def _coded(code_set, label: str, missing: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", missing), *((c.code, f"{c.code}: {c.label}") for c in code_set.codes)],
        error_messages={"required": missing},
    )


class StatusForm(RecordingForm):
    eligibility = forms.ChoiceField(
        label="Care leaver category",
        choices=Eligibility.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the care leaver category"},
    )
    start_date = date_field("Date the category applies from", missing="Enter the date")

    def layout(self) -> list:
        return [Field.radios("eligibility", legend_size=Size.SMALL), Field("start_date")]


class PathwayPlanForm(RecordingForm):
    start_date = date_field(
        "Date the plan was agreed", missing="Enter the date the plan was agreed"
    )
    personal_adviser = forms.ModelChoiceField(
        label="Personal adviser",
        queryset=Worker.objects.filter(end_date__isnull=True),
        empty_label="Select the personal adviser",
        error_messages={"required": "Select the personal adviser"},
    )

    def layout(self) -> list:
        return [Field("start_date"), Field.select("personal_adviser")]


class PathwayReviewForm(RecordingForm):
    review_date = date_field("Date of the review", missing="Enter the date of the review")


class BirthdayContactForm(RecordingForm):
    birthday = date_field(
        "Birthday the information is for",
        missing="Enter the birthday",
        hint="Their 17th, 18th, 19th, 20th or 21st birthday",
    )
    contact_date = date_field("Date of latest contact", missing="", required=False)
    in_touch = _coded(codesets.CARE_LEAVER_IN_TOUCH, "In touch", "Select whether in touch")
    activity = _coded(
        codesets.CARE_LEAVER_ACTIVITY,
        "Main activity (education, employment or training)",
        "Select the main activity",
    )
    accommodation = _coded(
        codesets.CARE_LEAVER_ACCOMMODATION,
        "Accommodation and whether it is suitable",
        "Select the accommodation",
    )

    def layout(self) -> list:
        return [
            Field("birthday"),
            Field("contact_date"),
            Field.select("in_touch"),
            Field.select("activity"),
            Field.select("accommodation"),
        ]


class StayingPutForm(RecordingForm):
    start_date = date_field("Date staying put started", missing="Enter the date")
    foster_household = forms.ModelChoiceField(
        label="Former foster carers",
        queryset=FosterHousehold.objects.all(),
        required=False,
        empty_label="Not recorded",
    )

    def layout(self) -> list:
        return [Field("start_date"), Field.select("foster_household")]


class HealthHistoryForm(RecordingForm):
    given_on = date_field(
        "Date the health history was given", missing="Enter the date it was given"
    )
