"""Configuration comes from the environment; bad values fail at start, naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROBE = (
    "import django; from django.conf import settings; django.setup(); "
    "print(settings.DATABASES['default']['ENGINE']); print(settings.CACHES['default']['BACKEND']); "
    "print(settings.CELERY_TASK_ALWAYS_EAGER); print(settings.CELERY_BROKER_URL); print(settings.DEBUG)"
)
SETTINGS_VARS = [
    "DATABASE_URL", "REDIS_URL", "PORTAL_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "CI", "DB_CONN_MAX_AGE",
    "DB_CONN_HEALTH_CHECKS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "FIELD_ENCRYPTION_KEY",
    "SITE_SPONSOR", "SITE_DOMAIN", "SITE_ID_CODE", "SITE_ICP_RECORD", "SITE_PSB_RECORD", "SITE_CONAC_ID",
]  # fmt: skip
PRODUCTION = {
    "PORTAL_ENV": "production",
    "SECRET_KEY": "k3y-" + "x7Qp2Lm9Zr4Tv8Wn1Bc6Hd5Jf0Gs3Ky" * 2,
    "ALLOWED_HOSTS": "gongkai.lushan.gov.cn",
    "FIELD_ENCRYPTION_KEY": "q0bC1Yx3T2yRj6oF9d8Yk7J5mLwZr4sV1uN0aP3bQ2c=",
    # Site identity (test values of the right shape).
    "SITE_DOMAIN": "gongkai.lushan.gov.cn",
    "SITE_ID_CODE": "TEST000001",
    "SITE_ICP_RECORD": "豫ICP备00000000号",
    "SITE_PSB_RECORD": "豫公网安备 41000000000001号",
    "SITE_CONAC_ID": "TESTCONAC0001",
}


def run(code_or_args: str | list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARS}
    clean["DJANGO_SETTINGS_MODULE"] = "lushan_portal.settings"
    args = [sys.executable, "-c", code_or_args] if isinstance(code_or_args, str) else [sys.executable, *code_or_args]
    return subprocess.run(args, cwd=BASE_DIR, env={**clean, **env}, capture_output=True, text=True, timeout=120)


def test_no_configuration_means_sqlite_local_cache_and_eager_celery():
    result = run(PROBE)
    assert result.returncode == 0, result.stderr
    engine, cache, eager, broker, debug = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert cache.endswith("LocMemCache")
    assert (eager, broker, debug) == ("True", "memory://", "True")


def test_database_and_redis_urls_switch_to_postgresql_and_redis():
    result = run(PROBE, DATABASE_URL="postgres://postgres@127.0.0.1:5432/lushan", REDIS_URL="redis://127.0.0.1:6379/3")
    assert result.returncode == 0, result.stderr
    engine, cache, eager, broker, _debug = result.stdout.split()
    assert engine == "django.db.backends.postgresql"
    assert cache.endswith("RedisCache")
    assert (eager, broker) == ("False", "redis://127.0.0.1:6379/3")


def test_database_connections_are_reused_and_checked_as_configured():
    probe = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    url = "postgres://postgres@127.0.0.1:5432/lushan"
    assert run(probe, DATABASE_URL=url).stdout.split() == ["60", "True"]
    configured = run(probe, DATABASE_URL=url, DB_CONN_MAX_AGE="600", DB_CONN_HEALTH_CHECKS="false")
    assert configured.stdout.split() == ["600", "False"]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"PORTAL_ENV": "production", "ALLOWED_HOSTS": "x.cn"}, "SECRET_KEY"),
        ({"PORTAL_ENV": "production", "SECRET_KEY": "s" * 50}, "ALLOWED_HOSTS"),
        ({"DATABASE_URL": "mysql://root@localhost/db"}, "DATABASE_URL"),
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL"),
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DB_CONN_MAX_AGE": "soon", "DATABASE_URL": "postgres://u@h/d"}, "DB_CONN_MAX_AGE"),
        ({"DB_CONN_HEALTH_CHECKS": "often", "DATABASE_URL": "postgres://u@h/d"}, "DB_CONN_HEALTH_CHECKS"),
        ({"PORTAL_ENV": "staging"}, "PORTAL_ENV"),
        ({"PORTAL_ENV": "production", "SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": "x.cn"}, "FIELD_ENCRYPTION_KEY"),
        ({"FIELD_ENCRYPTION_KEY": "short"}, "FIELD_ENCRYPTION_KEY"),
        ({"SITE_ID_CODE": "41042300"}, "SITE_ID_CODE"),
        ({"SITE_ICP_RECORD": "12345678"}, "SITE_ICP_RECORD"),
        ({"SITE_PSB_RECORD": "豫公网安备"}, "SITE_PSB_RECORD"),
        ({"SITE_DOMAIN": "https://gongkai.lushan.gov.cn/"}, "SITE_DOMAIN"),
        ({"SITE_CONAC_ID": "id with spaces"}, "SITE_CONAC_ID"),
        ({"PAGE_CACHE_SECONDS": "-1"}, "PAGE_CACHE_SECONDS"),
        ({"PAGE_CACHE_SECONDS": "an hour"}, "PAGE_CACHE_SECONDS"),
    ],
)
def test_bad_configuration_fails_at_start_naming_the_variable(env, named):
    result = run(PROBE, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deployment_checklist_names_each_empty_site_identity_variable():
    without = {key: value for key, value in PRODUCTION.items() if key not in {"SITE_ID_CODE", "SITE_CONAC_ID"}}
    result = run(["manage.py", "check", "--deploy"], **without)
    assert result.returncode == 0, result.stderr  # warnings: the site still starts
    assert "SITE_ID_CODE (网站标识码) is empty" in result.stderr
    assert "SITE_CONAC_ID (党政机关网站标识) is empty" in result.stderr
    assert "SITE_ICP_RECORD" not in result.stderr


def test_production_is_not_in_debug_and_has_secure_cookies():
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)"
    )
    result = run(code, **PRODUCTION)
    assert result.stdout.split() == ["False", "True", "True"]
