"""One encrypted file that holds everything needed to rebuild an Ovoz installation.

The file is a tar archive sealed with a passphrase (see ``sealed.py`` for the container). The tar
inside holds ``manifest.json``, ``keys/master.key``, ``database.json`` (every row, as Django fixtures)
and ``media/…`` (uploaded files exactly as on disk, that is still encrypted with the master key).
"""

import datetime
import io
import json
import os
import secrets
import shutil
import sys
import tarfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

import ovoz
from ovoz import keys
from ovoz.backup.sealed import (  # noqa: F401  (BackupError and DAMAGED are part of this module's interface)
    CHUNK_SIZE,
    DAMAGED,
    FORMAT_VERSION,
    MIN_PASSPHRASE_LENGTH,
    BackupError,
    Opener,
    Sealer,
)
from ovoz.env import ConfigError

MANIFEST, KEY_FILE, DATABASE, MEDIA = "manifest.json", "keys/master.key", "database.json", "media/"
# Rebuilt by ``migrate`` (content types, permissions) or not worth keeping (sessions, login attempts).
EXCLUDED_APPS = {"contenttypes", "sessions", "axes"}
EXCLUDED_MODELS = {"auth.permission"}
# Referred to by natural key, since ``migrate`` recreates them under new ids.
NATURAL_KEY_MODELS = {"contenttypes.contenttype", "auth.permission"}
# Filled by ``migrate`` itself, so a freshly migrated database still counts as empty.
MIGRATE_TABLES = {"django_migrations", "django_content_type", "auth_permission"}


# --- the database --------------------------------------------------------------------------------


class _Serializer(JSONSerializer):
    """Django's JSON fixtures, with natural keys only towards content types and permissions.

    Everything else keeps its id: ``dumpdata --natural-foreign`` would also turn users into natural keys
    and then fail on audit rows whose author's account was removed (they keep a dangling id on purpose).
    """

    def _natural_towards(self, field) -> bool:
        return field.remote_field.model._meta.label_lower in NATURAL_KEY_MODELS

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = self._natural_towards(field)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = self._natural_towards(field)
        super().handle_m2m_field(obj, field)


def _backed_up_models(using: str) -> list:
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
        and not model._meta.proxy
        and model._meta.managed
        and router.allow_migrate_model(using, model)
    ]


def _dump(using: str) -> tuple[bytes, dict[str, int], list[str]]:
    """Every backed-up row as one JSON fixture, read in one transaction; with the counts and migrations."""
    connection = connections[using]
    counts: Counter = Counter()

    def rows():
        for model in _backed_up_models(using):
            counts[model._meta.label_lower] += 0
            for obj in model._base_manager.using(using).order_by(model._meta.pk.name).iterator(chunk_size=500):
                counts[model._meta.label_lower] += 1
                yield obj

    stream = io.StringIO()
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        _Serializer().serialize(rows(), stream=stream, ensure_ascii=False)
        applied = sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())
    return stream.getvalue().encode("utf-8"), dict(sorted(counts.items())), applied


@contextmanager
def _stdin(data: bytes):
    """``loaddata -`` reads standard input: hand it the dump without writing it to disk in plain text."""
    saved = sys.stdin
    sys.stdin = io.StringIO(data.decode("utf-8"))
    try:
        yield
    finally:
        sys.stdin = saved


def _load(dump: bytes, counts: dict[str, int], using: str) -> None:
    call_command("migrate", interactive=False, verbosity=0, database=using, stdout=io.StringIO())
    with _stdin(dump):
        call_command("loaddata", "-", format="json", database=using, verbosity=0)
    for label, expected in counts.items():
        found = apps.get_model(label)._base_manager.using(using).count()
        if found != expected:
            raise BackupError(f"After loading, {label} has {found} rows instead of {expected}.")


# --- paths ---------------------------------------------------------------------------------------


def _media_root() -> Path:
    return Path(getattr(default_storage, "location", None) or keys.data_dir() / "media")


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        found += [Path(folder) / name for name in sorted(files) if not (Path(folder) / name).is_symlink()]
    return found


def _media_name(name: str) -> PurePosixPath:
    """The path below media/ of an archive member, refusing anything that could escape the folder."""
    relative = PurePosixPath(name[len(MEDIA) :])
    if not relative.parts or relative.is_absolute() or any(part in {"", ".", ".."} for part in relative.parts):
        raise BackupError(DAMAGED)
    return relative


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


# --- backup --------------------------------------------------------------------------------------


