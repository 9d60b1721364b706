"""``python -m kinfolio <command>``: the management commands, without manage.py.

``python -m kinfolio demo-data`` generates the demo authority.
"""

import os
import sys

ALIASES = {"demo-data": ["generate_authority", "--size", "demo"]}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolio.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:]
    if args and args[0] in ALIASES:
        args = ALIASES[args[0]] + args[1:]
    execute_from_command_line(["kinfolio", *args])


if __name__ == "__main__":
    main()
