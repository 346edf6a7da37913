"""Settings, read from the environment once.

PORTAL_ENV selects the profile: "development" (the default: SQLite, in-process cache,
Celery eager, demo-friendly) or "production" (refuses to start without SECRET_KEY and
ALLOWED_HOSTS). DATABASE_URL and REDIS_URL switch to PostgreSQL and Redis in any profile.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from lushan_portal import api_info, site_identity
from lushan_portal.crypto_keys import development_key
from lushan_portal.env import (
    env_bool,
    env_database,
    env_fernet_key,
    env_int,
    env_list,
    env_month_day,
    env_pattern,
    env_rate,
    env_redis_url,
    env_required,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent

PORTAL_ENV = env_str("PORTAL_ENV", "development")
if PORTAL_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("Environment variable PORTAL_ENV must be development or production.")
PRODUCTION = PORTAL_ENV == "production"

if PRODUCTION:
    SECRET_KEY = env_required("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Environment variable ALLOWED_HOSTS is required in production.")
    DEBUG = env_bool("DEBUG", False)
else:
    # Development only: a fixed key so the demo's sessions survive restarts.
    SECRET_KEY = env_str("SECRET_KEY") or "development-only-key-never-used-in-production"
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
    DEBUG = env_bool("DEBUG", True)

PORTAL_NAME = env_str("PORTAL_NAME", "鲁山县政务公开平台")

# Site identity (国办发〔2017〕47号 政府网站发展指引, 网页设计规范): the footer and the pages' meta
# tags (lushan_portal.site_identity). Legal identifiers have no default, since a made-up one must
# never be shown: an empty one is left out, and `check --deploy` names it (lushan_portal.checks).
SITE_SPONSOR = env_str("SITE_SPONSOR", "鲁山县人民政府办公室").strip()
SITE_DOMAIN = env_pattern("SITE_DOMAIN", site_identity.DOMAIN_PATTERN, "gongkai.example.gov.cn")
SITE_ID_CODE = env_pattern("SITE_ID_CODE", site_identity.ID_CODE_PATTERN, "the 10 letters or digits of the 网站标识码")
SITE_ICP_RECORD = env_pattern("SITE_ICP_RECORD", site_identity.ICP_PATTERN, "豫ICP备…号 (with -N when numbered)")
SITE_PSB_RECORD = env_pattern(
    "SITE_PSB_RECORD", site_identity.PSB_PATTERN, "豫公网安备 …号 (the digits are the record code)"
)
SITE_CONAC_ID = env_pattern(
    "SITE_CONAC_ID", site_identity.CONAC_PATTERN, "the id of the 党政机关网站标识 link (bszs.conac.cn)"
)

# Personal data at rest (lushan_portal.crypto): a Fernet key, required in production.
FIELD_ENCRYPTION_KEY = env_fernet_key(
    "FIELD_ENCRYPTION_KEY", default=None if PRODUCTION else development_key(SECRET_KEY)
)
# Commenters' names and contacts are erased this many days after the feedback report.
COMMENT_CONTACT_RETENTION_DAYS = env_int("COMMENT_CONTACT_RETENTION_DAYS", 180)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "lushan_portal",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "organizations",
    "accounts",
    "audit",
    "publication_review",
    "compliance",
    "workdays",
    "catalog",
    "interpretation",
    "decisions",
    "enforcement",
    "site_feedback",
    "disclosure_requests",
    "xxgk",
    "annual_reports",
    "interaction",
    "administration",
    "inspection",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lushan_portal.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "accounts.middleware.PasswordExpiryMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "lushan_portal.urls"
WSGI_APPLICATION = "lushan_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lushan_portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": env_database(
        "DATABASE_URL",
        {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"},
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_redis_url("REDIS_URL")
if REDIS_URL:
    # Degrades to a miss when Redis is unreachable, and recovers by itself (lushan_portal.cache).
    CACHES = {"default": {"BACKEND": "lushan_portal.cache.ResilientRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages for anonymous visitors are served from this cache (lushan_portal.pagecache) for at most
# PAGE_CACHE_SECONDS, and never past the county's midnight; a change to what a page shows makes it
# miss at once. 0 turns the page cache off.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)
if PAGE_CACHE_SECONDS < 0:
    raise ImproperlyConfigured("Environment variable PAGE_CACHE_SECONDS cannot be negative.")

# Level-3 baseline (等保 2.0 三级): at least 8 characters of 3 classes, no reuse of the last 5,
# a change every PASSWORD_MAX_AGE_DAYS; 5 failures lock the account on that client for
# AXES_COOLOFF_MINUTES; staff sessions end after SESSION_IDLE_SECONDS idle and on browser close.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.passwords.ComplexityValidator", "OPTIONS": {"min_length": 8, "min_classes": 3}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "accounts.passwords.HistoryValidator", "OPTIONS": {"keep": 5}},
]
PASSWORD_MAX_AGE_DAYS = env_int("PASSWORD_MAX_AGE_DAYS", 90)
# TOTP is required for supervisors, reviewers and the three administrators; this adds all staff.
OTP_REQUIRED_FOR_ALL_STAFF = env_bool("OTP_REQUIRED_FOR_ALL_STAFF", False)
OTP_TOTP_ISSUER = PORTAL_NAME
ACCOUNT_INACTIVE_DAYS = env_int("ACCOUNT_INACTIVE_DAYS", 90)
# Failures count per (username, address); an address alone is locked only at AXES_IP_FAILURE_LIMIT,
# so wrong logins from one NAT do not lock every account behind it (accounts.lockout).
AXES_ACCOUNT_FAILURE_LIMIT = 5
AXES_IP_FAILURE_LIMIT = env_int("AXES_IP_FAILURE_LIMIT", 30)
if AXES_IP_FAILURE_LIMIT < AXES_ACCOUNT_FAILURE_LIMIT:
    raise ImproperlyConfigured(
        f"Environment variable AXES_IP_FAILURE_LIMIT must be at least {AXES_ACCOUNT_FAILURE_LIMIT}."
    )
AXES_FAILURE_LIMIT = "accounts.lockout.failure_limit"
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 10) / 60  # hours
if AXES_COOLOFF_TIME < 10 / 60:
    raise ImproperlyConfigured("Environment variable AXES_COOLOFF_MINUTES must be at least 10.")
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_IPWARE_PROXY_COUNT = 1 if env_bool("BEHIND_PROXY", PRODUCTION) else 0
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 15 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Audit rows are kept at least 184 days (6 months); the database refuses to delete younger ones.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 184)
if AUDIT_RETENTION_DAYS < 184:
    raise ImproperlyConfigured("Environment variable AUDIT_RETENTION_DAYS cannot be lower than 184.")

LANGUAGE_CODE = "zh-hans"
# Chinese for everyone, whatever the browser asks: no LocaleMiddleware.
LANGUAGES = [("zh-hans", _("简体中文"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"

# Mail: the console in development; SMTP settings from the environment in production.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@localhost")

# The openness office (政务公开主管部门): its reviewers review catalogs of every domain.
OPENNESS_OFFICE_UNIT_CODE = env_str("OPENNESS_OFFICE_UNIT_CODE", "gov-office")
# The county government's annual report (its openness office's, summing all units) is due on this
# day of the next year (MM-DD); the Regulations allow until 31 March, units publish by 15 January.
ANNUAL_REPORT_COUNTY_DUE = env_month_day("ANNUAL_REPORT_COUNTY_DUE", "01-31", latest=(3, 31))
# The first year whose annual reports are made in the portal: earlier years' were published before it
# was installed, so no unit is alerted for them.
ANNUAL_REPORT_FIRST_YEAR = env_int("ANNUAL_REPORT_FIRST_YEAR", 2026)
# 依申请公开 相对集中受理: the units whose counters (the county service centre's 政务公开专区) register
# applications for any unit and hand them to it.
DISCLOSURE_COUNTER_UNIT_CODES = env_list("DISCLOSURE_COUNTER_UNIT_CODES", ["approval-service"])
# 三同步: an interpretation at latest this many working days after its document.
INTERPRETATION_SYNC_WORKING_DAYS = env_int("INTERPRETATION_SYNC_WORKING_DAYS", 3)
# The public mailbox: a message accepted is answered within this many working days (rules.md §10,
# about 5; local rules differ), and a complex one may be extended once by this many more.
MAILBOX_REPLY_WORKING_DAYS = env_int("MAILBOX_REPLY_WORKING_DAYS", 5)
MAILBOX_EXTENSION_WORKING_DAYS = env_int("MAILBOX_EXTENSION_WORKING_DAYS", 10)
# Behind a proxy that appends the client's address to X-Forwarded-For (used for rate limits).
BEHIND_PROXY = env_bool("BEHIND_PROXY", PRODUCTION)
# The feedback report on a consultation is due this many working days after it closes.
DECISION_FEEDBACK_WORKING_DAYS = env_int("DECISION_FEEDBACK_WORKING_DAYS", 15)
# 建议提案 (rules.md §10): a unit not responsible asks for reassignment within these working days;
# co-units send their opinion, and a dissatisfied proposer gets a new reply, within these months;
# the reply is due these months after assignment, at most the longer span with approval.
PROPOSAL_REASSIGNMENT_WORKING_DAYS = env_int("PROPOSAL_REASSIGNMENT_WORKING_DAYS", 5)
PROPOSAL_CO_OPINION_MONTHS = env_int("PROPOSAL_CO_OPINION_MONTHS", 1)
PROPOSAL_REPLY_MONTHS = env_int("PROPOSAL_REPLY_MONTHS", 3)
PROPOSAL_REPLY_MAX_MONTHS = env_int("PROPOSAL_REPLY_MAX_MONTHS", 6)
PROPOSAL_NEW_REPLY_MONTHS = env_int("PROPOSAL_NEW_REPLY_MONTHS", 1)
# 回应关切 (国办发〔2016〕61号): hours from when a concern was first seen.
RESPONSE_EMERGENCY_INFO_HOURS = env_int("RESPONSE_EMERGENCY_INFO_HOURS", 5)
RESPONSE_EMERGENCY_PRESS_HOURS = env_int("RESPONSE_EMERGENCY_PRESS_HOURS", 24)
RESPONSE_GENERAL_HOURS = env_int("RESPONSE_GENERAL_HOURS", 48)
# 政府工作报告 tasks and 民生实事: responsible units report progress every this many months (a divisor
# of 12: 3 is quarterly, the default; 1 monthly, 6 half-yearly).
WORK_TASK_REPORT_MONTHS = env_int("WORK_TASK_REPORT_MONTHS", 3)
if WORK_TASK_REPORT_MONTHS not in (1, 2, 3, 4, 6, 12):
    raise ImproperlyConfigured("Environment variable WORK_TASK_REPORT_MONTHS must divide 12 (1, 2, 3, 4, 6 or 12).")
# The provincial government service platform, where applicants follow an application (事中进展).
SERVICE_PLATFORM_URL = env_str("SERVICE_PLATFORM_URL", "https://www.hnzwfw.gov.cn/")
SERVICE_PLATFORM_NAME = env_str("SERVICE_PLATFORM_NAME", "河南政务服务网")
# A power list (权责清单) is adjusted within this many working days of its legal basis ending.
POWER_LIST_UPDATE_WORKING_DAYS = env_int("POWER_LIST_UPDATE_WORKING_DAYS", 20)
# Largest attachment accepted under a publication.
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)

# The website self-inspection (inspection.rules reads these; the inspection's numbers stay there).
# The site as seen from outside, for the probe and the crawler; blank: https://SITE_DOMAIN/.
INSPECTION_SITE_URL = env_str("INSPECTION_SITE_URL", "")
# Serious wrong expressions (严重表述错误) looked for in published text: wrong titles of leaders or
# institutions, to be completed locally (e.g. a former leader's title), separated by commas.
INSPECTION_WRONG_EXPRESSIONS = env_list(
    "INSPECTION_WRONG_EXPRESSIONS", ["国务院总书记", "中共中央总理", "鲁山县人民政府办公厅"]
)
# A publication date may precede the record's entry by this many days before it counts as back-dated.
INSPECTION_BACKDATE_DAYS = env_int("INSPECTION_BACKDATE_DAYS", 7)
# Seconds between two requests of the link checker to one host (a polite rate).
INSPECTION_CRAWL_DELAY_MS = env_int("INSPECTION_CRAWL_DELAY_MS", 1000)
# IPv6 reachability: only measurable from a machine with IPv6; off, it is shown as not measurable here.
INSPECTION_IPV6 = env_bool("INSPECTION_IPV6", False)

# Security. Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_COOKIE_HTTPONLY = True  # no script reads the token: forms carry it
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The health probe answers over plain HTTP too (a local probe sees 200/503, not a redirect).
# Django matches these against the path without its leading slash.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "lushan_portal.handlers.csrf_failure"  # Chinese, in the site layout

# Celery: Redis as broker when configured; otherwise tasks run in-process (eager).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

# API rate limits (lushan_portal.api_throttling): anonymous clients per address, staff per account,
# counted in the shared cache. Above the limit: 429 with a Chinese message and Retry-After.
API_THROTTLE_ANON = env_rate("API_THROTTLE_ANON", "120/minute")
API_THROTTLE_USER = env_rate("API_THROTTLE_USER", "600/minute")
# The terms under which the API's data may be reused, shown on /api/ and in the schema; blank:
# the page says the portal's operator decides them.
API_DATA_LICENCE = env_str(
    "API_DATA_LICENCE", f"本平台数据为依法公开的政府信息，可免费获取和使用，使用时请注明来源“{PORTAL_NAME}”。"
)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "lushan_portal.api_schema.PortalAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # The session only (no HTTP Basic): accounts.middleware holds it to the second-factor rule.
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_THROTTLE_CLASSES": [
        "lushan_portal.api_throttling.AnonymousThrottle",
        "lushan_portal.api_throttling.AccountThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"anon": API_THROTTLE_ANON, "user": API_THROTTLE_USER},
    "EXCEPTION_HANDLER": "lushan_portal.api_throttling.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{PORTAL_NAME}数据接口",
    "DESCRIPTION": api_info.schema_description(
        portal_name=PORTAL_NAME,
        licence=API_DATA_LICENCE,
        anonymous_rate=API_THROTTLE_ANON,
        user_rate=API_THROTTLE_USER,
    ),
    "VERSION": "1.0.0",
    # The groups in Chinese, in the guide's order (lushan_portal.api_info).
    "TAGS": api_info.TAGS,
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI served from our own static files: the county's network may block CDNs.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Request bodies get their own components, so required text says minLength 1.
    "COMPONENT_SPLIT_REQUEST": True,
    # Enum components first (drf-spectacular's default), then the error answers every operation can
    # give and the Chinese descriptions drf-spectacular leaves out.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "lushan_portal.api_schema.document_errors",
        "lushan_portal.api_schema.describe_in_chinese",
    ],
    # No deep links: Swagger UI puts them inside each operation's button, a link nested in a button
    # that keyboard and screen-reader users cannot reach (axe-core: nested-interactive).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "syntaxHighlight": {"theme": "obsidian"}},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
}
