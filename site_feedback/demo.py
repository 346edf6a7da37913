"""Demo error reports: one answered, one waiting within its 3 working days, one overdue (an alert)."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from organizations.demo import DEMO_PASSWORD
from organizations.models import Role, Unit
from organizations.services import membership_grant
from site_feedback import rules
from site_feedback.models import ErrorReport, ReportKind
from site_feedback.services import openness_office, report_answer, report_submit

OFFICE_LOGIN = "office"

REPORTS = [
    # (page, kind, description, contact, days ago, answer or "")
    (
        "/catalog/",
        ReportKind.OUTDATED,
        "标准目录页“社会救助”领域下，县民政局的目录仍是去年的版本，今年调整后的低保标准没有体现。",
        "",
        15,
        "感谢您的反映。经核实，县民政局已于近日发布新版社会救助领域标准目录，调整后的城乡低保标准已在目录和"
        "公开信息中更新。",
    ),
    (
        "/units/civil-affairs/",
        ReportKind.WRONG_CONTENT,
        "县民政局页面上的联系电话打不通，是不是号码有误？办事时想先电话咨询。",
        "13800138000",
        0,
        "",
    ),
    (
        "/enforcement/",
        ReportKind.BROKEN_LINK,
        "执法公示查询页按“行政许可”筛选后，点下一页没有反应，只能看到第一页。",
        "citizen@example.com",
        20,
        "",
    ),
]


def _office_editor(office: Unit) -> object:
    user, is_new = get_user_model().objects.get_or_create(username=OFFICE_LOGIN, defaults={"is_staff": True})
    if is_new:
        user.set_password(DEMO_PASSWORD)
        user.save()
    membership_grant(user=user, unit=office, role=Role.EDITOR)
    return user


def seed(log: callable) -> None:
    office = openness_office()
    if office is None:
        log("网站找错：没有政务公开办单位，未加载")
        return
    editor = _office_editor(office)
    log(f"  演示账号 {OFFICE_LOGIN} / {DEMO_PASSWORD}  {office.name}信息员（答复网站找错报告）")
    if ErrorReport.objects.exists():
        log(f"网站找错报告：已有 {ErrorReport.objects.count()} 条，未改动")
        return
    today = timezone.localdate()
    for page, kind, description, contact, days_ago, answer in REPORTS:
        report = report_submit(page=page, kind=kind, description=description, contact=contact, host="", client=None)
        received_on = today - timedelta(days=days_ago)
        received_at = timezone.make_aware(datetime.combine(received_on, time(9, 30)))
        due = rules.answer_due(received_on)
        ErrorReport.objects.filter(pk=report.pk).update(received_at=received_at, received_on=received_on, due_date=due)
        if answer:
            report.refresh_from_db()
            report_answer(report=report, answer=answer, by=editor)
            answered_at = timezone.make_aware(datetime.combine(received_on + timedelta(days=1), time(16)))
            ErrorReport.objects.filter(pk=report.pk).update(answered_at=answered_at)
    log(f"网站找错报告：新建 {len(REPORTS)} 条（已答复 1 条，待答复 1 条，逾期 1 条）")
