"""The shared cache (Redis) that degrades instead of failing.

When Redis cannot be reached every operation behaves as a miss or a no-op, a warning is
logged at most once a minute, and for RETRY_SECONDS no connection is attempted, so a dead
Redis costs each request nothing. The next operation after that tries again: the cache
recovers by itself when Redis is back. Callers with a fallback ask ``cache_available()``.
"""

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import BaseCache, cache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Short socket timeouts: a Redis that does not answer must not stall a request for long.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}
RETRY_SECONDS = 5.0
WARNING_INTERVAL_SECONDS = 60.0

T = TypeVar("T")


class _Warnings:
    last = float("-inf")

    @classmethod
    def unavailable(cls, error: Exception) -> None:
        now = time.monotonic()
        if now - cls.last >= WARNING_INTERVAL_SECONDS:
            cls.last = now
            logger.warning("Cache unavailable, serving without it: %s", error)


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, except that an unreachable Redis is a miss, never an exception.

    OPTIONS may set ``retry_seconds`` (default RETRY_SECONDS); the rest goes to redis-py.
    """

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        options = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        self.retry_seconds = float(options.pop("retry_seconds", RETRY_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self.available = True
        self._retry_at = 0.0

    def _call(self, operation: Callable[..., T], fallback: T, *args: Any) -> T:
        if not self.available and time.monotonic() < self._retry_at:
            return fallback
        try:
            result = operation(*args)
        except RedisError as error:
            self.available = False
            self._retry_at = time.monotonic() + self.retry_seconds
            _Warnings.unavailable(error)
            return fallback
        if not self.available:
            logger.warning("Cache available again.")
        self.available = True
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call(super().incr, missing, key, delta, version)
        if result is missing:  # as for a key that is not there
            raise ValueError(f"Key '{key}' not found (cache unavailable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, False)


def cache_available(backend: BaseCache | None = None) -> bool:
    """False when the last operation on this thread's cache could not reach it."""
    return getattr(backend or cache, "available", True)


def cache_probe(key: str) -> bool:
    """A round trip to the cache now, for health checks: it also ends a retry wait early."""
    if isinstance(backend := caches["default"], ResilientRedisCache):
        backend._retry_at = 0.0
    backend.set(key, "ok", timeout=10)
    return backend.get(key) == "ok"
