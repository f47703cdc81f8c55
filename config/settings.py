"""Settings for Lerende Praktijk, read from the environment (see the README's table)."""

import datetime
from pathlib import Path

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import (
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    mailer_from_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY and DEBUG:
    # Only for development: a fixed key so sessions survive a restart of `make run`.
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105
# Without a key and with debug off the settings still load, as Django intends, so that commands
# that sign nothing (makemigrations, makemessages) work on a bare checkout; the web app and the
# Celery worker and beat refuse to start (config.env.require_secret_key), and `check --deploy`
# fails on it.

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Mails sent by a worker have no request and always link to SITE_URL. A page shows the join link
# of the host it was asked on (checked against ALLOWED_HOSTS), unless SITE_URL is set explicitly:
# the quick start's default must not send phones to 127.0.0.1.
SITE_URL_FROM_ENV = bool(env_str("SITE_URL"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "allauth",
    "allauth.account",
    "django_htmx",
    "praktijken",
    "begrippen",
    "netwerk",
    "experimenten",
    "condities",
    "mantelzorg",
    "relaties",
    "programma",
    "overzicht",
    "bibliotheek",
    # The common layer: its one model is the mails being sent (config.models.Verzending).
    "config",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.middleware.InactiefMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "config.middleware.PrivacyHeadersMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

FORM_RENDERER = "config.forms.FormRenderer"

# Database: SQLite in the project folder unless DATABASE_URL names PostgreSQL.
DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", "sqlite:///db.sqlite3"), base_dir=BASE_DIR)
}

# Redis: the shared cache and the Celery broker. Unset: local memory and eager tasks.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # RedisCache that acts as an empty cache while Redis is away (config/cache.py).
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lp",
            # Fail fast when Redis is away: a page waits a second at most, then goes on.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    # Logins and participants' sessions are read from Redis and written to both: one database
    # query less on every request of a logged-in member or a phone (bench/antwoord.py). With
    # Redis away the cache acts empty and sessions come from the database, as without it.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Each worker process's own memory, for what never changes once made (a session's statements):
# read on every answer click without a round trip to Redis, and without unpickling a copy
# (config.cache.ProcesCache; issue #13).
CACHES["proces"] = {
    "BACKEND": "config.cache.ProcesCache",
    "LOCATION": "proces",
    # A session's statements and stages, and per member online their account and access checks
    # (netwerk.backends, praktijken.access): small objects; the least used go first.
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

# The quick start (`make run`: config/quickstart.py sets LP_QUICKSTART) without Redis: beat's
# periodic tasks reach the worker that `make run` starts next to runserver through a folder
# (kombu's filesystem transport, under QUICKSTART_DIR). The web process still runs what it queues
# inline (eager); the worker and its embedded beat send to the folder (config/celery.py).
QUICKSTART = env_bool("LP_QUICKSTART") and not REDIS_URL
QUICKSTART_DIR = Path(env_str("LP_QUICKSTART_DIR", str(BASE_DIR / ".run")))
# The quick start's web process and worker share the SQLite file: write-ahead logging lets one
# read while the other writes, and a writer waits up to 20 s for the other instead of failing.
if QUICKSTART and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

CELERY_BROKER_URL = REDIS_URL or ("filesystem://localhost/" if QUICKSTART else "memory://")
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
# Late acknowledgement: a task whose worker dies runs again, so every task must be idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS: dict = {"visibility_timeout": 3600}
if QUICKSTART:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(QUICKSTART_DIR / "celery" / "queue"),
        "data_folder_out": str(QUICKSTART_DIR / "celery" / "queue"),
        "control_folder": str(QUICKSTART_DIR / "celery" / "control"),
        "store_processed": False,
    }
    # Beat's record of when each task last ran, so a restart does not run them all again.
    CELERY_BEAT_SCHEDULE_FILENAME = str(QUICKSTART_DIR / "celery" / "beat-schedule")
# Do not hang a web request when the broker is down: a few quick tries, then the caller decides.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_TIMEZONE = "Europe/Amsterdam"
# The worker and beat log through LOGGING below (JSON in production), not Celery's own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE: dict = {
    # Ask organisations whose social-map entry is old to check it (each at most once in 90 days).
    "netwerk-bevestiging-vragen": {
        "task": "netwerk.tasks.bevestigingen_sweep_task",
        "schedule": crontab(hour=8, minute=15),  # every morning, in CELERY_TIMEZONE
    },
    # Check-ins: the reminders to invitees who have not finished (and unsent invitations).
    "condities-checkin-herinneren": {
        "task": "condities.tasks.checkin_reminders_task",
        "schedule": crontab(hour=9, minute=0),
    },
    # Check-ins past their deadline close by themselves.
    "condities-checkins-sluiten": {
        "task": "condities.tasks.checkins_close_due_task",
        "schedule": crontab(minute="*/10"),
    },
    # Relationship rounds: close those past their deadline, send invitations left behind.
    "relaties-rondes-bijwerken": {
        "task": "relaties.tasks.rondes_close_due_task",
        "schedule": crontab(minute="*/10"),
    },
    # Summaries of closed sessions that could not be queued (Redis was away): send them now.
    "condities-samenvattingen-inhalen": {
        "task": "condities.tasks.summaries_sweep_task",
        "schedule": crontab(minute="*/10"),
    },
    # Invitations whose email could not be queued (Redis was away): send them now.
    "netwerk-uitnodigingen-inhalen": {
        "task": "netwerk.tasks.uitnodigingen_sweep_task",
        "schedule": crontab(minute="*/10"),
    },
    # Meetings' invitations, updates and minutes that could not be queued: send them now.
    "netwerk-bijeenkomst-mails-inhalen": {
        "task": "netwerk.tasks.bijeenkomst_mails_sweep_task",
        "schedule": crontab(minute="*/10"),
    },
    # Carers' feedback: mail facilitators about feedback a failed or throttled run left behind.
    "mantelzorg-notificatie-sweep": {
        "task": "mantelzorg.tasks.notifications_sweep_task",
        "schedule": crontab(minute="*/10"),
    },
    # Carers' feedback: pass on to an organisation's contact person what an outage left unsent.
    "mantelzorg-doorgeven-sweep": {
        "task": "mantelzorg.tasks.doorgeven_sweep_task",
        "schedule": crontab(minute="*/10"),
    },
    # Actions: the one reminder to an action's owner a few days before it is due.
    "condities-acties-herinneren": {
        "task": "condities.tasks.actie_reminders_task",
        "schedule": crontab(hour=8, minute=30),
    },
    # Carers' feedback: remove contact details whose retention period has ended.
    "mantelzorg-contact-opruimen": {
        "task": "mantelzorg.tasks.contact_expired_delete_task",
        "schedule": crontab(hour=3, minute=30),
    },
}

# Disclosure (condities.disclosure): no figure about answers rests on fewer respondents than
# this. Never below 3: a lower value is raised to 3.
MIN_RESPONDENTEN = max(env_int("MIN_RESPONDENTEN", 3), 3)
# Joins from one network within this many minutes that the facilitator is shown as a cluster
# (possible ballot stuffing), from this many joins on.
AANMELDINGEN_VENSTER_MINUTEN = env_int("AANMELDINGEN_VENSTER_MINUTEN", 10)
AANMELDINGEN_OPVALLEND = env_int("AANMELDINGEN_OPVALLEND", 5)

# The public carers' feedback form (mantelzorg.views).
# A form sent back sooner than this after it was shown is taken for a robot (humans try again).
MANTELZORG_MIN_SECONDEN = env_int("MANTELZORG_MIN_SECONDEN", 3)
# How long a shown form stays valid; older ones are shown again with what was typed.
MANTELZORG_MAX_SECONDEN = env_int("MANTELZORG_MAX_SECONDEN", 2 * 24 * 3600)
# Submissions per client and practice in a window of seconds; then the friendly 429 page.
MANTELZORG_LIMIET = env_int("MANTELZORG_LIMIET", 5)
MANTELZORG_LIMIET_VENSTER = env_int("MANTELZORG_LIMIET_VENSTER", 600)
# Carers in one café or library share an address: each browser has the small limit above, the
# address as a whole this one.
MANTELZORG_LIMIET_ADRES = env_int("MANTELZORG_LIMIET_ADRES", 50)
# Contact details a carer leaves (with consent) are removed after this many months.
MANTELZORG_CONTACT_BEWAREN_MAANDEN = env_int("MANTELZORG_CONTACT_BEWAREN_MAANDEN", 6)
# A facilitator gets at most one mail about new feedback in this many minutes.
MANTELZORG_MELDING_MINUTEN = env_int("MANTELZORG_MELDING_MINUTEN", 60)

# Accounts: email address as login, by password or by a code sent by email.
AUTH_USER_MODEL = "netwerk.User"
# Django's and allauth's backends, keeping the accounts they load in each worker's memory where
# the cache is shared (netwerk/backends.py; issue #13). A session names the backend that logged
# it in: sessions made under other paths end (log in again).
AUTHENTICATION_BACKENDS = [
    "netwerk.backends.ModelBackend",
    "netwerk.backends.AuthenticationBackend",
]
AUTH_USERS_KEPT = bool(REDIS_URL)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "overzicht:home"
ACCOUNT_ADAPTER = "netwerk.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 600
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# A login that is not remembered ends after this many minutes without a request
# (config.middleware.InactiefMiddleware); a remembered one lasts SESSION_COOKIE_AGE.
SESSIE_INACTIEF_MINUTEN = env_int("SESSIE_INACTIEF_MINUTEN", 120)
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Lerende Praktijk] "
# How many days an invitation link works.
UITNODIGING_GELDIG_DAGEN = env_int("UITNODIGING_GELDIG_DAGEN", 14)
ACCOUNT_PREVENT_ENUMERATION = True
# allauth's defaults, stated so they are visibly on; per IP and per account.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "request_login_code": "20/m/ip,3/m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "signup": "20/m/ip",
}

