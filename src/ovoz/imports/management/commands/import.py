"""``ovoz import``: survey submissions, participant and incident tables, XLSForms, from the command line.

    ovoz import kobo FILE --mapping M --partnership ID [--dry-run] [--user NAME] [--instrument ID]
    ovoz import odk FORM.csv --repeat FORM-GROUP.csv ... --mapping M --partnership ID   (or ODK Central's zip)
    ovoz import participants FILE --partnership ID [--dry-run] [--user NAME]
    ovoz import incidents FILE --partnership ID [--dry-run] [--user NAME]
    ovoz import xlsform FILE --partnership ID [--user NAME]

The same checks as the web pages: a dry run with every problem (row, submission, field), then one transaction
or nothing. ``M`` is a mapping's JSON file, or the id of a mapping saved on the web. Progress goes to stderr.
"""

import json
import os
import sys
import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ovoz.accounts.models import User
from ovoz.evidence.access import can_edit
from ovoz.imports import services
from ovoz.imports.csvzip import pack
from ovoz.imports.files import check_size
from ovoz.imports.models import ImportJob, InstrumentVersion, Mapping
from ovoz.imports.views.jobs import COUNT_LABELS
from ovoz.imports.xlsform import XLSFormError, describe_error
from ovoz.programmes.models import Partnership

KINDS = {"kobo": ImportJob.Kind.SUBMISSIONS, "odk": ImportJob.Kind.SUBMISSIONS,
         "participants": ImportJob.Kind.PARTICIPANTS, "incidents": ImportJob.Kind.INCIDENTS}
SHOWN_PROBLEMS = 50


class ProgressBar:
    """``label [#####.....] 52% 5200/10000`` redrawn in place on a terminal; a line per tenth elsewhere."""

    def __init__(self, stream, *, width: int = 30):
        self.stream, self.width = stream, width
        self.tty = getattr(stream, "isatty", lambda: False)()
        self.phase, self.tenth, self.started = "", -1, time.monotonic()

    def __call__(self, phase: str, done: int, total: int) -> None:
        label = {"checking": "Checking", "importing": "Importing"}.get(phase, phase)
        if phase != self.phase:
            if self.phase and self.tty:
                self.stream.write("\n")
            self.phase, self.tenth, self.started = phase, -1, time.monotonic()
        share = done / total if total else 1.0
        if self.tty:
            filled = int(self.width * share)
            self.stream.write(f"\r{label} [{'#' * filled}{'.' * (self.width - filled)}] {share:4.0%} {done}/{total}")
            if done >= total:
                self.stream.write(f"  {time.monotonic() - self.started:.1f} s\n")
                self.phase = ""
            self.stream.flush()
            return
        tenth = int(share * 10)
        if tenth != self.tenth:
            self.tenth = tenth
            self.stream.write(f"{label}: {share:.0%} ({done}/{total})\n")
            self.stream.flush()


