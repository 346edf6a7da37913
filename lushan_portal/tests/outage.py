"""Redis outages for tests, without stopping the shared Redis: a closed port, or a relay to the
real Redis that can be shut and reopened on the same port."""

import contextlib
import socket
import threading
from urllib.parse import urlparse

BACKEND = "lushan_portal.cache.ResilientRedisCache"


def free_port() -> int:
    """A port nothing listens on (bound for a moment by us, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_caches(location: str, **options: object) -> dict:
    return {"default": {"BACKEND": BACKEND, "LOCATION": location, "OPTIONS": options}}


class RedisRelay:
    """Forwards a local port to Redis; ``shut()`` is an outage, ``open()`` its end."""

    def __init__(self, redis_url: str) -> None:
        parsed = urlparse(redis_url)
        self.target = (parsed.hostname or "127.0.0.1", parsed.port or 6379)
        self.path = parsed.path
        self.port = free_port()
        self.accepted = 0
        self._sockets: list[socket.socket] = []
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}{self.path}"

    def open(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        listener.settimeout(0.05)
        self._sockets = [listener]
        self._stopping.clear()
        self._thread = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self._thread.start()

    def shut(self) -> None:
        self._stopping.set()
        if self._thread:
            self._thread.join()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            upstream = socket.create_connection(self.target)
            self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_RDWR)
