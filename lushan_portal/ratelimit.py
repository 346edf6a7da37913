"""Per-client rate limits of the public forms, counted in the shared cache (Redis in production).

Each form names its counter (``comment``, ``site-feedback``): a client's comments do not use up
its error reports. Without the cache the limit is not enforced (logged each time): a citizen's
submission is never lost to an outage.
"""

import hashlib
import logging

from django.core.cache import cache

from lushan_portal.cache import cache_available

logger = logging.getLogger(__name__)


def rate_key(name: str, client: str) -> str:
    """The cache key of ``client``'s counter; the address itself is not stored in clear."""
    return f"{name}-rate:" + hashlib.sha256(client.encode()).hexdigest()[:32]


def rate_allows(*, name: str, client: str, limit: int, window_seconds: int) -> bool:
    """Count one submission by ``client``; True while it is within ``limit`` per ``window_seconds``."""
    key = rate_key(name, client)
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr, or the cache is unavailable
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    if not cache_available():
        logger.warning("%s rate limit not enforced: the cache is unavailable.", name.capitalize())
        return True
    return count <= limit
