"""A unit's column (专栏): every domain says what exists and, where nothing does, who compiles it."""

import re

import pytest
from django.urls import reverse

from catalog.seed import seed_domains
from catalog.services import catalog_review, catalog_start, catalog_submit
from catalog.tests.factories import domain, published_catalog

pytestmark = pytest.mark.django_db


def rows(html: str) -> dict[str, str]:
    """Domain name → the text of its row (state and explanation), tags removed."""
    found = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', html, flags=re.S)
    cell_text = lambda cells: re.sub(r"<[^>]+>", "", re.sub(r"</td>\s*<td>", " ", cells))  # noqa: E731
    return {name: " ".join(cell_text(cells).split()) for name, cells in found}


def column(client, unit) -> tuple[str, dict[str, str]]:
    html = client.get(reverse("organizations:unit_detail", args=[unit.code])).content.decode()
    return html, rows(html)


@pytest.fixture
def leads(unit_a, unit_b, township):
    """县民政局 leads 社会救助 and 养老服务, 县教体局 leads 义务教育; the other leads are not in the database."""
    seed_domains()


def test_a_township_sees_each_domain_published_not_applicable_in_progress_or_to_compile(
    client, leads, unit_a, township, superuser
):
    published_catalog(unit_a, superuser)  # the county's 社会救助 catalog
    published_catalog(township, superuser)
    tax = catalog_start(unit=township, domain=domain("tax"))
    tax.not_applicable, tax.not_applicable_note = True, "税收征管由县税务局负责，本镇不涉及。"
    tax.save()
    catalog_submit(catalog=tax)
    catalog_review(catalog=tax, by=superuser, approve=True)
    catalog_start(unit=township, domain=domain("education"))  # a draft
    submitted = catalog_start(unit=township, domain=domain("employment"))
    submitted.not_applicable, submitted.not_applicable_note = True, "本镇就业服务由县人社局派驻。"
    submitted.save()
    catalog_submit(catalog=submitted)

    html, by_domain = column(client, township)

    assert len(by_domain) == 26
    assert by_domain["社会救助"] == "已发布 查看目录（第1版）"
    assert by_domain["税收管理"] == "未涉及 税收征管由县税务局负责，本镇不涉及。"
    assert by_domain["义务教育"] == "编制中 本单位正在编制，尚未提交审核。"
    assert by_domain["就业"] == "待审核 已提交，待县政务公开办审核。"
    assert by_domain["养老服务"] == "待编制 由本单位负责编制。县级牵头部门：鲁山县民政局。"
    assert by_domain["城乡规划"] == "待编制 由本单位负责编制。县级牵头部门：未明确。"
    assert "尚未发布" not in html
    assert "本单位已发布 1 个领域的标准目录，未涉及 1 个，编制中 1 个，待审核 1 个，待编制 22 个。" in html


def test_a_township_is_pointed_to_the_lead_departments_catalog_to_follow(client, leads, unit_a, unit_b, township):
    from django.contrib.auth import get_user_model

    reviewer = get_user_model().objects.create_superuser("lead")
    published_catalog(unit_b, reviewer, code="education")
    html, by_domain = column(client, township)
    assert by_domain["义务教育"] == "待编制 由本单位负责编制。县级牵头部门：鲁山县教育体育局（可参照其目录）。"
    assert 'href="/units/education/education/"' in html


def test_a_department_compiles_the_domains_it_leads_and_is_pointed_to_the_others(
    client, leads, unit_a, unit_b, superuser
):
    published_catalog(unit_b, superuser, code="education")
    html, by_domain = column(client, unit_a)
    assert by_domain["社会救助"] == "待编制 由本单位负责编制。"  # it leads it and has not published
    assert by_domain["义务教育"] == "由牵头部门编制 查看鲁山县教育体育局的目录"
    assert 'href="/units/education/education/"' in html
    assert by_domain["城乡规划"] == "待编制 县级牵头部门未明确。"
    assert "另有 24 个领域由县级牵头部门编制，其中已发布 1 个，待编制 23 个。" in html


def test_a_domain_page_without_a_catalog_says_who_compiles_it(client, leads, unit_a, unit_b, township, superuser):
    published_catalog(unit_b, superuser, code="education")
    page = client.get(reverse("catalog:unit_domain", args=[unit_a.code, "education"])).content.decode()
    assert "由牵头部门编制" in page and "查看鲁山县教育体育局的目录" in page
    page = client.get(reverse("catalog:unit_domain", args=[township.code, "elderly-care"])).content.decode()
    assert "待编制" in page and "县级牵头部门：鲁山县民政局" in page


def test_the_column_costs_the_same_queries_however_many_catalogs(
    client, leads, unit_a, unit_b, township, superuser, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # every view renders the page (a cache miss)
    url = reverse("organizations:unit_detail", args=[township.code])
    # unit, the unit's catalogs (the domains with their leads and the leads' published domains are
    # kept per catalog version: read once, on the first view after a change); interpretation (2)
    client.get(url)
    with django_assert_max_num_queries(4):
        client.get(url)
    published_catalog(unit_a, superuser)
    published_catalog(unit_b, superuser, code="education")
    published_catalog(township, superuser)
    published_catalog(township, superuser, code="education")
    catalog_start(unit=township, domain=domain("elderly-care"))
    client.get(url)  # rebuilds the shared domains after the changes
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200


def test_the_shared_domains_follow_a_lead_publishing_at_once(
    client, leads, unit_a, unit_b, township, superuser, settings
):
    """The domains and their leads' catalogs are kept per process: a lead's publish shows on the
    next view of every column, with the page cache on or off."""
    assert column(client, township)[1]["义务教育"] == "待编制 由本单位负责编制。县级牵头部门：鲁山县教育体育局。"
    published_catalog(unit_b, superuser, code="education")
    assert "（可参照其目录）" in column(client, township)[1]["义务教育"]
    settings.PAGE_CACHE_SECONDS = 0
    assert "可参照其目录" not in column(client, township)[1]["养老服务"]
    published_catalog(unit_a, superuser, code="elderly-care")
    assert "（可参照其目录）" in column(client, township)[1]["养老服务"]


def test_a_page_cache_miss_reuses_the_column_until_a_catalog_changes(
    client, leads, unit_a, township, superuser, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # every view renders the page afresh
    column(client, township)
    with django_assert_max_num_queries(2):  # the unit; the column's HTML is kept in this process
        assert column(client, township)[1]["社会救助"].startswith("待编制")
    published_catalog(township, superuser)
    assert column(client, township)[1]["社会救助"] == "已发布 查看目录（第1版）"
