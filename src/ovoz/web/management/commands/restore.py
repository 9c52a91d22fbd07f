from django.core.management.base import BaseCommand, CommandError

from ovoz.backup import BackupError, backup_restore
from ovoz.backup.archive import created_at
from ovoz.web.management.commands.backup import read_passphrase


class Command(BaseCommand):
    help = (
        "Rebuild Ovoz from a backup FILE into an empty data dir (and an empty database): the master key, "
        "the database and the uploaded files (see docs/BACKUP.md)."
    )
    # The checks may need the database, which does not exist yet.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file made by `ovoz backup`.")
        parser.add_argument("--passphrase-file", help="Read the passphrase from this file.")

    def handle(self, *args, file, passphrase_file, **options):
        passphrase = read_passphrase(passphrase_file, confirm=False)
        try:
            manifest = backup_restore(path=file, passphrase=passphrase)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = manifest["counts"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {created_at(manifest)} (Ovoz {manifest['ovoz_version']}): "
                f"{counts.get('accounts.user', 0)} people, {counts.get('programmes.programme', 0)} programme(s), "
                f"{sum(counts.values())} rows in all, {manifest['media_files']} file(s)."
            )
        )
        if manifest["key_file"]:
            self.stdout.write(f"Master key: {manifest['key_file']} (mode 0600).")
        else:
            self.stdout.write("The master key is the one set by OVOZ_MASTER_KEY(_FILE): no key file was written.")
