"""The checks, as the inspectors apply them: what the registries report, judged by ``rules``.

``inspect(today)`` reads every registered provider, the stored probes and link checks, and
returns the findings of the day with the veto items (each with its current count and line) and
the deductions. It writes nothing: ``services.inspection_run`` stores the result.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format

from inspection import rules
from inspection.models import Check, LinkCheck, Probe
from lushan_portal import site_inspection as registry
from lushan_portal.site_identity import site_identity
from lushan_portal.site_inspection import ColumnKind, SiteColumn


@dataclass
class FindingData:
    key: str
    kind: str
    title: str
    unit_id: int | None = None
    evidence: str = ""
    url: str = ""
    admin_url: str = ""
    veto: bool = False
    points: int = 0


@dataclass(frozen=True)
class VetoItem:
    """A single-veto item with its count today and its line (shown even when not reached)."""

    title: str
    count: int | None  # None: not measurable (no data)
    line: int | str
    hit: bool
    note: str = ""


@dataclass(frozen=True)
class Deduction:
    title: str
    points: int
    evidence: list[str]


@dataclass
class Report:
    today: date
    findings: list[FindingData] = field(default_factory=list)
    vetoes: list[VetoItem] = field(default_factory=list)
    deductions: list[Deduction] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be measured, and why

    @property
    def score(self) -> int:
        return max(0, rules.FULL_SCORE - sum(d.points for d in self.deductions))

    @property
    def vetoing(self) -> list[VetoItem]:
        return [v for v in self.vetoes if v.hit]

    @property
    def passed(self) -> bool:
        return not self.vetoing and self.score >= rules.PASS_SCORE


def _day(value: date | None) -> str:
    return date_format(value, "Y-m-d") if value else "日期不详"


def _deduct(report: Report, title: str, findings: list[FindingData], each: int, cap: int | None = None) -> None:
    """Charge ``each`` point per finding up to ``cap``; the findings carry what they cost."""
    if not findings:
        return
    left = cap if cap is not None else each * len(findings)
    for finding in findings:
        finding.points = min(each, left)
        left -= finding.points
    total = sum(f.points for f in findings)
    report.deductions.append(Deduction(title, total, [f"{f.title}（{f.evidence}）" for f in findings]))


# Columns --------------------------------------------------------------------------------------


def all_columns() -> list[SiteColumn]:
    return [column for provider in registry.column_providers().values() for column in provider()]


def check_columns(report: Report, columns: Iterable[SiteColumn]) -> None:
    today = report.today
    stale: list[tuple[SiteColumn, FindingData]] = []
    blank: list[FindingData] = []
    for column in columns:
        # 未涉及 columns are neither blank nor stale; a channel's replies (留言回复) are judged once for
        # the site by check_interaction: a mailbox nobody wrote to is not a blank column.
        if column.not_applicable or column.kind == ColumnKind.INTERACTION:
            continue
        if column.latest is None and not column.undated:
            blank.append(
                FindingData(
                    key=f"blank:{column.code}",
                    kind=Check.COLUMNS,
                    title=f"空白栏目：{column.title}",
                    unit_id=column.unit_id,
                    evidence="栏目没有任何内容（未标注“未涉及”）",
                    url=column.url,
                    admin_url=column.admin_url,
                )
            )
            continue
        limit = rules.freshness_limit(column.kind, today)
        if limit is None:
            continue
        undated_only = column.latest is None
        if undated_only or column.latest < limit:
            latest = "仅有未标日期的信息" if undated_only else f"最近更新 {_day(column.latest)}"
            stale.append(
                (
                    column,
                    FindingData(
                        key=f"stale:{column.code}",
                        kind=Check.COLUMNS,
                        title=f"栏目未按期更新：{column.title}",
                        unit_id=column.unit_id,
                        evidence=f"{latest}，应不早于 {_day(limit)}",
                        url=column.url,
                        admin_url=column.admin_url,
                    ),
                )
            )
    stale_key = [f for c, f in stale if c.key]
    for finding in stale_key:
        finding.veto = True
    report.vetoes.append(
        VetoItem(
            "栏目不更新：动态要闻、通知公告、政策文件等重点栏目未按期更新",
            len(stale_key),
            rules.STALE_KEY_VETO,
            len(stale_key) >= rules.STALE_KEY_VETO,
        )
    )
    report.vetoes.append(
        VetoItem(
            "栏目不更新：应更新而长期未更新的栏目", len(stale), rules.STALE_ANY_VETO, len(stale) >= rules.STALE_ANY_VETO
        )
    )
    report.vetoes.append(VetoItem("栏目不更新：空白栏目", len(blank), rules.BLANK_VETO, len(blank) >= rules.BLANK_VETO))
    by_kind = {
        "policy": [f for c, f in stale if c.kind == ColumnKind.POLICY and c.key],
        "statistics": [f for c, f in stale if c.kind == ColumnKind.STATISTICS],
    }
    counted = {id(f) for group in by_kind.values() for f in group}
    others = [f for _c, f in stale if id(f) not in counted]
    _deduct(
        report,
        f"一级政策文件栏目 {rules.frequency_label(ColumnKind.POLICY)}未更新",
        by_kind["policy"],
        rules.DEDUCT_POLICY_STALE,
    )
    _deduct(
        report,
        f"统计数据栏目 {rules.frequency_label(ColumnKind.STATISTICS)}未更新",
        by_kind["statistics"],
        rules.DEDUCT_STATISTICS_STALE,
    )
    _deduct(report, "其他栏目未按期更新", others, rules.DEDUCT_OTHER_STALE, rules.DEDUCT_OTHER_STALE_MAX)
    _deduct(report, "空白栏目", blank, rules.DEDUCT_BLANK, rules.DEDUCT_BLANK_MAX)
    report.findings += [f for _c, f in stale] + blank


def check_homepage(report: Report) -> None:
    sources = registry.homepage_sources()
    dates = [d for d in (latest() for latest in sources.values()) if d is not None]
    latest = max(dates, default=None)
    hit = rules.homepage_stale(latest, report.today)
    days = (report.today - latest).days if latest else None
    report.vetoes.append(
        VetoItem(
            "首页不更新：连续 2 周无新信息", days, f"{rules.HOMEPAGE_DAYS} 天", hit, f"首页最新信息 {_day(latest)}"
        )
    )
    if hit:
        report.findings.append(
            FindingData(
                key="homepage:stale",
                kind=Check.HOMEPAGE,
                title="首页连续 2 周未更新",
                evidence=f"首页最新信息日期：{_day(latest)}",
                url="/",
                veto=True,
            )
        )


# Interaction and service ----------------------------------------------------------------------


def check_interaction(report: Report) -> None:
    today = report.today
    channels = registry.channels()
    working = [channel for channel in channels if channel.open()]
    report.vetoes.append(VetoItem("互动回应差：无可用的咨询建议渠道", len(working), "至少 1 个", not working))
    if not working:
        report.findings.append(
            FindingData(
                key="interaction:no-channel",
                kind=Check.INTERACTION,
                title="没有可用的咨询建议渠道",
                evidence="没有开放受理的留言渠道（依申请公开、找错不属于咨询建议渠道）",
                veto=True,
            )
        )
    late = []
    since = today - timedelta(days=rules.MESSAGE_LOOKBACK_DAYS)
    for channel in channels:
        for message in channel.red_line_findings(since, today):
            answered = f"于 {_day(message.answered_on)} 答复" if message.answered_on else "至今未答复"
            late.append(
                FindingData(
                    key=f"message:{channel.code}:{message.reference}",
                    kind=Check.INTERACTION,
                    title=f"留言超过 3 个月未答复：{message.title}",
                    unit_id=message.unit_id,
                    evidence=f"{channel.title} {message.reference}，{_day(message.received_on)} 收到，{answered}",
                    url=channel.url,
                    admin_url=message.admin_url,
                    veto=True,
                )
            )
    report.vetoes.append(VetoItem("互动回应差：近一年有效留言超过 3 个月未答复", len(late), 1, bool(late)))
    # The site's 留言回复 as the inspectors read it: the newest reply published on any channel.
    stale_replies = []
    newest = max((day for day in (channel.last_reply_on() for channel in channels) if day), default=None)
    if channels and (newest is None or newest < rules.freshness_limit(ColumnKind.INTERACTION, today)):
        stale_replies.append(
            FindingData(
                key="replies:site",
                kind=Check.INTERACTION,
                title=f"留言回复 {rules.frequency_label(ColumnKind.INTERACTION)}未更新",
                evidence=f"各渠道最近公开答复 {_day(newest)}",
                url=channels[0].url,
            )
        )
    _deduct(
        report,
        f"留言回复 {rules.frequency_label(ColumnKind.INTERACTION)}未更新",
        stale_replies,
        rules.DEDUCT_REPLIES_STALE,
    )
    report.findings += late + stale_replies


def check_service(report: Report) -> None:
    sources = registry.guide_sources()
    if not sources:
        report.vetoes.append(VetoItem("服务不实用：办事指南", None, "要素齐全", False, "未接入办事指南，暂无法检查"))
        report.notes.append("办事服务：尚未接入办事指南，无法检查。")
        return
    count = sum(source.count() for source in sources)
    incomplete = [(s, g) for s in sources for g in s.incomplete()]
    findings = [
        FindingData(
            key=f"guide:{source.code}:{guide.url or guide.title}",
            kind=Check.SERVICE,
            title=f"办事指南要素缺失：{guide.title}",
            unit_id=guide.unit_id,
            evidence="缺少：" + "、".join(guide.missing),
            url=guide.url,
            admin_url=guide.admin_url,
            veto=True,
        )
        for source, guide in incomplete
    ]
    if count == 0:
        findings.append(
            FindingData(
                key="guide:none", kind=Check.SERVICE, title="没有办事服务", evidence="未发布任何办事指南", veto=True
            )
        )
    report.vetoes.append(
        VetoItem(
            "服务不实用：无办事服务或办事指南要素缺失",
            len(incomplete),
            1,
            bool(incomplete) or count == 0,
            f"已发布办事指南 {count} 项",
        )
    )
    report.findings += findings


# Links, availability, security ----------------------------------------------------------------


def check_links(report: Report) -> None:
    home = rules.site_url()
    homepage, other = [], []
    for link in LinkCheck.objects.filter(broken=True).order_by("url"):
        answer = f"状态码 {link.status}" if link.status else link.error
        checked_on = _day(timezone.localdate(link.checked_at))
        for source in link.sources or [{"title": "网站地图", "url": "/sitemap.xml", "unit_id": None}]:
            on_home = source.get("url") in ("/", home)
            finding = FindingData(
                key=f"link:{link.url}|{source.get('url', '')}"[:500],
                kind=Check.LINKS,
                title=f"{'首页' if on_home else '页面'}有失效链接：{source.get('title') or source.get('url')}",
                unit_id=source.get("unit_id"),
                evidence=f"{link.url}（{link.get_scope_display()}，{answer}，{checked_on} 检查）",
                url=source.get("url", ""),
                admin_url=source.get("admin_url", ""),
            )
            (homepage if on_home else other).append(finding)
    if homepage:
        report.deductions.append(
            Deduction("首页有失效链接", rules.DEDUCT_HOMEPAGE_BROKEN_LINK, [f.evidence for f in homepage])
        )
        homepage[0].points = rules.DEDUCT_HOMEPAGE_BROKEN_LINK
    _deduct(report, "其他页面有失效链接", other, rules.DEDUCT_BROKEN_LINK, rules.DEDUCT_BROKEN_LINK_MAX)
    report.findings += homepage + other


def month_probes(today: date) -> tuple[int, int]:
    """(probes, failed or slower than 15 s) in ``today``'s month. One aggregate query."""
    start = today.replace(day=1)
    figures = Probe.objects.filter(at__date__gte=start, at__date__lte=today).aggregate(
        total=Count("pk"), failed=Count("pk", filter=Q(ok=False))
    )
    return figures["total"], figures["failed"]


