"""Production settings: everything the demo relaxes is made strict here.

Start-up stops with a hint when a required variable is missing, rather than running
with a demo default against real children's records.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from kinfolio.settings import *  # noqa: F403
from kinfolio.settings import DATABASES, env_bool


def required(name: str, hint: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Set {name}: {hint}")
    return value


DEBUG = False
SECRET_KEY = required("DJANGO_SECRET_KEY", "a long random string, kept secret")
ALLOWED_HOSTS = required("DJANGO_ALLOWED_HOSTS", "comma-separated host names").split(",")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("Set DATABASE_URL to a postgres:// URL; SQLite is for the demo")
# Connections kept between requests, checked before reuse: a new one costs PostgreSQL
# a process start and loses the statements it had prepared.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "600"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# The access log's HMAC key: separate from SECRET_KEY so that rotating that key does not
# break the log's chain.
KINFOLIO_AUDIT_KEY = required(
    "KINFOLIO_AUDIT_KEY", "a long random string for the access log's hashes; never change it"
)
if env_bool("KINFOLIO_DEMO_2FA_EXEMPT", False):
    raise ImproperlyConfigured("KINFOLIO_DEMO_2FA_EXEMPT is for the demo: production needs 2FA")
KINFOLIO_DEMO_2FA_EXEMPT = False
# A team manager or DPO without an e-mail address would never hear of a break-glass.
KINFOLIO_REQUIRE_ALERT_EMAIL = True

SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
