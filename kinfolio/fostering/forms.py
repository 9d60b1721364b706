"""Question pages for foster households and placement search (input shape only: the
rules are in ``services.households`` and ``placement_search``)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from kinfolio import codesets
from kinfolio.children_in_care.models import PlacementProvider
from kinfolio.core.form_fields import date_question, yes_no_question
from kinfolio.fostering.models import EnquiryClosure
from kinfolio.fostering.placement_search import KINDS
from kinfolio.recording.forms import DayAndReasonForm, DayForm, RecordingForm


class EnquiryFields(forms.Form):
    """What an enquiry to foster or to adopt asks of every household besides their
    names: their home's postcode and the day they asked. Put it before
    ``RecordingForm`` in the bases."""

    postcode = forms.CharField(
        label="Postcode of their home",
        max_length=8,
        error_messages={"required": "Enter the postcode of their home"},
    )
    enquiry_date = date_question("Date the enquiry was received")


class EnquiryForm(EnquiryFields, RecordingForm):
    carers = forms.CharField(
        label="Names of the people who want to foster",
        max_length=200,
        error_messages={"required": "Enter the names of the people who want to foster"},
    )
    agency = forms.ChoiceField(
        label="Who will assess and approve them?",
        choices=[("in_house", "The council's own fostering service"), ("ifa", "An agency")],
        widget=forms.RadioSelect,
        initial="in_house",
        error_messages={"required": "Select who will assess and approve them"},
    )
    fostering_agency = forms.ModelChoiceField(
        label="Independent fostering agency",
        help_text="Only for an agency's carers",
        queryset=PlacementProvider.objects.filter(provider_type="ifa"),
        required=False,
        empty_label="Not an agency's carers",
    )
    connected_persons = forms.BooleanField(
        label="Family or friends of a child they will care for (connected persons)",
        required=False,
    )

    def layout(self) -> list:
        return [
            Field.text("carers"),
            Field.text("postcode", field_width=10),
            Field("enquiry_date"),
            Field.radios("agency", legend_size=Size.SMALL),
            Field.select("fostering_agency"),
            Field.checkbox("connected_persons"),
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "carers": data["carers"],
            "postcode": data["postcode"],
            "enquiry_date": data["enquiry_date"],
            "in_house": data["agency"] == "in_house",
            "fostering_agency": data["fostering_agency"],
            "connected_persons": data["connected_persons"],
        }


class AssessmentForm(DayForm):
    day_label = "Date the assessment started"


class ApprovalForm(RecordingForm):
    panel_date = date_question("Date of the fostering panel")
    approval_date = date_question("Date the agency decision maker approved the household")
    approved_places = forms.IntegerField(
        label="Number of children approved for",
        min_value=0,
        max_value=99,
        error_messages={"required": "Enter the number of children approved for"},
    )
    age_from = forms.IntegerField(label="Approved from age", min_value=0, max_value=25)
    age_to = forms.IntegerField(label="Approved up to age", min_value=0, max_value=25)
    needs_met = forms.MultipleChoiceField(
        label="Needs the household is approved to meet",
        choices=codesets.PLACEMENT_NEED.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def layout(self) -> list:
        return [
            Field("panel_date"),
            Field("approval_date"),
            Field.text("approved_places", field_width=2),
            Field.text("age_from", field_width=2),
            Field.text("age_to", field_width=2),
            Field.checkboxes("needs_met", legend_size=Size.SMALL),
        ]


class ReviewForm(RecordingForm):
    review_date = date_question("Date of the annual review")
    approval_continued = yes_no_question(
        "Does the approval continue?", missing="Select whether the approval continues"
    )

    def layout(self) -> list:
        return [Field("review_date"), Field.radios("approval_continued", legend_size=Size.SMALL)]


class AvailabilityForm(RecordingForm):
    taking_placements = yes_no_question(
        "Is the household taking placements?",
        hint="A household on hold shows no vacancies in placement search",
        missing="Select whether the household is taking placements",
    )

    def layout(self) -> list:
        return [Field.radios("taking_placements", legend_size=Size.SMALL)]


class DeregisterForm(DayAndReasonForm):
    day_label = "Date the household was deregistered"
    reason_label = "Why was the household deregistered?"
    reason_missing = "Select why the household was deregistered"
    reasons = codesets.DEREGISTRATION_REASON.choices


class CloseEnquiryForm(DayAndReasonForm):
    day_label = "Date the enquiry closed"
    reason_label = "Why did it close?"
    reason_missing = "Select whether the applicants withdrew or the service did not progress it"
    reasons = EnquiryClosure.choices
    detail = forms.CharField(
        label="What happened",
        help_text="For example, what the applicants said, or why the service did not go on",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what happened"},
    )

    def layout(self) -> list:
        return [*super().layout(), Field.textarea("detail")]


class ExemptionForm(RecordingForm):
    """An exemption from the usual fostering limit: the children are those placed now
    (ticked) and any about to be placed (by their Kinfolio ID, among the children the
    worker may see)."""

    granted_by = forms.CharField(
        label="Who granted the exemption?",
        help_text="Their name and role, for example Sam Patel, Head of Children in Care",
        max_length=200,
        error_messages={"required": "Enter the name and role of the person who granted it"},
    )
    granted_on = date_question("Date granted")
    until = date_question("Date the exemption ends")
    placed = forms.MultipleChoiceField(
        label="Children placed now whom the exemption names",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_children = forms.CharField(
        label="Other children it names (their Kinfolio IDs)",
        help_text="For example, a child about to be placed. Separate IDs with commas",
        required=False,
    )
    conditions = forms.CharField(
        label="Conditions the exemption is subject to (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, placed=(), visible=None, **kwargs):
        self.visible = visible
        super().__init__(*args, **kwargs)
        self.fields["placed"].choices = [(c.local_id, c.full_name) for c in placed]

    def layout(self) -> list:
        return [
            Field.text("granted_by"),
            Field("granted_on"),
            Field("until"),
            Field.checkboxes("placed", legend_size=Size.SMALL),
            Field.text("other_children"),
            Field.textarea("conditions"),
        ]

    def clean(self):
        cleaned = super().clean()
        wanted = [*cleaned.get("placed", ())]
        wanted += [i.strip() for i in cleaned.get("other_children", "").split(",") if i.strip()]
        found = {c.local_id: c for c in self.visible.filter(local_id__in=wanted)}
        unknown = [i for i in wanted if i not in found]
        if unknown:
            self.add_error(
                "other_children", f"No child you can see has the ID {', '.join(unknown)}"
            )
        cleaned["children"] = list(found.values())
        return cleaned

    def service_arguments(self) -> dict:
        answers = super().service_arguments()
        del answers["placed"], answers["other_children"]
        return answers


class PlacementSearchForm(forms.Form):
    """The search's filters, sent with GET (a search changes nothing)."""

    kinds = forms.MultipleChoiceField(
        label="Kinds of placement",
        choices=list(KINDS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    needs = forms.MultipleChoiceField(
        label="What the child needs of the placement",
        choices=codesets.PLACEMENT_NEED.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    within_miles = forms.IntegerField(
        label="Within how many miles of the child's home?",
        help_text="Leave blank for any distance",
        min_value=1,
        max_value=1000,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.checkboxes("kinds", legend_size=Size.SMALL, small=True),
            Field.checkboxes("needs", legend_size=Size.SMALL, small=True),
            Field.text("within_miles", field_width=4),
        )


class PrivateFosteringForm(RecordingForm):
    carer_name = forms.CharField(
        label="Name of the private foster carer",
        max_length=200,
        error_messages={"required": "Enter the name of the private foster carer"},
    )
    notified_on = date_question("Date the authority was notified")
    start_date = date_question("Date the arrangement started")

    def layout(self) -> list:
        return [Field.text("carer_name"), Field("notified_on"), Field("start_date")]


class EndArrangementForm(DayForm):
    day_label = "Date the arrangement ended"
