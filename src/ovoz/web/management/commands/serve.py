from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ovoz import keys


class Command(BaseCommand):
    help = "Serve Ovoz with the waitress WSGI server (static files included)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
        if settings.DATABASES["default"]["ENGINE"] == "ovoz.db.sqlcipher" and not keys.has_master_key():
            raise CommandError("There is no master key yet: run `ovoz init` first.")
        from django.urls import reverse
        from waitress import serve

        from ovoz.wsgi import application

        # Reversing a name loads every URL module (and the API's schemas) now rather than on the first
        # request, which would otherwise take two seconds or more.
        reverse("web:dashboard")
        self.stdout.write(f"Ovoz is serving on http://{host}:{port}/ (Ctrl+C stops it)", ending="\n")
        self.stdout.flush()
        serve(application, host=host, port=port, threads=threads, ident="Ovoz")
