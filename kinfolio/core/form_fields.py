"""Form fields shared by the recording forms (input shape only)."""

from crispy_forms_gds.fields import DateInputField


def date_field(
    label: str, *, missing: str, required: bool = True, hint: str = ""
) -> DateInputField:
    """A GOV.UK date input whose "missing" error says what to enter."""
    field = DateInputField(
        label=label,
        required=required,
        help_text=hint or "For example, 27 3 2024",
        require_all_fields=False,
    )
    field.error_messages["required"] = missing
    return field
