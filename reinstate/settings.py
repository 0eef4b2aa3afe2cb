"""Django settings, read from the environment (see "Configuration" in the README)."""

from __future__ import annotations

import os
import secrets
from contextlib import suppress
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext

from reinstate.lib.env import env_bool, env_int, env_list, env_secret, env_str
from reinstate.lib.mail_env import email_settings

# Lets the typed generics of django-stubs (UserCreationForm[User], ...) run.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent

# The data folder: the SQLite file, the blob store and generated files live here.
REINSTATE_HOME = Path(
    env_str("REINSTATE_HOME") or Path.home() / ".local" / "share" / "reinstate"
).expanduser()
# Drivers' notices, evidence and the database are nobody else's business on a shared machine:
# what the app creates is readable by its own user only (folders 0700, files 0600).
os.umask(0o077)
REINSTATE_HOME.mkdir(mode=0o700, parents=True, exist_ok=True)
with suppress(OSError):  # a folder made before, by hand or by an older version
    REINSTATE_HOME.chmod(0o700)

DEBUG = env_bool("REINSTATE_DEBUG", False)
INSECURE_KEY_PREFIX = "django-insecure"


def _secret_key() -> str:
    """The configured key, else one generated once and kept in the data folder."""
    configured = env_secret("REINSTATE_SECRET_KEY")
    if configured:
        return configured
    key_file = REINSTATE_HOME / "secret_key"
    if not key_file.exists():
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("REINSTATE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("REINSTATE_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("REINSTATE_SITE_URL", "").rstrip("/")

# Behind HTTPS (a reverse proxy terminating TLS), cookies are marked secure.
HTTPS = env_bool("REINSTATE_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
# ...and browsers are told to come back only over HTTPS (a year), and plain HTTP is redirected.
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the proxy's own health check may come over HTTP
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "reinstate.core",
    "reinstate.audit",
    "reinstate.accounts",
    "reinstate.cases",
    "reinstate.evidence",
    "reinstate.health",
    "reinstate.comms",
    "reinstate.policies",
    "reinstate.appeals",
    "reinstate.advocacy",
    "reinstate.records",
    "reinstate.compose",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the language cookie or the browser's Accept-Language; a signed-in
    # person's own choice then wins (UserLanguageMiddleware below).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "reinstate.core.middleware.RefuseNul",
    "reinstate.core.middleware.DiskFull",
    "reinstate.core.middleware.ContentSecurityPolicy",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "reinstate.accounts.middleware.UserTimezoneMiddleware",
    "reinstate.accounts.middleware.UserLanguageMiddleware",
]

ROOT_URLCONF = "reinstate.urls"
WSGI_APPLICATION = "reinstate.wsgi.application"

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
            ],
        },
    },
]


def database_settings(url: str, home: Path) -> dict[str, Any]:
    """PostgreSQL (or any dj-database-url URL) when DATABASE_URL is set, else SQLite in WAL mode."""
    if url:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
        config.setdefault("TEST", {})
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": home / "reinstate.sqlite3",
        "OPTIONS": {
            # IMMEDIATE takes the write lock at BEGIN, so two writers queue on
            # busy_timeout instead of failing with "database is locked".
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        },
    }


DATABASES = {"default": database_settings(env_str("DATABASE_URL"), REINSTATE_HOME)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every process (login rate limits must hold across workers).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "reinstate_cache",
    }
}
RATELIMIT_USE_CACHE = "default"

# Long work (packet builds) goes through Django's tasks framework into a queue in the database,
# run by `reinstate worker` (`make run` and `reinstate serve` start one). Tests swap the backend.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A job whose worker died is run again this many times in all before its packet says failed.
TASK_MAX_ATTEMPTS = env_int("REINSTATE_TASK_MAX_ATTEMPTS", 3)
# Work each worker queues every so many minutes (0: never): `reinstate remind` without cron.
TASK_SCHEDULE = {
    "reinstate.compose.tasks.remind": env_int("REINSTATE_REMIND_EVERY", 60),
    # `reinstate policy fetch`: read the platforms' policy pages once a day (0: never).
    "reinstate.policies.tasks.fetch": env_int("REINSTATE_POLICY_FETCH_EVERY", 24 * 60),
}
# Finished jobs (done or failed) stay in the queue's table this many days, then the workers
# delete them (0: kept for ever); `reinstate worker --prune` does it at once.
KEEP_JOBS_DAYS = env_int("REINSTATE_KEEP_JOBS_DAYS", 14)
# Behind a proxy: the addresses of the proxies whose X-Forwarded-For is believed (accounts/
# throttle.py); limits then count the driver's address, not the proxy's.
TRUSTED_PROXIES = env_list("REINSTATE_TRUSTED_PROXIES", [])
RATELIMIT_IP_META_KEY = "reinstate.accounts.throttle.client_address"
LOGIN_RATE = env_str("REINSTATE_LOGIN_RATE", "10/5m")

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "cases:list"
LOGOUT_REDIRECT_URL = "accounts:login"

