"""The mailbox as a citizen meets it: the list, a mailbox's form, letters and statistics, the
receipt shown once, and the status page that shows nothing without the code."""

import re
from datetime import date

import pytest
import time_machine
from django.core.cache import cache

from interaction import mailbox_services as services
from interaction.mailbox_intake import LETTER_RATE
from interaction.models import Mailbox, MailboxKind, Message, MessageStatus
from interaction.tests.conftest import letter, write
from lushan_portal.ratelimit import rate_key
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db
STATUS = "/letters/status/"
# The mailbox, its page of letters (one row more than the page), the month statistics.
MAILBOX_PAGE_QUERIES = 3


def form_data(**extra: object) -> dict:
    data = {
        "category": "consult",
        "subject": "高龄津贴怎么申领",
        "body": "我父亲今年满80周岁，请问高龄津贴到哪里申请？",
        "name": "王秀兰",
        "contact": "13803751234",
        "consent_publication": "on",
        "privacy": "on",
        "website": "",
        **extra,
    }
    return {key: value for key, value in data.items() if value is not None}


def published(mailbox: Mailbox, by, **extra: object) -> Message:
    message = letter(mailbox, **extra)
    services.message_accept(message=message, by=by)
    reply = services.reply_draft(message=message, body="请到户籍所在地民政所申请。", by=by)
    services.reply_send(reply=reviewed(reply), by=by)
    return services.message_publish(message=message, by=by)


def test_the_list_shows_open_mailboxes_only(client, mailbox_a, mailbox_b):
    Mailbox.objects.filter(pk=mailbox_b.pk).update(is_open=False)
    page = client.get("/letters/").content.decode()
    assert "县民政局信箱" in page and "县教体局信箱" not in page
    assert 'href="/letters/civil-affairs/"' in page


def test_the_privacy_notice_comes_before_the_fields(client, mailbox_a):
    page = client.get("/letters/civil-affairs/").content.decode()
    assert page.index("个人信息告知") < page.index('name="name"')
    for words in ("收集内容", "用途", "加密保存", "365 日删除", "负责单位：鲁山县民政局", "信访事项和举报"):
        assert words in page


def test_a_letter_gives_the_number_and_code_once(client, mailbox_a):
    response = client.post("/letters/civil-affairs/", form_data())
    assert response.status_code == 302 and response["Location"] == "/letters/received/"
    message = Message.objects.get()
    assert (message.first_unit, message.unit, message.status) == (mailbox_a.unit, mailbox_a.unit, "received")
    receipt = client.get("/letters/received/").content.decode()
    code = re.search(r'id="query-code">(\w+)<', receipt).group(1)
    assert message.reference in receipt and "查询码只显示这一次" in receipt
    assert client.get("/letters/received/").status_code == 302  # shown once
    page = client.post(STATUS, {"reference": message.reference, "code": code})
    assert page.status_code == 200 and "待受理" in page.content.decode()


@pytest.mark.parametrize(("category", "channel"), [("petition", "网上信访"), ("denunciation", "12388")])
def test_petitions_and_denunciations_are_sent_to_their_channels_and_nothing_is_stored(
    client, mailbox_a, category, channel
):
    response = client.post("/letters/civil-affairs/", form_data(category=category))
    page = response.content.decode()
    assert response.status_code == 200 and "请通过法定渠道提出" in page and channel in page
    assert not Message.objects.exists()


def test_the_honeypot_and_the_missing_privacy_tick_store_nothing(client, mailbox_a):
    assert client.post("/letters/civil-affairs/", form_data(website="http://spam.example")).status_code == 400
    response = client.post("/letters/civil-affairs/", form_data(privacy=None))
    assert response.status_code == 400 and "请阅读个人信息告知" in response.content.decode()
    assert not Message.objects.exists()


def test_a_letter_without_name_or_contact_is_refused_in_chinese(client, mailbox_a):
    response = client.post("/letters/civil-affairs/", form_data(name="", contact=""))
    page = response.content.decode()
    assert response.status_code == 400 and "请填写姓名" in page and "请填写联系电话或电子邮箱" in page


def test_the_fourth_letter_in_an_hour_is_refused(client, mailbox_a):
    cache.delete(rate_key(LETTER_RATE, client.defaults["REMOTE_ADDR"]))
    for _ in range(3):
        assert client.post("/letters/civil-affairs/", form_data()).status_code == 302
    response = client.post("/letters/civil-affairs/", form_data())
    assert response.status_code == 400 and "提交过于频繁" in response.content.decode()
    assert Message.objects.count() == 3


def test_a_closed_mailbox_takes_no_letters(client, mailbox_a):
    Mailbox.objects.filter(pk=mailbox_a.pk).update(is_open=False)
    assert "暂停接收来信" in client.get("/letters/civil-affairs/").content.decode()
    assert client.post("/letters/civil-affairs/", form_data()).status_code == 400
    assert not Message.objects.exists()


def test_an_unknown_mailbox_is_404(client, db):
    assert client.get("/letters/no-such-box/").status_code == 404


def test_the_status_page_answers_a_mismatch_neutrally(client, mailbox_a):
    received = write(mailbox_a)
    for reference, code in ((received.message.reference, "WRONGCODE2"), ("LY20990101000001", received.query_code)):
        response = client.post(STATUS, {"reference": reference, "code": code})
        page = response.content.decode()
        assert response.status_code == 404 and "没有找到与该留言编号和查询码相符的留言" in page
        assert "高龄津贴" not in page
    assert "no-store" in client.get(STATUS)["Cache-Control"]  # never cached: the answers are personal


