"""The public 我为政府网站找错 form: prefilled from the page the citizen came from, protected like the
comment form, routed to the openness office, confirmed at the top of the next page with the date."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse

from site_feedback import services
from site_feedback.models import ErrorReport, ReportKind, ReportStatus
from site_feedback.tests.factories import CONTACT

pytestmark = pytest.mark.django_db

FORM = reverse("site_feedback:report")


@pytest.fixture(autouse=True)
def monday_20_october_2025():
    with time_machine.travel("2025-10-20 10:00 +0800", tick=False):
        yield


def post(client: Client, **fields: str):
    data = {"page": "/catalog/", "kind": ReportKind.BROKEN_LINK, "description": "“社会救助”链接打不开。", **fields}
    return client.post(FORM, data)


def page_field(html: str) -> str:
    start = html.index('name="page"')
    tag = html[html.rindex("<input", 0, start) : html.index(">", start)]
    return tag.split('value="')[1].split('"')[0] if 'value="' in tag else ""


def test_the_page_is_prefilled_from_the_footer_link_or_the_referer_on_this_site_only(client):
    assert page_field(client.get(FORM, {"page": "/enforcement/?kind=penalty"}).content.decode()) == (
        "/enforcement/?kind=penalty"
    )
    referer = client.get(FORM, HTTP_REFERER="http://testserver/publications/3/").content.decode()
    assert page_field(referer) == "/publications/3/"
    for elsewhere in ["https://evil.example/phish", "//evil.example/x", "javascript:alert(1)", "/\\evil.example"]:
        assert page_field(client.get(FORM, {"page": elsewhere}).content.decode()) == "", elsewhere
    assert page_field(client.get(FORM, HTTP_REFERER="https://evil.example/").content.decode()) == ""


def test_a_report_goes_to_the_openness_office_and_the_confirmation_says_when(client, office):
    response = post(client, contact=CONTACT, page="http://testserver/units/civil-affairs/?tab=1")
    assert response.status_code == 302 and response["Location"] == reverse("site_feedback:received")
    report = ErrorReport.objects.get()
    assert (report.unit, report.page, report.status) == (office, "/units/civil-affairs/?tab=1", ReportStatus.RECEIVED)
    assert (report.received_on, report.due_date) == (date(2025, 10, 20), date(2025, 10, 23))
    html = client.get(response["Location"]).content.decode()
    main = html[html.index("<main") :]
    # At the top of the page: a status region holding the heading, the reference and the date.
    assert main.index('role="status"') < main.index("<h1>报告已收到，谢谢您</h1>")
    assert f"报告编号：{report.reference}" in html and report.reference.startswith("20251020-")
    assert "已转鲁山县人民政府办公室处理，将在2025年10月23日前（收到后 3 个工作日内）答复" in html
    assert "答复将通过您留下的联系方式告知" in html
    assert 'name="description"' not in html  # not the empty form again, as if nothing happened


def test_without_a_contact_the_confirmation_says_no_answer_will_reach_you(client, office):
    html = client.get(post(client)["Location"]).content.decode()
    assert "您没有留下联系方式" in html


def test_the_confirmation_page_without_a_report_leads_to_the_form(client):
    assert client.get(reverse("site_feedback:received"))["Location"] == FORM


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"description": "   "}, "description", services.ERROR_EMPTY),
        ({"description": "长" * 1001}, "description", "问题描述不能超过1000字"),
        ({"page": ""}, "page", services.ERROR_PAGE_REQUIRED),
        ({"page": "https://www.baidu.com/"}, "page", "请填写本网站的网页地址"),
        ({"kind": "nonsense"}, "kind", services.ERROR_KIND),
        ({"contact": "1" * 101}, "contact", "联系方式不能超过100个字符"),
        ({"description": "含\x00空字符"}, "description", "空字符"),
    ],
)
def test_bad_input_gets_a_chinese_message_and_nothing_is_saved(client, office, fields, field, message):
    response = post(client, **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and '<div class="form-errors" role="alert">' in html
    assert "Traceback" not in html and "This field" not in html
    assert ErrorReport.objects.count() == 0


def test_the_honeypot_is_refused(client, office):
    response = post(client, website="http://spam.example")
    assert response.status_code == 400 and "报告未提交" in response.content.decode()
    assert ErrorReport.objects.count() == 0


def test_five_reports_per_client_in_ten_minutes(client, office):
    statuses = [post(client, description=f"问题{n}").status_code for n in range(6)]
    assert statuses == [302] * 5 + [400]
    assert "提交过于频繁，请10分钟后再试" in post(client).content.decode()
    assert ErrorReport.objects.count() == 5
    other = Client(REMOTE_ADDR="2001:db8::feed:" + client.defaults["REMOTE_ADDR"][-4:])
    assert post(other).status_code == 302  # another client is not held back


def test_the_form_needs_its_csrf_token(office):
    strict = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.21")
    assert strict.post(FORM, {"page": "/", "kind": "other", "description": "x"}).status_code == 403
    assert ErrorReport.objects.count() == 0


def test_without_the_office_unit_a_report_is_still_kept(client, caplog):
    assert post(client).status_code == 302
    assert ErrorReport.objects.get().unit is None
    assert "without a unit" in caplog.text


def test_the_contact_is_encrypted_at_rest(client, office):
    post(client, contact=CONTACT)
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM site_feedback_errorreport")
        (stored,) = cursor.fetchone()
    assert stored.startswith("enc:") and CONTACT not in stored
    assert ErrorReport.objects.get().contact == CONTACT


def test_the_form_tells_what_is_collected_why_and_for_how_long(client, office):
    html = client.get(FORM).content.decode()
    assert "个人信息告知" in html and "答复后 180 日删除" in html and "负责单位：鲁山县人民政府办公室" in html
    assert 'class="field honeypot" aria-hidden="true"' in html
    assert '<label for="id_description">问题描述</label>' in html


def test_the_form_and_the_confirmation_pages_need_few_queries(client, office, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):  # the office's name
        assert client.get(FORM).status_code == 200
    location = post(client)["Location"]
    with django_assert_max_num_queries(4):  # the session: read, and saved (SESSION_SAVE_EVERY_REQUEST)
        assert client.get(location).status_code == 200
