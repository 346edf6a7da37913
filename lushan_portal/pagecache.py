"""Public pages for anonymous visitors, served from the cache until something they show changes.

Invalidation is by versioned keys, not by hunting keys: each section (catalog, interpretation,
decisions, enforcement…) has a small integer version in the cache, and a page's key embeds the
versions of the sections it reads, so a bump makes every page of that section miss at once.
Every page also reads SITE, the version bumped by what all pages show (units, the working-day
calendar) and by ``manage.py clear_page_cache``. Apps declare which models belong to which section
from their AppConfig.ready (``register``): a save or delete bumps it; services that change public
rows with ``queryset.update()`` or ``bulk_create`` call ``bump`` themselves.

Records also become public or stop being public by date (a publicity period ends, a consultation
window opens or closes at midnight in the county): the county's date is part of every key and no
page is kept past the next local midnight, so the first visitor of the day renders afresh.

Staff and logged-in visitors, and visitors with a message waiting, always get a fresh page and never
fill the cache. Only GET and HEAD answers of 200 are kept, without cookies; a page's CSRF token is
stored as a placeholder and filled in for each visitor (their own token, their own cookie).
An unreachable cache (ResilientRedisCache) makes every request a miss: pages still render.

Parts that many pages share (the unit grid, the domain list, a search form's unit choices) are
kept per process by ``versioned``, under the same section versions: a miss of one page (a new
search, another page number, the first visitor after a publish elsewhere) rebuilds only what is
its own. They do not follow PAGE_CACHE_SECONDS: keyed by the versions, they are never stale.
Within one request the versions are read once, all sections in one round trip, and read again
after a bump in the same request.
"""

import hashlib
import re
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from datetime import datetime, timedelta
from functools import wraps
from typing import TypeVar
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.session import SessionStorage
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

SITE = "site"
ALL = "*"  # the pages that gather across apps (home, search, a unit's page) read every section

HEADER = "X-Page-Cache"  # hit, miss (rendered and stored) or bypass (rendered, not stored)
# Query strings longer than this are rendered but not stored: a crawler's junk must not fill Redis.
MAX_QUERY_CHARS = 512
CSRF_PLACEHOLDER = b"__page_cache_csrf_token__"
# What {% csrf_token %} renders; the only form of the token a cached page may carry.
CSRF_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')

_sections: set[str] = {SITE}
_model_sections: dict[type[Model], str] = {}
_key_parts: dict[str, Callable[[], str]] = {}
Built = TypeVar("Built")
_held: dict[str, tuple[str, object]] = {}  # versioned(): name -> (key, value), one entry per name
# Tests set a fresh namespace each so that no test sees a page another test stored.
namespace = "1"
# The versions read during the current request (section -> version); None outside a request.
_request_versions: ContextVar[dict[str, int] | None] = ContextVar("pagecache_request_versions", default=None)


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _version_key(section: str) -> str:
    return f"page:{namespace}:v:{section}"


def _fresh_version() -> int:
    # Not 1: a version evicted from the cache must not come back as a value old pages were keyed with.
    return time.time_ns()


def register(section: str, *models: type[Model]) -> None:
    """Declare that pages of ``section`` show these models: saving or deleting one bumps it."""
    _sections.add(section)
    for model in models:
        _model_sections[model] = section
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(_model_changed, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_model_changed, sender=model, dispatch_uid=uid, weak=False)


def register_key_part(name: str, part: Callable[[], str]) -> None:
    """Add this process's copy of something pages show to every key (the working-day calendar,
    loaded once per process): a process still on the old copy then stores under the old key,
    which the processes already on the new copy never read."""
    _key_parts[name] = part


def sections() -> list[str]:
    return sorted(_sections)


def section_of(model: type[Model]) -> str | None:
    return _model_sections.get(model)


def _model_changed(sender: type[Model], **kwargs: object) -> None:
    bump(_model_sections[sender])


class _BumpOnCommit:
    def __init__(self, section: str) -> None:
        self.section = section

    def __call__(self) -> None:
        _bump_now(self.section)


def bump(section: str) -> None:
    """The section's pages are stale: bump now, and again when the transaction commits.

    The second bump closes a race: a visitor who loads a page between the first bump and the
    commit stores the old content under the new version; after the commit nobody can.
    """
    _bump_now(section)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return
    # One commit-time bump per section and transaction. Django replaces run_on_commit with a new
    # list on commit and on a savepoint's rollback, so a stale note is recognised by identity.
    pending = connection.__dict__.get("_pagecache_pending")
    if pending is None or pending[0] is not connection.run_on_commit:
        pending = (connection.run_on_commit, set())
        connection.__dict__["_pagecache_pending"] = pending
    if section not in pending[1]:
        transaction.on_commit(_BumpOnCommit(section))
        pending[1].add(section)


def bump_all() -> None:
    """Every page is stale (a calendar edit, a unit renamed, ``clear_page_cache``)."""
    bump(SITE)


def _bump_now(section: str) -> None:
    if (read := _request_versions.get()) is not None:
        read.clear()  # this request reads the versions again
    cache, key = _cache(), _version_key(section)
    try:
        cache.incr(key)
    except ValueError:  # evicted, never set, or the cache is unreachable (then a no-op)
        cache.set(key, _fresh_version(), timeout=None)


def _start_request(**kwargs: object) -> None:
    _request_versions.set({})


def _end_request(**kwargs: object) -> None:
    _request_versions.set(None)


request_started.connect(_start_request, dispatch_uid="pagecache:request-started")
request_finished.connect(_end_request, dispatch_uid="pagecache:request-finished")


