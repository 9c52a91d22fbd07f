"""Settings for the test suite: the real settings with a fixed test key and a fast password hasher."""

import os

os.environ.setdefault("OVOZ_MASTER_KEY", "5e" * 32)
os.environ.setdefault("OVOZ_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test"))

from ovoz.settings import *  # noqa: E402,F403

# Argon2 stays the production hasher (a test checks it); tests hash fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "default": {**STORAGES["default"], "OPTIONS": {"location": str(DATA_DIR / "media")}}}  # noqa: F405

# The embedded test database lives in memory, one per pytest-xdist worker (pytest-django leaves ":memory:" alone;
# without it, it would derive a file name from the real database's path for each worker).
if DATABASES["default"]["ENGINE"] == "ovoz.db.sqlcipher":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}  # noqa: F405
