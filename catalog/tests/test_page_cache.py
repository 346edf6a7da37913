"""Catalog pages, the home page and search come from the cache; a publication, its withdrawal and
a new catalog version show at once."""

from datetime import date

import pytest
from django.urls import reverse

from catalog.services import catalog_review, catalog_start, catalog_submit, publication_withdraw
from catalog.tests.factories import item, published_catalog, published_publication

pytestmark = pytest.mark.django_db

TITLE = "2025年10月城乡低保对象名单公示"


def cached(client, url: str, assert_queries) -> str:
    client.get(url)
    with assert_queries(0):
        page = client.get(url)
    assert page["X-Page-Cache"] == "hit", url
    return page.content.decode()


def test_a_publication_and_its_withdrawal_show_on_the_next_visit(
    client, unit_a, lead_reviewer, django_assert_max_num_queries
):
    catalog = published_catalog(unit_a, lead_reviewer)
    approval = catalog.items.get(level1="最低生活保障", level2="审批信息")
    urls = ["/", approval.get_absolute_url(), reverse("search") + "?q=低保", "/catalog/"]
    for url in urls:
        assert TITLE not in cached(client, url, django_assert_max_num_queries)

    publication = published_publication(approval, title=TITLE, formed_on=date(2025, 10, 9))
    for url in urls[:3]:
        assert TITLE in client.get(url).content.decode(), url
    assert TITLE in cached(client, publication.get_absolute_url(), django_assert_max_num_queries)

    publication_withdraw(publication=publication, reason="名单有误。")
    assert client.get(publication.get_absolute_url()).status_code == 404
    for url in urls[:3]:
        assert TITLE not in client.get(url).content.decode(), url


def test_a_new_catalog_version_shows_on_the_next_visit(
    client, unit_a, editor_a, lead_reviewer, django_assert_max_num_queries
):
    first = published_catalog(unit_a, lead_reviewer)
    urls = [reverse("catalog:unit_domain", args=[unit_a.code, first.domain.code]), f"/units/{unit_a.code}/"]
    for url in urls:
        cached(client, url, django_assert_max_num_queries)

    second = catalog_start(unit=unit_a, domain=first.domain, by=editor_a, based_on=first)
    new = item("特困人员救助供养", "审批信息", content="特困人员名单")
    new.catalog, new.position = second, 99
    new.save()
    catalog_submit(catalog=second, by=editor_a)
    assert "特困人员救助供养" not in client.get(urls[0]).content.decode()  # submitted, not yet approved
    catalog_review(catalog=second, by=lead_reviewer, approve=True)
    assert "特困人员救助供养" in client.get(urls[0]).content.decode()
    assert "查看目录（第2版）" in client.get(urls[1]).content.decode()  # the unit's column
