"""行政强制 decisions: published within 20 working days (not 7), masked, listed, fed, exported and
imported like penalties."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from compliance.models import Alert
from compliance.scans import deadlines_scan_all
from enforcement.deadlines import PUBLICATION_OVERDUE
from enforcement.importer import ImportRejected, decisions_import
from enforcement.models import Decision, DecisionKind, DecisionStatus
from enforcement.rules import COERCION_PUBLICATION_WORKING_DAYS, PUBLICATION_WORKING_DAYS, publication_due
from enforcement.services import decision_publish
from enforcement.tests.factories import PLANTED_ID, PLANTED_NAME, make_decision, make_natural_person_decision
from enforcement.tests.test_import import GOOD_CODE, xlsx
from publication_review.testing import reviewed
from workdays.models import CalendarDay, DayKind
from workdays.services import calendar_day_save

pytestmark = pytest.mark.django_db

COERCION = {
    "kind": DecisionKind.COERCION,
    "penalty_categories": "",
    "penalty_content": "",
    "fine_amount": None,
    "coercion_categories": "扣押财物",
    "coercion_content": "扣押涉案食品120千克，期限30日。",
    "violation_type": "涉嫌生产不符合食品安全标准的食品",
    "legal_basis": "《中华人民共和国食品安全法》第一百一十条",
}


def coercion(unit, **fields):
    return make_decision(unit, **{**COERCION, **fields})


def test_the_limits_are_named_numbers():
    assert (PUBLICATION_WORKING_DAYS, COERCION_PUBLICATION_WORKING_DAYS) == (7, 20)


@pytest.mark.parametrize(
    ("decided", "due"),
    [
        # Friday before National Day: Sun 28 Sep and Sat 11 Oct are worked (调休), 1–8 Oct are not.
        (date(2025, 9, 19), date(2025, 10, 23)),
        (date(2025, 9, 26), date(2025, 10, 30)),
        (date(2025, 10, 3), date(2025, 11, 4)),  # decided on a holiday: 9 Oct is the first working day
        (date(2025, 10, 11), date(2025, 11, 7)),  # decided on the make-up Saturday
    ],
)
def test_a_coercion_is_due_twenty_working_days_after_the_decision(unit_a, decided, due):
    assert coercion(unit_a, decision_date=decided).publication_due == due
    assert publication_due(decided, DecisionKind.COERCION) == due
    assert make_decision(unit_a, decision_date=decided).publication_due < due  # a penalty: 7


def test_not_overdue_on_the_twentieth_working_day_overdue_the_day_after(unit_a):
    decision = coercion(unit_a, decision_date=date(2025, 9, 19))
    penalty = make_decision(unit_a, decision_date=date(2025, 9, 19))
    deadlines_scan_all(today=date(2025, 10, 23))
    overdue = set(Alert.objects.filter(rule_code=PUBLICATION_OVERDUE).values_list("object_id", flat=True))
    assert overdue == {penalty.pk}  # the penalty's 7 days ran out long ago; the coercion's 20 not yet
    deadlines_scan_all(today=date(2025, 10, 24))
    alert = Alert.objects.get(rule_code=PUBLICATION_OVERDUE, object_id=decision.pk)
    assert alert.due_date == date(2025, 10, 23)


def test_a_coercion_needs_its_category(unit_a):
    with pytest.raises(ValidationError) as refused:
        coercion(unit_a, coercion_categories="")
    assert refused.value.message_dict["coercion_categories"] == ["行政强制决定必须填写强制类别。"]


def test_the_public_page_names_the_coercion_fields_and_masks_a_person(client, unit_a):
    decision = make_natural_person_decision(
        unit_a, **{**COERCION, "coercion_content": f"扣押{PLANTED_NAME}（身份证号{PLANTED_ID}）的三轮车一辆。"}
    )
    decision_publish(decision=reviewed(decision))
    html = client.get(decision.get_absolute_url()).content.decode()
    assert "行政强制" in html and "强制类别" in html and "扣押财物" in html and "强制依据" in html
    assert "处罚类别" not in html
    assert PLANTED_NAME not in html and PLANTED_ID not in html
    assert "20 个工作日" in html


def test_the_list_filters_coercions_and_the_csv_and_feed_carry_them(client, unit_a):
    coercion(unit_a, publish=True)
    make_decision(unit_a, publish=True)
    listed = client.get("/enforcement/", {"kind": "coercion"}).content.decode()
    assert listed.count("行政强制：") == 1 and "行政处罚：" not in listed
    exported = b"".join(client.get("/enforcement/export.csv", {"kind": "coercion"}).streaming_content).decode()
    assert "强制类别" in exported.splitlines()[0] and "扣押财物" in exported
    assert "行政强制" in client.get("/feeds/enforcement/").content.decode()
    api = client.get("/api/enforcement/", {"kind": "coercion"}).json()
    assert [row["coercion_categories"] for row in api["results"]] == ["扣押财物"]


def test_the_importer_accepts_coercion_rows(unit_a, editor_a):
    header = ["类型", "行政相对人名称", "行政相对人类别", "统一社会信用代码", "行政强制决定书文号", "强制类别",
              "强制内容", "强制依据", "强制决定日期"]  # fmt: skip
    row = ["行政强制", "鲁山县丙公司", "法人", GOOD_CODE, "鲁市监强〔2025〕1号", "查封场所设施或者财物、扣押财物",
           "查封仓库一处。", "《食品安全法》第一百一十条", "2025-10-09"]  # fmt: skip
    result = decisions_import(unit=unit_a, name="c.xlsx", content=xlsx([row], header=header), by=editor_a)
    assert result.created == 1
    decision = Decision.objects.get()
    assert decision.kind == DecisionKind.COERCION and decision.status == DecisionStatus.PUBLISHED
    assert decision.publication_due == date(2025, 11, 5)  # 11 Oct (调休) counted


def test_the_importer_names_an_unknown_coercion_category(unit_a):
    header = ["行政相对人名称", "行政相对人类别", "行政强制决定书文号", "强制类别", "强制决定日期"]
    with pytest.raises(ImportRejected) as refused:
        decisions_import(
            unit=unit_a,
            name="c.xlsx",
            content=xlsx([["鲁山县丙公司", "法人", "强1号", "没收房屋", "2025-10-09"]], header=header),
        )
    assert refused.value.errors == ["第 2 行：“强制类别”（D2）：强制类别“没收房屋”不在规定范围内"]
    assert not Decision.objects.exists()


def test_a_calendar_edit_recomputes_a_coercions_twenty_days(unit_a, django_capture_on_commit_callbacks):
    decision = coercion(unit_a, decision_date=date(2025, 10, 14))
    penalty = make_decision(unit_a, decision_date=date(2025, 10, 14))
    assert decision.publication_due == date(2025, 11, 11)
    with django_capture_on_commit_callbacks(execute=True):
        calendar_day_save(day=CalendarDay(date=date(2025, 10, 17), kind=DayKind.HOLIDAY, name="测试假日"))
    decision.refresh_from_db()
    penalty.refresh_from_db()
    assert (decision.publication_due, penalty.publication_due) == (date(2025, 11, 12), date(2025, 10, 24))
