"""Demo: this year's work-plan obligations fulfilled over the months (some late, some missed),
month-end snapshots of the last half year, then the scans, with alert history.

The other apps' demos record what the daily scan would have raised for their late records
(``past_alert``); the alerts the final scan raises here are dated the morning after their due
date, as the daily scan would have raised them, so "since last week" and the monthly trend read
like a portal that has been running for months.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import timezone

from compliance.models import Alert, Frequency, Obligation, ObligationDue
from compliance.obligations import due_check, obligation_dues_ensure
from compliance.scans import deadlines_scan_all
from compliance.snapshots import snapshot_month
from organizations.demo import months_ago
from organizations.models import GRASSROOTS_KINDS, Unit

EVIDENCE = "https://www.example.gov.cn/{unit}/{path}"
SNAPSHOT_MONTHS = 6
SCAN_HOUR = time(7)  # the daily scan runs early in the morning (beat schedule)

# (title, basis, frequency, due date as (month, day) or None, unit codes, or unit kinds, or None for all)
WORK_PLAN = [
    ("政府信息公开工作年度报告", "工作要点 五（三）", Frequency.ONCE, (1, 15), None),
    ("主要负责人听取政务公开工作汇报", "工作要点 六（一）", Frequency.YEARLY, None, None),
    ("政务公开业务培训", "工作要点 六（二）", Frequency.YEARLY, None, None),
    ("城乡低保、特困人员数量和资金支出月度公开", "工作要点 四（三）", Frequency.MONTHLY, None, ["civil-affairs"]),
    ("临时救助人次数和资金支出季度公开", "工作要点 四（三）", Frequency.QUARTERLY, None, ["civil-affairs"]),
    ("基层政务公开标准目录动态调整", "工作要点 一（三）", Frequency.QUARTERLY, None, GRASSROOTS_KINDS),
]


def at_scan_time(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, SCAN_HOUR))


def past_alert(*, rule_code: str, record: Model, unit_id: int | None, due: date, resolved: date) -> None:
    """An alert the daily scan raised the morning after ``due`` and resolved on ``resolved``."""
    Alert.objects.create(
        rule_code=rule_code,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        unit_id=unit_id,
        due_date=due,
        raised_at=at_scan_time(due + timedelta(days=1)),
        resolved_at=at_scan_time(max(resolved, due + timedelta(days=1))),
    )


def fulfil(due: ObligationDue, on: date, path: str, note: str = "") -> None:
    due.fulfilled_on, due.note = on, note
    due.evidence_url = EVIDENCE.format(unit=due.unit.code, path=path)
    due_check(due)
    due.save()


def seed_work_plan(today: date) -> None:
    for title, basis, frequency, due, scope in WORK_PLAN:
        obligation = Obligation.objects.create(
            year=today.year,
            title=title,
            basis=basis,
            frequency=frequency,
            due_on=date(today.year, *due) if due else None,
            unit_kinds=",".join(scope) if scope is GRASSROOTS_KINDS else "",
        )
        if scope and scope is not GRASSROOTS_KINDS:
            obligation.units.set(Unit.objects.filter(code__in=scope))
        obligation_dues_ensure(obligation=obligation)
    dues = ObligationDue.objects.select_related("unit", "obligation").order_by("unit__sort_order", "unit__code")
    # Most units published their annual report on time; the first five did not.
    for due in list(dues.filter(obligation__title="政府信息公开工作年度报告"))[5:]:
        if due.due_on <= today:
            fulfil(due, due.due_on - timedelta(days=3), f"ndbg/{today.year}.html")
    # The monthly 低保 figures: on time, except one month a week late; the last month still open.
    for n, due in enumerate(
        dues.filter(obligation__frequency=Frequency.MONTHLY, due_on__lt=today - timedelta(days=40))
    ):
        late = n == 5
        on = due.due_on + timedelta(days=7) if late else due.due_on - timedelta(days=2)
        fulfil(due, min(on, today), "dibao.html", "统计数据晚于月底报送，逾期7日公开。" if late else "")
    # Quarterly: temporary assistance for past quarters; catalog updates by most townships.
    for n, due in enumerate(dues.filter(obligation__frequency=Frequency.QUARTERLY, due_on__lt=today)):
        if due.obligation.title.startswith("临时救助") or n % 6 != 5:
            fulfil(due, due.due_on - timedelta(days=n % 10), f"mulu/{due.period}.html")
    # This year's training and the head's hearing of the work: done by most units so far.
    for n, due in enumerate(dues.filter(obligation__frequency=Frequency.YEARLY)):
        if n % 3:
            on = min(max(months_ago(today, n % 6, day=20), date(today.year, 1, 2)), today)  # within this year
            fulfil(due, on, f"gongzuo/{today.year}-{due.obligation_id}.html")


def seed(log: callable) -> None:
    today = timezone.localdate()
    if not Obligation.objects.filter(year=today.year).exists():
        seed_work_plan(today)
    frozen = sum(snapshot_month(m.year, m.month) for m in (months_ago(today, k) for k in range(SNAPSHOT_MONTHS, 0, -1)))
    started = timezone.now()
    results = deadlines_scan_all()
    backdate_new_alerts(started)
    log(f"工作要点任务 {Obligation.objects.count()} 项；快照 {frozen} 条；预警 {Alert.objects.count()} 条")
    log("截止期限扫描：" + "，".join(f"{r.rule_code} 新增 {r.raised} 条" for r in results))


def backdate_new_alerts(since: datetime) -> None:
    """Alerts this scan raised for deadlines passed before today: dated as the daily scan would have."""
    fresh = Alert.objects.filter(raised_at__gte=since, due_date__isnull=False, due_date__lt=timezone.localdate())
    for alert in fresh:
        Alert.objects.filter(pk=alert.pk).update(raised_at=at_scan_time(alert.due_date + timedelta(days=1)))
