import pytest
from django.core.exceptions import ValidationError

from kinfolio.assessments.models import Assessment
from kinfolio.core.models import VoiceStatus
from kinfolio.core.voice import validate_childs_voice, voice_status_counts, with_voice_status
from tests.factories import AssessmentFactory


def test_validate_childs_voice_accepts_the_childs_words():
    validate_childs_voice(
        views="Wants to stay at her school.", not_recorded_code="", not_recorded_reason=""
    )


@pytest.mark.parametrize(
    ("views", "code", "reason", "field", "message"),
    [
        ("", "", "", "childs_views", "Enter the child's views, or select why"),
        ("   ", "", "", "childs_views", "Enter the child's views, or select why"),
        ("", "declined", " ", "childs_views_not_recorded_reason", "Explain why"),
        ("", "made_up", "x", "childs_views_not_recorded_code", "Select a reason"),
    ],
)
def test_validate_childs_voice_refuses_a_record_without_views_or_reason(
    views, code, reason, field, message
):
    with pytest.raises(ValidationError) as refused:
        validate_childs_voice(views=views, not_recorded_code=code, not_recorded_reason=reason)
    assert refused.value.message_dict[field][0].startswith(message)


def test_validate_childs_voice_accepts_a_reason_with_an_explanation():
    validate_childs_voice(
        views="",
        not_recorded_code="too_young",
        not_recorded_reason="Eight weeks old; observed with mother.",
    )


@pytest.mark.django_db
def test_voice_status_counts_match_each_records_status():
    recorded = AssessmentFactory(childs_views="Likes football.")
    with_reason = AssessmentFactory(
        childs_views="",
        childs_views_not_recorded_code="declined",
        childs_views_not_recorded_reason="Did not want to talk today.",
    )
    code_only = AssessmentFactory(childs_views=" ", childs_views_not_recorded_code="declined")
    nothing = AssessmentFactory(childs_views="")

    counts = voice_status_counts(Assessment.objects.all())

    assert counts == {
        VoiceStatus.RECORDED: 1,
        VoiceStatus.NOT_RECORDED_WITH_REASON: 1,
        VoiceStatus.MISSING: 2,
    }
    for record in (recorded, with_reason, code_only, nothing):
        assert (
            with_voice_status(Assessment.objects.all(), record.voice_status)
            .filter(pk=record.pk)
            .exists()
        )
    assert set(
        with_voice_status(Assessment.objects.all(), VoiceStatus.MISSING).values_list(
            "pk", flat=True
        )
    ) == {code_only.pk, nothing.pk}
