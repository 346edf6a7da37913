"""Site identity per 国办发〔2017〕47号: the footer, the 网页设计规范 meta tags on every page type,
the 网站地图, and the deployment check that names each identity setting left empty."""

from datetime import date
from html.parser import HTMLParser

import pytest
import time_machine
from django.core.checks import run_checks
from django.test import RequestFactory
from django.urls import reverse

from catalog.tests.factories import published_catalog, published_publication
from decisions.tests.factories import consultation
from enforcement.tests.factories import make_decision, make_natural_person_decision
from interpretation.tests.factories import published_document, published_interpretation
from lushan_portal import handlers
from lushan_portal.checks import site_identity_check
from organizations.models import Role
from organizations.services import membership_grant

pytestmark = pytest.mark.django_db

# Test values of the right shape: never shown outside the tests.
IDENTITY = {
    "SITE_SPONSOR": "鲁山县人民政府办公室",
    "SITE_DOMAIN": "gongkai.example.gov.cn",
    "SITE_ID_CODE": "TEST000001",
    "SITE_ICP_RECORD": "豫ICP备00000000号-1",
    "SITE_PSB_RECORD": "豫公网安备 41000000000001号",
    "SITE_CONAC_ID": "TESTCONAC0001",
}
EMPTY = {name: "" for name in IDENTITY if name != "SITE_SPONSOR"}


class MetaTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "meta" and "name" in values:
            self.tags.setdefault(values["name"], []).append(values.get("content"))


def meta_tags(html: str) -> dict[str, str]:
    """name → content; each tag at most once."""
    parser = MetaTags()
    parser.feed(html)
    assert all(len(values) == 1 for values in parser.tags.values()), parser.tags
    return {name: values[0] for name, values in parser.tags.items()}


def footer(html: str) -> str:
    return html[html.index("<footer") : html.index("</footer>")]


@pytest.fixture
def identity(settings):
    for name, value in IDENTITY.items():
        setattr(settings, name, value)


@pytest.fixture
def no_identity(settings):
    for name, value in EMPTY.items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


# --- Footer -----------------------------------------------------------------------------------


def test_footer_shows_every_identity_value_with_its_verification_link(client, identity):
    html = footer(client.get("/").content.decode())
    assert "<dt>主办单位</dt><dd>鲁山县人民政府办公室</dd>" in html
    assert "<dt>网站标识码</dt><dd>TEST000001</dd>" in html
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">豫ICP备00000000号-1</a>' in html
    assert (
        '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=41000000000001" rel="noopener">'
        "豫公网安备 41000000000001号</a>"
    ) in html
    assert 'href="https://bszs.conac.cn/sitename?method=show&amp;id=TESTCONAC0001"' in html
    assert "党政机关网站标识（点击核验）" in html and "/static/img/conac-mark.svg" in html
    assert f'<a href="{reverse("site_map")}">网站地图</a>' in html
    # Landmark with headings and lists, not a run of paragraphs.
    assert '<h2 id="footer-identity" class="footer-heading">网站标识</h2>' in html and "<dl" in html


def test_footer_leaves_out_empty_settings_without_a_blank_label(client, no_identity):
    html = footer(client.get("/").content.decode())
    for label in ["网站标识码", "ICP备案号", "公安机关备案号", "党政机关网站标识", "beian", "conac"]:
        assert label not in html
    assert "<dt>主办单位</dt><dd>鲁山县人民政府办公室</dd>" in html
    assert "网站地图" in html and "我为政府网站找错" in html


def test_footer_feedback_link_carries_the_page_it_was_clicked_on(client):
    html = footer(client.get(reverse("enforcement:list"), {"kind": "penalty"}).content.decode())
    assert f'href="{reverse("site_feedback:report")}?page=/enforcement/%3Fkind%3Dpenalty"' in html


def test_the_500_page_has_the_same_footer_without_the_database(identity, django_assert_num_queries):
    request = RequestFactory().get("/broken/")
    with django_assert_num_queries(0):
        html = handlers.server_error(request).content.decode()
    assert "<dd>TEST000001</dd>" in footer(html)
    assert f"{reverse('site_feedback:report')}?page=/broken/" in html
    assert meta_tags(html)["SiteIDCode"] == "TEST000001"


# --- The deployment check ---------------------------------------------------------------------