def backup_create(*, path, passphrase: str, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Write the database, the master key and the uploaded files to one new file encrypted with ``passphrase``.

    Returns the manifest. Nothing is left behind if it fails; plain text never touches the disk.
    """
    path = Path(path)
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise BackupError(f"Use a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters.")
    if path.exists():
        raise BackupError(f"{path} already exists: give a new file name (an existing backup is never overwritten).")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    media_root = _media_root()
    if path.resolve().is_relative_to(media_root.resolve()):
        raise BackupError(f"Write the backup outside {media_root}, the uploaded files folder.")
    try:
        master = keys.master_key()
    except ConfigError as exc:
        raise BackupError(str(exc)) from exc
    if master is None:
        raise BackupError("This installation has no master key yet (run `ovoz init`): there is nothing to back up.")

    dump, counts, applied = _dump(using)
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    media_count = 0
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw:
            sealer = Sealer(raw, passphrase)
            with tarfile.open(fileobj=sealer, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                _add_bytes(tar, KEY_FILE, master.hex().encode() + b"\n")
                _add_bytes(tar, DATABASE, dump)
                for file in _media_files(media_root):
                    try:
                        fh = file.open("rb")
                    except FileNotFoundError:  # removed while the backup ran
                        continue
                    with fh:
                        info = tarfile.TarInfo(MEDIA + file.relative_to(media_root).as_posix())
                        stat = os.fstat(fh.fileno())
                        info.size, info.mode, info.mtime = stat.st_size, 0o600, int(stat.st_mtime)
                        tar.addfile(info, fh)
                    media_count += 1
                manifest = {
                    "format": FORMAT_VERSION,
                    "ovoz_version": ovoz.__version__,
                    "created_at": timezone.now().isoformat(timespec="seconds"),
                    "db_vendor": connections[using].vendor,
                    "counts": counts,
                    "media_files": media_count,
                    "migrations": applied,
                }
                _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8"))
            sealer.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


# --- restore -------------------------------------------------------------------------------------


def _check_empty_target(using: str) -> None:
    base = keys.data_dir()
    if keys.master_key_path(base).exists():
        raise BackupError(
            f"{base} already has a master key: restore only into an empty data dir (move the current one away)."
        )
    media = _media_root()
    if media.is_dir() and any(media.iterdir()):
        raise BackupError(f"{media} already holds files: restore only into an empty data dir.")
    connection = connections[using]
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if connection.is_in_memory_db():
            raise BackupError("The database is configured in memory: there is nowhere to restore to.")
        if any(Path(name + suffix).exists() for suffix in ("", "-wal", "-journal")):
            raise BackupError(f"The database {name} already exists: restore only into an empty data dir.")
        return
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table in tables and table not in MIGRATE_TABLES:
                cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
                if cursor.fetchone():
                    raise BackupError(
                        f"The database {connection.settings_dict['NAME']} already holds Ovoz data ({table}): "
                        "restore only into an empty database."
                    )


def _read(path: Path, passphrase: str) -> tuple[dict, bytes, bytes]:
    """First pass: authenticate the whole file and read the manifest, key and dump (media are skipped)."""
    found: dict[str, bytes] = {}
    media = 0
    with path.open("rb") as raw:
        opener = Opener.open(raw, passphrase)
        try:
            with tarfile.open(fileobj=opener, mode="r|") as tar:
                for member in tar:
                    if not member.isfile():
                        raise BackupError(DAMAGED)
                    if member.name.startswith(MEDIA):
                        _media_name(member.name)
                        media += 1
                    elif member.name in {MANIFEST, KEY_FILE, DATABASE} and member.name not in found:
                        found[member.name] = tar.extractfile(member).read()
                    else:
                        raise BackupError(DAMAGED)
            opener.drain()
        except tarfile.TarError as exc:
            raise BackupError(DAMAGED) from exc
    if set(found) != {MANIFEST, KEY_FILE, DATABASE}:
        raise BackupError(DAMAGED)
    try:
        manifest = json.loads(found[MANIFEST])
        valid = isinstance(manifest["counts"], dict) and isinstance(manifest["migrations"], list)
    except (ValueError, KeyError, TypeError):
        valid = False
    if not valid or manifest.get("format") != FORMAT_VERSION or manifest.get("media_files") != media:
        raise BackupError(DAMAGED)
    return manifest, found[KEY_FILE], found[DATABASE]


def _check_migrations(manifest: dict) -> None:
    """The backup's rows fit only the schema they were dumped from: this Ovoz must have exactly its migrations.

    ``loaddata`` uses today's models, so rows from an older schema could load wrongly (a data migration
    would never run on them); an older backup is restored with the Ovoz that made it, then upgraded.
    """
    loader = MigrationLoader(None, ignore_no_migrations=True)
    archived = {tuple(label.split(".", 1)) for label in manifest["migrations"]}
    unknown = sorted(".".join(m) for m in archived - set(loader.disk_migrations))
    missing = sorted(".".join(m) for m in set(loader.graph.nodes) - archived)
    if unknown or missing:
        version = manifest["ovoz_version"]
        differences = ", ".join([*unknown, *missing][:4])
        raise BackupError(
            f"This backup was made by Ovoz {version} on a database schema that differs from this Ovoz's "
            f"({differences}…): restore it with Ovoz {version}, then upgrade Ovoz as usual."
        )


def _make_dir(folder: Path, created: list[Path]) -> None:
    if not folder.exists():
        folder.mkdir(parents=True)
        created.append(folder)
    os.chmod(folder, 0o700)


def _write_key(base: Path, key_text: bytes, created: list[Path]) -> Path:
    _make_dir(base / "keys", created)
    path = keys.master_key_path(base)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    created.append(path)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_text)
    keys.master_key.cache_clear()
    return path


def _extract_media(path: Path, passphrase: str, into: Path) -> None:
    """Second pass (the file is known to be intact): copy the media files into a staging folder."""
    into.mkdir(mode=0o700)
    with path.open("rb") as raw, tarfile.open(fileobj=Opener.open(raw, passphrase), mode="r|") as tar:
        for member in tar:
            if not member.name.startswith(MEDIA):
                continue
            target = into
            for part in _media_name(member.name).parts[:-1]:
                target = target / part
                target.mkdir(mode=0o700, exist_ok=True)
            target = target / _media_name(member.name).name
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                shutil.copyfileobj(tar.extractfile(member), out)


def _remove(paths: list[Path]) -> None:
    for path in reversed(paths):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def backup_restore(*, path, passphrase: str, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Rebuild an installation from a backup, into an empty data dir (and an empty database).

    The archive is authenticated before anything is written; the database is built under a temporary name
    (SQLCipher) or in one transaction (PostgreSQL); on any failure everything written is removed again.
    Returns the manifest, with ``key_file`` set to where the master key was written (or None).
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no file {path}.")
    _check_empty_target(using)
    manifest, key_text, dump = _read(path, passphrase)
    _check_migrations(manifest)
    try:
        archived_key = bytes.fromhex(key_text.decode("ascii").strip())
    except ValueError:
        archived_key = b""
    if len(archived_key) != 32:
        raise BackupError(DAMAGED)
    try:
        current_key = keys.master_key()
    except ConfigError as exc:
        raise BackupError(str(exc)) from exc
    if current_key is not None and current_key != archived_key:
        raise BackupError(
            "OVOZ_MASTER_KEY (or OVOZ_MASTER_KEY_FILE) is set to another key than this backup's: unset it to "
            "restore the backup's key into the data dir, or set it to the backup's key."
        )

    connection = connections[using]
    base, media_root = keys.data_dir(), _media_root()
    created: list[Path] = []
    original_name = connection.settings_dict["NAME"]
    try:
        _make_dir(base, created)
        key_file = None if current_key is not None else _write_key(base, key_text, created)
        staging = base / f".restore-{secrets.token_hex(4)}"
        staging.mkdir(mode=0o700)
        created.append(staging)
        _extract_media(path, passphrase, staging / "media")

        def move_media():
            if (staging / "media").exists():
                if media_root.exists():
                    media_root.rmdir()  # known to be empty
                media_root.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                shutil.move(staging / "media", media_root)  # a rename, unless media live on another disk
                created.append(media_root)

        if connection.vendor == "sqlite":
            final = Path(original_name)
            temporary = final.with_name(f".{final.name}.{secrets.token_hex(4)}.restoring")
            created += [temporary, *(Path(f"{temporary}{s}") for s in ("-wal", "-shm", "-journal"))]
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # SQLite fills it
            connection.close()
            connection.settings_dict["NAME"] = str(temporary)
            _load(dump, manifest["counts"], using)
            connection.close()
            connection.settings_dict["NAME"] = original_name
            move_media()
            if Path(f"{temporary}-wal").exists():
                raise BackupError("The restored database was not closed cleanly.")
            Path(f"{temporary}-shm").unlink(missing_ok=True)
            os.replace(temporary, final)
            created.append(final)
        else:
            with transaction.atomic(using=using):
                _load(dump, manifest["counts"], using)
                move_media()
        _remove([staging])
    except BaseException as exc:
        connection.close()
        connection.settings_dict["NAME"] = original_name
        keys.master_key.cache_clear()
        _remove(created)
        if isinstance(exc, BackupError) or not isinstance(exc, Exception):
            raise
        raise BackupError(f"The restore failed and was undone: {exc}") from exc
    return {**manifest, "key_file": key_file}


def created_at(manifest: dict) -> str:
    """The archive's creation time, for messages."""
    try:
        return datetime.datetime.fromisoformat(manifest["created_at"]).strftime("%Y-%m-%d %H:%M %Z").strip()
    except (KeyError, ValueError):
        return "an unknown date"
