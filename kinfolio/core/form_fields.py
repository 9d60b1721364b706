"""Form fields every app shares. Every date anyone types goes through ``DateInputField``
(``tests/security/test_malformed_input.py`` checks that no form uses another)."""

import datetime as dt
import re

from crispy_forms_gds import fields as gds
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

_SPACES = re.compile(r"\s+")
PARTS = (
    ("day", r"[0-9]{1,2}", "Day must be a number from 1 to 31"),
    ("month", r"[0-9]{1,2}", "Month must be a number from 1 to 12"),
    ("year", r"[0-9]{4}", "Year must include 4 numbers"),
)
NOT_A_REAL_DATE = "Enter a real date"


class DateInputField(gds.DateInputField):
    """The GOV.UK date input (day, month, year), made safe for whatever is typed: spaces
    inside a part are ignored as people type them ("1 2" is 12); each part must be
    digits of a sensible length (a 20-digit year is an error, not an overflow); and a
    date that does not exist (31 February) is an error message, never a server error."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.error_messages.setdefault("not_a_real_date", NOT_A_REAL_DATE)
        for field, (_, pattern, message) in zip(self.fields, PARTS, strict=True):
            field.validators = [RegexValidator(rf"\A{pattern}\Z", message)]

    def clean(self, value):
        if isinstance(value, list | tuple):
            value = [_SPACES.sub("", part) if isinstance(part, str) else part for part in value]
        return super().clean(value)

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            return dt.date(int(year), int(month), int(day))
        except (ValueError, OverflowError) as error:
            raise ValidationError(
                self.error_messages["not_a_real_date"], code="not_a_real_date"
            ) from error


def yes_no_question(label: str, *, missing: str, hint: str = "") -> forms.TypedChoiceField:
    """GOV.UK yes/no radios whose answer is ``True`` or ``False``."""
    return forms.TypedChoiceField(
        label=label,
        help_text=hint,
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": missing},
    )


def date_question(label: str, *, hint: str = "", required: bool = True) -> DateInputField:
    """``date_field`` whose "missing" error follows from the label ("Date of the visit":
    "Enter the date of the visit")."""
    return date_field(
        label, missing=f"Enter the {label[0].lower()}{label[1:]}", hint=hint, required=required
    )


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
