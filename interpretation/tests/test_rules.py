"""三同步 at its edges, the 30 % share, the first interpreter and the expert rule."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from compliance.models import Alert
from compliance.scans import deadlines_scan_all
from interpretation.deadlines import MISSING_INTERPRETATION, multi_format_share
from interpretation.models import Interpretation
from interpretation.rules import Share, sync_status
from interpretation.selectors import public_documents, unit_year
from interpretation.services import interpretation_save
from interpretation.tests.factories import published_document, published_interpretation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("document_on", "interpretation_on", "code", "delay"),
    [
        (date(2025, 9, 22), date(2025, 9, 22), "synchronised", 0),  # same day
        (date(2025, 8, 29), date(2025, 9, 3), "synchronised", 3),  # Friday + 3 working days across a weekend
        (date(2025, 8, 29), date(2025, 9, 4), "late", 4),  # + 4: late
        (date(2025, 9, 30), date(2025, 10, 10), "synchronised", 2),  # across National Day
        (date(2025, 9, 30), date(2025, 10, 13), "late", 4),  # the 调休 Saturday 11 October counts
    ],
)
def test_sync_edges(document_on, interpretation_on, code, delay):
    status = sync_status(document_on, interpretation_on)
    assert (status.code, status.delay) == (code, delay)


def test_a_document_without_interpretation_is_missing():
    assert sync_status(date(2025, 9, 22), None).code == "missing"


@pytest.mark.parametrize(
    ("multi", "total", "met"),
    [(3, 10, True), (299, 1000, False), (300, 1000, True), (0, 5, False), (0, 0, None)],
)
def test_the_thirty_percent_share(multi, total, met):
    share = Share(multi_format=multi, total=total)
    assert share.met is met
    assert (share.percent is None) == (total == 0)


def test_unit_year_figures_and_indicator(unit_a, unit_b):
    document = published_document(unit_a)
    published_interpretation(document, published_on=date(2025, 9, 26))
    published_interpretation(document, published_on=date(2025, 9, 29), form="qa")
    published_interpretation(document, published_on=date(2025, 9, 30), form="text")
    published_document(unit_a, number="鲁民〔2025〕2号", published_on=date(2025, 10, 9))
    figures = unit_year(unit_a.pk, 2025)
    assert (figures.documents, figures.synchronised, figures.missing) == (2, 1, 1)
    assert (figures.share.multi_format, figures.share.total, figures.share.met) == (1, 3, True)
    values = multi_format_share(date(2025, 1, 1), date(2025, 12, 31))
    assert values[unit_a.pk].numerator == 1 and values[unit_a.pk].denominator == 3
    assert unit_b.pk not in values
    assert unit_year(unit_b.pk, 2025).share.met is None


@pytest.mark.parametrize("kind", ["normative", "important"])
def test_missing_interpretation_alert_after_three_working_days(unit_a, kind):
    document = published_document(unit_a, published_on=date(2025, 9, 26), kind=kind)
    assert document.interpretation_due == date(2025, 9, 30)

    def open_alert(today: date) -> bool:
        deadlines_scan_all(today=today)
        return Alert.objects.filter(rule_code=MISSING_INTERPRETATION, object_id=document.pk, resolved_at=None).exists()

    assert not open_alert(date(2025, 9, 30))  # the last day
    assert open_alert(date(2025, 10, 1))  # the day after the last day (a holiday: the limit has passed)
    published_interpretation(document, published_on=date(2025, 10, 10))
    assert not open_alert(date(2025, 10, 11))


def test_executive_meeting_documents_need_the_first_interpreter(unit_a):
    document = published_document(unit_a, executive_meeting=True, concerns_public=True)
    with pytest.raises(ValidationError, match="第一解读人"):
        interpretation_save(
            interpretation=Interpretation(document=document, title="解读", published_on=date(2025, 9, 26))
        )
    ok = interpretation_save(
        interpretation=Interpretation(
            document=document,
            title="解读",
            published_on=date(2025, 9, 26),
            first_interpreter_name="王某",
            first_interpreter_post="局长",
        )
    )
    assert ok.pk


def test_forms_need_their_parts_before_publishing(unit_a):
    from interpretation.services import interpretation_publish

    document = published_document(unit_a)
    for form, missing in [("video", "视频文件"), ("expert", "专家姓名"), ("chart", "图解图片"), ("qa", "问答")]:
        draft = interpretation_save(
            interpretation=Interpretation(document=document, form=form, title=form, published_on=date(2025, 9, 26))
        )
        with pytest.raises(ValidationError, match=missing):
            interpretation_publish(interpretation=draft)


def test_specialised_documents_show_whether_an_expert_interpreted_them(client, unit_a):
    document = published_document(unit_a, specialised=True)
    published_interpretation(document, published_on=date(2025, 9, 26))
    assert "专业性较强，尚无专家解读" in client.get(document.get_absolute_url()).content.decode()
    published_interpretation(
        document, published_on=date(2025, 9, 26), form="expert", expert_name="李某", expert_title="教授"
    )
    assert "已有专家解读" in client.get(document.get_absolute_url()).content.decode()
    assert public_documents().get().first_interpretation_on == date(2025, 9, 26)
