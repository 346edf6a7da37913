"""Shared fixtures: the standard personas and the services a test may need.

Personas (style.md §9): an editor of unit A, an editor of unit B, a reviewer of unit A,
a supervisor, a superuser, and the anonymous citizen (the plain client).
"""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from lushan_portal.celery import app as celery_app
from organizations.models import Role, Unit, UnitKind
from organizations.services import membership_grant, supervisor_grant
from workdays.calendar import forget_loaded_years

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
BASE_DIR = Path(__file__).resolve().parent
AXE_PATH = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def need_service(available: bool, what: str) -> None:
    """Skip locally when a service is missing; in CI a missing service fails the test."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI but is not available", pytrace=False)
    pytest.skip(f"{what} not available")


def port_open(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def _fresh_calendar_and_eager_celery():
    # Tests roll the database back; the process-wide calendar copy must follow.
    forget_loaded_years()
    celery_app.conf.task_always_eager = True
    yield
    forget_loaded_years()
    celery_app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER


@pytest.fixture(autouse=True)
def _fresh_api_rate_counts(monkeypatch):
    """Each test starts with no API request counted against the rate limits (api_throttling):
    the counts go to a cache of their own, emptied here. Tests of the shared (Redis) counting
    put the default cache back."""
    from django.core.cache.backends.locmem import LocMemCache
    from rest_framework.throttling import SimpleRateThrottle

    counts = LocMemCache("api-rate-counts", {})
    counts.clear()
    monkeypatch.setattr(SimpleRateThrottle, "cache", counts)


@pytest.fixture(autouse=True)
def _fresh_page_cache(monkeypatch):
    """Each test starts with no public page cached (lushan_portal.pagecache): a namespace of its own,
    since rolling the database back does not bump the sections' versions."""
    from lushan_portal import pagecache

    monkeypatch.setattr(pagecache, "namespace", uuid.uuid4().hex)


@pytest.fixture
def redis_url() -> str:
    url = settings.REDIS_URL or ""
    need_service(bool(url) and port_open(url), "Redis (REDIS_URL)")
    return url


@pytest.fixture
def chromium_path() -> str:
    need_service(CHROMIUM_PATH.exists(), f"Chromium at {CHROMIUM_PATH}")
    need_service(AXE_PATH.exists(), "axe-core (npm ci)")
    return str(CHROMIUM_PATH)


def make_unit(code: str, name: str, kind: str = UnitKind.COUNTY_DEPARTMENT) -> Unit:
    return Unit.objects.create(code=code, name=name, kind=kind)


@pytest.fixture
def unit_a(db) -> Unit:
    return make_unit("civil-affairs", "鲁山县民政局")


@pytest.fixture
def unit_b(db) -> Unit:
    return make_unit("education", "鲁山县教育体育局")


def make_user(django_user_model, username: str, **extra: object):
    return django_user_model.objects.create_user(username=username, password="pw-Test-2026", **extra)


@pytest.fixture
def editor_a(django_user_model, unit_a):
    user = make_user(django_user_model, "editor-a")
    membership_grant(user=user, unit=unit_a, role=Role.EDITOR)
    return user


@pytest.fixture
def editor_b(django_user_model, unit_b):
    user = make_user(django_user_model, "editor-b")
    membership_grant(user=user, unit=unit_b, role=Role.EDITOR)
    return user


@pytest.fixture
def reviewer_a(django_user_model, unit_a):
    user = make_user(django_user_model, "reviewer-a")
    membership_grant(user=user, unit=unit_a, role=Role.REVIEWER)
    return user


@pytest.fixture
def supervisor(django_user_model, db):
    user = make_user(django_user_model, "supervisor")
    supervisor_grant(user=user)
    return user


@pytest.fixture
def superuser(django_user_model, db):
    return django_user_model.objects.create_superuser(username="root", password="pw-Test-2026")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix) -> None:
    # Threads of the live server must not keep connections to the test database open.
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0


# Flags for Debian's Chromium on these machines (see the env notes): no sandbox as root,
# and no background traffic to hosts the closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def page(chromium_path):
    """A Chromium page. Request data fixtures before this one: while Playwright runs, this
    thread switches greenlets, and ORM calls made then would open stray connections."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="zh-CN")
        # axe-core is served as if from the site itself, so the pages' CSP stays enforced.
        context.route("**/__axe__.js", lambda route: route.fulfill(path=str(AXE_PATH)))
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        yield page
        browser.close()


def axe_violations(page) -> list[dict]:
    """axe-core's violations of impact serious or critical on the page as it is now."""
    origin = "/".join(page.url.split("/")[:3])
    page.add_script_tag(url=f"{origin}/__axe__.js")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe_violations(violations: list[dict]) -> str:
    """One line per rule for an assertion message: rule id, impact, help and the elements found."""

    def target(node: dict) -> str:
        # A target is a CSS selector, or a list of them through iframes and shadow roots.
        return " >> ".join(t if isinstance(t, str) else " ".join(t) for t in node["target"])

    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {'; '.join(target(n) for n in v['nodes'][:5])}"
        + (f" (+{len(v['nodes']) - 5} more)" if len(v["nodes"]) > 5 else "")
        for v in violations
    )


def worker_database_url() -> str:
    """The URL of the database this test runs on, for the worker process to share."""
    need_service(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL) for a worker to share")
    params = connection.settings_dict
    auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    return f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"


@pytest.fixture
def worker(redis_url):
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DATABASE_URL": worker_database_url(), "REDIS_URL": redis_url, "DB_CONN_MAX_AGE": "0"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lushan_portal",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--loglevel=INFO",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield queue
    process.terminate()
    output, _ = process.communicate(timeout=30)
    print(output)


class VerifiedClient(Client):
    """force_login also completes the second factor for roles that need one, as the user would."""

    def force_login(self, user, backend=None) -> None:
        super().force_login(user, backend)
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from accounts.two_factor import requires_two_factor

        if requires_two_factor(user):
            device, _ = TOTPDevice.objects.get_or_create(user=user, name="测试", defaults={"confirmed": True})
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()


@pytest.fixture
def client() -> VerifiedClient:
    return VerifiedClient()
