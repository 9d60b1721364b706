"""Python run in a process of its own, as a server process starts: for what is read or
done once per process (settings, the garbage collector's state)."""

import os
import subprocess
import sys

from django.conf import settings


def printed_by(code: str, **env: str) -> str:
    """What ``code`` prints, run from the project with Django's and the database's
    settings taken only from ``env``."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
