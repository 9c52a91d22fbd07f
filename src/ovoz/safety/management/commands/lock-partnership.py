"""``ovoz lock-partnership ID``: suspend every account of a partnership at once (sessions, tokens). Audited."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ovoz.programmes.models import Partnership
from ovoz.safety.lock import partnership_lock


class Command(BaseCommand):
    help = "Lock every account of a partnership in an emergency: sign-in refused, sessions ended, tokens revoked."

    def add_arguments(self, parser):
        parser.add_argument("partnership", type=int, help="The partnership's id")
        parser.add_argument("--reason", default="", help="Why (kept encrypted)")

    def handle(self, *args, **options):
        partnership = Partnership.objects.filter(pk=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"There is no partnership {options['partnership']}.")
        try:
            lock = partnership_lock(actor=None, partnership=partnership, reason=options["reason"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        names = ", ".join(a.user.username for a in lock.accounts.select_related("user")) or "nobody"
        self.stdout.write(f"{partnership}: locked {names}.")
