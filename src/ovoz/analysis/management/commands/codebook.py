"""``ovoz codebook``: seed a programme's codebook, or print it as a tree, from a terminal."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from ovoz.accounts.models import User
from ovoz.analysis.models import Code
from ovoz.analysis.services.codes import codebook_seed
from ovoz.analysis.views.codebook_common import flatten
from ovoz.programmes.models import Programme


class Command(BaseCommand):
    help = "Seed a programme's codebook from the focus areas and the violation vocabulary, or list it."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        s = sub.add_parser("seed", help="Add the focus areas and violation terms (codes already seeded are kept).")
        s.add_argument("--programme", type=int, required=True, help="Programme id.")
        s.add_argument("--as", dest="username", default="", help="Record the change as this person (audit log).")
        ls = sub.add_parser("list", help="Print the codebook as a tree, with the number of codings of each code.")
        ls.add_argument("--programme", type=int, required=True, help="Programme id.")
        ls.add_argument("--language", default="en", choices=["en", "ru", "ky", "uz", "tg"])
        ls.add_argument("--retired", action="store_true", help="Include retired and merged codes.")

    def _programme(self, pk) -> Programme:
        try:
            return Programme.objects.get(pk=pk)
        except Programme.DoesNotExist:
            raise CommandError(f"There is no programme with id {pk}.") from None

    def handle(self, *args, action, programme, **options):
        programme = self._programme(programme)
        if action == "seed":
            actor = None
            if options["username"]:
                actor = User.objects.filter(username__iexact=options["username"]).first()
                if actor is None:
                    raise CommandError(f"There is no account named {options['username']!r}.")
            created = codebook_seed(actor=actor, programme=programme)
            self.stdout.write(f"{created} codes added to the codebook of “{programme}”." if created else
                              f"The codebook of “{programme}” was already seeded: nothing added.")
            return
        self._list(programme, options["language"], options["retired"])

    def _list(self, programme, language, retired):
        # An operator's view of the whole codebook; the counts are totals, not filtered by anyone's access.
        codes = Code.objects.filter(programme=programme).select_related("partnership__organisation").annotate(
            n=Count("codings")).order_by("order", "name_en", "pk")
        if not retired:
            codes = codes.filter(retired_at__isnull=True)
        codes = list(codes)
        if not codes:
            self.stdout.write(f"The codebook of “{programme}” is empty. Seed it with: "
                              f"ovoz codebook seed --programme {programme.pk}")
            return
        groups = {}
        for code in codes:
            groups.setdefault(code.partnership, []).append(code)
        for partnership, members in sorted(groups.items(), key=lambda kv: (kv[0] is not None, str(kv[0] or ""))):
            title = "Programme codebook" if partnership is None else f"{partnership.organisation.name} (partnership " \
                                                                      f"{partnership.pk})"
            self.stdout.write(self.style.MIGRATE_HEADING(title))
            for code in flatten(members):
                flag = " [merged]" if code.merged_into_id else " [retired]" if code.retired_at else ""
                self.stdout.write(f"  {'  ' * code.depth}{code.name(language)}{flag}  ({code.n})  #{code.pk}")
        self.stdout.write(f"{len(codes)} codes.")