def test_check_warns_in_production_naming_each_empty_variable(settings, no_identity):
    settings.DEBUG = False
    messages = site_identity_check()
    named = {message.msg.split()[2] for message in messages}
    assert named == {"SITE_DOMAIN", "SITE_ID_CODE", "SITE_ICP_RECORD", "SITE_PSB_RECORD", "SITE_CONAC_ID"}
    assert all(message.level == 30 for message in messages)  # warnings, not errors
    # Registered as a deployment check: `manage.py check --deploy` runs it, plain `check` does not.
    assert {m.id for m in run_checks(include_deployment_checks=True)} >= {m.id for m in messages}
    assert not {m.id for m in run_checks()} & {m.id for m in messages}


def test_check_is_silent_when_everything_is_set_or_in_debug(settings, identity):
    settings.DEBUG = False
    assert site_identity_check() == []
    settings.SITE_ID_CODE = ""
    assert [m.id for m in site_identity_check()] == ["lushan_portal.W004"]
    settings.DEBUG = True
    assert site_identity_check() == []


# --- Meta tags of the 网页设计规范 on every page type -------------------------------------------


@pytest.fixture
def records(django_user_model, unit_a):
    reviewer = django_user_model.objects.create_user("meta-reviewer")
    membership_grant(user=reviewer, unit=unit_a, role=Role.REVIEWER)
    catalog = published_catalog(unit_a, reviewer)
    item = catalog.items.first()
    document = published_document(unit_a)
    return {
        "unit": unit_a,
        "catalog": catalog,
        "item": item,
        "publication": published_publication(
            item, title="低保名单公示", body="2025年10月城乡低保名单", formed_on=date(2025, 10, 9)
        ),
        "document": document,
        "interpretation": published_interpretation(document, published_on=date(2025, 9, 28), title="一图读懂低保办法"),
        "undated": published_interpretation(document, published_on=None, title="低保办法问答", form="qa"),
        "consultation": consultation(unit_a),
        "decision": make_decision(unit_a, publish=True),
    }


SITE = {"SiteName": "鲁山县政务公开平台", "SiteDomain": "gongkai.example.gov.cn", "SiteIDCode": "TEST000001"}


def page_cases(r: dict) -> list[tuple[str, dict[str, str | None]]]:
    """(url, expected tags); None: the tag must be absent."""
    unit, domain = r["unit"].name, r["catalog"].domain.name
    return [
        ("/", {"ColumnName": None, "ArticleTitle": None, "PubDate": None}),
        (reverse("catalog:domains"), {"ColumnName": "基层政务公开标准目录", "ArticleTitle": None, "PubDate": None}),
        (r["catalog"].domain.get_absolute_url(), {"ColumnName": domain, "PubDate": None}),
        (
            r["catalog"].get_absolute_url(),
            {
                "ColumnName": domain,
                "ArticleTitle": f"{unit}{domain}领域基层政务公开标准目录",
                "PubDate": "2025-10-20 10:00",
                "ContentSource": unit,
            },
        ),
        (
            r["item"].get_absolute_url(),
            {
                "ColumnName": domain,
                "ArticleTitle": str(r["item"]),
                "PubDate": "2025-10-20 10:00",
                "ContentSource": unit,
            },
        ),
        (
            r["publication"].get_absolute_url(),
            {"ColumnName": domain, "ArticleTitle": "低保名单公示", "PubDate": "2025-10-20", "ContentSource": unit},
        ),
        (reverse("interpretation:documents"), {"ColumnName": "政策文件与解读", "PubDate": None}),
        (
            r["document"].get_absolute_url(),
            {
                "ColumnName": "政策文件",
                "ArticleTitle": "鲁山县最低生活保障审核确认办法",
                "PubDate": "2025-09-26",
                "ContentSource": unit,
            },
        ),
        (
            r["interpretation"].get_absolute_url(),
            {
                "ColumnName": "政策解读",
                "ArticleTitle": "一图读懂低保办法",
                "PubDate": "2025-09-28",
                "ContentSource": unit,
            },
        ),
        # Publication date unknown: no PubDate at all, never today's.
        (r["undated"].get_absolute_url(), {"ArticleTitle": "低保办法问答", "PubDate": None}),
        (reverse("decisions:consultations"), {"ColumnName": "重大行政决策公开征求意见", "PubDate": None}),
        (
            r["consultation"].get_absolute_url(),
            {
                "ColumnName": "重大行政决策公开征求意见",
                "ArticleTitle": r["consultation"].heading,
                "PubDate": "2025-10-01",
                "ContentSource": unit,
            },
        ),
        (
            reverse("decisions:year", args=[2025]),
            {
                "ColumnName": "重大行政决策事项目录",
                "ArticleTitle": "2025年重大行政决策事项目录",
                "PubDate": None,
                "ContentSource": None,  # every unit's decisions: no single source
            },
        ),
        (reverse("enforcement:list"), {"ColumnName": "行政执法公示", "ArticleTitle": None}),
        (
            r["decision"].get_absolute_url(),
            {"ColumnName": "行政执法公示", "PubDate": "2025-10-20 10:00", "ContentSource": unit},
        ),
        (reverse("organizations:unit_list"), {"ColumnName": "公开单位", "ArticleTitle": None}),
        (r["unit"].get_absolute_url(), {"ColumnName": "公开单位", "ArticleTitle": unit, "PubDate": None}),
        (reverse("search") + "?q=低保", {"ColumnName": "站内搜索", "ArticleTitle": None}),
        (reverse("site_map"), {"ColumnName": "网站地图"}),
        (reverse("site_feedback:report"), {"ColumnName": "我为政府网站找错"}),
    ]