def _versions(wanted: Iterable[str]) -> list[int] | None:
    """The sections' versions; None when the cache is down. In a request, the first call reads
    every section's version in one round trip and the request's other calls reuse them."""
    wanted = list(wanted)
    read = _request_versions.get()
    if read is None:
        return _read_versions(wanted)
    if any(section not in read for section in wanted):
        every = sorted({*sections(), *wanted})
        versions = _read_versions(every)
        if versions is None:
            return None
        read.update(zip(every, versions, strict=True))
    return [read[section] for section in wanted]


def _read_versions(wanted: list[str]) -> list[int] | None:
    """The sections' versions in one round trip (two the first time); None when the cache is down."""
    cache = _cache()
    keys = [_version_key(section) for section in wanted]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, _fresh_version(), timeout=None)
        found.update(cache.get_many(missing))
    if any(key not in found for key in keys):
        return None
    return [found[key] for key in keys]


def versioned(name: str, *page_sections: str, build: Callable[[], Built]) -> Built:
    """``build()``, kept in this process while SITE and ``page_sections`` keep their versions (and
    the county's date, the language and the key parts such as the calendar stay the same).

    One round trip to the cache for the versions; a bump anywhere makes the next call rebuild, so
    what it returns is never older than what a freshly rendered page would show. The race of a
    write is closed as for pages: a value built between the first bump and the commit is stored
    under a version that the commit's bump retires. Without a reachable cache: built every time.
    """
    wanted = sections() if ALL in page_sections else sorted({SITE, *page_sections})
    versions = _versions(wanted)
    if versions is None:
        return build()
    key = "\n".join(
        [
            namespace,
            timezone.localdate().isoformat(),
            get_language() or "",
            ",".join(str(version) for version in versions),
            *(f"{part_name}={part()}" for part_name, part in sorted(_key_parts.items())),
        ]
    )
    held = _held.get(name)
    if held is not None and held[0] == key:
        return held[1]
    value = build()
    _held[name] = (key, value)
    return value


def normalized_query(request: HttpRequest) -> str:
    """The query string with its parameters in name order (values keep their order): ?a=1&b=2 and
    ?b=2&a=1 are one page."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def seconds_to_midnight(now: datetime | None = None) -> int:
    local = timezone.localtime(now)
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return int((midnight - local).total_seconds())


def page_key(request: HttpRequest, versions: list[int], variant: str = "") -> str:
    """A fixed-length key: the URL and the versions hashed, whatever the query string's length."""
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        normalized_query(request),
        variant,
        timezone.localdate().isoformat(),
        ",".join(str(version) for version in versions),
        *(f"{name}={part()}" for name, part in sorted(_key_parts.items())),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page:{namespace}:p:{digest}"


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_CHARS:
        return False
    if request.user.is_authenticated:
        return False
    # A message waiting (the confirmation after a comment) is this visitor's alone.
    if request.COOKIES.get(CookieStorage.cookie_name):
        return False
    session = getattr(request, "session", None)
    if session is None or not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return True
    return SessionStorage.session_key not in session


def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _with_visitor_token(request: HttpRequest, content: bytes) -> bytes:
    if CSRF_PLACEHOLDER not in content:
        return content
    return content.replace(CSRF_PLACEHOLDER, get_token(request).encode())


def _from_entry(request: HttpRequest, entry: dict) -> HttpResponse:
    response = HttpResponse(_with_visitor_token(request, entry["content"]), status=200)
    for name, value in entry["headers"]:
        response[name] = value
    return response


def cached_page(*page_sections: str, variant: Callable[[HttpRequest], str] | None = None) -> Callable:
    """Serve the view from the cache for anonymous visitors; the key reads SITE and these sections
    (ALL: every registered section). ``variant`` names a request's version of the page when it
    depends on more than the URL (the API guide's HTML or JSON by Accept)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not _cacheable_request(request):
                response = view(request, *args, **kwargs)
                response[HEADER] = "bypass"
                patch_vary_headers(response, ["Cookie"])
                return response
            wanted = sections() if ALL in page_sections else sorted({SITE, *page_sections})
            versions = _versions(wanted)
            key = page_key(request, versions, variant(request) if variant else "") if versions else None
            entry = _cache().get(key) if key else None
            if entry is not None:
                response = _from_entry(request, entry)
                response[HEADER] = "hit"
            else:
                response = _render_and_store(request, key, view, args, kwargs)
            patch_vary_headers(response, ["Cookie"])
            return response

        return wrapper

    return decorator


def _render_and_store(request: HttpRequest, key: str | None, view: Callable, args: tuple, kwargs: dict) -> HttpResponse:
    token_used_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
    response = view(request, *args, **kwargs)
    if hasattr(response, "render") and not response.is_rendered:
        response.render()  # a TemplateResponse (the sitemap): the content is what gets stored
    if key is None or not _storable(response):
        response[HEADER] = "bypass"
        return response
    content, forms = CSRF_INPUT.subn(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content)
    if not forms and request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not token_used_before:
        # The token went into the page some other way than {% csrf_token %}: not shareable.
        response[HEADER] = "bypass"
        return response
    headers = [(name, value) for name, value in response.items() if name.lower() != HEADER.lower()]
    timeout = min(settings.PAGE_CACHE_SECONDS, seconds_to_midnight())
    if timeout > 0:
        _cache().set(key, {"content": content, "headers": headers}, timeout=timeout)
    response[HEADER] = "miss"
    return response
