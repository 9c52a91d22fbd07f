"""The sealed container of a backup: scrypt from a passphrase, then AES-256-GCM in 1 MiB chunks.

    header  = b"OVOZBACKUP" | version (1 byte) | log2 N, r, p (1 byte each) | salt (16 bytes)
              | nonce prefix (7 bytes) | chunk size (4 bytes, big endian)
    chunk i = AES-GCM(key, nonce = prefix | i (4 bytes) | 1 if last else 0, data, associated data = header)

Each chunk is bound to the header, to its place and to whether it ends the file, so a wrong passphrase,
a changed byte, reordered chunks or a cut-off file all fail to open. The primitives are the
``cryptography`` package's; only the framing is ours.
"""

import secrets
import struct
import sys
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

FORMAT_VERSION = 1
MAGIC = b"OVOZBACKUP"
_HEADER = struct.Struct(">10sBBBB16s7sI")
_TAG = 16
CHUNK_SIZE = 1 << 20
# scrypt with N = 2**17, r = 8: about 128 MiB of memory and a third of a second per try.
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 17, 8, 1
MIN_PASSPHRASE_LENGTH = 12

DAMAGED = "Wrong passphrase or damaged archive: nothing was restored."


class BackupError(Exception):
    """A backup or a restore that cannot be done; the message says why, for the person running it."""


# --- the encrypted container -------------------------------------------------------------------


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(secret)


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    if index >= 1 << 32:
        raise BackupError("The archive is too large (more than 4 PiB).")
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


class Sealer:
    """A write-only file object that encrypts what tarfile writes, chunk by chunk."""

    def __init__(self, raw, passphrase: str):
        salt, self._prefix = secrets.token_bytes(16), secrets.token_bytes(7)
        self._header = _HEADER.pack(
            MAGIC, FORMAT_VERSION, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, self._prefix, CHUNK_SIZE
        )
        self._aead = AESGCM(_derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P))
        self._raw, self._buffer, self._index, self._closed = raw, bytearray(), 0, False
        raw.write(self._header)

    def write(self, data) -> int:
        self._buffer += data
        # A full buffer is sealed only once more data follows: the last chunk must be marked as last.
        while len(self._buffer) > CHUNK_SIZE:
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), last=False)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def close(self) -> None:
        if not self._closed:
            self._seal(bytes(self._buffer), last=True)
            self._closed = True

    def _seal(self, plain: bytes, *, last: bool) -> None:
        self._raw.write(self._aead.encrypt(_nonce(self._prefix, self._index, last), plain, self._header))
        self._index += 1


class Opener:
    """A read-only file object over an archive's decrypted content; any tampering raises BackupError."""

    def __init__(self, raw, header: bytes, aead: AESGCM):
        self._raw, self._header, self._aead = raw, header, aead
        fields = _HEADER.unpack(header)
        self._prefix, self._sealed_size = fields[6], fields[7] + _TAG
        self._next = raw.read(self._sealed_size)
        self._plain, self._pos, self._index, self.finished = b"", 0, 0, False

    @classmethod
    def open(cls, raw, passphrase: str) -> "Opener":
        header = raw.read(_HEADER.size)
        if not header.startswith(MAGIC):
            raise BackupError("This file is not an Ovoz backup.")
        if len(header) < _HEADER.size:
            raise BackupError(DAMAGED)
        _, version, log2_n, r, p, salt, _, chunk = _HEADER.unpack(header)
        if version != FORMAT_VERSION:
            raise BackupError(f"This backup has format version {version}; this Ovoz reads version {FORMAT_VERSION}.")
        # Bounds keep a forged header from asking for more than 1 GiB of memory or huge chunks.
        memory = 128 * r * (1 << log2_n)
        if not (log2_n >= 14 and r >= 1 and memory <= 1 << 30 and 1 <= p <= 16 and 1024 <= chunk <= 64 << 20):
            raise BackupError(DAMAGED)
        return cls(raw, header, AESGCM(_derive(passphrase, salt, log2_n, r, p)))

    def _open_next(self) -> bytes:
        sealed, self._next = self._next, self._raw.read(self._sealed_size)
        last = not self._next
        try:
            plain = self._aead.decrypt(_nonce(self._prefix, self._index, last), sealed, self._header)
        except InvalidTag:
            raise BackupError(DAMAGED) from None
        self._index += 1
        self.finished = last
        return plain

    def read(self, size: int = -1) -> bytes:
        parts, wanted = [], size if size is not None and size >= 0 else sys.maxsize
        while wanted > 0:
            if self._pos >= len(self._plain):
                if self.finished:
                    break
                self._plain, self._pos = self._open_next(), 0
                continue
            piece = self._plain[self._pos : self._pos + wanted]
            self._pos += len(piece)
            wanted -= len(piece)
            parts.append(piece)
        return b"".join(parts)

    def drain(self) -> None:
        while self.read(CHUNK_SIZE):
            pass
