"""Forms for managers' work (input shape only: the rules are in the services)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Layout, Size
from django import forms

from kinfolio import codesets
from kinfolio.core.form_fields import DateInputField


def _date(label: str, *, required: bool = True, help_text: str = "For example, 27 3 2026"):
    return DateInputField(
        label=label, help_text=help_text, required=required, require_all_fields=False
    )


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields, Button("submit", submit))
    return helper


class AllocateForm(forms.Form):
    worker = forms.ModelChoiceField(
        queryset=None,
        label="Worker",
        empty_label="Choose a worker",
        error_messages={"required": "Choose the worker"},
    )
    start_date = _date("Allocated from")
    change_reason = forms.ChoiceField(
        label="Reason for the change of social worker",
        choices=codesets.SOCIAL_WORKER_CHANGE_REASON.choices,
        widget=forms.RadioSelect,
        help_text="Sent to the DfE in the children looked after return (SW_REASON)",
        error_messages={"required": "Choose the reason for the change of social worker"},
    )
    note = forms.CharField(label="Why (optional)", widget=forms.Textarea, required=False)

    def __init__(self, *args, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers
        self.fields["start_date"].error_messages["required"] = "Enter the date of the allocation"
        self.helper = _helper(
            Field.select("worker"),
            Field("start_date"),
            Field.radios("change_reason", legend_size=Size.SMALL),
            Field.textarea("note", rows=3),
            submit="Allocate",
        )


class EndAllocationForm(forms.Form):
    end_date = _date("Allocation ends on")
    reason = forms.CharField(
        label="Why is the allocation ending?",
        widget=forms.Textarea,
        error_messages={"required": "Enter why the allocation is ending"},
    )
    keep_with_team = forms.BooleanField(
        label="Keep the child with the team, waiting for a new worker", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end_date"].error_messages["required"] = "Enter the date the allocation ends"
        self.helper = _helper(
            Field("end_date"),
            Field.textarea("reason", rows=3),
            Field.checkbox("keep_with_team"),
            submit="End the allocation",
        )


class TransferForm(forms.Form):
    to_team = forms.ModelChoiceField(
        queryset=None,
        label="Team to transfer to",
        empty_label="Choose a team",
        error_messages={"required": "Choose the team"},
    )
    handover_note = forms.CharField(
        label="Handover note",
        help_text="What the receiving team needs to know: the plan, risks, what is due next",
        widget=forms.Textarea,
        error_messages={"required": "Enter the handover note"},
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_team"].queryset = teams
        self.helper = _helper(
            Field.select("to_team"),
            Field.textarea("handover_note", rows=6),
            submit="Ask to transfer",
        )


class AcceptTransferForm(forms.Form):
    """One of several on the page: give it ``prefix=f"accept-{transfer.pk}"`` and the
    team's workers as a list (read once for every form on the page)."""

    transfer_date = _date("Our team takes the child on from")
    worker = forms.TypedChoiceField(
        label="Allocate to", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.workers = {w.pk: w for w in workers}
        self.fields["worker"].choices = [("", "No worker yet: the child waits in our team")] + [
            (w.pk, w.full_name) for w in workers
        ]
        self.fields["transfer_date"].error_messages["required"] = "Enter the date of the transfer"
        self.helper = _helper(Field("transfer_date"), Field.select("worker"), submit="Accept")
        self.helper.form_tag = False

    def clean_worker(self):
        pk = self.cleaned_data["worker"]
        return self.workers.get(pk) if pk is not None else None


class DeclineTransferForm(forms.Form):
    """One of several on the page: give it ``prefix=f"decline-{transfer.pk}"``."""

    decline_reason = forms.CharField(
        label="Why are you declining?",
        widget=forms.Textarea,
        error_messages={"required": "Enter why you are declining the transfer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("decline_reason", rows=2), submit="Decline")
        self.helper.form_tag = False


class LeavingForm(forms.Form):
    end_date = _date("Last day in post")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end_date"].error_messages["required"] = "Enter the worker's last day in post"
        self.helper = _helper(Field("end_date"), submit="Record the leaving date")


class SupervisionForm(forms.Form):
    """The session, then a decision (and actions) for each child the worker holds:
    children left blank were not discussed."""

    held_on = _date("Date of the supervision")
    notes = forms.CharField(
        label="Wellbeing, workload and learning (optional)", widget=forms.Textarea, required=False
    )

    def __init__(self, *args, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].error_messages["required"] = "Enter the date of the supervision"
        self.children = list(children)
        fieldsets = []
        for child in self.children:
            self.fields[f"decision_{child.pk}"] = forms.CharField(
                label="Decision", widget=forms.Textarea, required=False
            )
            self.fields[f"actions_{child.pk}"] = forms.CharField(
                label="Actions", widget=forms.Textarea, required=False
            )
            self.fields[f"due_{child.pk}"] = _date("Actions to be done by", required=False)
            fieldsets.append(
                Fieldset(
                    Field.textarea(f"decision_{child.pk}", rows=2),
                    Field.textarea(f"actions_{child.pk}", rows=2),
                    Field(f"due_{child.pk}"),
                    legend=f"{child.full_name} ({child.local_id})",
                    legend_size=Size.SMALL,
                )
            )
        self.helper = _helper(
            Field("held_on"), Field.textarea("notes", rows=3), *fieldsets, submit="Save supervision"
        )

    def case_decisions(self):
        """(child, decision, actions, due) for each child with a decision or actions."""
        data = self.cleaned_data
        return [
            (
                child,
                data[f"decision_{child.pk}"],
                data[f"actions_{child.pk}"],
                data[f"due_{child.pk}"],
            )
            for child in self.children
            if data[f"decision_{child.pk}"].strip() or data[f"actions_{child.pk}"].strip()
        ]


class CaseDirectionForm(forms.Form):
    direction = forms.CharField(
        label="Direction",
        widget=forms.Textarea,
        error_messages={"required": "Enter the direction"},
    )
    review_by = _date("Review by (optional)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.textarea("direction", rows=5), Field("review_by"), submit="Save the direction"
        )
