from django.core.management import call_command
from django.core.management.base import BaseCommand

from ovoz import keys
from ovoz.web.management.commands.i18n_compile import compile_catalogs


class Command(BaseCommand):
    help = "Create the data folder and its master key (mode 0600) if missing, then migrate the database."

    def handle(self, *args, **options):
        path = keys.create_master_key()
        self.stdout.write(f"Data folder: {keys.data_dir()}")
        self.stdout.write(f"Master key:  {path} (keep a copy somewhere safe: without it the data cannot be read)")
        compile_catalogs()
        call_command("migrate", interactive=False, verbosity=max(options["verbosity"] - 1, 0))
        self.stdout.write(self.style.SUCCESS("Ovoz is ready."))
