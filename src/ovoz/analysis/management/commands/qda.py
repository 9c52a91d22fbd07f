"""``ovoz qda``: REFI-QDA and Taguette interop from the command line, as a named person of the programme.

    ovoz qda export --partnership ID --out FILE.qdpx --user NAME
    ovoz qda export --programme ID --out FILE.qdpx --user NAME          # coordinators: what is shared
    ovoz qda export-codebook --programme ID [--partnership ID] --out FILE.qdc --user NAME
    ovoz qda import FILE (--partnership ID | --programme ID) --user NAME [--dry-run] [--kind interview]
    ovoz qda import-taguette-codebook CSV (--partnership ID | --programme ID) --user NAME [--dry-run]
    ovoz qda import-taguette-highlights CSV --partnership ID --user NAME [--dry-run]

The same services, access rules and audit as the pages: the person must be allowed to do it on the web.
An import prints what it did (or, with --dry-run, would do) and every problem; it writes all or nothing.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from ovoz.accounts.models import User
from ovoz.analysis.interop import detect
from ovoz.analysis.services.interop import SOURCE_KINDS, codebook_export, project_export, qda_import
from ovoz.analysis.views.interop_access import (
    partnership_for_export,
    partnership_for_import,
    programme_for_codebook,
    programme_for_coordinator,
)
from ovoz.programmes.access import get_programme_for_user

KINDS = {"import": None, "import-taguette-codebook": detect.TAGUETTE_CODEBOOK,
         "import-taguette-highlights": detect.TAGUETTE_HIGHLIGHTS}


class Command(BaseCommand):
    help = "Export and import REFI-QDA projects (.qdpx) and codebooks (.qdc), and Taguette's CSV exports."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "export-codebook", *KINDS])
        parser.add_argument("file", nargs="?", help="The file to import")
        parser.add_argument("--partnership", type=int, metavar="ID")
        parser.add_argument("--programme", type=int, metavar="ID")
        parser.add_argument("--out", metavar="FILE", help="Where to write the export")
        parser.add_argument("--user", required=True, metavar="NAME", help="Who exports or imports (a username)")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing")
        parser.add_argument("--kind", default="interview", choices=[str(k) for k in SOURCE_KINDS],
                            help="What the imported texts are (default: interview)")

    def handle(self, *args, action, file=None, partnership=None, programme=None, out=None, user, dry_run=False,
               kind="interview", **options):
        person = User.objects.filter(username=user, is_active=True).first()
        if person is None:
            raise CommandError(f"No active user {user!r}.")
        try:
            if action == "export":
                return self._export(person, partnership, programme, out)
            if action == "export-codebook":
                return self._export_codebook(person, partnership, programme, out)
            return self._import(person, action, file, partnership, programme, dry_run, kind)
        except Http404 as exc:
            raise CommandError(f"{user} may not do this there (or it does not exist).") from exc
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc

    def _export(self, person, partnership_id, programme_id, out):
        if not out or bool(partnership_id) == bool(programme_id):
            raise CommandError("export needs --out and either --partnership or --programme.")
        if partnership_id:
            partnership = partnership_for_export(person, partnership_id)
            programme = partnership.programme
        else:
            partnership, programme = None, programme_for_coordinator(person, programme_id)
        with open(out, "wb") as fh:
            _none, counts = project_export(actor=person, programme=programme, partnership=partnership, out=fh)
        self.stdout.write(f"Wrote {out}: {counts['sources']} sources, {counts['codings']} codings, "
                          f"{counts['codes']} codes, {counts['memos']} memos, {counts['cases']} cases.")

    def _export_codebook(self, person, partnership_id, programme_id, out):
        if not out or not programme_id:
            raise CommandError("export-codebook needs --programme and --out.")
        programme = programme_for_codebook(person, programme_id)
        partnership = partnership_for_export(person, partnership_id) if partnership_id else None
        if partnership is not None and partnership.programme_id != programme.pk:
            raise CommandError("That partnership is not in the programme.")
        content = codebook_export(actor=person, programme=programme, partnership=partnership)
        with open(out, "wb") as fh:
            fh.write(content)
        self.stdout.write(f"Wrote {out}.")

    def _import(self, person, action, file, partnership_id, programme_id, dry_run, kind):
        if not file or bool(partnership_id) == bool(programme_id):
            raise CommandError(f"{action} needs a FILE and either --partnership or --programme.")
        with open(file, "rb") as fh:
            content = fh.read()
        expected = KINDS[action]
        found = detect.file_kind(content, file)
        if expected and found != expected:
            raise CommandError(f"{file} is not a Taguette {expected.split('_')[1]} CSV.")
        if partnership_id:
            partnership = partnership_for_import(person, partnership_id)
            programme = partnership.programme
        else:
            partnership, programme = None, get_programme_for_user(person, programme_id)
        report = qda_import(actor=person, programme=programme, partnership=partnership, content=content,
                            filename=file, dry_run=dry_run, source_kind=kind)
        self._print(report)

    def _print(self, report):
        w = self.stdout.write
        w(("Dry run (nothing written): " if report.dry_run else "Imported: ") + f"{report.kind}"
          + (f" from {report.origin}" if report.origin else ""))
        w(f"  codes: {len(report.codes_created)} new, {report.codes_matched} already here")
        w(f"  sources: {len(report.sources_created)} new, {len(report.sources_matched)} already here")
        w(f"  codings: {report.codings_created} new, {report.codings_existing} already here")
        w(f"  memos: {report.memos_created} new")
        for name, unit, reason in report.units:
            w(f"  positions in {name}: {'UTF-8 bytes, converted' if unit == 'utf8' else 'characters'} ({reason})")
        for p in report.problems:
            w(f"  left out — {p.where}: {p.message}")
        for p in report.warnings:
            w(f"  note — {p.where}: {p.message}")
