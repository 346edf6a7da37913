"""/api/: a Chinese guide in the site's layout for people, the endpoint map for programs.

The guide is read from the router and the schema, so these tests walk them too: every
registered endpoint, each of its filters and its example must be on the page.
"""

import html
import json
import re

import pytest

from lushan_portal.api_guide import openapi_schema
from lushan_portal.masking import find_personal_data
from lushan_portal.urls import router

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def guide(client) -> str:
    response = client.get("/api/", **BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def section(page: str, prefix: str) -> str:
    start = page.index(f'<section aria-labelledby="api-{prefix}">')
    return page[start : page.index("</section>", start)]


def text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_the_guide_is_a_chinese_page_of_the_site_not_drfs_api_root(guide):
    assert '<html lang="zh-hans">' in guide
    assert "<h1>数据接口</h1>" in guide
    assert "Api Root" not in guide and "Django REST framework" not in guide
    # The main navigation's 数据接口 leads here and says so.
    assert '<a href="/api/" aria-current="page">数据接口</a>' in guide
    assert 'href="/api/docs/"' in guide
    assert 'href="http://testserver/api/schema/"' in guide


def test_the_main_navigation_leads_to_the_guide_from_every_page(client):
    assert '<a href="/api/">数据接口</a>' in client.get("/").content.decode()


def test_every_registered_endpoint_is_described_with_its_filters_and_an_example(guide):
    schema = openapi_schema()
    for prefix, _viewset, _basename in router.registry:
        part = section(guide, prefix)
        listing = schema["paths"][f"/api/{prefix}/"]["get"]
        assert listing["summary"] in part, prefix
        for parameter in listing.get("parameters", []):
            assert f"<code>{parameter['name']}</code>" in part, (prefix, parameter["name"])
        assert "curl -H &#x27;Accept: application/json&#x27;" in part, prefix
        assert "列表的回答" in part, prefix
        assert "分页</strong>：" in part and "排序</strong>：" in part, prefix


def test_the_example_answer_is_the_schemas_example_in_the_lists_envelope(guide):
    part = text(section(guide, "enforcement"))
    answer = json.loads(part.split("列表的回答：")[1].strip())
    assert set(answer) == {"next", "previous", "results"}  # a cursor: no count
    assert answer["results"][0]["party_name"] == "鲁山县尧山人家餐饮有限公司"
    assert "curl -H 'Accept: application/json' 'http://testserver/api/enforcement/?unit=market-regulation'" in part
    assert "按决定日期（最新在前）、编号（降序）排列" in part

    # 100,000 publications: a cursor too, in the public order; small collections keep page numbers.
    publications = text(section(guide, "publications"))
    assert set(json.loads(publications.split("列表的回答：")[1].strip())) == {"next", "previous", "results"}
    assert "游标分页" in publications and "按发布日期（最新在前）、编号（降序）排列" in publications
    assert "页码分页" in text(section(guide, "policies"))

    units = json.loads(text(section(guide, "units")).split("列表的回答：")[1].strip())
    assert set(units) == {"count", "next", "previous", "results"}
    domains = json.loads(text(section(guide, "domains")).split("列表的回答：")[1].strip())
    assert isinstance(domains, list)  # the 26 domains come in one answer


def test_filters_are_explained_with_their_values_in_chinese(guide):
    part = text(section(guide, "catalog-items"))
    assert "只看勾选了这一公开层级的事项" in part
    assert "county 县级" in part and "on_request 依申请公开" in part
    assert "中文关键词（分词检索），最多 100 字" in part


def test_staff_only_endpoints_and_the_login_they_need_are_stated(guide):
    assert "仅限工作人员登录后使用。" in section(guide, "alerts")
    assert "公开，无需登录。" in section(guide, "units")
    login = text(guide.split('id="api-general"')[1].split("</section>")[0])
    assert "GET /api/alerts/" in login
    assert "PATCH /api/units/{code}/" in login
    assert "双因素认证" in login and "X-CSRFToken" in login
    assert "sessionid=…（工作人员登录后的会话）" in text(section(guide, "alerts"))


def test_the_comment_form_of_the_api_is_shown_with_its_own_limit(guide):
    part = text(section(guide, "major-decisions"))
    assert "curl -X POST" in part and "/api/major-decisions/2/comments/" in part
    assert "每个网络地址每 10 分钟最多提交 5 条" in part
    assert "409：不在征求意见期内，意见未提交" in part


def test_rates_and_licence_are_the_settings(client, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "30/hour", "user": "2/s"}}
    settings.API_DATA_LICENCE = "依《鲁山县政府数据开放管理办法》使用。"
    page = text(client.get("/api/", **BROWSER).content.decode())
    assert "未登录（按网络地址计）每小时最多 30 次" in page
    assert "已登录的工作人员（按账号计）每秒最多 2 次" in page
    assert "依《鲁山县政府数据开放管理办法》使用。" in page


def test_without_a_licence_the_page_says_who_decides(client, settings):
    settings.API_DATA_LICENCE = ""
    page = text(client.get("/api/", **BROWSER).content.decode())
    assert "数据的使用条件由门户运营单位确定。" in page


def test_the_guide_shows_no_personal_data(guide):
    main = text(guide.split('<main id="main"')[1].split("</main>")[0])
    assert [f.text for f in find_personal_data(main)] == []


def test_the_guide_reads_no_database(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        assert client.get("/api/", **BROWSER).status_code == 200


def test_programs_get_the_endpoint_map_by_format_or_accept(client, unit_a):
    expected = {prefix: f"http://testserver/api/{prefix}/" for prefix, _v, _b in router.registry}
    by_format = client.get("/api/?format=json")
    by_accept = client.get("/api/", HTTP_ACCEPT="application/json")
    assert by_format.json() == by_accept.json() == expected
    assert "Accept" in by_accept["Vary"]
    staff_only = {
        "alerts",
        "site-feedback",
        "disclosure-requests",
        "inspection-findings",
        "letters",
    }  # the guide marks these 需登录
    for prefix, url in expected.items():
        assert client.get(url).status_code == (403 if prefix in staff_only else 200), prefix
    # curl's */* and a browser get the page.
    assert client.get("/api/", HTTP_ACCEPT="*/*")["Content-Type"].startswith("text/html")


def test_an_unknown_format_is_refused_in_chinese(client):
    response = client.get("/api/?format=xml")
    assert response.status_code == 400
    assert response.json() == {"format": ["参数 format 只能是 json 或 html。"]}
