"""File storage that encrypts every uploaded file on disk with a key derived from the master key."""

from cryptography.fernet import Fernet
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from ovoz import keys


class EncryptedFileSystemStorage(FileSystemStorage):
    def _fernet(self) -> Fernet:
        return Fernet(keys.fernet_key("media"))

    def _save(self, name, content):
        content.seek(0)
        token = self._fernet().encrypt(content.read())
        return super()._save(name, ContentFile(token))

    def _open(self, name, mode="rb"):
        with super()._open(name, "rb") as fh:
            plain = self._fernet().decrypt(fh.read())
        return ContentFile(plain, name=name)

    def size(self, name):
        # The size a user cares about is the plain file's, not the token's.
        with self._open(name) as fh:
            return fh.size
