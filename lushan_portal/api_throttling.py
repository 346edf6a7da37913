"""Rate limits of the API (DRF throttling) and their Chinese 429 answer.

Anonymous clients are counted per address, signed-in staff per account, at the rates in
``API_THROTTLE_ANON`` and ``API_THROTTLE_USER``. The address is ``clients.client_address``:
X-Forwarded-For is trusted only behind our proxy, so a client cannot start a fresh count by
forging the header (DRF's own ``get_ident`` would believe it). The counts live in the default
cache, Redis in production, so every worker and host counts together; when Redis is down the
cache misses and nothing is limited: the API keeps answering.
"""

import math

from django.http import HttpRequest
from rest_framework import exceptions, throttling
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from lushan_portal.api_info import rate_text
from lushan_portal.clients import client_address

THROTTLED = "访问过于频繁：数据接口%(limit)s。请 %(seconds)d 秒后再试。"
ANONYMOUS_LIMIT = "对未登录的访问每个网络地址%(rate)s"
ACCOUNT_LIMIT = "对每个登录账号%(rate)s"


class _SharedRate:
    def get_rate(self) -> str | None:
        # Read at each request (DRF binds the rates once, at import): a changed setting applies.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request: HttpRequest) -> str:
        return client_address(request)


class AnonymousThrottle(_SharedRate, throttling.AnonRateThrottle):
    """Requests without a session, per client address (``API_THROTTLE_ANON``)."""


class AccountThrottle(_SharedRate, throttling.UserRateThrottle):
    """Requests of a signed-in account (``API_THROTTLE_USER``). Anonymous requests are the
    other throttle's: DRF's user throttle would count them per address at the account rate too."""

    def get_cache_key(self, request: HttpRequest, view: object) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)


def throttled_message(request: HttpRequest | None, wait: float | None) -> str:
    rates = api_settings.DEFAULT_THROTTLE_RATES
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        limit = ACCOUNT_LIMIT % {"rate": rate_text(rates["user"])}
    else:
        limit = ANONYMOUS_LIMIT % {"rate": rate_text(rates["anon"])}
    return THROTTLED % {"limit": limit, "seconds": max(1, math.ceil(wait or 1))}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler (which sets Retry-After), with the refusal of a throttled request in Chinese."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.Throttled):
        response.data = {"detail": throttled_message(context.get("request"), exc.wait)}
    return response