def check_availability(report: Report) -> None:
    total, failed = month_probes(report.today)
    vetoes = rules.probe_failed_share_vetoes(failed, total)
    share = f"{failed * 100 / total:.1f}%" if total else "—"
    note = f"本月探测 {total} 次，{failed} 次超过 {rules.PROBE_TIMEOUT_SECONDS} 秒或打不开（{share}）"
    if vetoes is None:
        note += f"；不足 {rules.PROBE_MIN_COUNT} 次，尚不足以判断"
    report.vetoes.append(
        VetoItem(
            "站点无法访问：首页 15 秒内打不开的比例",
            failed if total else None,
            f"{rules.PROBE_FAIL_PERCENT}%",
            bool(vetoes),
            note,
        )
    )
    if vetoes:
        report.findings.append(
            FindingData(
                key="availability:month",
                kind=Check.AVAILABILITY,
                title="首页无法访问比例超过 5%",
                evidence=note,
                url="/",
                veto=True,
            )
        )


def check_security(report: Report) -> None:
    probe = Probe.objects.order_by("-at").first()
    identity = site_identity()
    missing = [
        label for label, value in (("网站标识码", identity.id_code), ("ICP备案号", identity.icp_record)) if not value
    ]
    if probe is not None and not probe.identity and not missing:
        missing = ["页脚未显示网站标识码或备案号"]
    items: list[FindingData] = []
    if missing:
        items.append(
            FindingData(
                key="security:identity",
                kind=Check.SECURITY,
                title="网站标识不全",
                evidence="缺少：" + "、".join(missing),
                url="/",
                points=rules.DEDUCT_IDENTITY,
            )
        )
    if probe is None:
        report.notes.append("HTTPS、HSTS：尚无探测记录，未测。")
    else:
        seen = f"{timezone.localtime(probe.at):%Y-%m-%d %H:%M} 探测 {probe.url}"
        if not probe.https:
            items.append(
                FindingData(
                    key="security:https",
                    kind=Check.SECURITY,
                    title="首页未使用 HTTPS",
                    evidence=seen,
                    url="/",
                    points=rules.DEDUCT_HTTPS,
                )
            )
        elif not probe.hsts:
            items.append(
                FindingData(
                    key="security:hsts",
                    kind=Check.SECURITY,
                    title="HTTPS 未启用 HSTS",
                    evidence=seen,
                    url="/",
                    points=rules.DEDUCT_HSTS,
                )
            )
        if not probe.search_entry:
            items.append(
                FindingData(
                    key="security:search",
                    kind=Check.SECURITY,
                    title="首页没有搜索入口",
                    evidence=seen,
                    url="/",
                    points=rules.DEDUCT_NO_SEARCH,
                )
            )
        if not probe.feedback_entry:
            items.append(
                FindingData(
                    key="security:feedback",
                    kind=Check.SECURITY,
                    title="首页没有“我为政府网站找错”入口",
                    evidence=seen,
                    url="/",
                    points=rules.DEDUCT_NO_FEEDBACK_ENTRY,
                )
            )
    if not settings.INSPECTION_IPV6:
        report.notes.append("IPv6 可访问性：本机无法测量（需在有 IPv6 的机器上设置 INSPECTION_IPV6 后探测）。")
    elif probe is not None and probe.ipv6 is False:
        report.notes.append("IPv6 可访问性：最近一次探测无法通过 IPv6 访问首页。")
    for item in items:
        report.deductions.append(Deduction(item.title, item.points, [item.evidence]))
    report.findings += items


