"""Asserting a service's refusal: its message, nothing written, no history row."""

from collections.abc import Callable, Iterable

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import model_to_dict

from kinfolio.audit.models import ChangeEvent


def _state(instance: models.Model) -> dict:
    return model_to_dict(type(instance).objects.get(pk=instance.pk))


def assert_refused(
    call: Callable[[], object],
    *,
    message: str,
    counted: Iterable[type[models.Model]] = (),
    unchanged: Iterable[models.Model] = (),
) -> ValidationError:
    """``call()`` raises a ValidationError containing ``message``; the row counts of
    ``counted`` models, the stored state of the ``unchanged`` records and the change
    history are as they were."""
    counted, unchanged = list(counted), list(unchanged)
    counts = {model: model.objects.count() for model in counted}
    states = [_state(instance) for instance in unchanged]
    history = ChangeEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        call()
    assert any(message in text for text in refused.value.messages), refused.value.messages
    assert {model: model.objects.count() for model in counted} == counts
    assert [_state(instance) for instance in unchanged] == states
    assert ChangeEvent.objects.count() == history
    return refused.value
