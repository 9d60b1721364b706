"""Referral and child in need plan forms (input shape; the rules are in the services)."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from kinfolio import codesets
from kinfolio.core.form_fields import date_field
from kinfolio.recording.forms import ChildsVoiceFields, RecordingForm


def _choices(codeset, blank: str = "") -> list[tuple[str, str]]:
    return ([("", blank)] if blank else []) + [
        (c.code, f"{c.code}: {c.label}") for c in codeset.codes
    ]


class OpenReferralForm(RecordingForm):
    referral_date = date_field("Date of the referral", missing="Enter the date of the referral")
    referral_source = forms.ChoiceField(
        label="Source of the referral",
        choices=_choices(codesets.REFERRAL_SOURCE, "Select the source"),
        error_messages={"required": "Select the source of the referral"},
    )
    primary_need = forms.ChoiceField(
        label="Primary need (if known)",
        choices=_choices(codesets.CATEGORY_OF_NEED, "Not yet known"),
        required=False,
    )

    def layout(self) -> list:
        return [
            Field("referral_date"),
            Field.select("referral_source"),
            Field.select("primary_need"),
        ]


class CloseEpisodeForm(RecordingForm):
    close_date = date_field("Date the case closed", missing="Enter the date the case closed")
    reason = forms.ChoiceField(
        label="Reason for closure",
        choices=_choices(codesets.CIN_CLOSURE_REASON),
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reason the case is closing"},
    )
    referral_nfa = forms.BooleanField(
        label="The referral itself went no further (no assessment was started)", required=False
    )

    def layout(self) -> list:
        return [
            Field("close_date"),
            Field.radios("reason", legend_size=Size.SMALL),
            Field.checkbox("referral_nfa"),
        ]


class StartCINPlanForm(ChildsVoiceFields, RecordingForm):
    start_date = date_field("Date the plan started", missing="Enter the date the plan started")

    def layout(self) -> list:
        return [Field("start_date"), *self.voice_layout()]


class EndCINPlanForm(RecordingForm):
    end_date = date_field("Date the plan ended", missing="Enter the date the plan ended")
    end_reason = forms.ChoiceField(
        label="Why did the plan end?",
        choices=codesets.CIN_PLAN_END_REASON.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the plan ended"},
    )

    def layout(self) -> list:
        return [Field("end_date"), Field.radios("end_reason", legend_size=Size.SMALL)]


class ReviewCINPlanForm(ChildsVoiceFields, RecordingForm):
    review_date = date_field("Date of the review", missing="Enter the date of the review")
    notes = forms.CharField(
        label="What the review found",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter what the review found"},
    )

    def layout(self) -> list:
        return [Field("review_date"), Field.textarea("notes"), *self.voice_layout()]