def test_the_status_page_is_rate_limited(client, mailbox_a):
    for _ in range(10):
        client.post(STATUS, {"reference": "LY1", "code": "X"})
    response = client.post(STATUS, {"reference": "LY1", "code": "X"})
    assert response.status_code == 429 and "查询过于频繁" in response.content.decode()


def test_the_writer_sees_the_referral_and_the_reply_and_rates_it(client, mailbox_a, unit_b, editor_a, editor_b):
    received = write(mailbox_a)
    message = received.message
    services.message_refer(message=message, to_unit=unit_b, reason="属于教育部门职责", by=editor_a)
    services.message_accept(message=message, by=editor_b)
    reply = services.reply_draft(message=message, body="课后服务收费依据县发改委文件。", by=editor_b)
    services.reply_send(reply=reviewed(reply), by=editor_b)
    page = client.post(STATUS, {"reference": message.reference, "code": received.query_code}).content.decode()
    assert "鲁山县民政局" in page and "鲁山县教育体育局" in page and "属于教育部门职责" in page
    assert "课后服务收费依据县发改委文件。" in page and "王秀兰" not in page and "13803751234" not in page
    response = client.post("/letters/status/rate/", {"rating": "dissatisfied"})
    assert "留言已重新交承办单位办理" in response.content.decode()
    assert Message.objects.get().status == MessageStatus.ACCEPTED


def test_rating_needs_the_number_and_code_in_this_session(client, mailbox_a):
    write(mailbox_a)
    response = client.post("/letters/status/rate/", {"rating": "dissatisfied"})
    assert response.status_code == 302 and response["Location"] == STATUS


def test_a_publish_shows_at_once_masked_on_a_cached_page(client, mailbox_a, editor_a, django_assert_max_num_queries):
    url = "/letters/civil-affairs/"
    client.get(url)
    with django_assert_max_num_queries(0):
        assert client.get(url)["X-Page-Cache"] == "hit"
    published(mailbox_a, editor_a)
    page = client.get(url).content.decode()
    assert "高龄津贴怎么申领" in page and "请到户籍所在地民政所申请。" in page
    assert "王秀兰" not in page and "13803751234" not in page


def test_only_consented_letters_are_shown(client, mailbox_a, editor_a):
    message = letter(mailbox_a, consent_publication=False, subject="不愿公开的留言")
    services.message_accept(message=message, by=editor_a)
    page = client.get("/letters/civil-affairs/").content.decode()
    assert "不愿公开的留言" not in page and "暂无公开的来信" in page


def test_the_search_reads_the_masked_text_only(client, mailbox_a, editor_a):
    published(mailbox_a, editor_a)
    assert "高龄津贴怎么申领" in client.get("/letters/civil-affairs/?q=高龄").content.decode()
    assert "没有找到包含“王秀兰”的来信" in client.get("/letters/civil-affairs/?q=王秀兰").content.decode()


def test_the_mailbox_page_is_constant_in_queries(client, mailbox_a, editor_a, django_assert_max_num_queries):
    for size in (2, 25):
        while Message.objects.filter(published_at__isnull=False).count() < size:
            published(mailbox_a, editor_a)
        with django_assert_max_num_queries(MAILBOX_PAGE_QUERIES):
            response = client.get("/letters/civil-affairs/")
        assert response.status_code == 200 and response["X-Page-Cache"] == "miss"  # rendered, not from the cache
        assert response.content.decode().count('class="letter"') == min(size, 20)


def test_the_monthly_statistics(client, mailbox_a, unit_b, editor_a):
    with time_machine.travel("2025-09-22 10:00 +0800", tick=False):  # Monday
        on_time = letter(mailbox_a)
        late = letter(mailbox_a)
        referred = letter(mailbox_a)
        letter(mailbox_a)  # still waiting
        invalid = letter(mailbox_a)
        for message in (on_time, late):
            services.message_accept(message=message, by=editor_a)
        services.message_refer(message=referred, to_unit=unit_b, reason="教育部门职责", by=editor_a)
        services.message_mark_invalid(message=invalid, reason="广告", by=editor_a)
    with time_machine.travel("2025-09-26 10:00 +0800", tick=False):  # 4 working days after receipt
        reply = services.reply_draft(message=on_time, body="答复", by=editor_a)
        services.reply_send(reply=reviewed(reply), by=editor_a)
    # Accepted Mon 22 Sep, due Sun 28 Sep (worked by 调休); answered 13 Oct: late, 11 working days.
    with time_machine.travel("2025-10-13 10:00 +0800", tick=False):
        reply = services.reply_draft(message=late, body="答复", by=editor_a)
        services.reply_send(reply=reviewed(reply), by=editor_a)
        page = client.get("/letters/civil-affairs/").content.decode()
    row = re.search(r"<th scope=\"row\">2025年9月</th>(.*?)</tr>", page).group(1)
    assert re.findall(r"<td>([^<]*)</td>", row) == ["4", "2", "1", "7.5", "1"]  # the invalid one is left out
    assert re.search(r"<th scope=\"row\">2025年10月</th><td>0</td>", page)
    assert "2024年11月" in page and "2024年10月" not in page  # twelve months


def test_a_mailbox_code_may_not_take_the_sections_own_addresses(unit_a):
    from django.core.exceptions import ValidationError

    mailbox = Mailbox(code="status", name="x", kind=MailboxKind.UNIT, unit=unit_a)
    with pytest.raises(ValidationError):
        mailbox.full_clean()


def test_the_dates_are_the_countys(mailbox_a):
    with time_machine.travel("2025-09-25 23:30 +0800", tick=False):  # 15:30 UTC
        assert letter(mailbox_a).received_on == date(2025, 9, 25)
