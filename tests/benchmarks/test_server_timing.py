"""The load test's server says where each request's time went (``benchmarks/_timing.py``)."""

import re

import pytest
from django.urls import reverse

from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_each_answer_gives_its_time_in_the_server_its_cpu_and_its_wait_on_the_database(
    client, settings
):
    settings.MIDDLEWARE = ["benchmarks._timing.ServerTimingMiddleware", *settings.MIDDLEWARE]
    client.force_login(UserFactory())
    timing = client.get(reverse("notifications:list"))["Server-Timing"]
    figures = dict(re.findall(r"(\w+);dur=([\d.]+)", timing))
    assert set(figures) == {"app", "cpu", "db"}
    app, cpu, db = (float(figures[k]) for k in ("app", "cpu", "db"))
    assert db > 0  # the session and the user were read
    assert app >= db
    assert cpu > 0
