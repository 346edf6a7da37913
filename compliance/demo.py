"""Demo: this year's work-plan obligations with some fulfilled, last month frozen, then the scans."""

from datetime import date, timedelta

from django.utils import timezone

from compliance.models import Frequency, Obligation, ObligationDue
from compliance.obligations import obligation_dues_ensure
from compliance.scans import deadlines_scan_all
from compliance.snapshots import previous_month, snapshot_month
from organizations.models import Unit

# (title, basis, frequency, due date as (month, day) or None, unit codes or None for all)
WORK_PLAN = [
    ("政府信息公开工作年度报告", "工作要点 五（三）", Frequency.ONCE, (1, 15), None),
    ("主要负责人听取政务公开工作汇报", "工作要点 六（一）", Frequency.YEARLY, None, None),
    ("政务公开业务培训", "工作要点 六（二）", Frequency.YEARLY, None, None),
    ("城乡低保、特困人员数量和资金支出月度公开", "工作要点 四（三）", Frequency.MONTHLY, None, ["civil-affairs"]),
    ("临时救助人次数和资金支出季度公开", "工作要点 四（三）", Frequency.QUARTERLY, None, ["civil-affairs"]),
]


def seed(log: callable) -> None:
    today = timezone.localdate()
    if not Obligation.objects.filter(year=today.year).exists():
        for title, basis, frequency, due, codes in WORK_PLAN:
            obligation = Obligation.objects.create(
                year=today.year,
                title=title,
                basis=basis,
                frequency=frequency,
                due_on=date(today.year, *due) if due else None,
            )
            if codes:
                obligation.units.set(Unit.objects.filter(code__in=codes))
            obligation_dues_ensure(obligation=obligation)
        # Most units published their annual report on time; a few did not.
        reports = ObligationDue.objects.filter(obligation__title="政府信息公开工作年度报告").order_by(
            "unit__sort_order"
        )
        for due in list(reports)[5:]:
            due.fulfilled_on = due.due_on - timedelta(days=3)
            due.evidence_url = f"https://www.example.gov.cn/{due.unit.code}/ndbg/{today.year}.html"
            due.save()
        monthly = ObligationDue.objects.filter(
            obligation__frequency=Frequency.MONTHLY, due_on__lt=today - timedelta(days=40)
        )
        for due in monthly:
            due.fulfilled_on, due.evidence_url = due.due_on, "https://www.example.gov.cn/mzj/dibao.html"
            due.save()
    frozen = snapshot_month(*previous_month(today))
    results = deadlines_scan_all()
    log(f"工作要点任务 {Obligation.objects.count()} 项；快照 {frozen} 条")
    log("截止期限扫描：" + "，".join(f"{r.rule_code} 新增 {r.raised} 条" for r in results))
