"""The library: 公开属性 set on entry, 保密审查 before publication, validity with its banner, the
list's filters, and who may do what."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from interpretation.models import PolicyDocument, SecrecyOutcome, Status, Validity
from interpretation.services import (
    document_publish,
    document_save,
    document_set_validity,
    record_withdraw,
    secrecy_review_record,
)
from interpretation.tests.factories import published_document
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db


def draft(unit, **fields) -> PolicyDocument:
    values = {"kind": "normative", "title": "鲁山县临时救助实施办法", "number": "鲁民〔2025〕9号", "body": "第一条……"}
    values |= {"signed_on": date(2025, 9, 20), "published_on": date(2025, 9, 26), "disclosure": "proactive"}
    return document_save(document=PolicyDocument(unit=unit, **{**values, **fields}))


# 公开属性


def test_the_disclosure_attribute_is_chosen_on_entry(unit_a):
    with pytest.raises(ValidationError) as refused:
        draft(unit_a, disclosure="")
    assert refused.value.message_dict == {"disclosure": ["请选择公开属性（主动公开、依申请公开或不予公开）。"]}
    assert not PolicyDocument.objects.exists()


@pytest.mark.parametrize(("disclosure", "label"), [("withheld", "不予公开"), ("on_request", "依申请公开")])
def test_withheld_or_on_request_needs_its_legal_ground(unit_a, disclosure, label):
    with pytest.raises(ValidationError) as refused:
        draft(unit_a, disclosure=disclosure, disclosure_ground="  ")
    assert refused.value.message_dict == {"disclosure_ground": [f"公开属性为“{label}”时须写明法律依据。"]}
    assert draft(unit_a, disclosure=disclosure, disclosure_ground="《政府信息公开条例》第十四条").pk


def test_only_proactive_documents_go_public(unit_a, editor_a, client):
    document = draft(unit_a, disclosure="withheld", disclosure_ground="涉及国家秘密（条例第十四条）")
    secrecy_review_record(document=document, outcome=SecrecyOutcome.CLEARED, checked_on=date(2025, 10, 1), by=editor_a)
    with pytest.raises(ValidationError) as refused:
        document_publish(document=document, by=editor_a)
    assert refused.value.message_dict == {
        "disclosure": ["只有公开属性为“主动公开”的文件可以在网站发布；本文件为“不予公开”。"]
    }
    assert PolicyDocument.objects.get().status == Status.DRAFT
    assert client.get(document.get_absolute_url()).status_code == 404


# 保密审查


def test_publishing_needs_a_secrecy_review_that_cleared_the_document(unit_a, editor_a, reviewer_a):
    document = draft(unit_a)
    with pytest.raises(ValidationError) as refused:
        document_publish(document=document, by=editor_a)
    assert refused.value.messages == ["发布前须完成保密审查：请在“保密审查”中记录审查人、审查日期和结论。"]
    secrecy_review_record(
        document=document, outcome=SecrecyOutcome.REFUSED, checked_on=date(2025, 10, 9), by=reviewer_a
    )
    with pytest.raises(ValidationError) as refused:
        document_publish(document=document, by=editor_a)
    assert refused.value.messages == ["最近一次保密审查（2025-10-09）的结论为“涉密或不宜公开，不得发布”，不能发布。"]
    secrecy_review_record(
        document=document, outcome=SecrecyOutcome.CLEARED, checked_on=date(2025, 10, 10), by=reviewer_a
    )
    assert document_publish(document=reviewed(document), by=editor_a).status == Status.PUBLISHED
    review = document.secrecy_reviews.order_by("-checked_on").first()
    assert (review.checked_by, review.checked_on) == (reviewer_a, date(2025, 10, 10))


def test_only_the_units_editors_and_reviewers_record_a_secrecy_review(unit_a, editor_b, supervisor):
    document = draft(unit_a)
    for outsider in (editor_b, supervisor):
        with pytest.raises(PermissionDenied):
            secrecy_review_record(
                document=document, outcome=SecrecyOutcome.CLEARED, checked_on=date(2025, 10, 1), by=outsider
            )
    assert not document.secrecy_reviews.exists()


def test_a_secrecy_review_cannot_be_dated_in_the_future(unit_a, editor_a):
    with pytest.raises(ValidationError) as refused:
        secrecy_review_record(
            document=draft(unit_a), outcome=SecrecyOutcome.CLEARED, checked_on=date(2025, 10, 21), by=editor_a
        )
    assert refused.value.message_dict == {"checked_on": ["审查日期不能晚于今天。"]}


# Validity


def test_repealing_needs_a_reason_and_the_repealing_document(unit_a, editor_a):
    old = published_document(unit_a, number="鲁民〔2019〕6号", published_on=date(2019, 4, 10))
    with pytest.raises(ValidationError) as refused:
        document_set_validity(document=old, validity="repealed", changed_on=date(2025, 9, 26), reason=" ", by=editor_a)
    assert refused.value.message_dict == {"reason": ["变更效力状态必须填写说明。"]}
    with pytest.raises(ValidationError) as refused:
        document_set_validity(
            document=old, validity="repealed", changed_on=date(2025, 9, 26), reason="废止", by=editor_a
        )
    assert "须注明修改或废止本文件的文件" in refused.value.message_dict["changed_by_document"][0]
    with pytest.raises(ValidationError) as refused:
        document_set_validity(
            document=old, validity="repealed", changed_on=None, changed_by_document=old, reason="x", by=editor_a
        )
    assert refused.value.message_dict == {"changed_by_document": ["文件不能修改或废止自身。"]}
    with pytest.raises(ValidationError) as refused:
        document_set_validity(
            document=old, validity="expired", changed_on=date(2025, 10, 21), reason="到期", by=editor_a
        )
    assert refused.value.message_dict == {"changed_on": ["日期不能晚于今天。"]}
    assert PolicyDocument.objects.get(pk=old.pk).validity == Validity.IN_FORCE


def test_another_units_editor_cannot_change_validity(unit_a, editor_b):
    document = published_document(unit_a)
    with pytest.raises(PermissionDenied):
        document_set_validity(document=document, validity="expired", changed_on=None, reason="到期", by=editor_b)


def test_a_withdrawn_document_takes_no_validity(unit_a, editor_a):
    document = record_withdraw(record=published_document(unit_a), reason="录入错误")
    with pytest.raises(ValidationError):
        document_set_validity(document=document, validity="expired", changed_on=None, reason="到期", by=editor_a)


def test_the_change_and_its_reason_are_kept_in_history(unit_a, editor_a):
    old = published_document(unit_a, number="鲁民〔2019〕6号", published_on=date(2019, 4, 10))
    document_set_validity(
        document=old,
        validity="amended",
        changed_on=date(2025, 3, 1),
        changed_by_title="鲁山县人民政府关于修改部分规范性文件的决定（鲁政〔2025〕3号）",
        reason="第五条修改",
        by=editor_a,
    )
    latest = old.history.first()
    assert latest.validity == "amended" and latest.history_change_reason == "已修改：第五条修改"
    assert latest.history_user == editor_a or latest.history_user is None
    assert old.history.count() == 3  # saved, published, amended


@pytest.fixture
def repealed(unit_a, editor_a):
    old = published_document(
        unit_a, title="鲁山县临时救助实施细则", number="鲁民〔2019〕6号", published_on=date(2019, 4, 10)
    )
    new = published_document(unit_a, title="鲁山县临时救助实施办法", number="鲁民〔2025〕9号")
    document_set_validity(
        document=old,
        validity="repealed",
        changed_on=date(2025, 9, 26),
        changed_by_document=new,
        reason="新办法施行，原细则同时废止。",
        by=editor_a,
    )
    return old, new


def test_a_repealed_documents_page_says_so_at_the_top_and_links_the_repealing_one(
    client, repealed, django_assert_max_num_queries
):
    old, new = repealed
    with django_assert_max_num_queries(8):
        html = client.get(old.get_absolute_url()).content.decode()
    banner = html[html.index('class="notice validity-notice"') :]
    banner = banner[: banner.index("</p>")]
    assert "本文件已废止" in banner and "2025-09-26" in banner
    assert f'href="{new.get_absolute_url()}"' in banner and "鲁民〔2025〕9号" in banner
    assert "新办法施行，原细则同时废止。" in banner
    assert html.index("validity-notice") < html.index("<dl")  # above everything else
    later = client.get(new.get_absolute_url()).content.decode()
    assert "validity-notice" not in later and "本文件修改或废止的文件" in later and old.get_absolute_url() in later


def test_an_expired_document_of_unknown_date_says_日期不详(client, unit_a, editor_a):
    document = published_document(unit_a)
    document_set_validity(document=document, validity="expired", changed_on=None, reason="有效期届满", by=editor_a)
    html = client.get(document.get_absolute_url()).content.decode()
    assert "本文件已失效" in html and "失效日期：日期不详" in html


def test_a_repealing_document_outside_the_portal_is_named_not_linked(client, unit_a, editor_a):
    document = published_document(unit_a)
    document_set_validity(
        document=document, validity="repealed", changed_on=date(2025, 10, 1), changed_by_title="平政〔2025〕8号",
        reason="市政府文件废止", by=editor_a,
    )  # fmt: skip
    html = client.get(document.get_absolute_url()).content.decode()
    assert "本文件被以下文件废止：平政〔2025〕8号" in html


# The list


def test_the_list_filters_by_validity_and_searches_by_document_number(client, repealed, django_assert_max_num_queries):
    old, new = repealed
    with django_assert_max_num_queries(4):
        html = client.get("/policies/", {"validity": "repealed"}).content.decode()
    assert old.title in html and new.title not in html
    html = client.get("/policies/", {"number": "2025〕9"}).content.decode()
    assert new.title in html and old.title not in html
    assert "已废止" in client.get("/policies/").content.decode()
    assert client.get("/policies/", {"validity": "cancelled"}).status_code == 400


def test_the_api_filters_by_validity(client, repealed):
    old, _new = repealed
    rows = client.get("/api/policies/", {"validity": "repealed"}).json()["results"]
    assert [row["id"] for row in rows] == [old.pk]


# Admin pages


def test_the_admin_records_a_secrecy_review_and_a_repeal(client, unit_a, editor_a, reviewer_a):
    document = draft(unit_a)
    client.force_login(reviewer_a)
    url = f"/admin/interpretation/policydocument/{document.pk}/secrecy/"
    response = client.post(url, {"checked_on": "2025-10-10", "outcome": "cleared", "note": "不涉密"})
    assert response.status_code == 302
    assert document.secrecy_reviews.get().checked_by == reviewer_a
    validity_url = f"/admin/interpretation/policydocument/{document.pk}/validity/"
    assert client.get(validity_url).status_code == 403  # reviewers check, editors change
    client.force_login(editor_a)
    response = client.post(validity_url, {"action": "repealed", "changed_on": "2025-10-10", "reason": "废止"})
    assert "须注明修改或废止本文件的文件" in response.content.decode()
    response = client.post(
        validity_url, {"action": "repealed", "changed_by_title": "鲁政〔2025〕1号", "reason": "废止"}
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.validity, document.validity_changed_on) == ("repealed", None)


def test_another_units_editor_reaches_neither_page(client, unit_a, editor_b):
    document = draft(unit_a)
    client.force_login(editor_b)
    for page in ("secrecy", "validity"):
        assert client.get(f"/admin/interpretation/policydocument/{document.pk}/{page}/").status_code == 404
