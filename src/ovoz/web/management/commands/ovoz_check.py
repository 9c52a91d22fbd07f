import os
import stat

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ovoz import keys


class Command(BaseCommand):
    help = "Run Django's system checks (with --deploy for production) and Ovoz's own safety checks."

    def add_arguments(self, parser):
        parser.add_argument("--deploy", action="store_true", help="Also check settings for a production server.")

    def handle(self, *args, deploy=False, **options):
        call_command("check", deploy=deploy, fail_level="WARNING" if deploy else "ERROR")
        problems = []
        if not keys.has_master_key():
            problems.append("No master key: run `ovoz init` or set OVOZ_MASTER_KEY.")
        path = keys.master_key_path()
        if path.exists() and stat.S_IMODE(os.stat(path).st_mode) & 0o077:
            problems.append(f"The master key file {path} can be read by others: chmod 600 it.")
        if deploy and not settings.OVOZ_REQUIRE_2FA:
            problems.append("OVOZ_REQUIRE_2FA is off: people who see evidence could sign in without a second factor.")
        if deploy and settings.OVOZ_DEMO:
            problems.append("OVOZ_DEMO is on in a production check.")
        for p in problems:
            self.stderr.write(self.style.ERROR(p))
        if problems:
            raise CommandError(f"{len(problems)} Ovoz safety problem(s) found.")
        self.stdout.write(self.style.SUCCESS("Ovoz checks passed."))
