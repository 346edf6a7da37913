"""One HTTP GET as the inspectors' tools make it: a timeout, a clear User-Agent, no redirect to a
host other than the one asked (the crawler never reaches a host that is not in published content).
Standard library only: the probe also runs from an outside machine with nothing else installed."""

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from inspection import rules

READ_LIMIT = 2 * 1024 * 1024  # enough of a page for its links and footer


@dataclass(frozen=True)
class Answer:
    url: str
    status: int | None
    error: str
    elapsed_ms: int
    headers: dict[str, str]
    body: bytes

    @property
    def broken(self) -> bool:
        """Status ≥ 400, or no answer at all (DNS failure, refused, timeout)."""
        return self.status is None or self.status >= 400


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).hostname != urlsplit(req.full_url).hostname:
            return None  # the 3xx is the answer: its target is another host, not ours to visit
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_SameHostRedirects)


def user_agent() -> str:
    return rules.USER_AGENT.format(site=rules.site_url())


def _reason(error: BaseException) -> str:
    reason = getattr(error, "reason", error)
    if isinstance(reason, socket.gaierror):
        return "域名解析失败"
    if isinstance(reason, TimeoutError | socket.timeout):
        return "超时"
    if isinstance(reason, ConnectionRefusedError):
        return "连接被拒绝"
    return f"无法连接（{reason}）"[:300]


def get(url: str, *, timeout: float, read_body: bool = True) -> Answer:
    request = urllib.request.Request(url, headers={"User-Agent": user_agent(), "Accept": "text/html,*/*"})
    started = time.monotonic()
    try:
        with _opener.open(request, timeout=timeout) as response:
            body = response.read(READ_LIMIT) if read_body else b""
            status, headers = response.status, dict(response.headers.items())
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers.items()) if error.headers else {}, b""
    except (urllib.error.URLError, OSError, ValueError) as error:
        elapsed = int((time.monotonic() - started) * 1000)
        return Answer(url, None, _reason(error), elapsed, {}, b"")
    elapsed = int((time.monotonic() - started) * 1000)
    return Answer(url, status, "", elapsed, {k.lower(): v for k, v in headers.items()}, body)
