"""The ``ovoz`` command: Ovoz's own commands plus every Django management command.

``ovoz init``, ``ovoz demo``, ``ovoz serve``, ``ovoz user …``, ``ovoz check``, ``ovoz backup``,
``ovoz restore``; anything else (``ovoz migrate``, ``ovoz shell``) goes to Django as usual.
"""

import os
import sys

# Our check wraps Django's own (and adds --deploy checks of Ovoz's settings).
_RENAMED = {"check": "ovoz_check"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ovoz.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in _RENAMED:
        args[0] = _RENAMED[args[0]]
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ovoz", *args])


if __name__ == "__main__":
    main()
