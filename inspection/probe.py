"""The availability probe: open the home page, time it, look at what an inspector looks at.

Run every 5 minutes from beat (``inspection.tasks.probe_home``) and, for a view from outside the
county's network, by ``manage.py probe URL`` from another machine's cron.
"""

import socket
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

from inspection import rules
from inspection.http import get
from lushan_portal.site_identity import site_identity


@dataclass(frozen=True)
class ProbeResult:
    at: datetime
    url: str
    status: int | None
    elapsed_ms: int
    ok: bool
    error: str
    https: bool
    hsts: bool
    identity: bool
    search_entry: bool
    feedback_entry: bool
    ipv6: bool | None


def identity_shown(html: str) -> bool:
    """The footer shows the 网站标识码 and the ICP 备案号 configured for the site."""
    identity = site_identity()
    return bool(identity.id_code and identity.icp_record) and identity.id_code in html and identity.icp_record in html


def entries_shown(html: str) -> tuple[bool, bool]:
    """The home page links the site search and 我为政府网站找错 (by their URL names, not by import)."""
    search, feedback = reverse("search"), reverse("site_feedback:report")
    return f'"{search}' in html, f'"{feedback}' in html


def ipv6_reachable(url: str, timeout: float) -> bool:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = socket.getaddrinfo(parts.hostname, port, socket.AF_INET6, socket.SOCK_STREAM)
        with socket.create_connection(addresses[0][4][:2], timeout=timeout):
            return True
    except OSError:
        return False


def probe(url: str, *, measure_ipv6: bool = False) -> ProbeResult:
    at = timezone.now()
    answer = get(url, timeout=rules.PROBE_TIMEOUT_SECONDS)
    ok = answer.status is not None and answer.status < 400 and answer.elapsed_ms <= rules.PROBE_TIMEOUT_SECONDS * 1000
    html = answer.body.decode("utf-8", errors="replace")
    search_entry, feedback_entry = entries_shown(html)
    return ProbeResult(
        at=at,
        url=url,
        status=answer.status,
        elapsed_ms=answer.elapsed_ms,
        ok=ok,
        error=answer.error or ("" if ok else f"状态码 {answer.status}" if answer.status else ""),
        https=urlsplit(url).scheme == "https",
        hsts="strict-transport-security" in answer.headers,
        identity=identity_shown(html),
        search_entry=search_entry,
        feedback_entry=feedback_entry,
        ipv6=ipv6_reachable(url, rules.PROBE_TIMEOUT_SECONDS) if measure_ipv6 else None,
    )
