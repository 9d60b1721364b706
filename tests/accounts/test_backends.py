"""The signed-in user is read with their worker record and its team."""

import pytest
from django.contrib.auth import get_user
from django.test import RequestFactory

from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db


def _signed_in(client, user):
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    return request


def test_signed_in_user_comes_with_their_worker_and_team_in_one_query(
    client, django_assert_num_queries
):
    user = staff()
    request = _signed_in(client, user)
    with django_assert_num_queries(2):  # the session, then the user with worker and team
        signed_in = get_user(request)
        assert signed_in.worker.team == user.worker.team


def test_signed_in_user_without_a_worker_record_has_none(client, django_assert_num_queries):
    request = _signed_in(client, UserFactory())
    with django_assert_num_queries(2):
        assert getattr(get_user(request), "worker", None) is None


def test_deactivated_user_is_signed_out(client):
    user = staff()
    request = _signed_in(client, user)
    user.is_active = False
    user.save()
    assert not get_user(request).is_authenticated
