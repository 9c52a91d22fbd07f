"""The master key of an Ovoz installation and the keys derived from it.

One random master key lives in the data dir (``keys/master.key``, mode 0600, written by
``ovoz init``) or comes from ``OVOZ_MASTER_KEY`` / ``OVOZ_MASTER_KEY_FILE``. Every other key
(database, fields, media, Django's secret) is derived from it with HKDF, so one secret is kept
safe and backed up, and no two purposes share a key.
"""

import base64
import os
import secrets
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ovoz.env import ConfigError, env_str

MASTER_KEY_NAME = "master.key"


def data_dir() -> Path:
    return Path(os.environ.get("OVOZ_DATA_DIR") or "var").resolve()


def master_key_path(base: Path | None = None) -> Path:
    return (base or data_dir()) / "keys" / MASTER_KEY_NAME


def create_master_key(base: Path | None = None) -> Path:
    """Create the data dir and its master key if missing; never overwrite an existing key."""
    base = base or data_dir()
    base.mkdir(parents=True, exist_ok=True)
    os.chmod(base, 0o700)
    key_dir = base / "keys"
    key_dir.mkdir(exist_ok=True)
    os.chmod(key_dir, 0o700)
    path = master_key_path(base)
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32) + "\n")
    master_key.cache_clear()
    return path


def _parse(raw: str, origin: str) -> bytes:
    raw = raw.strip()
    try:
        key = bytes.fromhex(raw)
    except ValueError as exc:
        raise ConfigError(f"The master key from {origin} must be 64 hexadecimal characters") from exc
    if len(key) != 32:
        raise ConfigError(f"The master key from {origin} must be 64 hexadecimal characters")
    return key


@cache
def master_key() -> bytes | None:
    raw = env_str("OVOZ_MASTER_KEY")
    if raw:
        return _parse(raw, "OVOZ_MASTER_KEY")
    path = master_key_path()
    if path.exists():
        return _parse(path.read_text(encoding="utf-8"), str(path.name))
    return None


@cache
def _ephemeral() -> bytes:
    return secrets.token_bytes(32)


def has_master_key() -> bool:
    return master_key() is not None


def derived_key(purpose: str) -> bytes:
    """32 bytes for one purpose. Without a master key (before ``ovoz init``), a per-process key."""
    base = master_key() or _ephemeral()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"ovoz", info=purpose.encode()).derive(base)


def derived_secret(purpose: str) -> str:
    return derived_key(purpose).hex()


def fernet_key(purpose: str) -> bytes:
    return base64.urlsafe_b64encode(derived_key(purpose))
