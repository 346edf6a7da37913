"""The link checker against the running site (live_server) and a local stub for outbound links."""

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from inspection import rules
from inspection.checks import inspect
from inspection.crawler import crawl_internal, crawl_outbound
from inspection.models import LinkCheck
from inspection.tests.conftest import content, record
from lushan_portal.site_inspection import register_content

pytestmark = pytest.mark.usefixtures("registry_only_fakes")


class Stub(BaseHTTPRequestHandler):
    requests: list[tuple[str, str]] = []

    def do_GET(self) -> None:
        Stub.requests.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/elsewhere":  # a redirect to another host: never followed
            self.send_response(302)
            self.send_header("Location", f"http://localhost:{self.server.server_port}/other-host")
        else:
            self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub():
    Stub.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(live_server, settings, monkeypatch):
    settings.INSPECTION_SITE_URL = live_server.url
    settings.INSPECTION_CRAWL_DELAY_MS = 0
    monkeypatch.setattr(rules, "INTERNAL_CRAWL_DELAY_MS", 0)
    return live_server.url


@pytest.mark.django_db(transaction=True)
def test_broken_internal_and_outbound_links_are_found_on_the_pages_that_carry_them(site, stub, unit_a):
    text = f"见 {site}/publications/987654/ 与 {site}/policies/ ；外部：{stub}/ok 、{stub}/gone 、{stub}/elsewhere 。"
    register_content(content(record("通知", published_on=date(2026, 10, 1), created=date(2026, 10, 1), text=text)))

    internal = crawl_internal(limit=30)  # the planted links first, then the sitemap's pages
    assert internal.broken >= 1
    broken_internal = LinkCheck.objects.get(url=f"{site}/publications/987654/")
    assert broken_internal.broken and broken_internal.status == 404
    assert broken_internal.sources[0]["title"] == "通知"
    assert not LinkCheck.objects.get(url=f"{site}/policies/").broken
    assert not LinkCheck.objects.filter(url__startswith=stub).exists()  # the nightly run stays on the site
    assert not LinkCheck.objects.filter(url__contains="/admin/").exists()  # robots.txt's rules kept

    outbound = crawl_outbound()
    assert (outbound.checked, outbound.broken) == (3, 1)
    assert LinkCheck.objects.get(url=f"{stub}/gone").status == 404
    assert not LinkCheck.objects.get(url=f"{stub}/elsewhere").broken  # its 302 is the answer
    assert sorted(path for path, _agent in Stub.requests) == ["/elsewhere", "/gone", "/ok"]
    assert all(agent.startswith("LushanPortalInspector/") for _path, agent in Stub.requests)

    report = inspect(date(2026, 10, 15))
    links = [f for f in report.findings if f.kind == "links"]
    assert {f.evidence.split("（")[0] for f in links} >= {f"{site}/publications/987654/", f"{stub}/gone"}
    assert any(d.title == "其他页面有失效链接" for d in report.deductions)


@pytest.mark.django_db(transaction=True)
def test_a_refused_connection_and_a_slow_answer_are_broken(site, settings, monkeypatch):
    import socket

    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there any more
    register_content(content(record("通知", published_on=date(2026, 10, 1), created=date(2026, 10, 1),
                                    text=f"http://127.0.0.1:{port}/x")))  # fmt: skip
    assert crawl_outbound().broken == 1
    assert LinkCheck.objects.get(url=f"http://127.0.0.1:{port}/x").error == "连接被拒绝"


@pytest.mark.django_db(transaction=True)
def test_the_probe_times_the_home_page_and_reads_its_entries_and_identity(site, settings):
    import json
    from io import StringIO

    from django.core.management import call_command

    from inspection.models import Probe, ProbeSource

    settings.SITE_ID_CODE, settings.SITE_ICP_RECORD = "4104230001", "豫ICP备12345678号"
    out = StringIO()
    call_command("probe", f"{site}/", stdout=out)
    line = json.loads(out.getvalue())
    assert line["ok"] and line["status"] == 200 and line["elapsed_ms"] < 15000
    assert line["identity"] and line["search_entry"] and line["feedback_entry"]
    assert not line["https"] and not line["hsts"] and line["ipv6"] is None
    probe = Probe.objects.get()
    assert probe.source == ProbeSource.COMMAND and probe.ok
    call_command("probe", f"{site}/no-such-page/", "--print", stdout=StringIO())
    assert Probe.objects.count() == 1  # --print records nothing
