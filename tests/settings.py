"""Settings for the test suite: the real settings with a fixed test key and a fast password hasher."""

import os

os.environ.setdefault("OVOZ_MASTER_KEY", "5e" * 32)
os.environ.setdefault("OVOZ_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test"))

from ovoz.settings import *  # noqa: E402,F403

# Argon2 stays the production hasher (a test checks it); tests hash fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "default": {**STORAGES["default"], "OPTIONS": {"location": str(DATA_DIR / "media")}}}  # noqa: F405
