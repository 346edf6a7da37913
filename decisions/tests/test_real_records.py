"""Real consultations as they come: titles, windows as notices word them, kinds, offline comments,
reports with counts not stated, records entered after the fact with unknown dates."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from compliance.registry import incomplete_counts, incomplete_kinds
from decisions import services, wording
from decisions.deadlines import INCOMPLETE, reports_counts_not_stated, shortened_windows
from decisions.models import Channel, Comment, Kind, MajorDecision, OfflineComments, WindowForm
from decisions.rules import is_short
from decisions.services import decision_save, feedback_publish
from decisions.tests.factories import consultation
from publication_review.testing import reviewed

pytestmark = pytest.mark.django_db
SUNSHINE = "阳光大街中修道路工程设计方案"
SUNSHINE_NOTICE = f"关于《{SUNSHINE}》公开征求意见"


def recorded(unit, **fields) -> MajorDecision:
    values = {"year": 2020, "title": SUNSHINE, "entered_after_fact": True}
    return decision_save(decision=MajorDecision(unit=unit, **{**values, **fields}))


def report(decision, **overrides) -> MajorDecision:
    values = {"received": None, "adopted": None, "not_adopted": None, "main_views": "观点", "reasons": ""}
    return feedback_publish(decision=reviewed(decision), **{**values, **overrides})


@pytest.mark.parametrize(
    "subject",
    [SUNSHINE, f"《{SUNSHINE}》", f"《《{SUNSHINE}》》", SUNSHINE_NOTICE, f"《{SUNSHINE}》公开征求意见"],
)
def test_a_blank_title_is_built_from_the_subject_without_doubling(subject):
    assert wording.notice_title(Kind.DRAFT, subject, 2020) == SUNSHINE_NOTICE


def test_brackets_inside_the_subject_are_kept_and_not_wrapped_again():
    subject = "《鲁山县物业管理办法》修订"
    assert wording.notice_title(Kind.DRAFT, subject, 2025) == "关于《鲁山县物业管理办法》修订公开征求意见"
    both = "《鲁山县物业管理办法》与《实施细则》"
    assert wording.notice_title(Kind.DRAFT, both, 2025) == f"关于{both}公开征求意见"


def test_the_page_shows_the_notice_title_once(client, unit_a):
    decision = recorded(unit_a, title=SUNSHINE_NOTICE)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert f"<h1>{SUNSHINE_NOTICE}</h1>" in page and "《《" not in page
    entered = consultation(unit_a, title="x", notice_title="鲁山县人民政府关于老旧小区改造的公告")
    assert entered.heading == "鲁山县人民政府关于老旧小区改造的公告"


def test_a_draft_needs_a_subject_or_a_title(unit_a):
    with pytest.raises(ValidationError) as error:
        consultation(unit_a, title="  ")
    assert error.value.message_dict["title"] == [services.ERROR_NO_SUBJECT]


def test_from_publication_starts_on_the_publication_date_and_reads_as_worded(client, unit_a):
    decision = consultation(
        unit_a,
        window_form=WindowForm.FROM_PUBLICATION,
        window_wording="即日起至11月9日",
        published_on=date(2025, 10, 10),
        opens_on=None,
        closes_on=date(2025, 11, 9),
    )
    assert decision.opens_on == date(2025, 10, 10) and decision.window_days == 31
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "即日起至11月9日" in page and "即日起，即公告发布之日" in page and "2025-10-10" in page


def test_from_publication_run_here_needs_the_publication_date(unit_a):
    with pytest.raises(ValidationError) as error:
        consultation(unit_a, window_form=WindowForm.FROM_PUBLICATION, opens_on=None, closes_on=date(2025, 12, 10))
    assert error.value.message_dict["published_on"] == [services.ERROR_PUBLISHED_REQUIRED]


@pytest.mark.parametrize(("before", "days", "short"), [(date(2025, 10, 30), 29, True), (date(2025, 10, 31), 30, False)])
def test_an_end_date_only_means_the_day_before(unit_a, before, days, short):
    fields = {"window_form": WindowForm.BEFORE, "ends_before": before, "closes_on": None}
    if short:
        with pytest.raises(ValidationError, match="不少于30日"):
            consultation(unit_a, **fields)
        return
    decision = consultation(unit_a, **fields)
    assert decision.closes_on == date(2025, 10, 30) and decision.window_days == days
    decision_save(decision=decision)  # saved again: the last day does not move
    assert MajorDecision.objects.get(pk=decision.pk).closes_on == date(2025, 10, 30)


def test_the_end_date_wording_is_shown_exactly(client, unit_a):
    decision = recorded(
        unit_a, window_form=WindowForm.BEFORE, window_wording="2020年11月28日前", ends_before=date(2020, 11, 28)
    )
    assert decision.closes_on == date(2020, 11, 27) and decision.opens_on is None
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "2020年11月28日前" in page and "2020-11-27" in page
    assert wording.DATE_UNKNOWN in page  # the start is unknown, not today
    assert timezone.localdate().strftime("%Y-%m-%d") not in page.split("征求意见期限")[1].split("</dd>")[0]


@pytest.mark.parametrize(("closes", "days", "short"), [(29, 29, True), (30, 30, False), (31, 31, False)])
def test_thirty_calendar_days_at_the_edges(closes, days, short):
    opens = date(2025, 10, 1)
    assert is_short(opens, date(2025, 10, closes)) is short


def test_a_holiday_inside_the_window_changes_nothing(unit_a):
    # National Day week lies inside: still 30 calendar days, accepted without a reason.
    decision = consultation(unit_a, opens_on=date(2025, 9, 20), closes_on=date(2025, 10, 19))
    assert decision.window_days == 30 and not decision.is_shortened


def test_a_short_window_entered_after_the_fact_carries_not_stated_and_stays_flagged(unit_a):
    window = {"opens_on": date(2020, 11, 10), "closes_on": date(2020, 11, 24)}
    with pytest.raises(ValidationError) as error:
        recorded(unit_a, **window)
    assert error.value.message_dict["shortened_reason"] == [services.ERROR_WINDOW_SHORT_RECORDED % {"days": 30}]
    decision = recorded(unit_a, shortened_reason=wording.REASON_NOT_STATED, **window)
    assert decision in shortened_windows(date(2025, 10, 20))


def test_not_stated_is_no_reason_for_a_consultation_run_here(unit_a):
    with pytest.raises(ValidationError) as error:
        consultation(unit_a, closes_on=date(2025, 10, 20), shortened_reason=wording.REASON_NOT_STATED)
    assert error.value.message_dict["shortened_reason"] == [services.ERROR_REASON_NOT_STATED_HERE]


def test_unknown_dates_stay_unknown_and_the_page_says_so(client, unit_a):
    decision = recorded(unit_a)
    stored = MajorDecision.objects.get(pk=decision.pk)
    assert (stored.published_on, stored.opens_on, stored.closes_on) == (None, None, None)
    assert stored.entered_at is not None  # entered now: only the portal's own time is stamped
    page = client.get(decision.get_absolute_url()).content.decode()
    assert page.count(wording.DATE_UNKNOWN) >= 3 and "本网站不接收意见" in page


def test_no_comments_are_taken_here_for_a_consultation_run_elsewhere(unit_a):
    decision = recorded(unit_a, opens_on=date(2025, 10, 1), closes_on=date(2025, 10, 30))
    with pytest.raises(ValidationError, match=services.ERROR_NOT_HERE):
        services.comment_submit(decision_id=decision.pk, body="意见", client="198.51.100.7")
    assert not Comment.objects.exists()


def test_a_call_for_proposals_appears_with_the_catalog_year_it_feeds(client, unit_a):
    call = consultation(unit_a, kind=Kind.CATALOG_CALL, title="", year=2026)
    item = consultation(unit_a, title="鲁山县城区供水价格调整方案", year=2026)
    assert call.heading == "关于公开征集2026年度重大行政决策事项的公告"
    page = client.get(reverse("decisions:year", args=[2026])).content.decode()
    table, calls = page.split("2026年度目录事项征集")
    assert str(item) in table and call.heading not in table and call.heading in calls
    assert call.heading not in client.get(reverse("decisions:year", args=[2025])).content.decode()


def test_offline_comments_count_toward_received_and_the_report(client, unit_a):
    decision = consultation(unit_a, opens_on=date(2025, 9, 1), closes_on=date(2025, 9, 30))
    Comment.objects.create(decision=decision, body="网上意见", fingerprint="a", status="approved")
    OfflineComments.objects.create(decision=decision, channel=Channel.LETTER, count=2, summary="建议分段施工")
    OfflineComments.objects.create(decision=decision, channel=Channel.SYMPOSIUM, count=4)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "已收到意见 7 条" in page and "信函" in page and "建议分段施工" in page
    with pytest.raises(ValidationError, match="网上 1 条，其他渠道 6 条"):
        report(decision, received=1, adopted=0, not_adopted=1)
    assert report(decision, received=7, adopted=3, not_adopted=4).report_received == 7


def test_an_offline_summary_with_personal_data_is_refused(unit_a):
    decision = consultation(unit_a)
    summary = OfflineComments(decision=decision, channel=Channel.PHONE, count=1, summary="来电人手机13912345678")
    with pytest.raises(ValidationError) as error:
        summary.full_clean()
    assert error.value.message_dict["summary"][0].startswith("意见摘要不得含个人信息")


def test_a_report_entered_after_the_fact_may_leave_counts_and_date_unknown(client, unit_a):
    decision = report(recorded(unit_a, opens_on=date(2020, 11, 1), closes_on=date(2020, 11, 30)))
    assert decision.report_published_on is None and decision.feedback_published_at is not None
    page = client.get(decision.get_absolute_url()).content.decode()
    assert wording.NOT_STATED in page and wording.COUNTS_NOT_STATED in page
    value = reports_counts_not_stated(date(2020, 7, 1), date(2020, 12, 31))[unit_a.pk]
    assert (value.numerator, value.denominator, value.met) == (1, 1, False)
    api = client.get(f"/api/major-decisions/{decision.pk}/").json()["feedback_report"]
    assert api["received"] is None and api["published_on"] is None


def test_the_report_date_entered_is_kept_and_checked(unit_a):
    decision = recorded(unit_a, opens_on=date(2020, 11, 1), closes_on=date(2020, 11, 30))
    with pytest.raises(ValidationError) as error:
        report(decision, published_on=date(2020, 11, 29))
    assert error.value.message_dict["report_published_on"] == [services.ERROR_REPORT_BEFORE_CLOSE]
    assert report(decision, published_on=date(2020, 12, 15), received=3).report_published_on == date(2020, 12, 15)


def test_a_report_run_here_states_every_count_and_is_dated_today(unit_a):
    decision = consultation(unit_a, opens_on=date(2025, 9, 1), closes_on=date(2025, 9, 30))
    with pytest.raises(ValidationError, match=services.ERROR_REPORT_COUNTS):
        report(decision, received=0)
    published = report(decision, received=0, adopted=0, not_adopted=0, published_on=date(2025, 10, 1))
    assert published.report_published_on == date(2025, 10, 20)  # published here, today


def test_records_with_unknown_fields_are_counted_for_supervisors(unit_a, unit_b):
    assert INCOMPLETE in {kind.code for kind in incomplete_kinds()}
    unknown = recorded(unit_a, opens_on=date(2020, 11, 1), closes_on=date(2020, 11, 30))
    report(
        consultation(unit_b, opens_on=date(2025, 9, 1), closes_on=date(2025, 9, 30)),
        received=0,
        adopted=0,
        not_adopted=0,
    )
    assert incomplete_counts()[INCOMPLETE] == {unit_a.pk: 1}
    kind = next(k for k in incomplete_kinds() if k.code == INCOMPLETE)
    assert kind.missing(unknown) == ["公告发布日期不详"]
    report(unknown)
    assert "收到意见数未说明" in kind.missing(MajorDecision.objects.get(pk=unknown.pk))


def test_existing_rows_migrate_as_run_here_with_their_known_dates(unit_a):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("decisions.migrations.0003_real_records")
    decision = consultation(unit_a, opens_on=date(2025, 9, 1), closes_on=date(2025, 9, 30))
    first = decision.history.earliest().history_date
    late_evening_utc = datetime(2025, 10, 9, 20, 0, tzinfo=UTC)  # 10 October in Lushan
    MajorDecision.objects.filter(pk=decision.pk).update(
        entered_at=None, report_published_on=None, feedback_published_at=late_evening_utc
    )
    migration.keep_existing_meaningful(apps, None)
    stored = MajorDecision.objects.get(pk=decision.pk)
    assert stored.entered_at == first and stored.report_published_on == date(2025, 10, 10)
    assert not stored.entered_after_fact and stored.kind == Kind.DRAFT and stored.opens_on == date(2025, 9, 1)


def test_staff_record_a_report_after_the_fact_leaving_counts_blank(client, unit_a, editor_a):
    decision = reviewed(recorded(unit_a, opens_on=date(2020, 11, 1), closes_on=date(2020, 11, 30)))
    client.force_login(editor_a)
    assert client.get(reverse("admin:decisions_majordecision_change", args=[decision.pk])).status_code == 200
    url = reverse("admin:decisions_majordecision_feedback", args=[decision.pk])
    data = {"received": "", "adopted": "", "not_adopted": "", "published_on": "", "main_views": "观点", "reasons": "无"}
    assert client.post(url, data).status_code == 302
    stored = MajorDecision.objects.get(pk=decision.pk)
    assert stored.report_received is None and stored.report_published_on is None and stored.feedback_published_at


def test_a_call_for_proposals_is_no_decision_for_the_attendance_rule(unit_a):
    from decisions.deadlines import stakeholder_attendance

    consultation(unit_a, kind=Kind.CATALOG_CALL, title="", year=2025)
    assert unit_a.pk not in stakeholder_attendance(date(2025, 7, 1), date(2025, 12, 31))
    consultation(unit_a, year=2025)
    assert unit_a.pk in stakeholder_attendance(date(2025, 7, 1), date(2025, 12, 31))
