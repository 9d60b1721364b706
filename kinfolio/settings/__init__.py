"""Kinfolio settings, read from the environment.

The defaults run the demo: SQLite under ``var/``, debug on, a development secret key.
Production sets ``DJANGO_SETTINGS_MODULE=kinfolio.settings.production``, which refuses
to start without a real secret key and a PostgreSQL ``DATABASE_URL``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("KINFOLIO_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "insecure-demo-key-only-for-synthetic-data-do-not-deploy"
)
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kinfolio.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets the demo server read while the generator or a test writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles a query it thinks costly before running it: on the
    # caseload summary that took 1.9 s of 2.2 s (make bench). Kinfolio's pages are short
    # queries; reporting that wants JIT can turn it on for its own connection.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
    # A query a connection has run twice is prepared: PostgreSQL then parses it once per
    # connection rather than on every request. Each run is still planned for its own
    # values (force_custom_plan): a plan made once and reused went on being used while an
    # import grew a table it had planned as empty, and took minutes. Needs the server's
    # own parameter binding; a pooler in front must support prepared statements
    # (PgBouncer 1.21+), or set DATABASE_PREPARE_THRESHOLD= (empty) to turn this off.
    threshold = os.environ.get("DATABASE_PREPARE_THRESHOLD", "2")
    if threshold:
        DATABASES["default"]["OPTIONS"]["server_side_binding"] = True
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = int(threshold)
        DATABASES["default"]["OPTIONS"]["options"] += " -c plan_cache_mode=force_custom_plan"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "govuk_frontend_django",
    "crispy_forms",
    "crispy_forms_gds",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "kinfolio.core",
    "kinfolio.accounts",
    "kinfolio.audit",
    "kinfolio.people",
    "kinfolio.workforce",
    "kinfolio.front_door",
    "kinfolio.early_help",
    "kinfolio.referrals",
    "kinfolio.assessments",
    "kinfolio.protection",
    "kinfolio.children_in_care",
    "kinfolio.care_leavers",
    "kinfolio.adoption",
    "kinfolio.fostering",
    "kinfolio.postcodes",
    "kinfolio.lado",
    "kinfolio.casework",
    "kinfolio.chronology",
    "kinfolio.timescales",
    "kinfolio.notifications",
    "kinfolio.performance",
    "kinfolio.inspection",
    "kinfolio.quality_assurance",
    "kinfolio.returns",
    "kinfolio.recording",
    "django_tasks",
    "django_tasks_db",
    "kinfolio.demo_authority",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kinfolio.core.errors.NoStoreMiddleware",
    "kinfolio.audit.middleware.LogRefusalsMiddleware",
    "kinfolio.core.errors.ErrorPagesMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Holds a form posted after its session ended, for its owner's next sign-in.
    "kinfolio.recording.middleware.KeepFormPostedAfterTimeoutMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "kinfolio.accounts.middleware.RequireTwoFactorMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "kinfolio.urls"
WSGI_APPLICATION = "kinfolio.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinfolio.core.context_processors.service",
            ],
        },
    }
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out sign-in before the password
    # Django's ModelBackend, reading the user's worker and team with them.
    "kinfolio.accounts.backends.UserWithWorkerBackend",
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "workforce:my-caseload"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling: 5 failed passwords for one username lock it for 30 minutes
# (by username, not address: a council's staff share a few outgoing addresses).
AXES_FAILURE_LIMIT = int(os.environ.get("KINFOLIO_SIGN_IN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("KINFOLIO_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 warns that a lockout without the address can be dodged by rotating cookies
# or user agents; a lockout by username cannot, and one by address would lock out a
# whole office behind the council's proxy. Password spraying is left to the proxy/WAF.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Two-factor authentication (TOTP) for every role. Only a demo or development install
# may exempt its users (``make demo`` does); production settings refuse to.
KINFOLIO_DEMO_2FA_EXEMPT = env_bool("KINFOLIO_DEMO_2FA_EXEMPT", DEBUG)
OTP_TOTP_ISSUER = "Kinfolio"

# No inline script or style anywhere: base.html loads only external module scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SESSION_COOKIE_AGE = int(os.environ.get("KINFOLIO_SESSION_SECONDS", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True  # the timeout counts from the last request, not sign-in
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "kinfolio.core.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("KINFOLIO_FROM_EMAIL", "kinfolio@localhost")

# The access log's hashes are keyed with this (HMAC-SHA256): someone who can write to
# the database but does not hold the key cannot forge or re-chain entries. Changing it
# makes the existing chain fail verification, so keep it as long as the log.
KINFOLIO_AUDIT_KEY = os.environ.get("KINFOLIO_AUDIT_KEY", SECRET_KEY)
# Team managers and DPOs must have an e-mail address (break-glass alerts): on in production.
KINFOLIO_REQUIRE_ALERT_EMAIL = env_bool("KINFOLIO_REQUIRE_ALERT_EMAIL", False)
# Where the access log's head is anchored outside the database (audit.services.anchors):
# a directory the database's owner cannot rewrite.
KINFOLIO_AUDIT_ANCHOR_DIR = Path(
    os.environ.get("KINFOLIO_AUDIT_ANCHOR_DIR", VAR_DIR / "audit-anchors")
)
# How long break-glass access to a restricted record lasts.
KINFOLIO_BREAK_GLASS_MINUTES = int(os.environ.get("KINFOLIO_BREAK_GLASS_MINUTES", "60"))

# The unusual access report: a day with more record views than this, or more than this
# multiple of the person's median day (once they reach the minimum), is listed; views
# outside working hours (local time, from the first hour to before the second) too.
KINFOLIO_UNUSUAL_DAILY_VIEWS = int(os.environ.get("KINFOLIO_UNUSUAL_DAILY_VIEWS", "100"))
KINFOLIO_UNUSUAL_MULTIPLE_OF_MEDIAN = float(
    os.environ.get("KINFOLIO_UNUSUAL_MULTIPLE_OF_MEDIAN", "3")
)
KINFOLIO_UNUSUAL_MINIMUM_VIEWS = int(os.environ.get("KINFOLIO_UNUSUAL_MINIMUM_VIEWS", "20"))
# Refused requests (403, 404) by one person in a day from which the report lists them.
KINFOLIO_UNUSUAL_REFUSALS = int(os.environ.get("KINFOLIO_UNUSUAL_REFUSALS", "3"))
KINFOLIO_WORKING_HOURS = (7, 19)
# The session expiry warning appears this many seconds before the session ends.
KINFOLIO_SESSION_WARNING_SECONDS = 120
# How often a recording form's script saves what is typed as a draft.
# The largest document a worker may upload to a child's record.
KINFOLIO_MAX_UPLOAD_MB = int(os.environ.get("KINFOLIO_MAX_UPLOAD_MB", "10"))
# Looked after children per full-time IRO before the workload page flags an IRO. The IRO
# Handbook (DCSF, 2010) recommends 50 to 70; a council sets its own ceiling here.
KINFOLIO_IRO_CASELOAD_CEILING = int(os.environ.get("KINFOLIO_IRO_CASELOAD_CEILING", "70"))
KINFOLIO_IRO_CASELOAD_CEILING_SOURCE = os.environ.get(
    "KINFOLIO_IRO_CASELOAD_CEILING_SOURCE",
    "IRO Handbook (DCSF, 2010): 50 to 70 looked after children per full-time IRO",
)
KINFOLIO_DRAFT_SAVE_SECONDS = int(os.environ.get("KINFOLIO_DRAFT_SAVE_SECONDS", "30"))
# Drafts not saved for this many days are deleted by the daily `purge_drafts` (a local
# choice: long enough for leave and a return to the form; not a national figure).
KINFOLIO_DRAFT_KEEP_DAYS = int(os.environ.get("KINFOLIO_DRAFT_KEEP_DAYS", "30"))

# Team managers' pages: the caseload the council sets as its ceiling for one full-time
# worker (there is no national limit: 18 is only the demo's choice); optional weights
# by kind of case (the child's status flags, for example "on_cp_plan=1.5,
# is_looked_after=1.2": a child counts at their highest weight, 1 when none applies);
# and how often each worker should have formal supervision.
KINFOLIO_CASELOAD_CEILING = float(os.environ.get("KINFOLIO_CASELOAD_CEILING", "18"))
KINFOLIO_CASELOAD_WEIGHTS = {
    flag.strip(): float(weight)
    for flag, _, weight in (
        pair.partition("=")
        for pair in os.environ.get("KINFOLIO_CASELOAD_WEIGHTS", "").split(",")
        if pair.strip()
    )
}
KINFOLIO_SUPERVISION_EVERY_DAYS = int(os.environ.get("KINFOLIO_SUPERVISION_EVERY_DAYS", "28"))

# The demo authority's name and the census date its facts describe (Ofsted, 2012).
KINFOLIO_AUTHORITY_NAME = os.environ.get("KINFOLIO_AUTHORITY_NAME", "Kinfolio demo authority")
# The authority's own postcode districts, for "placed outside the authority" (the demo's
# are Milton Keynes's MK1 to MK19; MK40 and above are Bedford and Central Bedfordshire).
# Whose published figures are "ours" in benchmarks, and its statistical neighbours (a
# comma-separated list of authorities; empty: the DfE's own list for that authority).
KINFOLIO_BENCHMARK_AUTHORITY = os.environ.get("KINFOLIO_BENCHMARK_AUTHORITY", "Milton Keynes")
KINFOLIO_STATISTICAL_NEIGHBOURS = [
    name.strip()
    for name in os.environ.get("KINFOLIO_STATISTICAL_NEIGHBOURS", "").split(",")
    if name.strip()
]
KINFOLIO_AUTHORITY_POSTCODE_DISTRICTS = os.environ.get(
    "KINFOLIO_AUTHORITY_POSTCODE_DISTRICTS",
    ",".join(f"MK{n}" for n in [*range(1, 18), 19]),
).split(",")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# The council's codes on its statutory returns: the DfE's three-digit LA number (the CIN
# census <LEA>) and the ONS code (the SSDA903 validator's postcode checks). The demo
# authority is sized from Milton Keynes (LA 826, E06000042).
KINFOLIO_LA_CODE = os.environ.get("KINFOLIO_LA_CODE", "826")
KINFOLIO_LA_ONS_CODE = os.environ.get("KINFOLIO_LA_ONS_CODE", "E06000042")
# The DfE validators' own virtualenv (made by `make validators`).
KINFOLIO_VALIDATORS_PYTHON = os.environ.get(
    "KINFOLIO_VALIDATORS_PYTHON", str(PROJECT_DIR / ".venv-validators" / "bin" / "python")
)
# A validator still running after this long has stopped making progress: it is ended and
# the run reported as failed, rather than holding the background worker for ever.
KINFOLIO_VALIDATOR_TIMEOUT_SECONDS = int(os.environ.get("KINFOLIO_VALIDATOR_TIMEOUT_SECONDS", 3600))
# Background work (validating returns): django-tasks with its database backend; the
# worker is `manage.py db_worker` (make demo starts one).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
