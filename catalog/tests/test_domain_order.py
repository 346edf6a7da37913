"""The 26 domains are listed in their set order on every database (PostgreSQL drops Meta.ordering
for an aggregate query, so the order must be explicit)."""

import pytest
from django.db import connection
from django.urls import reverse

from catalog.models import Domain
from conftest import need_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def domains_inserted_backwards() -> list[str]:
    """Domains inserted last-first, so the physical order is the reverse of the sort order."""
    Domain.objects.all().delete()
    names = [f"排序领域{n:02d}" for n in range(1, 27)]
    for order in range(26, 0, -1):
        Domain.objects.create(code=f"order-{order:02d}", name=names[order - 1], sort_order=order)
    return names


def _positions(html: str, names: list[str]) -> list[int]:
    return [html.index(f">{name}</a>") for name in names]


@pytest.mark.parametrize("url_name", ["home", "catalog:domains"])
def test_domains_are_listed_in_sort_order(client, domains_inserted_backwards, url_name):
    need_service(connection.vendor == "postgresql", "PostgreSQL (DATABASE_URL), where the order was lost")
    html = client.get(reverse(url_name)).content.decode()
    positions = _positions(html, domains_inserted_backwards)
    assert positions == sorted(positions)