# Mail, through Django 6.1's MAILERS. Default: printed to the console.
MAILERS = {"default": mailer_from_url(env_str("EMAIL_URL", "console://"))}
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Lerende Praktijk <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail marked as being sent is left alone this long; then a sweep sends it again, as the worker
# that was sending it has died (the mail may then arrive twice: config.mail.mail_once).
# An action's owner is reminded this many days before it is due (once).
ACTIE_HERINNERING_DAGEN = env_int("ACTIE_HERINNERING_DAGEN", 3)
MAIL_BEZIG_TIMEOUT = datetime.timedelta(minutes=env_int("MAIL_BEZIG_MINUTEN", 30))

# Language: Dutch first, English available.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# Static files, served by WhiteNoise; hashed names in production.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Content Security Policy: no inline scripts or styles anywhere; scripts need our nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

# Transport security: on whenever debug is off.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("DJANGO_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # How many proxies of our own add to X-Forwarded-For: the client is the address the outermost
    # one added (counted from the right), never what the client itself put in the header. Used by
    # allauth's login limits and by our own (config.ratelimit.client_ip).
    ALLAUTH_TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 1)

# Logs on stdout: JSON lines in production (config/logging.py), readable lines in development.
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "plain" if DEBUG else "json").strip().lower()
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"DJANGO_LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "config.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# /healthz/ shows each component's state to loopback and to whoever sends this token.
HEALTHZ_TOKEN = env_str("HEALTHZ_TOKEN")
