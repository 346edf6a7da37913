"""Records entered after the fact: unknown dates, 同步审签 not stated, another interpreting unit, linked bodies."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from compliance.registry import incomplete_counts, incomplete_kinds
from interpretation.deadlines import (
    INCOMPLETE_DOCUMENTS,
    INCOMPLETE_INTERPRETATIONS,
    sync_unknown,
    synchronised,
    undecidable,
)
from interpretation.models import UNKNOWN_DATE, UNSTATED, Interpretation, PolicyDocument
from interpretation.rules import LABEL_NOT_APPLICABLE, LABEL_UNKNOWN, default_title
from interpretation.selectors import document_sync, public_documents, unit_year
from interpretation.services import (
    ERROR_BEFORE_DOCUMENT,
    ERROR_BODY_OR_LINK,
    ERROR_DOCUMENT_AFTER_INTERPRETATION,
    ERROR_KIND_REQUIRED,
    ERROR_NOT_DRAFT,
    ERROR_NOT_EDITOR,
    ERROR_SIGNED_AFTER_PUBLISHED,
    document_save,
    interpretation_publish,
    interpretation_save,
)
from interpretation.tests.factories import published_document, published_interpretation
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db
YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def test_an_unknown_publication_date_stays_unknown_everywhere(client, unit_a):
    undated = published_document(unit_a, published_on=None, signed_on=None, number="鲁民〔2019〕7号")
    dated = published_document(unit_a, number="鲁民〔2025〕1号")
    undated.refresh_from_db()
    assert undated.published_on is None and undated.signed_on is None  # never today (2025-10-20)
    assert undated.entered_at is not None and undated.interpretation_due is None
    page = client.get(undated.get_absolute_url()).content.decode()
    assert page.count(f"<dd>{UNKNOWN_DATE}</dd>") == 2 and "2025-10-20" in page  # both unknown; entered today
    assert LABEL_UNKNOWN in page
    listing = client.get(reverse("interpretation:documents")).content.decode()
    assert listing.index(dated.number) < listing.index(undated.number)  # unknown last
    rows = client.get("/api/policies/").json()["results"]
    assert [r["number"] for r in rows] == [dated.number, undated.number]
    assert (rows[1]["published_on"], rows[1]["signed_on"], rows[1]["sync_status"]) == (None, None, "unknown")
    feed = client.get("/feeds/policies/").content.decode()
    assert f"发布日期：{UNKNOWN_DATE} · 录入本平台：2025-10-20" in feed


def test_an_undated_interpretation_is_shown_as_such_and_sorted_last(client, unit_a):
    document = published_document(unit_a)
    undated = published_interpretation(document, published_on=None, title="补录解读")
    published_interpretation(document, published_on=date(2025, 9, 26), title="有日期解读")
    undated.refresh_from_db()
    assert undated.published_on is None
    assert UNKNOWN_DATE in client.get(undated.get_absolute_url()).content.decode()
    titles = [r["title"] for r in client.get("/api/interpretations/").json()["results"]]
    assert titles == ["有日期解读", "补录解读"]
    assert f"发布日期：{UNKNOWN_DATE}" in client.get("/feeds/interpretations/").content.decode()


@pytest.mark.parametrize(
    ("document_on", "interpretations", "code"),
    [
        (None, [date(2025, 9, 26)], "unknown"),  # the document's date unknown
        (date(2025, 9, 26), [None], "unknown"),  # only an undated interpretation
        (date(2025, 9, 26), [None, date(2025, 9, 30)], "synchronised"),  # a dated one is in time (last day)
        (date(2025, 9, 26), [None, date(2025, 10, 9)], "unknown"),  # late by dates, the undated one may not be
        (date(2025, 9, 26), [date(2025, 10, 9)], "late"),
        (date(2025, 9, 26), [], "missing"),
    ],
)
def test_sync_with_missing_dates_is_undecidable_never_synchronised(unit_a, document_on, interpretations, code):
    document = published_document(unit_a, published_on=document_on, signed_on=None)
    for published_on in interpretations:
        published_interpretation(document, published_on=published_on)
    assert document_sync(public_documents().get()).code == code


def test_undecidable_pairs_are_counted_apart_in_indicators_and_the_year(client, unit_a):
    on_time = published_document(unit_a, number="1号", published_on=date(2025, 9, 26))
    published_interpretation(on_time, published_on=date(2025, 9, 30))
    unknown = published_document(unit_a, number="2号", published_on=date(2025, 9, 26))
    published_interpretation(unknown, published_on=None)
    published_document(unit_a, number="3号", published_on=None, signed_on=None)
    figures = unit_year(unit_a.pk, 2025)
    assert (figures.documents, figures.synchronised, figures.unknown, figures.undated_documents) == (2, 1, 1, 1)
    assert (figures.share.total, figures.undated_interpretations) == (1, 1)
    value = synchronised(*YEAR)[unit_a.pk]
    assert (value.numerator, value.denominator, value.met) == (1, 1, True)  # the unknown pair is not "in time"
    count = sync_unknown(*YEAR)[unit_a.pk]
    assert (count.numerator, count.met) == (1, False)
    assert [row.title for row in undecidable(unit_a.pk, *YEAR)] == [str(unknown)]
    page = client.get(reverse("organizations:unit_detail", args=[unit_a.code])).content.decode()
    assert "1 件无法判断（日期不详）" in page and "另有发布日期不详的文件 1 件" in page


def test_only_undecidable_pairs_give_no_verdict(unit_a):
    document = published_document(unit_a)
    published_interpretation(document, published_on=None)
    assert synchronised(*YEAR)[unit_a.pk].met is None


@pytest.mark.parametrize(("published_on", "refused"), [(date(2025, 9, 25), True), (date(2025, 9, 26), False)])
def test_an_interpretation_dated_before_its_document_is_refused(unit_a, published_on, refused):
    document = published_document(unit_a, published_on=date(2025, 9, 26))
    interpretation = Interpretation(document=document, published_on=published_on, main_points="内容")
    if refused:
        with pytest.raises(ValidationError, match="不能早于所解读文件的发布日期（2025-09-26）"):
            interpretation_save(interpretation=interpretation)
        assert ERROR_BEFORE_DOCUMENT.startswith("解读发布日期不能早于")
    else:
        assert interpretation_save(interpretation=interpretation).pk


def test_document_dates_are_checked_against_each_other(unit_a):
    with pytest.raises(ValidationError, match=ERROR_SIGNED_AFTER_PUBLISHED):
        published_document(unit_a, signed_on=date(2025, 9, 27), published_on=date(2025, 9, 26))
    assert published_document(unit_a, signed_on=date(2025, 9, 26), published_on=date(2025, 9, 26)).pk


def test_the_document_kind_is_chosen_explicitly(unit_a):
    with pytest.raises(ValidationError, match="请选择文件类型"):
        document_save(document=PolicyDocument(unit=unit_a, title="无类型", body="x"))
    assert "三同步" in ERROR_KIND_REQUIRED


def test_important_policies_are_under_sync_and_other_documents_say_no_check_applies(client, unit_a):
    important = published_document(unit_a, kind="important", number="重要1号", published_on=date(2025, 9, 26))
    assert important.interpretation_due == date(2025, 9, 30)
    other = published_document(unit_a, kind="other", number="其他1号")
    assert other.interpretation_due is None
    assert LABEL_NOT_APPLICABLE in client.get(other.get_absolute_url()).content.decode()
    rows = {r["number"]: r for r in client.get("/api/policies/").json()["results"]}
    assert rows["其他1号"]["sync_status"] == "not_applicable"
    assert rows["重要1号"]["sync_status"] == "missing"


def test_signed_with_document_is_unstated_until_asserted(client, unit_a):
    document = published_document(unit_a)
    interpretation = published_interpretation(document, published_on=date(2025, 9, 26))
    assert interpretation.signed_with_document is None
    assert UNSTATED in client.get(interpretation.get_absolute_url()).content.decode()
    assert "未说明（有解读未说明是否同步审签）" in client.get(document.get_absolute_url()).content.decode()
    assert client.get("/api/interpretations/").json()["results"][0]["signed_with_document"] is None
    published_interpretation(document, published_on=date(2025, 9, 26), signed_with_document=False)
    assert "有解读未与文件同步审签" in client.get(document.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("document_title", "expected"),
    [
        ("鲁山县低保办法", "关于《鲁山县低保办法》的解读"),
        ("《鲁山县低保办法》", "关于《鲁山县低保办法》的解读"),
        ("关于印发《鲁山县低保办法》的通知", "关于《关于印发〈鲁山县低保办法〉的通知》的解读"),
    ],
)
def test_a_blank_title_is_built_from_the_document_without_doubling(unit_a, document_title, expected):
    assert default_title(document_title) == expected
    document = published_document(unit_a, title=document_title)
    saved = interpretation_save(
        interpretation=Interpretation(document=document, published_on=date(2025, 9, 26), main_points="x")
    )
    assert saved.title == expected


def test_the_body_is_required_only_for_text_and_qa_and_a_link_may_replace_it(unit_a):
    document = published_document(unit_a)
    for form in ("text", "qa"):
        draft = interpretation_save(interpretation=Interpretation(document=document, form=form))
        with pytest.raises(ValidationError, match="或填写原文链接"):
            interpretation_publish(interpretation=reviewed(draft))
        linked = interpretation_save(
            interpretation=Interpretation(document=document, form=form, source_url="https://www.lushan.gov.cn/a.html")
        )
        assert interpretation_publish(interpretation=reviewed(linked)).status == "published"
    assert "%(form)s" in ERROR_BODY_OR_LINK
    chart = interpretation_save(
        interpretation=Interpretation(document=document, form="chart", source_url="https://www.lushan.gov.cn/")
    )
    with pytest.raises(ValidationError, match="图解图片"):  # a link replaces a body, not a chart
        interpretation_publish(interpretation=reviewed(chart))


def test_the_interpreting_unit_may_differ_from_the_issuing_unit(client, unit_a, unit_b, editor_a, editor_b):
    notice = published_document(unit_a, title="关于做好招生工作的通知")
    with pytest.raises(PermissionDenied, match=ERROR_NOT_EDITOR):
        interpretation_save(interpretation=Interpretation(document=notice, unit=unit_b), by=editor_a)
    client.force_login(editor_b)
    response = client.post(
        reverse("admin:interpretation_interpretation_add"),
        {"document": notice.pk, "unit": unit_b.pk, "form": "text", "title": "", "signed_with_document": "",
         "main_points": "要点", "images-TOTAL_FORMS": "0", "images-INITIAL_FORMS": "0", "steps-TOTAL_FORMS": "0",
         "steps-INITIAL_FORMS": "0", "questions-TOTAL_FORMS": "0", "questions-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()
    interpretation = Interpretation.objects.get()
    assert (interpretation.unit, interpretation.document.unit, interpretation.signed_with_document) == (
        unit_b,
        unit_a,
        None,
    )
    assert interpretation.title == "关于《关于做好招生工作的通知》的解读"
    interpretation_publish(interpretation=reviewed(interpretation), by=editor_b)
    page = client.get(interpretation.get_absolute_url()).content.decode()
    assert unit_a.name in page and unit_b.name in page
    api = client.get("/api/interpretations/").json()["results"][0]
    assert (api["unit"], api["document_unit"]) == (unit_b.code, unit_a.code)
    client.force_login(editor_a)  # the issuing unit does not write the other unit's interpretation
    change = reverse("admin:interpretation_interpretation_change", args=[interpretation.pk])
    assert client.get(change).status_code == 404


def test_unknown_fields_of_a_published_record_may_be_filled_once(client, unit_a, editor_a):
    document = published_document(unit_a, published_on=None, signed_on=None)
    document.published_on = date(2025, 9, 26)
    document_save(document=document, by=editor_a)
    document.refresh_from_db()
    assert document.published_on == date(2025, 9, 26) and document.interpretation_due == date(2025, 9, 30)
    document.published_on = date(2025, 9, 29)
    with pytest.raises(ValidationError, match=ERROR_NOT_DRAFT):  # a known date is not changed in place
        document_save(document=document, by=editor_a)
    document.refresh_from_db()
    document.title = "改标题"
    document.signed_on = date(2025, 9, 20)
    with pytest.raises(ValidationError, match=ERROR_NOT_DRAFT):
        document_save(document=document, by=editor_a)
    client.force_login(editor_a)
    page = client.get(reverse("admin:interpretation_policydocument_change", args=[document.pk])).content.decode()
    assert 'name="signed_on"' in page and 'name="title"' not in page


def test_a_document_date_after_its_interpretations_is_refused(unit_a):
    document = published_document(unit_a, published_on=None, signed_on=None)
    published_interpretation(document, published_on=date(2025, 9, 26))
    document.published_on = date(2025, 9, 29)
    with pytest.raises(ValidationError, match=ERROR_DOCUMENT_AFTER_INTERPRETATION):
        document_save(document=document)


def test_records_with_unknown_fields_are_counted_for_supervisors(unit_a, unit_b):
    complete = published_document(unit_a, number="1号")
    published_interpretation(complete, published_on=date(2025, 9, 26), signed_with_document=True)
    undated = published_document(unit_b, number="2号", published_on=None, signed_on=None)
    published_interpretation(undated, published_on=None)
    draft = document_save(
        document=PolicyDocument(unit=unit_b, kind="other", title="草稿", body="x", disclosure="proactive")
    )
    assert draft.published_on is None  # a draft is not yet published: not chased
    counts = incomplete_counts()
    assert counts[INCOMPLETE_DOCUMENTS] == {unit_b.pk: 1}
    assert counts[INCOMPLETE_INTERPRETATIONS] == {unit_b.pk: 1}
    kinds = {kind.code: kind for kind in incomplete_kinds()}
    record = kinds[INCOMPLETE_INTERPRETATIONS].records().get()
    assert kinds[INCOMPLETE_INTERPRETATIONS].missing(record) == ["发布日期（日期不详）", "同步审签（未说明）"]
    assert kinds[INCOMPLETE_DOCUMENTS].missing(undated) == ["成文日期（日期不详）", "发布日期（日期不详）"]
