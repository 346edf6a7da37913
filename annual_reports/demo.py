"""Demo: last year's reports, published in January for the county government (by the openness
office) and for two departments, their figures computed from the demo data as the providers find
it; one department's second version corrects a figure with its reason."""

from datetime import date, datetime, time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from annual_reports import services
from annual_reports.models import AnnualReport
from organizations.models import Unit
from publication_review.demo import unit_reviewer

OVERVIEW = (
    "{year}年，{owner}深入贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作和群众关切，"
    "推进决策、执行、管理、服务、结果公开。主动公开方面，通过本平台发布政策文件、执法决定和各领域基层政务公开事项；"
    "依申请公开方面，畅通网上、信函和政务服务中心窗口等渠道，按期答复；政府信息管理方面，落实公开前审查；"
    "平台建设方面，规范政府信息公开专栏；监督保障方面，将政务公开纳入年度工作考核。"
)
PROBLEMS = "部分信息公开不够及时，政策解读形式较单一。下一步将加强业务培训，完善公开审查机制，丰富解读形式。"
OTHER = "本年度无其他需要报告的事项。"


def _publish(unit: Unit, *, county: bool, year: int, editor, reviewer, fee: Decimal | None) -> AnnualReport:
    report = services.report_start(unit=unit, year=year, is_county=county, by=editor)
    owner = unit.parent.name if county and unit.parent else unit.name
    report.overview, report.problems, report.other_matters = OVERVIEW.format(year=year, owner=owner), PROBLEMS, OTHER
    report.fee_amount = fee
    report.save()
    services.report_submit(report=report, by=editor)
    return services.report_review(report=report, by=reviewer, approve=True)


def _backdate(report: AnnualReport, day: date) -> None:
    at = timezone.make_aware(datetime.combine(day, time(16)))
    AnnualReport.objects.filter(pk=report.pk).update(published_at=at, submitted_at=at)


def seed(log: callable) -> None:
    if AnnualReport.objects.exists():
        log(f"年度报告：已有 {AnnualReport.objects.count()} 份，未改动")
        return
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["admin", "editor-a", "reviewer"])}
    units = {u.code: u for u in Unit.objects.filter(code__in=["gov-office", "civil-affairs", "natural-resources"])}
    if len(users) < 3 or len(units) < 3:
        log("年度报告：缺少演示单位或账号，未加载")
        return
    year = timezone.localdate().year - 1
    admin, editor, reviewer = users["admin"], users["editor-a"], users["reviewer"]
    civil = _publish(units["civil-affairs"], county=False, year=year, editor=editor, reviewer=reviewer, fee=None)
    _backdate(civil, date(year + 1, 1, 12))
    resources = _publish(
        units["natural-resources"],
        county=False,
        year=year,
        editor=admin,
        reviewer=unit_reviewer(units["natural-resources"]),
        fee=Decimal("12.6"),
    )
    _backdate(resources, date(year + 1, 1, 14))
    office = units["gov-office"]
    county = _publish(office, county=True, year=year, editor=admin, reviewer=unit_reviewer(office), fee=Decimal("12.6"))
    _backdate(county, date(year + 1, 1, 28))
    # A correction: 县民政局 adds the fee amount it had left blank, as version 2.
    second = services.report_new_version(report=civil, by=editor)
    second.fee_amount = Decimal("0")
    second.change_note = "补填表二“行政事业性收费”金额：本年度未收取行政事业性收费。"
    second.save()
    services.report_submit(report=second, by=editor)
    second = services.report_review(report=second, by=reviewer, approve=True)
    _backdate(second, date(year + 1, 2, 3))
    log(f"年度报告：{year} 年县政府、县民政局（含更正版本）、县自然资源局的年度报告已发布")
