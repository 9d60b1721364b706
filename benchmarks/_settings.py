"""The server settings of the load test: production's, on plain HTTP.

On PostgreSQL these are ``kinfolio.settings.production`` (debug off, two factors,
persistent connections); the TLS terminator that would sit in front is not measured,
so its redirects and secure-only cookies are turned off. Each answer carries its
server's own timing (``benchmarks/_timing.py``). The demo's SQLite run, which
production refuses, uses the default settings (``load.py`` turns debug off).
"""

import os

if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    from kinfolio.settings.production import *  # noqa: F403
else:
    from kinfolio.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

MIDDLEWARE = ["benchmarks._timing.ServerTimingMiddleware", *MIDDLEWARE]  # noqa: F405
