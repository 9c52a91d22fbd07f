"""``ovoz briefer``: list publications and render one to a file (HTML, PDF or DOCX) from the command line."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ovoz.publishing.models import Publication
from ovoz.publishing.render import FORMATS
from ovoz.publishing.services.rendering import LANGUAGES, publication_render


class Command(BaseCommand):
    help = "List briefers and reports, or render one: ovoz briefer render SLUG --format pdf --lang en --out FILE"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="Every publication with its short name (slug), status and versions.")
        r = sub.add_parser("render", help="Render one publication to a file.")
        r.add_argument("slug")
        r.add_argument("--format", dest="fmt", choices=sorted(FORMATS), default="pdf")
        r.add_argument("--lang", choices=LANGUAGES, default="en")
        r.add_argument("--out", required=True, help="The file to write ('-' for standard output, HTML only).")
        r.add_argument("--draft", action="store_true", help="Render the current draft, not the published version.")

    def handle(self, *args, action, **options):
        if action == "list":
            for p in Publication.objects.select_related("partnership__organisation").order_by("slug"):
                versions = p.versions.count()
                self.stdout.write(f"{p.slug:60} {p.status:10} v{versions}  {p.title}")
            return
        try:
            publication = Publication.objects.get(slug=options["slug"])
        except Publication.DoesNotExist:
            raise CommandError(f"There is no publication with the short name {options['slug']!r}; "
                               "see `ovoz briefer list`.") from None
        try:
            data = publication_render(actor=None, publication=publication, fmt=options["fmt"],
                                      language=options["lang"], draft=options["draft"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        if options["out"] == "-":
            if options["fmt"] != "html":
                raise CommandError("Only HTML can be written to standard output.")
            self.stdout.write(data.decode("utf-8"))
            return
        out = Path(options["out"])
        if not out.parent.exists():
            raise CommandError(f"The folder {out.parent} does not exist.")
        out.write_bytes(data)
        self.stdout.write(f"Wrote {out} ({len(data):,} bytes, {options['fmt'].upper()}, {options['lang']}).")
