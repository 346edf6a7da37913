"""/robots.txt and /sitemap.xml: every public page type listed, with lastmod; nothing non-public."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from catalog.tests.factories import published_catalog, published_publication
from decisions.tests.factories import consultation
from enforcement.tests.factories import make_decision
from interpretation.tests.factories import published_document, published_interpretation
from organizations.models import Role
from organizations.services import membership_grant

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def records(django_user_model, unit_a):
    reviewer = django_user_model.objects.create_user("sitemap-reviewer")
    membership_grant(user=reviewer, unit=unit_a, role=Role.REVIEWER)
    catalog = published_catalog(unit_a, reviewer)
    item = catalog.items.first()
    document = published_document(unit_a)
    return {
        "catalog": catalog,
        "item": item,
        "publication": published_publication(item, title="低保名单公示", formed_on=date(2025, 10, 9)),
        "document": document,
        "interpretation": published_interpretation(document, published_on=date(2025, 9, 28)),
        "consultation": consultation(unit_a),
        "decision": make_decision(unit_a, publish=True),
        "expired": make_decision(unit_a, publish=True, publicity_until=date(2025, 10, 19)),
        "unit": unit_a,
    }


def _entries(client) -> dict[str, str | None]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    rows = root.findall("s:url", NS)
    return {row.findtext("s:loc", namespaces=NS): row.findtext("s:lastmod", namespaces=NS) for row in rows}


def test_sitemap_lists_every_public_page_type_with_lastmod(client, records):
    entries = {loc.removeprefix("http://testserver"): lastmod for loc, lastmod in _entries(client).items()}
    for name in ["home", "catalog:domains", "organizations:unit_list", "interpretation:documents"]:
        assert reverse(name) in entries
    assert records["unit"].get_absolute_url() in entries
    assert records["catalog"].domain.get_absolute_url() in entries
    assert entries[records["catalog"].get_absolute_url()] == "2025-10-20"
    assert records["item"].get_absolute_url() in entries
    assert entries[records["publication"].get_absolute_url()] == "2025-10-20"
    assert entries[records["document"].get_absolute_url()] == "2025-09-26"
    assert entries[records["interpretation"].get_absolute_url()] == "2025-09-28"
    assert records["consultation"].get_absolute_url() in entries
    assert reverse("decisions:year", args=[2025]) in entries
    assert entries[records["decision"].get_absolute_url()] == "2025-10-20"


def test_sitemap_leaves_out_a_decision_past_its_publicity_period(client, records):
    entries = _entries(client)
    assert not any(loc.endswith(records["expired"].get_absolute_url()) for loc in entries)


def test_robots_txt_allows_public_pages_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    for path in ["/admin/", "/dashboard/", "/accounts/"]:
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
