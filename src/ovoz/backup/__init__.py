"""Encrypted backups of a whole Ovoz installation, and their restore (see docs/BACKUP.md)."""

from ovoz.backup.archive import BackupError, backup_create, backup_restore

__all__ = ["BackupError", "backup_create", "backup_restore"]
