"""``ovoz codebook``: seed a programme's codebook, list it as a tree, or write it to print, from a terminal."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from ovoz.accounts.models import User
from ovoz.analysis.codebook_print import codebook_file
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
        pr = sub.add_parser("print", help="Write the codebook to print (PDF) or to edit (DOCX): definitions, "
                                           "when to use each code and when not, examples.")
        pr.add_argument("--programme", type=int, required=True, help="Programme id.")
        pr.add_argument("--format", dest="fmt", default="pdf", choices=["pdf", "docx"])
        pr.add_argument("--language", default="en", choices=["en", "ru", "ky", "uz", "tg"])
        pr.add_argument("--out", required=True, help="The file to write.")

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
        if action == "print":
            self._print(programme, options["fmt"], options["language"], options["out"])
            return
        self._list(programme, options["language"], options["retired"])

    def _print(self, programme, fmt, language, out):
        # The operator's copy: the programme codebook and every partnership's own codes in use.
        codes = list(Code.objects.filter(programme=programme, retired_at__isnull=True)
                     .select_related("partnership__organisation").order_by("order", "name_en", "pk"))
        data = codebook_file(programme, codes, fmt=fmt, language=language)
        try:
            with open(out, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise CommandError(f"Could not write {out}: {exc.strerror}.") from None
        self.stdout.write(f"Wrote the codebook of “{programme}” ({len(codes)} codes, {language}) to {out}.")

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
