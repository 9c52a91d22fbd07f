"""Model fields whose values are encrypted before they reach the database.

Used for identity data (names, contacts) so that even on PostgreSQL, where the volume may not be
encrypted and a DBA or a dump can read the tables, identities stay unreadable without the key.
"""

from cryptography.fernet import Fernet, InvalidToken
from django.db import models

from ovoz import keys

PREFIX = "enc1:"


def _fernet() -> Fernet:
    return Fernet(keys.fernet_key("fields"))


def encrypt_text(value: str) -> str:
    return PREFIX + _fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt_text(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored
    try:
        return _fernet().decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ValueError("An encrypted field could not be decrypted with this installation's key") from exc


class EncryptedTextField(models.TextField):
    """Text stored encrypted; it cannot be searched or ordered in SQL, by design."""

    sensitive = True

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(value)
