"""Public pages: the year's overview, full replies concerning the public interest (reviewed first),
the reason shown for the others, the search, 回应关切 without the internal assessment; the page
cache shows a publish at once; queries do not grow with the rows."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from interaction.models import ReplyStatus, Severity
from interaction.proposals_services import (
    ERROR_NOT_PUBLIC_INTEREST,
    ERROR_REASON_REQUIRED,
    proposal_publish,
    proposal_withdraw,
)
from interaction.responses_services import response_publish
from interaction.tests.proposals_factories import make_concern, make_proposal, make_response, replied
from publication_review.services import ERROR_NOT_REVIEWED
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db
COUNTY = ZoneInfo("Asia/Shanghai")
YEAR_URL = reverse("interaction:proposal_year", args=[2026])


def public_reply(unit, text="全文：已安排专项资金硬化道路 12 公里。", **fields):
    proposal = replied(make_proposal(unit, public_interest=True, **fields), date(2026, 6, 20), text=text)
    return proposal_publish(proposal=reviewed(proposal))


def test_a_reply_is_published_only_after_review_and_only_when_it_concerns_the_public(unit_a):
    proposal = replied(make_proposal(unit_a), date(2026, 6, 20))
    with pytest.raises(ValidationError, match=ERROR_NOT_PUBLIC_INTEREST):
        proposal_publish(proposal=reviewed(proposal))
    proposal.public_interest = True
    proposal.save()
    with pytest.raises(ValidationError, match="审查之后记录又有修改"):
        proposal_publish(proposal=proposal)  # changed after the review: reviewed again first
    unreviewed = replied(make_proposal(unit_a, public_interest=True), date(2026, 6, 20))
    with pytest.raises(ValidationError, match=ERROR_NOT_REVIEWED[:9]):
        proposal_publish(proposal=unreviewed)
    assert proposal_publish(proposal=reviewed(proposal)).reply_status == ReplyStatus.PUBLISHED


def test_the_year_page_shows_a_publish_at_once_and_says_why_others_are_not_public(client, unit_a, unit_b):
    private = replied(make_proposal(unit_b, title="关于学校食堂的建议"), date(2026, 6, 1), result="A")
    assert client.get(YEAR_URL)["X-Page-Cache"] == "miss"
    html = client.get(YEAR_URL).content.decode()
    assert "答复不涉及公共利益，未全文公开。" in html and private.title in html
    proposal = public_reply(unit_a, title="关于农村道路硬化的建议")
    response = client.get(YEAR_URL)
    assert response["X-Page-Cache"] == "miss"
    detail = reverse("interaction:proposal_detail", args=[2026, proposal.pk])
    assert detail in response.content.decode()
    page = client.get(detail).content.decode()
    assert "已安排专项资金硬化道路 12 公里" in page
    assert client.get(reverse("interaction:proposal_detail", args=[2026, private.pk])).status_code == 404


def test_the_overview_counts_by_unit_class_and_on_time(client, unit_a, unit_b):
    replied(make_proposal(unit_a), date(2026, 6, 30), result="A")
    replied(make_proposal(unit_a), date(2026, 7, 1), result="C")
    make_proposal(unit_b, assigned_on=None, year=2026)
    html = client.get(YEAR_URL).content.decode()
    assert "共承办 3 件，已答复 2 件，其中按期答复 1 件、逾期答复或逾期未答复 1 件；交办日期不详的 1 件" in html
    assert "日期不详" in html or "交办日期不详" in html


def test_the_search_reads_public_replies_and_never_unpublished_ones(client, unit_a):
    public_reply(unit_a, text="将新建村级卫生室三所。", title="关于卫生室的建议")
    replied(make_proposal(unit_a, title="关于路灯的建议"), date(2026, 6, 1), text="内部意见：路灯经费待定。")
    html = client.get(YEAR_URL, {"q": "卫生室三所"}).content.decode()
    assert "关于卫生室的建议" in html
    html = client.get(YEAR_URL, {"q": "经费待定"}).content.decode()
    assert "关于路灯的建议" not in html and "没有符合条件的建议提案。" in html
    assert client.get(YEAR_URL, {"q": "\x00卫生"}).status_code == 200


def test_a_withdrawn_reply_leaves_the_page_with_its_reason(client, unit_a):
    proposal = public_reply(unit_a)
    with pytest.raises(ValidationError, match=ERROR_REASON_REQUIRED):
        proposal_withdraw(proposal=proposal, reason=" ")
    proposal_withdraw(proposal=proposal, reason="答复内容有误，更正后重新公开")
    assert client.get(reverse("interaction:proposal_detail", args=[2026, proposal.pk])).status_code == 404
    assert "答复已撤回：答复内容有误，更正后重新公开" in client.get(YEAR_URL).content.decode()
    assert proposal.history.count() >= 3


def test_an_unknown_year_is_a_404_and_the_years_page_lists_the_years(client, unit_a):
    make_proposal(unit_a)
    assert client.get(reverse("interaction:proposal_year", args=[2019])).status_code == 404
    assert YEAR_URL in client.get(reverse("interaction:proposals")).content.decode()


@pytest.mark.parametrize("size", [3, 30])
def test_the_year_page_is_constant_in_queries(client, unit_a, unit_b, django_assert_max_num_queries, size):
    for n in range(size):
        unit = unit_a if n % 2 else unit_b
        proposal = replied(make_proposal(unit, public_interest=True), date(2026, 6, 20))
        if n % 3 == 0:
            proposal_publish(proposal=reviewed(proposal))
    with django_assert_max_num_queries(12):
        assert client.get(YEAR_URL).status_code == 200


def responses(unit, n):
    seen = datetime(2026, 10, 3, 22, 0, tzinfo=COUNTY)
    concern = make_concern(unit, seen, Severity.EMERGENCY, seen_where="内部舆情监测", topic="城区内涝")
    for i in range(n):
        response = make_response(concern, seen + timedelta(hours=i + 1), title=f"城区积水情况通报（{i + 1}）")
        response_publish(response=reviewed(response, unit_field="concern__unit"))
    return concern


@pytest.mark.parametrize("size", [2, 25])
def test_responses_by_date_with_topic_and_no_assessment(client, unit_a, django_assert_max_num_queries, size):
    responses(unit_a, size)
    with django_assert_max_num_queries(8):
        html = client.get(reverse("interaction:responses")).content.decode()
    assert f"城区积水情况通报（{size}）" in html and "关切事项：城区内涝" in html  # newest first
    assert "重大突发事件" not in html and "内部舆情监测" not in html


def test_an_unpublished_response_is_not_listed(client, unit_a):
    concern = make_concern(unit_a, datetime(2026, 10, 3, 22, 0, tzinfo=COUNTY))
    make_response(concern, datetime(2026, 10, 4, 8, 0, tzinfo=COUNTY), title="草稿：情况说明")
    assert "草稿：情况说明" not in client.get(reverse("interaction:responses")).content.decode()


def test_a_phone_or_id_number_quoted_in_a_public_reply_is_masked(client, unit_a):
    proposal = public_reply(unit_a, text="经联系村民（电话 13800138000）核实，道路已硬化。")
    html = client.get(reverse("interaction:proposal_detail", args=[2026, proposal.pk])).content.decode()
    assert "道路已硬化" in html and "13800138000" not in html
    assert "13800138000" not in client.get(f"/api/proposal-replies/{proposal.pk}/").content.decode()


def test_the_pages_are_in_the_sitemaps(client, unit_a):
    proposal = public_reply(unit_a)
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/proposals/", "/proposals/2026/", f"/proposals/2026/{proposal.pk}/", "/responses/"):
        assert path in xml
    html = client.get("/sitemap/").content.decode()
    assert 'href="/proposals/"' in html and 'href="/responses/"' in html