# Content --------------------------------------------------------------------------------------


def check_content(report: Report) -> None:
    expressions = rules.wrong_expressions()
    faked, wrong, undated = [], [], []
    for source in registry.content_sources():
        for record in source.records():
            where = dict(unit_id=record.unit_id, url=record.url, admin_url=record.admin_url)
            created_on = timezone.localdate(record.created_at)
            if rules.is_backdated(record.published_on, created_on, record.backfilled):
                faked.append(
                    FindingData(
                        key=f"backdated:{record.url}",
                        kind=Check.CONTENT,
                        title=f"发布日期疑似倒签：{record.title}",
                        evidence=f"发布日期 {_day(record.published_on)}，录入于 {_day(created_on)}，未标注补录",
                        veto=True,
                        **where,
                    )
                )
            if record.published_on is None:
                undated.append(
                    FindingData(
                        key=f"undated:{record.url}",
                        kind=Check.CONTENT,
                        title=f"页面未标注日期：{record.title}",
                        evidence="发布日期不详",
                        **where,
                    )
                )
            found = [e for e in expressions if e in record.title or e in record.text]
            if found:
                wrong.append(
                    FindingData(
                        key=f"wording:{record.url}",
                        kind=Check.CONTENT,
                        title=f"严重表述错误：{record.title}",
                        evidence="出现：" + "、".join(found),
                        veto=True,
                        **where,
                    )
                )
    report.vetoes.append(VetoItem("严重表述错误", len(wrong), 1, bool(wrong)))
    report.vetoes.append(
        VetoItem(
            "内容虚假：发布日期倒签（未标注补录）",
            len(faked),
            1,
            bool(faked),
            f"允许提前 {rules.backdate_limit_days()} 天",
        )
    )
    _deduct(report, "页面未标注日期", undated, rules.DEDUCT_UNDATED, rules.DEDUCT_UNDATED_MAX)
    report.findings += faked + wrong + undated


def inspect(today: date) -> Report:
    report = Report(today=today)
    check_columns(report, all_columns())
    check_homepage(report)
    check_interaction(report)
    check_service(report)
    check_links(report)
    check_availability(report)
    check_content(report)
    check_security(report)
    return report
