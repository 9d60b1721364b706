"""Question pages for a child coming into care, changes in care and leaving care (input
shape only: the rules are in ``episode_rules`` and ``services.care``)."""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from kinfolio import codesets
from kinfolio.children_in_care.models import PlacementProvider
from kinfolio.children_in_care.services.care import PlacementDetails
from kinfolio.children_in_care.services.recommendations import Recommendation
from kinfolio.core.form_fields import DateInputField
from kinfolio.fostering.models import FosterHousehold, HouseholdStatus
from kinfolio.recording.forms import ChildsVoiceFields, RecordingForm
from kinfolio.workforce.models import Worker


def _choices(code_set, blank: str) -> list[tuple[str, str]]:
    return [("", blank), *((c.code, f"{c.code}: {c.label}") for c in code_set.codes)]


class PlacementFields(forms.Form):
    """Where the child is placed, and with whom."""

    placement_type = forms.ChoiceField(
        label="Placement type",
        choices=_choices(codesets.PLACEMENT_TYPE, "Select the placement type"),
        error_messages={"required": "Select the placement type"},
    )
    placement_provider = forms.ChoiceField(
        label="Who provides the placement",
        choices=_choices(codesets.PLACEMENT_PROVIDER, "Select who provides the placement"),
        error_messages={"required": "Select who provides the placement"},
    )
    foster_household = forms.ModelChoiceField(
        label="Foster household",
        help_text="For a foster placement or a placement for adoption with foster carers",
        queryset=FosterHousehold.objects.filter(status=HouseholdStatus.APPROVED),
        required=False,
        empty_label="Not placed with foster carers",
    )
    provider = forms.ModelChoiceField(
        label="Children's home, provider or agency",
        queryset=PlacementProvider.objects.all(),
        required=False,
        empty_label="Not placed with a provider",
    )
    placement_postcode = forms.CharField(
        label="Postcode of the placement",
        help_text="Only when the placement is not with a foster household or provider "
        "(for example with parents)",
        max_length=8,
        required=False,
    )

    def placement_layout(self) -> list:
        return [
            Fieldset(
                Field.select("placement_type"),
                Field.select("placement_provider"),
                Field.select("foster_household"),
                Field.select("provider"),
                Field.text("placement_postcode", field_width=10),
                legend="The placement",
                legend_size=Size.MEDIUM,
            )
        ]

    def placement(self) -> PlacementDetails:
        data = self.cleaned_data
        return PlacementDetails(
            placement_type=data["placement_type"],
            placement_provider=data["placement_provider"],
            foster_household=data.get("foster_household"),
            provider=data.get("provider"),
            postcode=data.get("placement_postcode", ""),
        )


def placement_initial(query) -> dict:
    """A placement chosen in placement search (passed in the query string) as the first
    answers of the start-care or record-a-change page; anything else is ignored."""
    initial = {
        name: query[name]
        for name, code_set in (
            ("placement_type", codesets.PLACEMENT_TYPE),
            ("placement_provider", codesets.PLACEMENT_PROVIDER),
        )
        if query.get(name) in code_set
    }
    for name in ("foster_household", "provider"):
        if query.get(name, "").isdigit():
            initial[name], initial["moved"] = int(query[name]), True
    return initial


class BecomeLookedAfterForm(PlacementFields, RecordingForm):
    day = DateInputField(
        label="Date the child became looked after",
        help_text="For example, 27 3 2026",
        require_all_fields=False,
    )
    legal_status = forms.ChoiceField(
        label="Legal status",
        choices=_choices(codesets.LEGAL_STATUS, "Select the legal status"),
        error_messages={"required": "Select the legal status"},
    )
    category_of_need = forms.ChoiceField(
        label="Category of need",
        choices=codesets.CATEGORY_OF_NEED_LOOKED_AFTER.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the category of need"},
    )

    def layout(self) -> list:
        return [
            Field("day"),
            Field.select("legal_status"),
            Field.radios("category_of_need", legend_size=Size.SMALL),
            *self.placement_layout(),
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "day": data["day"],
            "legal_status": data["legal_status"],
            "category_of_need": data["category_of_need"],
            "placement": self.placement(),
        }


