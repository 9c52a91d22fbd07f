"""Running an import job in the background: a thread started by the view, no Redis or Celery.

The thread has its own database connection. Progress goes to an in-process table (read by the page polled with
htmx) and to the job's row, in small transactions of its own while no transaction is open. While the import's
one big transaction is open, PostgreSQL gets the row updated through a second connection; SQLite allows one
writer at a time, so there the page reads the in-process table until the transaction commits.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ovoz.imports.models import ImportJob

logger = logging.getLogger(__name__)
CHECK, RUN = "check", "run"
WRITE_EVERY_SECONDS = 0.5

_lock = threading.Lock()
_live: dict[int, tuple[str, int, int]] = {}


def live_progress(job_id: int) -> tuple[str, int, int] | None:
    """(phase, done, total) of a job running in this process, or None."""
    with _lock:
        return _live.get(job_id)


def is_alive(job_id: int) -> bool:
    with _lock:
        return job_id in _live


class JobProgress:
    """The progress callable given to the services: ``progress(phase, done, total)``."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.last_write = 0.0
        self.side = None
        with _lock:
            _live[job_id] = ("", 0, 0)

    def __call__(self, phase: str, done: int, total: int) -> None:
        with _lock:
            _live[self.job_id] = (phase, done, total)
        now = time.monotonic()
        if now - self.last_write < WRITE_EVERY_SECONDS and done < total:
            return
        self.last_write = now
        try:
            self._write(phase, done, total)
        except Exception:  # progress is a courtesy: never let it stop the import
            logger.warning("Could not record the progress of import job %s", self.job_id, exc_info=True)

    def _write(self, phase: str, done: int, total: int) -> None:
        if not connection.in_atomic_block:
            ImportJob.objects.filter(pk=self.job_id).update(phase=phase, done=done, total=total,
                                                            updated_at=timezone.now())
            return
        if connection.vendor != "postgresql" or getattr(settings, "OVOZ_IMPORTS_INLINE", False):
            return
        if self.side is None:
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)
        with self.side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ImportJob._meta.db_table} SET phase = %s, done = %s, total = %s, updated_at = %s "
                "WHERE id = %s", [phase, done, total, timezone.now(), self.job_id],
            )

    def close(self) -> None:
        with _lock:
            _live.pop(self.job_id, None)
        if self.side is not None:
            self.side.close()
            self.side = None


def run(job_id: int, action: str) -> None:
    """Check (dry run) or import the job now, in this thread, in the language of the person who started it."""
    from ovoz.imports import services

    job = ImportJob.objects.select_related("partnership__programme", "instrument_version__instrument",
                                           "created_by", "run_by").get(pk=job_id)
    progress = JobProgress(job_id)
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            if action == CHECK:
                services.import_job_check(job=job, progress=progress)
            else:
                services.import_job_run(actor=job.run_by, job=job, progress=progress)
        except Exception:
            logger.exception("Import job %s stopped on an unexpected error", job_id)
            services.import_job_fail(job=job, message=_(
                "An unexpected error stopped the import; nothing was written. Tell your administrator: the "
                "server's log says what happened."))
        finally:
            progress.close()


def _thread_main(job_id: int, action: str) -> None:
    try:
        run(job_id, action)
    finally:
        connections.close_all()


def start(job_id: int, action: str) -> None:
    """Start the job in a background thread (at once, in this thread, when ``OVOZ_IMPORTS_INLINE`` is set)."""
    if getattr(settings, "OVOZ_IMPORTS_INLINE", False):
        run(job_id, action)
        return
    with _lock:
        _live[job_id] = ("", 0, 0)
    threading.Thread(target=_thread_main, args=(job_id, action), name=f"ovoz-import-{job_id}", daemon=True).start()


STALE_AFTER_SECONDS = 15 * 60


def is_stale(job: ImportJob) -> bool:
    """Running by its row, but by no thread of this process and silent for long: the server stopped meanwhile."""
    return job.is_running and not is_alive(job.pk) and (
        timezone.now() - job.updated_at).total_seconds() > STALE_AFTER_SECONDS
