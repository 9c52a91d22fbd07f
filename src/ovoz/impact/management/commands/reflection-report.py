"""``ovoz reflection-report --programme ID --format pdf|docx|html --out FILE``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write
from ovoz.impact.report_data import gather
from ovoz.impact.report_render import FORMATS, render
from ovoz.programmes.models import Programme


class Command(BaseCommand):
    help = "Write a programme's reflection report (stories by level, selections, outcomes, lessons) to a file."

    def add_arguments(self, parser):
        parser.add_argument("--programme", type=int, required=True, help="The programme's id")
        parser.add_argument("--format", choices=sorted(FORMATS), default="pdf")
        parser.add_argument("--out", required=True, help="The file to write")
        parser.add_argument("--language", default="en", help="Interface language of the headings (en, ru, ky, uz, tg)")

    def handle(self, *args, **options):
        programme = Programme.objects.filter(pk=options["programme"]).first()
        if programme is None:
            raise CommandError(f"There is no programme {options['programme']}.")
        with translation.override(options["language"]):
            body = render(gather(programme), options["format"])
        out = Path(options["out"])
        try:
            out.write_bytes(body)
        except OSError as exc:
            raise CommandError(f"Cannot write {out}: {exc.strerror}") from exc
        audit_write(actor=None, action="reflection_report.export", obj=programme, programme=programme,
                    kind=AuditEntry.Kind.READ, changes={"format": {"old": None, "new": options["format"]}})
        self.stdout.write(f"Wrote {out} ({len(body)} bytes).")