class Command(BaseCommand):
    help = "Import survey submissions (KoBoToolbox, ODK Central), participant or incident tables, or an XLSForm."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=[*KINDS, "xlsform"],
                            help="kobo (or odk): survey submissions; participants; incidents; xlsform")
        parser.add_argument("file", help="The exported file (JSON, CSV, XLSX or ODK Central's CSV zip) or the "
                                         "XLSForm")
        parser.add_argument("--partnership", type=int, required=True, metavar="ID", help="Import into this partnership")
        parser.add_argument("--mapping", metavar="M", help="kobo: a mapping's JSON file, or a saved mapping's id")
        parser.add_argument("--instrument", type=int, metavar="ID",
                            help="kobo: the instrument whose latest form labels the transcript (default: the "
                                 "mapping's)")
        parser.add_argument("--repeat", action="append", metavar="FILE", default=[],
                            help="kobo/odk: a repeat group's table of ODK Central's CSV export (FORM-GROUP.csv), "
                                 "read with the main CSV; once per repeat group (or import Central's zip instead)")
        parser.add_argument("--user", metavar="NAME",
                            help="Who imports (a mentor or researcher of the partnership); default: the system")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing")

    def handle(self, *args, what, file, partnership, mapping=None, instrument=None, user=None, dry_run=False,
               repeat=(), verbosity=1, **options):
        target = Partnership.objects.select_related("programme", "organisation").filter(pk=partnership).first()
        if target is None:
            raise CommandError(f"No partnership with id {partnership}.")
        actor = self._actor(user, target)
        if not os.path.isfile(file):
            raise CommandError(f"No file {file!r}.")
        try:
            check_size(os.path.getsize(file))  # refused before it is read
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        with open(file, "rb") as fh:
            content = fh.read()
        name = os.path.basename(file)
        if repeat:
            content, name = self._with_repeats(what, file, content, repeat)
        if what == "xlsform":
            return self._xlsform(actor, target, content, name)
        saved, spec, version = None, None, None
        if KINDS[what] == ImportJob.Kind.SUBMISSIONS:
            saved, spec, version = self._mapping(mapping, target, instrument)
        try:
            job = services.import_job_create(actor=actor, partnership=target, kind=KINDS[what], content=content,
                                             name=name, mapping=saved, spec=spec, version=version)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        progress = ProgressBar(getattr(self.stderr, "_out", sys.stderr)) if verbosity else None
        services.import_job_check(job=job, progress=progress)
        self._report(job, verbosity)
        if job.status == ImportJob.Status.FAILED or job.error_count:
            raise CommandError(job.error or "The file has problems (listed above): nothing was imported.")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        job = services.import_job_start(actor=actor, job=job)
        services.import_job_run(actor=actor, job=job, progress=progress)
        job.refresh_from_db()
        if job.status != ImportJob.Status.DONE:
            self._report(job, verbosity)
            raise CommandError(job.error or "Nothing was imported.")
        self.stdout.write(self.style.SUCCESS(f"Imported (job {job.pk})."))

    def _with_repeats(self, what, file, content, repeats):
        """The main CSV and its repeat groups' CSVs, zipped as ODK Central exports them."""
        if KINDS.get(what) != ImportJob.Kind.SUBMISSIONS:
            raise CommandError("--repeat goes with kobo or odk submissions only.")
        tables = [(file, content)]
        for path in repeats:
            if not os.path.isfile(path):
                raise CommandError(f"No file {path!r}.")
            try:
                check_size(os.path.getsize(path))
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
            with open(path, "rb") as fh:
                tables.append((path, fh.read()))
        for path, _content in tables:
            if not path.lower().endswith(".csv"):
                raise CommandError(f"{os.path.basename(path)}: with --repeat, every file is a CSV table.")
        if len({os.path.basename(path) for path, _content in tables}) < len(tables):
            raise CommandError("Two of the files have the same name.")
        packed = pack(tables)
        try:
            check_size(len(packed))
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        return packed, os.path.splitext(os.path.basename(file))[0] + ".zip"

    def _actor(self, username, partnership):
        if not username:
            return None
        actor = User.objects.filter(username__iexact=username).first()
        if actor is None:
            raise CommandError(f"There is no account named {username!r}.")
        if not can_edit(actor, partnership):
            raise CommandError(f"{actor.username} cannot edit the evidence of partnership {partnership.pk}.")
        return actor

    def _mapping(self, value, partnership, instrument_id):
        if not value:
            raise CommandError("Give the mapping with --mapping (a JSON file or a saved mapping's id).")
        saved = spec = None
        if os.path.isfile(value):
            try:
                with open(value, encoding="utf-8") as fh:
                    spec = json.load(fh)
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise CommandError(f"The mapping {value!r} is not a JSON file: {exc}") from None
        elif value.isdigit():
            saved = Mapping.objects.select_related("instrument").filter(pk=int(value), partnership=partnership).first()
            if saved is None:
                raise CommandError(f"Partnership {partnership.pk} has no mapping with id {value}.")
        else:
            raise CommandError(f"No mapping file {value!r}.")
        version = None
        instrument = saved.instrument if saved else None
        if instrument_id is not None:
            version = InstrumentVersion.objects.filter(instrument_id=instrument_id,
                                                       instrument__partnership=partnership).order_by("-number").first()
            if version is None:
                raise CommandError(f"Partnership {partnership.pk} has no instrument with id {instrument_id}.")
        elif instrument is not None:
            version = instrument.latest
        return saved, spec, version

    def _xlsform(self, actor, partnership, content, name):
        try:
            version, created = services.instrument_upload(actor=actor, partnership=partnership, content=content,
                                                          name=name)
        except XLSFormError as exc:
            raise CommandError(describe_error(exc)) from None
        if created:
            self.stdout.write(self.style.SUCCESS(
                f"The form is valid: instrument {version.instrument_id} ({version.instrument.form_id}), "
                f"version {version.number}."))
        else:
            self.stdout.write(f"Same as version {version.number} of instrument {version.instrument_id}: nothing new.")

    def _report(self, job, verbosity):
        if not verbosity:
            return
        if job.error:
            self.stderr.write(job.error)
        counts = job.counts or {}
        if counts:
            width = max(len(str(label)) for _key, label in COUNT_LABELS)
            self.stdout.write(f"{'Rows or submissions read':<{width}}  {counts.get('rows', 0):>7}")
            for key, label in COUNT_LABELS:
                self.stdout.write(f"{str(label):<{width}}  {counts.get(key, 0):>7}")
        for problem in job.problems[:SHOWN_PROBLEMS]:
            row = problem["row"] if problem["row"] is not None else "-"
            self.stdout.write(f"{problem['level']}: row {row}, {problem['field'] or '-'}: {problem['message']}")
        if job.problem_count > SHOWN_PROBLEMS:
            self.stdout.write(f"… and {job.problem_count - SHOWN_PROBLEMS} more problems.")
