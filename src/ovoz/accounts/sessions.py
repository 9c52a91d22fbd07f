"""The session store: database sessions that expire after a time without requests, written only when needed.

Sessions end after ``OVOZ_SESSION_IDLE_MINUTES`` without activity, so each request moves the expiry forward
(``SESSION_SAVE_EVERY_REQUEST``). Rewriting the row on every request is a write transaction each time — a
researcher coding one stretch after another would pay it on every coding. This store remembers the expiry it
read and skips the write while that expiry is less than ``SLACK`` behind the new one and nothing in the
session changed: the idle limit then holds to within a minute.
"""

import datetime

from django.contrib.sessions.backends import db
from django.db import connection
from django.utils import timezone

SLACK = datetime.timedelta(seconds=60)


class SessionStore(db.SessionStore):
    _stored_expiry = None

    def _get_session_from_db(self):
        # As the parent class reads it, in a statement written once: every request reads its session first,
        # and building the ORM query cost more than running it.
        q = connection.ops.quote_name
        sql = (f"SELECT * FROM {q(self.model._meta.db_table)} WHERE {q('session_key')} = %s "
               f"AND {q('expire_date')} > %s")
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        # Read to the end (a list), so that no statement is left open on the connection.
        rows = list(self.model.objects.raw(sql, [self.session_key, now]))
        row = rows[0] if rows else None
        if row is None:
            self._session_key = None
        self._stored_expiry = row.expire_date if row is not None else None
        return row

    def save(self, must_create=False):
        stored = self._stored_expiry
        if not must_create and not self.modified and stored is not None and self.session_key is not None:
            if stored >= self.get_expiry_date() - SLACK:
                return
        super().save(must_create=must_create)
        self._stored_expiry = None
