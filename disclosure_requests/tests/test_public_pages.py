"""The public form, the receipt shown once, and the status page that shows nothing without the code."""

import pytest
from django.urls import reverse

from disclosure_requests import services
from disclosure_requests.models import Application, ReplyKind, SentStatus
from disclosure_requests.tests.factories import PNG, id_image, person_fields, submit_online

pytestmark = pytest.mark.django_db
APPLY = "/requests/apply/"
STATUS = "/requests/status/"


def form_data(unit, **extra: object) -> dict:
    data = {**person_fields(), "unit": unit.pk, "consent": "on", "website": ""}
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_states_the_privacy_notice_before_the_fields(client, unit_a):
    response = client.get(APPLY)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("个人信息告知") < page.index('name="name"')
    for words in ("收集内容", "用途", "加密保存", "保存 10 年", "负责单位"):
        assert words in page
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert reverse("disclosure_requests:apply") == APPLY


def test_submitting_gives_the_number_and_the_code_once(client, unit_a):
    response = client.post(APPLY, {**form_data(unit_a), "id_image": id_image()})
    assert response.status_code == 302
    application = Application.objects.get()
    receipt = client.get(response["Location"])
    page = receipt.content.decode()
    assert application.reference in page and "查询码只显示这一次" in page
    # The code shown matches the stored hash, and the page shows it only once.
    code = page.split('id="query-code">')[1].split("<")[0]
    assert client.post(STATUS, {"reference": application.reference, "code": code}).status_code == 200
    again = client.get(response["Location"])
    assert again.status_code == 302 and code not in client.get(again["Location"]).content.decode()


def test_each_bad_field_gets_its_message_and_nothing_is_saved(client, unit_a):
    data = form_data(unit_a, name="", id_number="12345", phone="", address="", email="", delivery="email", consent=None)
    response = client.post(APPLY, {**data, "id_image": id_image("id.png", b"not an image")})
    page = response.content.decode()
    assert response.status_code == 400
    assert "请填写申请人姓名或名称。" in page
    assert "请阅读个人信息告知并勾选同意后提交。" in page
    assert "文件内容与扩展名“.png”不符。" in page
    assert not Application.objects.exists()
    # The identity checks, with the fields otherwise valid.
    response = client.post(APPLY, {**form_data(unit_a, id_number="410423199001011230"), "id_image": id_image()})
    assert "居民身份证号码应为18位，且校验位正确，请核对。" in response.content.decode()
    response = client.post(APPLY, form_data(unit_a))
    assert "请上传身份证件的照片或扫描件。" in response.content.decode()
    response = client.post(APPLY, {**form_data(unit_a), "id_image": id_image("id.exe", PNG)})
    assert "不支持的文件类型“.exe”" in response.content.decode()
    assert not Application.objects.exists()


def test_an_image_over_5_mb_is_refused(client, unit_a):
    big = id_image("id.png", PNG + b"\x00" * (5 * 1024 * 1024))
    response = client.post(APPLY, {**form_data(unit_a), "id_image": big})
    assert "文件不能超过 5 MB。" in response.content.decode()
    assert not Application.objects.exists()


def test_the_form_is_rate_limited_per_client(client, unit_a):
    for _ in range(3):
        assert client.post(APPLY, {**form_data(unit_a), "id_image": id_image()}).status_code == 302
    response = client.post(APPLY, {**form_data(unit_a), "id_image": id_image()})
    assert "提交过于频繁，请60分钟后再试。" in response.content.decode()
    assert Application.objects.count() == 3


def test_the_status_page_shows_nothing_without_the_right_code(client, unit_a):
    received = submit_online(unit_a)
    reference = received.application.reference
    wrong = client.post(STATUS, {"reference": reference, "code": "AAAAAAAAAA"})
    unknown = client.post(STATUS, {"reference": "SQ20990101000001", "code": received.query_code})
    assert wrong.status_code == unknown.status_code == 404
    for response in (wrong, unknown):
        page = response.content.decode()
        assert "没有找到与该申请编号和查询码相符的申请" in page
        assert received.application.description not in page and "鲁山县民政局" not in page.split("<main")[1]
    # A GET never shows an application, whatever the query string says.
    page = client.get(STATUS, {"reference": reference, "code": received.query_code}).content.decode()
    assert received.application.description not in page


def test_the_status_page_shows_state_dates_due_date_and_the_sent_reply(
    client, unit_a, editor_a, django_assert_max_num_queries
):
    received = submit_online(unit_a)
    application = received.application
    with django_assert_max_num_queries(12):
        response = client.post(STATUS, {"reference": application.reference, "code": received.query_code})
    page = response.content.decode()
    assert response.status_code == 200
    assert "办理中" in page and f"{application.due_date:%Y-%m-%d}" in page and "自次日起算 20 个工作日" in page
    assert "王秀兰" not in page and "13912345678" not in page  # personal data is not repeated
    reply = services.application_close(
        application=application, kind=ReplyKind.DISCLOSED, replied_on=application.received_on, by=editor_a,
        letter_text="经查，您申请的信息已主动公开。", disclosed_url="https://example.gov.cn/x",
    )  # fmt: skip
    page = client.post(STATUS, {"reference": application.reference, "code": received.query_code}).content.decode()
    assert "答复告知书送达后可在此查看" in page and "经查，您申请的信息已主动公开。" not in page
    reply.sent_status = SentStatus.SENT
    reply.save()
    page = client.post(STATUS, {"reference": application.reference, "code": received.query_code}).content.decode()
    assert "已答复" in page and "予以公开" in page and "经查，您申请的信息已主动公开。" in page
    assert "https://example.gov.cn/x" in page


def test_the_status_look_up_is_rate_limited(client, unit_a):
    received = submit_online(unit_a)
    for _ in range(10):
        client.post(STATUS, {"reference": received.application.reference, "code": "WRONGCODE0"})
    response = client.post(STATUS, {"reference": received.application.reference, "code": received.query_code})
    assert response.status_code == 429 and "查询过于频繁" in response.content.decode()


def test_the_pages_are_in_the_site_map_and_the_footer(client, unit_a):
    page = client.get("/sitemap/").content.decode()
    assert "政府信息公开申请" in page and APPLY in page and STATUS in page
    assert APPLY in client.get("/sitemap.xml").content.decode()
