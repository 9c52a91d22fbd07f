"""``ovoz unlock-partnership ID``: lift a partnership's emergency lock. Audited."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ovoz.programmes.models import Partnership
from ovoz.safety.lock import partnership_unlock


class Command(BaseCommand):
    help = "Lift a partnership's emergency lock: its accounts can sign in again (old API tokens stay revoked)."

    def add_arguments(self, parser):
        parser.add_argument("partnership", type=int, help="The partnership's id")

    def handle(self, *args, **options):
        partnership = Partnership.objects.filter(pk=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"There is no partnership {options['partnership']}.")
        try:
            partnership_unlock(actor=None, partnership=partnership)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(f"{partnership}: lock lifted.")
