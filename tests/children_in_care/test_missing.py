"""Missing and away episodes, return home interviews, and UASC status."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.children_in_care.models import MissingEpisode, UASCStatus
from kinfolio.children_in_care.services import missing
from tests.children_in_care.helpers import in_care, post_form
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import MissingEpisodeFactory, UASCStatusFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(two_services):
    return staff(Role.SOCIAL_WORKER, team=two_services["team"])


def _unchanged(model, pk, history):
    return model.objects.get(pk=pk), ChangeEvent.objects.count() == history


def test_a_missing_episode_returns_and_the_interview_is_offered_and_accepted(worker, two_services):
    child = two_services["ours"]
    period = in_care(child, worker)

    episode = missing.record_missing(
        child=child, missing_type="M", start_date=D(2025, 3, 14), by=worker
    )
    missing.record_return(episode=episode, end_date=D(2025, 3, 15), by=worker)
    done = missing.record_return_interview(
        episode=episode, offered_on=D(2025, 3, 17), accepted=True, by=worker
    )

    assert done.period == period
    assert done.return_interview_due_date == D(2025, 3, 18)  # 72 hours
    assert (done.return_interview_offered_on, done.return_interview_accepted) == (
        D(2025, 3, 17),
        True,
    )


def test_each_missing_rule_is_refused_with_nothing_written_and_allowed_the_other_way(
    worker, two_services
):
    child = two_services["ours"]
    episode = missing.record_missing(
        child=child, missing_type="A", start_date=D(2025, 3, 14), by=worker
    )
    history = ChangeEvent.objects.count()

    with pytest.raises(ValidationError, match="already recorded as missing"):
        missing.record_missing(child=child, missing_type="M", start_date=D(2025, 3, 15), by=worker)
    with pytest.raises(ValidationError, match="Record the child's return"):
        missing.record_return_interview(
            episode=episode, offered_on=D(2025, 3, 16), accepted=False, by=worker
        )
    with pytest.raises(ValidationError) as before_going:
        missing.record_return(episode=episode, end_date=D(2025, 3, 13), by=worker)
    row, nothing_written = _unchanged(MissingEpisode, episode.pk, history)
    assert "end_date" in before_going.value.message_dict
    assert (row.end_date, MissingEpisode.objects.count(), nothing_written) == (None, 1, True)

    missing.record_return(episode=episode, end_date=D(2025, 3, 14), by=worker)  # same day
    history = ChangeEvent.objects.count()
    with pytest.raises(ValidationError) as early:
        missing.record_return_interview(
            episode=episode, offered_on=D(2025, 3, 13), accepted=False, by=worker
        )
    row, nothing_written = _unchanged(MissingEpisode, episode.pk, history)
    assert "offered_on" in early.value.message_dict
    assert (row.return_interview_offered_on, nothing_written) == (None, True)
    missing.record_return_interview(
        episode=episode, offered_on=D(2025, 3, 14), accepted=False, by=worker
    )
    assert MissingEpisode.objects.get(pk=episode.pk).return_interview_accepted is False


def test_uasc_status_starts_and_ceases_never_before_it_started(worker, two_services):
    child = two_services["ours"]
    status = missing.start_uasc(child=child, start_date=D(2025, 3, 3), by=worker)
    history = ChangeEvent.objects.count()

    with pytest.raises(ValidationError, match="already has a current UASC"):
        missing.start_uasc(child=child, start_date=D(2025, 4, 1), by=worker)
    with pytest.raises(ValidationError) as refused:
        missing.end_uasc(status=status, end_date=D(2025, 3, 2), by=worker)
    row, nothing_written = _unchanged(UASCStatus, status.pk, history)
    assert "end_date" in refused.value.message_dict
    assert (row.end_date, UASCStatus.objects.count(), nothing_written) == (None, 1, True)

    missing.end_uasc(status=status, end_date=D(2025, 9, 1), by=worker)
    assert UASCStatus.objects.get(pk=status.pk).end_date == D(2025, 9, 1)


@pytest.mark.parametrize(
    "name", ["missing", "missing-returned", "return-interview", "uasc", "uasc-end"]
)
def test_missing_and_uasc_pages_sign_in_refuse_and_show(client, two_services, worker, name):
    child = two_services["ours"]
    extra = {
        "missing-returned": lambda: [MissingEpisodeFactory(child=child, end_date=None).pk],
        "return-interview": lambda: [MissingEpisodeFactory(child=child).pk],
        "uasc-end": lambda: [UASCStatusFactory(child=child).pk],
    }.get(name, list)()
    url = reverse(f"children_in_care:{name}", args=[child.local_id, *extra])

    assert "sign-in" in client.get(url)["Location"]
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(url).status_code == 403
    client.force_login(worker)
    assert client.get(url).status_code == 200


def test_a_worker_records_missing_and_the_return_from_the_care_record(client, two_services, worker):
    child = two_services["ours"]
    in_care(child, worker)
    client.force_login(worker)

    post_form(
        client,
        reverse("children_in_care:missing", args=[child.local_id]),
        missing_type="M",
        start_date=("14", "3", "2025"),
    )
    episode = MissingEpisode.objects.get(child=child)
    returned = post_form(
        client,
        reverse("children_in_care:missing-returned", args=[child.local_id, episode.pk]),
        end_date=("15", "3", "2025"),
    )

    assert "a return home interview is due within 72 hours" in returned.content.decode()
    assert "Due by 18 Mar 2025" in returned.content.decode()
