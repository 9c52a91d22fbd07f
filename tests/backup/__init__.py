"""Running the real ``ovoz`` command in child processes, each on its own data dir, and one shared installation.

The children run with ``ovoz.settings`` and no ``OVOZ_*`` variable but their data dir, so they use the
SQLCipher database and the master key of that data dir, as a real installation does.
"""

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

PASSPHRASE = "the tea is cold in Osh tonight"
# Testimony-like words that must never be readable at rest.
RU_PHRASE = "Работодатель не заплатил мне за три месяца"
UZ_PHRASE = "ish haqi to'lanmadi"
FILE_TEXT = "Voice note transcript: " + RU_PHRASE
WITNESS = "witness"
REMOVED_AUTHOR_ID = 987654

POPULATE = f"""
import os, sys, json
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from ovoz.accounts.services import organisation_create, user_create
from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write

org = organisation_create(actor=None, name={UZ_PHRASE!r})
user = user_create(actor=None, username={WITNESS!r}, password=None, full_name={RU_PHRASE!r}, organisation=org)
user.user_permissions.add(Permission.objects.get(codename="view_programme"))
audit_write(actor=None, action="testimony.note", obj=user, changes={{"note": {RU_PHRASE!r} + " / " + {UZ_PHRASE!r}}})
# A row written by an account that was removed since: it keeps the author's id, which points nowhere.
AuditEntry.objects.create(actor_id={REMOVED_AUTHOR_ID}, actor_label="removed", action="user.remove")
name = default_storage.save("testimonies/witness.txt", ContentFile({FILE_TEXT!r}.encode()))
print(json.dumps({{"file": name}}))
sys.stdout.flush()
# Leave without closing the database, so the last writes stay in the -wal file, as in a running server.
os._exit(0)
"""

SNAPSHOT = f"""
import json
from django.core.files.storage import default_storage
from ovoz.accounts.models import Organisation, User
from ovoz.audit.models import AuditEntry
from ovoz.demo import data
from ovoz.programmes.models import Membership, Partnership, Programme

witness = User.objects.get(username={WITNESS!r})
print(json.dumps({{
    "users": User.objects.count(),
    "organisations": Organisation.objects.count(),
    "programmes": Programme.objects.count(),
    "partnerships": Partnership.objects.count(),
    "memberships": Membership.objects.count(),
    "audit_rows": AuditEntry.objects.count(),
    "audit_rows_of_removed_author": AuditEntry.objects.filter(actor_id={REMOVED_AUTHOR_ID}).count(),
    "full_name": witness.full_name,
    "organisation": witness.organisation.name,
    "permissions": sorted(witness.user_permissions.values_list("codename", flat=True)),
    "demo_password_works": User.objects.get(username=data.COORDINATOR[0]).check_password(data.PASSWORD),
    "file": default_storage.open("testimonies/witness.txt").read().decode(),
}}, ensure_ascii=False))
"""


def child_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OVOZ_")}
    env.update(DJANGO_SETTINGS_MODULE="ovoz.settings", OVOZ_DATA_DIR=str(data_dir), **extra)
    return env


def ovoz(data_dir: Path, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
    """Run ``ovoz ARGS`` as a child process on ``data_dir`` (never at a terminal)."""
    result = subprocess.run(
        [sys.executable, "-m", "ovoz.cli", *args],
        env=child_env(data_dir, **env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"ovoz {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def shell_json(data_dir: Path, code: str, **env: str) -> dict:
    out = ovoz(data_dir, "shell", "--no-imports", "-v", "0", "-c", code, **env).stdout
    return json.loads(out.strip().splitlines()[-1])


def snapshot(data_dir: Path, **env: str) -> dict:
    return shell_json(data_dir, SNAPSHOT, **env)


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


@dataclass
class Install:
    """A demo installation with a witness, her organisation, a file, and a backup of it all."""

    data_dir: Path
    archive: Path
    passphrase_file: Path
    snapshot: dict
    # The database files' bytes right after the witness was stored, -wal included.
    raw_database: dict[str, bytes] = field(default_factory=dict)


_INSTALL: list[Install] = []


def populated_install(tmp_path_factory) -> Install:
    """Built once per test session (shared by the backup and the security tests)."""
    if not _INSTALL:
        root = tmp_path_factory.mktemp("install")
        data_dir = root / "var"
        ovoz(data_dir, "demo")
        shell_json(data_dir, POPULATE)
        raw = {p.name: p.read_bytes() for p in sorted(data_dir.glob("ovoz.db*"))}
        passphrase_file = root / "passphrase.txt"
        passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
        archive = root / "ovoz-backup.ovozbak"
        ovoz(data_dir, "backup", str(archive), "--passphrase-file", str(passphrase_file))
        _INSTALL.append(Install(data_dir, archive, passphrase_file, snapshot(data_dir), raw))
    return _INSTALL[0]
