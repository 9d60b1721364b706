"""How Kinfolio connects to PostgreSQL: prepared statements, and in production
connections kept between requests. Each probe reads the settings in a process of its
own, as a server does at start."""

import json

import pytest

from tests.core.new_process import printed_by

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-long-random-secret-key-for-this-test-only-" * 2,
    "DJANGO_ALLOWED_HOSTS": "kinfolio.council.example",
    "KINFOLIO_AUDIT_KEY": "a-separate-long-random-audit-key-" * 2,
    "DATABASE_URL": "postgres://kinfolio@127.0.0.1:5/kinfolio",
}


def database_settings(module: str, **env: str) -> dict:
    probe = f"import json, {module} as s; print(json.dumps(s.DATABASES['default'], default=str))"
    return json.loads(printed_by(probe, **env))


def test_postgresql_prepares_a_query_run_twice_on_a_connection():
    options = database_settings("kinfolio.settings", **PRODUCTION_ENV)["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 2
    # Planned for each run's own values, never a plan made once for other values.
    assert "-c plan_cache_mode=force_custom_plan" in options["options"]


@pytest.mark.parametrize(("threshold", "expected"), [("5", 5), ("", None)])
def test_prepared_statements_can_be_tuned_or_turned_off(threshold, expected):
    options = database_settings(
        "kinfolio.settings", DATABASE_PREPARE_THRESHOLD=threshold, **PRODUCTION_ENV
    )["OPTIONS"]
    assert options.get("prepare_threshold") == expected
    assert options.get("server_side_binding") is (True if expected else None)


def test_sqlite_is_left_as_it_is(tmp_path):
    options = database_settings(
        "kinfolio.settings", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"
    )["OPTIONS"]
    assert "server_side_binding" not in options


def test_production_keeps_connections_and_checks_them_before_reuse():
    database = database_settings("kinfolio.settings.production", **PRODUCTION_ENV)
    assert database["CONN_MAX_AGE"] == 600
    assert database["CONN_HEALTH_CHECKS"] is True
    tuned = database_settings(
        "kinfolio.settings.production", DATABASE_CONN_MAX_AGE="30", **PRODUCTION_ENV
    )
    assert tuned["CONN_MAX_AGE"] == 30
