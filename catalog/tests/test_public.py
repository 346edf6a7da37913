"""What citizens see: domains, a unit's column, items with their publications, search, API."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import Attachment, Catalog, Publication
from catalog.services import (
    catalog_items_replace,
    catalog_review,
    catalog_start,
    catalog_submit,
    publication_save,
    publication_withdraw,
)
from catalog.tests.factories import domain, item, published_catalog, published_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(unit_a, township, lead_reviewer):
    county = published_catalog(unit_a, lead_reviewer)
    township_catalog = published_catalog(township, lead_reviewer)
    approval = county.items.get(level1="最低生活保障", level2="审批信息")
    return {
        "county": county,
        "township": township_catalog,
        "approval": approval,
        "list": published_publication(
            approval,
            title="2025年9月城乡低保对象名单公示",
            body="现将2025年9月最低生活保障对象名单予以公示，低保金按月发放。",
            formed_on=date(2025, 10, 9),
        ),
    }


def test_domain_list_shows_26_domains_with_counts(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        html = client.get(reverse("catalog:domains")).content.decode()
    assert html.count('class="count"') == 26
    assert "2 个单位已发布" in html


def test_domain_page_lists_units_with_published_catalogs(client, published, unit_a, township):
    html = client.get(reverse("catalog:domain", args=["social-assistance"])).content.decode()
    assert unit_a.name in html and township.name in html


def test_a_units_column_shows_every_domain(client, published, township, superuser, township_editor):
    tax = catalog_start(unit=township, domain=domain("tax"), by=township_editor)
    tax.not_applicable, tax.not_applicable_note = True, "本镇不涉及税收管理。"
    tax.save()
    catalog_submit(catalog=tax, by=township_editor)
    catalog_review(catalog=tax, by=superuser, approve=True)
    html = client.get(reverse("organizations:unit_detail", args=[township.code])).content.decode()
    assert "基层政务公开标准化规范化专栏" in html
    assert html.count('<th scope="row">') == 26
    assert "本镇不涉及税收管理" in html and "查看目录（第1版）" in html and "待编制" in html


def test_item_page_lists_publications_across_versions(client, published, unit_a, editor_a, lead_reviewer):
    county = published["county"]
    second = catalog_start(unit=unit_a, domain=county.domain, by=editor_a, based_on=county)
    catalog_submit(catalog=second, by=editor_a)
    catalog_review(catalog=second, by=lead_reviewer, approve=True)
    new_item = second.items.get(level1="最低生活保障", level2="审批信息")
    html = client.get(new_item.get_absolute_url()).content.decode()
    assert "2025年9月城乡低保对象名单公示" in html and "2025-10-20" in html


def test_publication_page_and_drafts_are_not_public(client, published):
    assert "低保金按月发放" in client.get(published["list"].get_absolute_url()).content.decode()
    hidden = publication_save(
        publication=Publication(item=published["approval"], title="草稿", formed_on=date(2025, 10, 1))
    )
    assert client.get(hidden.get_absolute_url()).status_code == 404
    publication_withdraw(publication=published["list"], reason="名单有误")
    assert client.get(published["list"].get_absolute_url()).status_code == 404


def test_a_draft_catalog_is_not_public(client, unit_b, editor_b):
    draft = catalog_start(unit=unit_b, domain=domain("education"), by=editor_b)
    catalog_items_replace(catalog=draft, items=[item("招生管理", "招生政策")], by=editor_b)
    assert (
        "招生政策" not in client.get(reverse("catalog:unit_domain", args=[unit_b.code, "education"])).content.decode()
    )
    assert client.get(draft.items.get().get_absolute_url()).status_code == 404


@pytest.mark.parametrize("word", ["低保", "最低生活保障", "名单"])
def test_search_finds_items_and_publications_by_chinese_words(client, published, word):
    html = client.get(reverse("search"), {"q": word}).content.decode()
    assert "2025年9月城乡低保对象名单公示" in html
    assert "<mark>" in html


def test_search_ranks_title_matches_first_and_ignores_drafts(client, published):
    approval = published["approval"]
    published_publication(
        approval, title="救助资金发放情况", body="本月公示低保对象变化。", formed_on=date(2025, 10, 10)
    )
    publication_save(publication=Publication(item=approval, title="低保草稿", formed_on=date(2025, 10, 10)))
    html = client.get(reverse("search"), {"q": "公示"}).content.decode()
    assert html.index("2025年9月城乡低保对象名单公示") < html.index("救助资金发放情况")
    assert "低保草稿" not in client.get(reverse("search"), {"q": "低保"}).content.decode()


def test_search_filters_by_unit_level_mode_and_audience(client, published, township):
    def found(**params: str) -> bool:
        html = client.get(reverse("search"), {"q": "低保", **params}).content.decode()
        return "最低生活保障 › 审批信息" in html

    assert found(domain="social-assistance")
    assert not found(domain="education")
    assert found(unit=township.code, level="county", mode="proactive", audience="public")
    assert not found(mode="on_request")


def test_pages_stay_constant_in_queries(client, published, township, django_assert_max_num_queries):
    approval = published["approval"]
    for n in range(15):
        published_publication(approval, title=f"低保公示{n}", formed_on=date(2025, 10, 1))
    pages = {
        reverse("catalog:domain", args=["social-assistance"]): 2,
        # unit, catalog column (catalogs; domains with leads and leads' catalogs on a first view), interpretation (2);
        # the unit-page panels (profile, reform history, power lists) are built on a first view only: 3
        reverse("organizations:unit_detail", args=[township.code]): 9,
        reverse("catalog:unit_domain", args=[township.code, "social-assistance"]): 4,
        approval.get_absolute_url(): 2,
        published["list"].get_absolute_url(): 2,
        reverse("search") + "?q=低保": 7,
        "/api/catalog-items/?q=低保": 3,
        "/api/publications/?domain=social-assistance": 2,
        "/api/domains/": 1,
        "/api/catalogs/": 2,
    }
    for url, limit in pages.items():
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200, url


def test_api_filters_and_search(client, published, township):
    items = client.get("/api/catalog-items/", {"q": "低保", "unit": township.code}).json()
    assert {row["level1"] for row in items["results"]} == {"最低生活保障"}
    assert all(row["unit"] == township.code for row in items["results"])
    publications = client.get("/api/publications/", {"q": "低保"}).json()
    assert [row["title"] for row in publications["results"]] == ["2025年9月城乡低保对象名单公示"]
    domains = client.get("/api/domains/").json()
    assert len(domains) == 26 and next(d for d in domains if d["code"] == "social-assistance")["published_count"] == 2


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("a.exe", b"MZ", "不支持的文件类型"),
        ("a.pdf", b"GIF89a", "与扩展名"),
        ("a.pdf", b"%PDF-1.7" + b"0" * 2048, "不能超过"),
    ],
)
def test_attachments_are_checked(published, settings, name, content, error):
    settings.ATTACHMENT_MAX_BYTES = 1024
    attachment = Attachment(publication=published["list"], file=SimpleUploadedFile(name, content))
    with pytest.raises(ValidationError, match=error):
        attachment.full_clean()


def test_a_good_attachment_is_listed(client, published, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    attachment = Attachment(publication=published["list"], file=SimpleUploadedFile("名单.pdf", b"%PDF-1.7 ..."))
    attachment.full_clean()
    attachment.save()
    assert "名单.pdf" in client.get(published["list"].get_absolute_url()).content.decode()


def test_staff_cannot_publish_under_another_units_catalog(client, published, editor_b):
    client.force_login(editor_b)
    response = client.post(
        reverse("admin:catalog_publication_add"),
        {"item": published["approval"].pk, "title": "越权", "formed_on": "2025-10-10", "attachments-TOTAL_FORMS": "0",
         "attachments-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == 200 and not Publication.objects.filter(title="越权").exists()
    assert Catalog.objects.filter(unit=published["county"].unit).exists()


def test_api_publications_page_by_cursor_newest_first_without_a_count(client, published):
    approval = published["approval"]
    for n in range(22):
        published_publication(approval, title=f"游标公示{n:02d}", formed_on=date(2025, 10, 1))
    first = client.get("/api/publications/").json()
    assert "count" not in first and first["previous"] is None and len(first["results"]) == 20
    second = client.get(first["next"]).json()
    titles = [row["title"] for row in first["results"] + second["results"]]
    assert second["next"] is None and len(titles) == len(set(titles)) == Publication.objects.count()
    assert titles[:2] == ["游标公示21", "游标公示20"]  # same day: the later entry first


def test_search_results_show_titles_and_snippets_as_text(client, published):
    """The results are drawn in Python: a title or body holding markup is shown, not run."""
    publication = published_publication(
        published["approval"],
        title="<b>低保</b>公示",
        body="低保名单<script>alert(1)</script>见附件。",
        formed_on=date(2025, 10, 1),
    )
    html = client.get(reverse("search"), {"q": "低保"}).content.decode()
    assert f'<a href="{publication.get_absolute_url()}">&lt;b&gt;低保&lt;/b&gt;公示（' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "<mark>低保</mark>名单" in html


def test_searches_one_after_another_each_find_their_own_words(client, published):
    """On PostgreSQL the ranked sections' queries are built once and bound to each search's
    terms (lushan_portal.search, text_search.terms_bound): no search shows another's results."""
    from lushan_portal.search import search_everything

    approval = published["approval"]
    published_publication(
        approval, title="临时救助资金发放公示", body="临时救助对象共12户。", formed_on=date(2025, 10, 10)
    )

    def titles(query: str) -> set[str]:
        sections = dict((section.code, rows) for section, rows in search_everything(query))
        return {label.split("（")[0] for label, _url, _snippet in sections["publications"]}

    for _ in range(2):  # the second round reads the queries the first one built
        assert titles("低保") == {"2025年9月城乡低保对象名单公示"}
        assert titles("临时救助") == {"临时救助资金发放公示"}
        assert titles("公示") == {"2025年9月城乡低保对象名单公示", "临时救助资金发放公示"}
        assert titles("招生") == set()
    html = client.get(reverse("search"), {"q": "临时救助"}).content.decode()
    assert "临时救助资金发放公示" in html and "2025年9月城乡低保对象名单公示" not in html