class CareChangeForm(PlacementFields, RecordingForm):
    """A change of legal status, of placement, or both, on one day."""

    day = DateInputField(
        label="Date of the change",
        help_text="A change recorded late re-orders the episodes after it",
        require_all_fields=False,
    )
    legal_status = forms.ChoiceField(
        label="New legal status",
        choices=_choices(codesets.LEGAL_STATUS, "No change of legal status"),
        required=False,
    )
    moved = forms.BooleanField(label="The child moved placement or carer", required=False)
    reason_place_change = forms.ChoiceField(
        label="Reason for the placement change",
        choices=_choices(codesets.REASON_PLACE_CHANGE, "Select the reason (when the child moved)"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("placement_type", "placement_provider"):
            self.fields[name].required = False

    def layout(self) -> list:
        return [
            Field("day"),
            Field.select("legal_status"),
            Field.checkbox("moved"),
            Field.select("reason_place_change"),
            *self.placement_layout(),
        ]

    def clean(self):
        data = super().clean()
        if data.get("moved"):
            for name, message in (
                ("placement_type", "Select the new placement type"),
                ("placement_provider", "Select who provides the new placement"),
            ):
                if not data.get(name):
                    self.add_error(name, message)
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "day": data["day"],
            "legal_status": data["legal_status"] or None,
            "placement": self.placement() if data["moved"] else None,
            "reason_place_change": data["reason_place_change"],
        }


class CeaseCareForm(RecordingForm):
    day = DateInputField(
        label="Date the child stopped being looked after",
        require_all_fields=False,
    )
    reason = forms.ChoiceField(
        label="Reason",
        choices=[
            ("", "Select the reason"),
            *(
                (c.code, f"{c.code}: {c.label}")
                for c in codesets.REASON_EPISODE_CEASED.codes
                if c.code != "X1"
            ),
        ],
        error_messages={"required": "Select the reason the child stopped being looked after"},
    )

    def layout(self) -> list:
        return [Field("day"), Field.select("reason")]


RECOMMENDATION_SLOTS = 3


class RecommendationFields(forms.Form):
    """Up to three recommendations, each with an owner and a due date (no script needed)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, RECOMMENDATION_SLOTS + 1):
            self.fields[f"recommendation_{n}_text"] = forms.CharField(
                label=f"Recommendation {n}",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
            self.fields[f"recommendation_{n}_owner"] = forms.ModelChoiceField(
                label=f"Who owns recommendation {n}",
                queryset=Worker.objects.filter(end_date__isnull=True),
                required=False,
                empty_label="Select the owner",
            )
            self.fields[f"recommendation_{n}_due_date"] = DateInputField(
                label=f"Date recommendation {n} is due",
                required=False,
                require_all_fields=False,
            )

    def recommendations_layout(self) -> list:
        return [
            Fieldset(
                Field.textarea(f"recommendation_{n}_text"),
                Field.select(f"recommendation_{n}_owner"),
                Field(f"recommendation_{n}_due_date"),
                legend=f"Recommendation {n}" + (" (optional)" if n > 1 else ""),
                legend_size=Size.MEDIUM,
            )
            for n in range(1, RECOMMENDATION_SLOTS + 1)
        ]

    def recommendations(self) -> list[Recommendation]:
        data = self.cleaned_data
        given = []
        for n in range(1, RECOMMENDATION_SLOTS + 1):
            text = data.get(f"recommendation_{n}_text", "")
            owner = data.get(f"recommendation_{n}_owner")
            due = data.get(f"recommendation_{n}_due_date")
            if text.strip() or owner or due:
                given.append(Recommendation(n, text, owner, due))
        return given


class HoldReviewForm(RecommendationFields, ChildsVoiceFields, RecordingForm):
    review_date = DateInputField(label="Date the review was held", require_all_fields=False)
    participation = forms.ChoiceField(
        label="How the child took part",
        choices=codesets.REVIEW_PARTICIPATION.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the child took part in the review"},
    )
    chair = forms.ModelChoiceField(
        label="Independent reviewing officer who chaired the review",
        queryset=Worker.objects.filter(end_date__isnull=True),
        error_messages={"required": "Select the IRO who chaired the review"},
    )

    def layout(self) -> list:
        return [
            Field("review_date"),
            Field.radios("participation", legend_size=Size.SMALL),
            Field.select("chair"),
            *self.voice_layout(),
            *self.recommendations_layout(),
        ]

    def service_arguments(self) -> dict:
        data = {
            k: v
            for k, v in super().service_arguments().items()
            if not k.startswith("recommendation_")
        }
        return {**data, "recommendations": self.recommendations()}


class CompleteRecommendationForm(RecordingForm):
    completed_on = DateInputField(label="Date it was done", require_all_fields=False)
