import getpass
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ovoz.backup import BackupError, backup_create
from ovoz.env import ConfigError, env_str

PASSPHRASE_ENV = "OVOZ_BACKUP_PASSPHRASE"
NO_PASSPHRASE = (
    "No passphrase: give --passphrase-file FILE, or set OVOZ_BACKUP_PASSPHRASE_FILE (or OVOZ_BACKUP_PASSPHRASE), "
    "or run the command at a terminal to type it."
)


def read_passphrase(passphrase_file: str | None, *, confirm: bool) -> str:
    """The backup passphrase from --passphrase-file, the environment, or typed at a terminal.

    Spaces and line ends around it are ignored wherever it comes from.
    """
    if passphrase_file:
        try:
            value = Path(passphrase_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"The passphrase file {passphrase_file} cannot be read: {exc}") from exc
    else:
        try:
            value = env_str(PASSPHRASE_ENV)
        except ConfigError as exc:
            raise CommandError(str(exc)) from exc
        if value is None:
            if not sys.stdin.isatty():
                raise CommandError(NO_PASSPHRASE)
            value = getpass.getpass("Backup passphrase: ")
            if confirm and value != getpass.getpass("Backup passphrase (again): "):
                raise CommandError("The two passphrases differ.")
        value = value.strip()
    if not value:
        raise CommandError("The passphrase is empty.")
    return value


class Command(BaseCommand):
    help = (
        "Write one encrypted backup FILE: the database, the master key and the uploaded files, "
        "locked with a passphrase (see docs/BACKUP.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file to create (never overwritten).")
        parser.add_argument("--passphrase-file", help="Read the passphrase from this file.")

    def handle(self, *args, file, passphrase_file, **options):
        passphrase = read_passphrase(passphrase_file, confirm=True)
        try:
            manifest = backup_create(path=file, passphrase=passphrase)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(f"Backup written to {file}: {rows} rows and {manifest['media_files']} file(s).")
        )
        self.stdout.write(
            "It contains the master key: keep it, and its passphrase, as safely as the data itself. "
            "Without the passphrase it cannot be opened."
        )
