"""Fixtures for the grants tests: the seed's policy (US$ 14,000), a research grant for partner A with a
budget, uploads that land in a temporary folder, and small real files of each accepted type."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.grants.models import GrantKind
from ovoz.grants.services import budget_line_add, grant_create, grant_policy_set

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def office(folder: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(f"{folder}/document.xml", "<x/>")
    return buf.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploads go to a fresh folder per test, so a test can see exactly what was written."""
    root = tmp_path / "media"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "ovoz.storage.EncryptedFileSystemStorage", "OPTIONS": {"location": str(root)}},
    }
    return root


def files_in(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()]


def confirmed(client):
    """As if she typed her password again a moment ago."""
    session = client.session
    session[REAUTH_SESSION_KEY] = 2**40
    session.save()
    return client


@pytest.fixture
def policy(cast):
    return grant_policy_set(actor=None, programme=cast.programme, currency="USD", research_cap="14000")


@pytest.fixture
def grant_a(cast, policy):
    """A US$ 10,000 research grant for partner A with two budget lines (6,000 and 3,000)."""
    grant = grant_create(
        actor=None, partnership=cast.a, kind=GrantKind.RESEARCH, currency="USD", amount=Decimal("10000"),
        starts_on=D(2022, 11, 1), ends_on=D(2024, 1, 31),
    )
    cast.salary = budget_line_add(actor=None, grant=grant, category="salary", amount="6000", description="Researcher")
    cast.travel = budget_line_add(actor=None, grant=grant, category="travel", amount="3000")
    return grant


@pytest.fixture
def grant_b(cast, policy):
    grant = grant_create(
        actor=None, partnership=cast.b, kind=GrantKind.RESEARCH, currency="USD", amount=Decimal("12000"),
        starts_on=D(2022, 11, 1), ends_on=D(2024, 1, 31),
    )
    budget_line_add(actor=None, grant=grant, category="salary", amount="8000")
    return grant
