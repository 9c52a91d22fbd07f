"""``ovoz reindex``: rebuild the search index from the evidence, with a progress bar."""

from django.core.management.base import BaseCommand, CommandError

from ovoz.programmes.models import Partnership
from ovoz.search.progress import ProgressBar
from ovoz.search.services import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of sources, attachments and incidents (all, or some partnerships)."

    def add_arguments(self, parser):
        parser.add_argument("--partnership", type=int, action="append", metavar="ID",
                            help="Only this partnership (repeat for several)")

    def handle(self, *args, partnership=None, verbosity=1, **options):
        partnerships = None
        if partnership:
            partnerships = list(Partnership.objects.filter(pk__in=partnership))
            missing = set(partnership) - {p.pk for p in partnerships}
            if missing:
                raise CommandError(f"No partnership with id {', '.join(map(str, sorted(missing)))}.")
        progress = ProgressBar(self.stdout, "Indexing") if verbosity else None
        count = index_rebuild(actor=None, partnerships=partnerships, progress=progress)
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"The search index holds {count} objects."))