def test_every_page_type_carries_the_standard_meta_tags(client, identity, records):
    for url, expected in page_cases(records):
        response = client.get(url)
        assert response.status_code == 200, url
        tags = meta_tags(response.content.decode())
        for name, value in SITE.items():
            assert tags.get(name) == value, (url, name)
        assert tags.get("Keywords") and tags.get("Description"), url
        for name, value in expected.items():
            assert tags.get(name) == value, (url, name, tags.get(name))


def test_the_enforcement_title_in_meta_tags_is_the_masked_one(client, identity, unit_a):
    decision = make_natural_person_decision(unit_a, publish=True)
    html = client.get(decision.get_absolute_url()).content.decode()
    tags = meta_tags(html)
    assert decision.party_name not in tags["ArticleTitle"] and decision.party_name not in tags["Description"]
    assert "欧阳**" in tags["ArticleTitle"]  # the surname and asterisks, as on the page


def test_meta_values_are_escaped(client, identity, records):
    publication = published_publication(records["item"], title='关于"低保"<标准>的公示', formed_on=date(2025, 10, 9))
    html = client.get(publication.get_absolute_url()).content.decode()
    assert '<meta name="ArticleTitle" content="关于&quot;低保&quot;&lt;标准&gt;的公示">' in html
    assert meta_tags(html)["ArticleTitle"] == '关于"低保"<标准>的公示'


def test_unset_site_values_leave_their_tags_out(client, no_identity):
    tags = meta_tags(client.get("/").content.decode())
    assert tags["SiteName"] == "鲁山县政务公开平台"
    assert "SiteDomain" not in tags and "SiteIDCode" not in tags


# --- 网站地图 ----------------------------------------------------------------------------------


def test_site_map_lists_the_sections_units_domains_and_catalog_years(client, records, django_assert_max_num_queries):
    # session-free anonymous page: units, domains, catalog years, mailboxes
    with django_assert_max_num_queries(4):
        response = client.get(reverse("site_map"))
    html = response.content.decode()
    assert response.status_code == 200 and "<h1>网站地图</h1>" in html
    for name in ["home", "catalog:domains", "organizations:unit_list", "interpretation:documents",
                 "decisions:consultations", "enforcement:list", "search", "site_feedback:report",
                 "interaction:mailboxes", "interaction:status"]:  # fmt: skip
        assert f'href="{reverse(name)}"' in html, name
    assert f'<a href="{records["unit"].get_absolute_url()}">{records["unit"].name}</a>' in html
    domain = records["catalog"].domain
    assert f'<a href="{domain.get_absolute_url()}">{domain.name}</a>' in html
    assert f'<a href="{reverse("decisions:year", args=[2025])}">2025年重大行政决策事项目录</a>' in html
    # Records are reached from their section, not listed one by one.
    assert records["publication"].get_absolute_url() not in html


def test_site_map_and_feedback_form_are_in_the_xml_sitemap(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"{reverse('site_map')}</loc>" in xml and f"{reverse('site_feedback:report')}</loc>" in xml


def test_the_description_tag_never_carries_personal_data():
    from lushan_portal.templatetags.portal_identity import page_meta

    text = "王秀兰户已复核，身份证号410423195803121527，电话13812345678。"
    tags = dict(page_meta(title="复核结果", description=text)["tags"])
    assert "410423195803121527" not in tags["Description"]
    assert "13812345678" not in tags["Description"]
    assert tags["Description"].startswith("王秀兰户已复核")
