"""Ovoz settings: one module, every value read from the environment (see docs/CONFIGURATION.md)."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from ovoz import keys
from ovoz.env import ConfigError, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = keys.data_dir()

DEBUG = env_bool("OVOZ_DEBUG", False)
SECRET_KEY = env_str("OVOZ_SECRET_KEY") or keys.derived_secret("django-secret-key")
ALLOWED_HOSTS = env_list("OVOZ_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("OVOZ_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    # Installed so its Swagger UI files are served from our static files, never from a CDN.
    "ninja",
    "axes",
    "ovoz.accounts",
    "ovoz.audit",
    "ovoz.programmes",
    "ovoz.calls",
    "ovoz.grants",
    "ovoz.deliverables",
    "ovoz.events",
    "ovoz.evidence",
    "ovoz.search",
    "ovoz.imports",
    "ovoz.analysis",
    "ovoz.publishing",
    "ovoz.impact",
    "ovoz.safety",
    "ovoz.advocacy",
    "ovoz.mechanisms",
    "ovoz.web",
    "ovoz.api",
    "ovoz.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ovoz.accounts.middleware.SecondFactorMiddleware",
    "ovoz.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ovoz.urls"
WSGI_APPLICATION = "ovoz.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ovoz.web.context.ovoz_context",
            ],
        },
    }
]


def _databases() -> dict:
    engine = (env_str("OVOZ_DB_ENGINE", "sqlcipher") or "sqlcipher").lower()
    # SQLCipher: a new connection per request sets itself up and decrypts every page it reads afresh.
    conn_max_age = env_int("OVOZ_DB_CONN_MAX_AGE", 600 if engine in {"sqlcipher", "sqlite"} else 0)
    if engine in {"sqlcipher", "sqlite"}:
        return {
            "default": {
                "ENGINE": "ovoz.db.sqlcipher",
                "NAME": env_str("OVOZ_DB_NAME") or str(DATA_DIR / "ovoz.db"),
                "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE",
                            "synchronous": env_str("OVOZ_DB_SYNCHRONOUS", "NORMAL")},
                "CONN_MAX_AGE": conn_max_age,
            }
        }
    if engine in {"postgres", "postgresql"}:
        return {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": env_str("OVOZ_DB_NAME", "ovoz"),
                "USER": env_str("OVOZ_DB_USER", ""),
                "PASSWORD": env_str("OVOZ_DB_PASSWORD", ""),
                "HOST": env_str("OVOZ_DB_HOST", "127.0.0.1"),
                "PORT": env_str("OVOZ_DB_PORT", "5432"),
                "CONN_MAX_AGE": conn_max_age,
            }
        }
    raise ConfigError(f"OVOZ_DB_ENGINE must be sqlcipher or postgres, not {engine!r}")


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions expire after a period of inactivity and never outlive the working day.
SESSION_COOKIE_AGE = env_int("OVOZ_SESSION_IDLE_MINUTES", 120) * 60
SESSION_ENGINE = "ovoz.accounts.sessions"  # idle expiry without a write on every request
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_COOKIES = env_bool("OVOZ_SECURE_COOKIES", not DEBUG and env_bool("OVOZ_HTTPS", False))
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_SSL_REDIRECT = env_bool("OVOZ_HTTPS", False)
SECURE_HSTS_SECONDS = 31536000 if env_bool("OVOZ_HTTPS", False) else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("OVOZ_HTTPS", False)
SECURE_HSTS_PRELOAD = env_bool("OVOZ_HSTS_PRELOAD", False)
# Preloading is a one-way decision for the domain's owner, not a setting to force on every install.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("OVOZ_BEHIND_PROXY", False) else None
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Second factor and re-authentication.
OVOZ_REQUIRE_2FA = env_bool("OVOZ_REQUIRE_2FA", True)
OVOZ_REAUTH_MINUTES = env_int("OVOZ_REAUTH_MINUTES", 10)
OTP_TOTP_ISSUER = "Ovoz"
OVOZ_DEMO = env_bool("OVOZ_DEMO", False)
# The disclosure gate: smallest count a table may show, and how many participants an attribution must fit.
OVOZ_DISCLOSURE_MIN_CELL = env_int("OVOZ_DISCLOSURE_MIN_CELL", 5)
OVOZ_DISCLOSURE_K = env_int("OVOZ_DISCLOSURE_K", 5)

# Login rate limiting: lock a username on one address after repeated failures.
AXES_FAILURE_LIMIT = env_int("OVOZ_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("OVOZ_LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLED = env_bool("OVOZ_LOGIN_RATE_LIMIT", True)

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("ky", _("Kyrgyz")),
    ("uz", _("Uzbek")),
    ("tg", _("Tajik")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Day-month-year dates for English too: month-first dates mislead readers in the region.
FORMAT_MODULE_PATH = ["ovoz.formats"]
USE_I18N = True
TIME_ZONE = env_str("OVOZ_TIME_ZONE", "Asia/Bishkek")
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env_str("OVOZ_STATIC_ROOT") or None
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "ovoz.storage.EncryptedFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files are served by WhiteNoise straight from the installed package: no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("OVOZ_MAX_UPLOAD_MB", 50) * 1024 * 1024

EMAIL_BACKEND = env_str("OVOZ_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("OVOZ_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("OVOZ_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("OVOZ_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("OVOZ_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("OVOZ_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("OVOZ_FROM_EMAIL", "ovoz@localhost")
# The address people reach Ovoz at, for links in e-mails (e.g. https://ovoz.example.org); paths only if empty.
OVOZ_SITE_URL = env_str("OVOZ_SITE_URL", "") or ""

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("OVOZ_LOG_LEVEL", "WARNING")},
}
