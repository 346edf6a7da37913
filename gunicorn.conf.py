"""gunicorn settings for the portal (`gunicorn -c gunicorn.conf.py lushan_portal.wsgi`).

Each value comes from the environment, with the default the README documents. Sync workers:
each handles one request at a time, so the database connection it keeps (DB_CONN_MAX_AGE)
is never shared. `preload_app` loads Django and the application (settings, URLs, what the apps
load at start-up) once in the master, before forking: workers start warm, and a
misconfiguration stops the start instead of each worker failing.
"""

import gc
import os


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"Environment variable {name} must be an integer, not {raw!r}.") from None


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", 2)  # one per core on the county's 2-core host
worker_class = "sync"
preload_app = True
timeout = _int("GUNICORN_TIMEOUT", 30)  # a worker stuck this long is killed and replaced
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)  # behind nginx on the same host
# Recycle a worker after this many requests (plus up to the jitter, so that the workers do not
# restart together): a safety net against slow memory growth, not a routine. A restart costs a
# fork and a cold worker (its first requests compile templates and open a connection): at 2,000
# it happened every few seconds under load and showed as p99 spikes. The portal's workers hold
# steady memory (about 170 MB each), so 100,000 means about once a day at county traffic and every
# minute or two only at the benchmarks' full load; 0 turns recycling off.
max_requests = _int("GUNICORN_MAX_REQUESTS", 100_000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 10_000)
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # stdout like the logs; empty: none
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Client address as the proxy passed it, status, size and time taken in microseconds.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(b)s %(D)sus'


def pre_fork(server: object, worker: object) -> None:
    """In the master, before each worker is forked: move what the preloaded application holds
    (about 190,000 objects: Django, the apps, jieba's dictionary) out of the garbage collector's
    reach. A full collection walked them all, 50-90 ms, in the middle of some request; the workers
    then only walk what they make themselves. The frozen objects are also not written to by the
    collector, so the workers keep sharing the master's memory pages."""
    gc.freeze()