# English and Spanish. Each app keeps its own translations in `<app>/locale/`, each domain of
# the pure rules in `rules/<domain>/locale/`, and the catalogue's come from its TOML files;
# what none of them owns (the base page, lib) is in `reinstate/locale/`. `scripts/make-messages`
# extracts the strings (each file's to the nearest of these folders); `make install` compiles the
# catalogues (scripts/compile-translations). See docs/i18n.md.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [
    *(BASE_DIR / app.removeprefix("reinstate.") / "locale" for app in INSTALLED_APPS
      if app.startswith("reinstate.")),
    *sorted(path.parent / "locale" for path in (BASE_DIR / "rules").glob("*/__init__.py")),
    BASE_DIR / "catalogue" / "locale",
    BASE_DIR / "locale",
]  # fmt: skip
LANGUAGE_COOKIE_NAME = "reinstate_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env_str("REINSTATE_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True


def data_storage(bucket: str) -> dict[str, Any]:
    """Where originals, renditions and packets are kept: the data folder; or, when
    REINSTATE_S3_BUCKET is set, that S3-compatible bucket (several machines share it). The
    keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or boto3's other sources."""
    if not bucket:
        return {"BACKEND": "reinstate.lib.stored_files.HomeStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env_str("REINSTATE_S3_ENDPOINT_URL") or None,
            "region_name": env_str("REINSTATE_S3_REGION") or None,
            "location": env_str("REINSTATE_S3_PREFIX").strip("/"),  # a folder in the bucket
            "file_overwrite": True,  # names are hashes or packet numbers: never renamed
            "default_acl": None,  # private: the bucket's own policy applies
            "querystring_auth": True,
            # path-style (https://host/bucket/key) works with MinIO and most S3 lookalikes
            "addressing_style": env_str("REINSTATE_S3_ADDRESSING_STYLE") or None,
        },
    }


STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "data": data_storage(env_str("REINSTATE_S3_BUCKET")),
}

STATIC_URL = "static/"
STATIC_ROOT = REINSTATE_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Notices are small; a pasted or uploaded notice over this is refused with a message.
NOTICE_MAX_BYTES = env_int("REINSTATE_NOTICE_MAX_BYTES", 200_000)
# Below this much free space in the data folder, /healthz says so (503): uploads and packets
# would start failing soon.
MIN_FREE_MB = env_int("REINSTATE_MIN_FREE_MB", 200)
# The most pages one appeal packet may hold, exhibits included.
PACKET_MAX_PAGES = env_int("REINSTATE_PACKET_MAX_PAGES", 1500)
# Form fields (not files): room for a pasted 10 MB notice, so it gets its own clear refusal.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Evidence uploads: the largest file, and the largest video (sniffed from the content).
EVIDENCE_MAX_BYTES = env_int("REINSTATE_EVIDENCE_MAX_BYTES", 50 * 1000 * 1000)
EVIDENCE_VIDEO_MAX_BYTES = env_int("REINSTATE_EVIDENCE_VIDEO_MAX_BYTES", 500 * 1000 * 1000)
# The largest email file (.eml or .mbox) the web import takes; the command line has no limit.
MAIL_MAX_BYTES = env_int("REINSTATE_MAIL_MAX_BYTES", 50 * 1000 * 1000)
# The character limit of the platform's appeal web form, for the plain-text packet.
WEB_FORM_LIMIT = env_int("REINSTATE_WEB_FORM_LIMIT", 4000)
# Map tiles behind the plot of photo positions, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
# Empty: the plot alone, which needs no network (and tells no tile server where drivers were).
EVIDENCE_MAP_TILES = env_str("REINSTATE_MAP_TILES", "")
# Evidence withdrawn from a case: days it can still be put back before it is deleted for good.
WITHDRAWN_KEEP_DAYS = env_int("REINSTATE_WITHDRAWN_KEEP_DAYS", 30)
# Support log: days without an answer from support before the case says to follow up.
FOLLOW_UP_DAYS = env_int("REINSTATE_FOLLOW_UP_DAYS", 3)

# Email (password resets, invitations, reminders): a mail server when REINSTATE_SMTP_HOST names
# one (lib/mail_env.py), else printed on the console.
_email = email_settings(os.environ, password=env_secret("REINSTATE_SMTP_PASSWORD"))
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"]
DEFAULT_FROM_EMAIL = env_str("REINSTATE_FROM_EMAIL", "reinstate@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "hide_calendar_tokens": {"()": "reinstate.core.logs.HideCalendarTokens"},
        "one_line": {"()": "reinstate.core.logs.OneLine"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["hide_calendar_tokens"]},
        "console_one_line": {
            "class": "logging.StreamHandler",
            "filters": ["hide_calendar_tokens", "one_line"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("REINSTATE_LOG_LEVEL", "WARNING")},
    "loggers": {
        # pypdf warns of every oddity it reads past (1,239 lines for one real statement): noise
        # on commands that succeed. Its errors still show.
        "pypdf": {"level": "ERROR"},
        "django.security.DisallowedHost": {"handlers": ["console_one_line"], "propagate": False},
    },
}
