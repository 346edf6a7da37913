"""Demo guides, tasks and rectifications, dated from the day the demo is loaded.

- 全生命周期 themes for 个人 and 法人, and ten guides of six units under them, published after a
  review; one corrected (its note shown), and 县住建局's 施工许可 still a draft lacking its materials
  and steps (the indicator's shortfall, listed as incomplete).
- This year's 政府工作报告 tasks and 民生实事 with reports for every past period: most on time, one
  late, one still missing (an alert); last year's, completed.
- 督查 and 审计 findings: rectified on time, rectified late, open within the deadline, overdue.
"""

from datetime import date, timedelta

from django.utils import timezone

from administration.guides_services import guide_correct, guide_publish, guide_save
from administration.models import (
    Audience,
    FeeMode,
    GuideMaterial,
    GuideStep,
    LifeEvent,
    MaterialForm,
    ProgressReport,
    Rectification,
    ServiceGuide,
    WorkTask,
)
from administration.rectification_services import rectification_complete, rectification_publish, rectification_save
from administration.tasks_services import open_report_periods, report_publish, report_submit, task_publish, task_save
from organizations.models import Unit
from publication_review.demo import demo_review

THEMES = [
    ("birth", "出生", Audience.PERSON),
    ("school", "上学", Audience.PERSON),
    ("employment", "就业创业", Audience.PERSON),
    ("marriage", "婚育", Audience.PERSON),
    ("hardship", "困难帮扶", Audience.PERSON),
    ("retirement", "退休养老", Audience.PERSON),
    ("start-business", "开办企业", Audience.ENTITY),
    ("licences", "经营许可", Audience.ENTITY),
    ("construction", "工程建设", Audience.ENTITY),
]
CENTRE = "鲁山县政务服务中心（民主路66号）一楼"
HOURS = "周一至周五（法定节假日除外）上午8:30–12:00，下午15:00–18:00"
ID = ("居民身份证", MaterialForm.ORIGINAL, "公安部门", True)
HUKOU = ("户口簿", MaterialForm.BOTH, "公安部门", True)
LICENCE = ("营业执照", MaterialForm.COPY, "市场监管部门", True)
APPLY, ACCEPT, DECIDE, DELIVER = "申请", "受理", "审查决定", "送达"
# (unit, name, themes, basis, conditions, materials, steps, legal, promised, fee, window, delivery)
GUIDES = [
    (
        "civil-affairs", "最低生活保障审核确认", ["hardship"],
        "《社会救助暂行办法》第九条至第十四条；《河南省最低生活保障审核确认办法》",
        "共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定的本县户籍居民家庭。",
        [("最低生活保障申请书", MaterialForm.ORIGINAL, "窗口提供样表", False), ID, HUKOU,
         ("家庭收入和财产状况声明", MaterialForm.ORIGINAL, "申请人自备", False),
         ("家庭经济状况核对授权书", MaterialForm.ORIGINAL, "窗口提供", False)],
        [(APPLY, "向户籍所在地乡镇（街道）或政务服务中心社会救助窗口提出书面申请。"),
         (ACCEPT, "材料齐全的当场受理；不全的一次性告知需要补正的全部内容。"),
         ("调查核实", "入户调查，开展家庭经济状况信息核对。"), ("公示", "在申请人所在村（社区）公示 7 天。"),
         (DECIDE, "县民政局审核确认；不予确认的书面说明理由。")],
        30, 20, None, "社会救助窗口", "窗口领取或邮寄送达",
    ),
    (
        "civil-affairs", "临时救助", ["hardship"], "《社会救助暂行办法》第四十七条至第五十条",
        "因火灾、交通事故等意外事件或家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人。",
        [("临时救助申请书", MaterialForm.ORIGINAL, "窗口提供样表", False), ID,
         ("遭遇困难的证明材料", MaterialForm.COPY, "医院、事故处理部门等", False)],
        [(APPLY, "向乡镇（街道）提出申请；情况紧急的可先行救助。"), (ACCEPT, "当场受理。"),
         (DECIDE, "乡镇（街道）审核，县民政局审批。"), ("发放", "救助金打入申请人社会保障卡。")],
        15, 10, None, "社会救助窗口", "救助金直接发放到账",
    ),
    (
        "civil-affairs", "内地居民结婚登记", ["marriage"], "《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》",
        "男女双方完全自愿，男不早于二十二周岁、女不早于二十周岁，双方均无配偶，无禁止结婚的亲属关系。",
        [ID, HUKOU, ("本人近期半身免冠合影照片", MaterialForm.ORIGINAL, "申请人自备", False)],
        [(APPLY, "男女双方共同到婚姻登记处提出申请。"), (DECIDE, "登记员当场审查。"),
         ("颁证", "符合条件的当场登记，颁发结婚证。")],
        0, 0, None, "县婚姻登记处（民政局一楼）", "当场领取",
    ),
    (
        "health", "出生医学证明首次签发", ["birth"], "《中华人民共和国母婴保健法》第二十三条",
        "在本县依法取得助产技术服务资质的医疗机构内出生的新生儿。",
        [("父母双方居民身份证", MaterialForm.ORIGINAL, "公安部门", True),
         ("新生儿出生信息登记表", MaterialForm.ORIGINAL, "助产机构", False)],
        [(APPLY, "在出生的医疗机构提出申请。"), (DECIDE, "核对出生信息。"), ("签发", "当场签发。")],
        0, 0, None, "新生儿出生的助产机构", "当场领取",
    ),
    (
        "education", "义务教育阶段新生入学登记", ["school"], "《中华人民共和国义务教育法》第十二条",
        "适龄儿童少年，户籍或父母居住证在本县划定的学区内。",
        [HUKOU, ("房产证或租赁合同", MaterialForm.COPY, "申请人自备", False),
         ("预防接种证", MaterialForm.ORIGINAL, "接种单位", False)],
        [("网上报名", "在规定时间内登录县招生平台填报信息。"), ("资格审核", "学校审核材料。"),
         ("公布结果", "县教育体育局统一公布录取结果。")],
        20, 15, None, "各学区学校招生办公室", "网上查询，学校通知",
    ),
    (
        "human-resources", "失业保险金申领", ["employment"], "《失业保险条例》第十四条至第十六条",
        "非因本人意愿中断就业、已办理失业登记并有求职要求，失业前参加失业保险且缴费满一年。",
        [ID, ("社会保障卡", MaterialForm.ORIGINAL, "人社部门", True)],
        [(APPLY, "线上或到窗口申领。"), (DECIDE, "经办机构审核。"), ("发放", "按月发放到社会保障卡。")],
        10, 5, None, "人社服务窗口", "按月发放到账",
    ),
    (
        "human-resources", "职工正常退休审批", ["retirement"], "《国务院关于工人退休、退职的暂行办法》",
        "达到法定退休年龄且基本养老保险累计缴费满十五年的企业职工。",
        [ID, ("职工退休审批表", MaterialForm.ORIGINAL, "所在单位", False),
         ("本人档案", MaterialForm.ORIGINAL, "档案保管机构", False)],
        [(APPLY, "所在单位提出申请。"), (DECIDE, "审核档案和缴费记录。"), ("办结", "出具审批结果。")],
        20, 10, None, "人社服务窗口", "单位领取",
    ),
    (
        "market-regulation", "企业设立登记", ["start-business"], "《中华人民共和国市场主体登记管理条例》第三条",
        "有符合规定的名称、住所、经营范围和出资，依法设立的企业。",
        [("企业设立登记申请书", MaterialForm.ORIGINAL, "窗口或网上填报", False),
         ("公司章程", MaterialForm.ORIGINAL, "申请人自备", False),
         ("住所使用证明", MaterialForm.COPY, "申请人自备", False)],
        [(APPLY, "通过企业开办“一网通办”平台填报。"), (DECIDE, "登记机关审查。"),
         ("发照", "核准后发放营业执照，同步办理刻章、发票和社保登记。")],
        3, 1, None, "企业开办专区", "窗口领取或免费邮寄",
    ),
    (
        "market-regulation", "食品经营许可", ["licences"], "《中华人民共和国食品安全法》第三十五条",
        "有与经营的食品品种、数量相适应的场所、设备设施和食品安全管理人员。",
        [("食品经营许可申请书", MaterialForm.ORIGINAL, "窗口提供", False), LICENCE,
         ("经营场所平面图和设备布局图", MaterialForm.ORIGINAL, "申请人自备", False)],
        [(APPLY, "网上或窗口提交。"), (ACCEPT, "材料齐全的当场受理。"),
         ("现场核查", "需要核查的安排现场核查。"), (DECIDE, "作出准予或不予许可的决定。")],
        20, 10, None, "市场监管窗口", "窗口领取或邮寄送达",
    ),
    (
        "housing", "建筑工程施工许可", ["construction"], "《中华人民共和国建筑法》第七条至第十一条",
        "已办理用地批准手续，取得建设工程规划许可证，施工图审查合格，资金已落实。",
        [], [], 7, 3, None, "工程建设项目审批窗口", "窗口领取",
    ),
]  # fmt: skip
CORRECTION = "办理地点调整：原民政局一楼窗口已撤并至政务服务中心社会救助窗口。"

TASKS = [
    # (kind, number, title, unit, target, planned month, day, late period or missing period index)
    ("work_report", "1", "优化营商环境，推进“一件事一次办”", "market-regulation",
     "企业开办压缩至 1 个工作日内，“一件事一次办”事项覆盖 30 项以上。", 12, 31),
    ("work_report", "2", "义务教育学校新建改扩建", "education",
     "新建改扩建义务教育学校 6 所，新增学位 3,600 个。", 9, 30),
    ("work_report", "3", "城乡居民医保参保扩面", "medical-insurance",
     "城乡居民基本医疗保险参保率稳定在 95% 以上。", 12, 31),
    ("livelihood", "1", "新建改建农村公路 120 公里", "transport",
     "全年新建改建农村公路 120 公里，年底前完工通车。", 12, 31),
    ("livelihood", "2", "城区老旧小区改造 20 个", "housing",
     "完成 20 个老旧小区水电气路改造，惠及 3,200 户。", 11, 30),
    ("livelihood", "3", "困难群众救助提标", "civil-affairs",
     "城乡低保标准分别提高 5%，特困供养标准同步提高。", 6, 30),
]  # fmt: skip
REPORT_TEXTS = [
    "已制定实施方案，明确责任分工和时间节点，前期工作全面启动。",
    "主体工作有序推进，已完成年度目标的一半以上。",
    "工作进展顺利，剩余任务正在加紧推进，预计按期完成。",
    "年度目标任务已全部完成，正在进行验收和总结。",
]

# (source, project, unit, finding, measures, found days ago, deadline days from today, completed days ago or None)
RECTIFICATIONS = [
    ("audit", "专项资金审计", "civil-affairs", "部分临时救助资金未在规定时限内发放到户。",
     "逐户核对发放台账，限期补发，建立按月对账制度。", 150, -60, 75),
    ("inspection", "第二季度重点工作督查", "transport", "两个农村公路项目进度滞后于年度计划。",
     "增加施工力量，实行周调度，挂图作战。", 140, -40, 20),
    ("inspection", "第三季度重点工作督查", "education", "一所新建学校配套设施未同步建设。",
     "调整建设计划，配套设施与主体工程同步验收。", 30, 45, None),
    ("audit", "经济责任审计", "housing", "老旧小区改造项目部分合同未按规定备案。",
     "补办合同备案，完善合同管理制度。", 120, -10, None),
]  # fmt: skip


def _themes() -> dict[str, LifeEvent]:
    for order, (code, name, audience) in enumerate(THEMES, start=1):
        LifeEvent.objects.get_or_create(code=code, defaults={"name": name, "audience": audience, "sort_order": order})
    return LifeEvent.objects.in_bulk(field_name="code")


def _guide(unit: Unit, row: tuple, themes: dict[str, LifeEvent], published_at) -> ServiceGuide:
    _code, name, theme_codes, basis, conditions, materials, steps, legal, promised, _fee, window, delivery = row
    guide = ServiceGuide(
        unit=unit,
        name=name,
        legal_basis=basis,
        conditions=conditions,
        location=f"{CENTRE}{window}" if window.endswith(("窗口", "专区")) else window,
        hours=HOURS,
        legal_limit_days=legal,
        promised_limit_days=promised,
        fee_mode=FeeMode.FREE,
        consult_phone=unit.phone or "0375-12345",
        complaint_phone="0375-12345",
        delivery=delivery,
    )
    guide_save(guide=guide)
    guide.themes.set([themes[code] for code in theme_codes])
    GuideMaterial.objects.bulk_create(
        GuideMaterial(guide=guide, order=n, name=m, form=f, source=s, shared=shared)
        for n, (m, f, s, shared) in enumerate(materials, start=1)
    )
    GuideStep.objects.bulk_create(
        GuideStep(guide=guide, order=n, title=t, description=d) for n, (t, d) in enumerate(steps, start=1)
    )
    if materials and steps:
        demo_review(guide)
        guide_publish(guide=guide)
        ServiceGuide.objects.filter(pk=guide.pk).update(published_at=published_at)
    return guide


def seed_guides(log: callable, now) -> None:
    themes = _themes()
    if ServiceGuide.objects.exists():
        return
    units = Unit.objects.in_bulk({row[0] for row in GUIDES}, field_name="code")
    made = []
    for n, row in enumerate(GUIDES):
        if row[0] in units:
            made.append(_guide(units[row[0]], row, themes, now - timedelta(days=120 - 7 * n)))
    first = ServiceGuide.objects.filter(status="published").order_by("pk").first()
    if first is not None:
        first.location = f"{CENTRE}社会救助窗口（原民政局一楼窗口已撤并）"
        guide_correct(guide=first, note=CORRECTION)
    log(f"办事指南：{len(themes)} 个生命周期主题，{len(made)} 份指南（其中 1 份要素不全的草稿）")


def _report(report: ProgressReport, percent: int, text: str, reported_on: date, *, completes: bool = False) -> None:
    report_submit(report=report, percent=percent, text=text, completes_task=completes)
    ProgressReport.objects.filter(pk=report.pk).update(reported_on=reported_on)
    demo_review(report, unit_field="task__unit")
    report_publish(report=report)
    if completes:
        WorkTask.objects.filter(pk=report.task_id).update(completed_on=reported_on)


def _task(unit: Unit, year: int, row: tuple, today: date) -> WorkTask:
    kind, number, title, _code, target, month, day = row
    planned = date(year, month, day)
    task = task_save(
        task=WorkTask(
            unit=unit, year=year, kind=kind, number=number, title=title, target=target, planned_completion=planned
        )
    )
    demo_review(task)
    task_publish(task=task)
    open_report_periods(task, today=date(year, 1, 1))  # entered at the start of the year
    return task


def seed_tasks(log: callable, today: date) -> None:
    if WorkTask.objects.exists():
        return
    units = Unit.objects.in_bulk({row[3] for row in TASKS}, field_name="code")
    count = 0
    for year in (today.year - 1, today.year):
        for n, row in enumerate(TASKS):
            unit = units.get(row[3])
            if unit is None:
                continue
            task = _task(unit, year, row, today)
            count += 1
            past = [r for r in task.reports.order_by("period_end") if r.due_date < today]
            for index, report in enumerate(past):
                last = index == len(past) - 1
                finished = year < today.year or report.period_end >= task.planned_completion
                if year == today.year and n == 4 and last:
                    continue  # 老旧小区改造: the last period's report is missing (an alert)
                late = year == today.year and n == 1 and index == 1  # 学校建设: one report late
                on = report.due_date + timedelta(days=3) if late else report.due_date - timedelta(days=2)
                percent = 100 if finished else min(95, 25 * (index + 1))
                text = REPORT_TEXTS[3] if finished else REPORT_TEXTS[min(index, 2)]
                _report(report, percent, text, on, completes=finished)
                if finished:
                    break
    log(f"重点任务和民生实事：{count} 项（两个年度），按期、迟报和未报的进展各有示例")


def seed_rectifications(log: callable, today: date) -> None:
    if Rectification.objects.exists():
        return
    units = Unit.objects.in_bulk({row[2] for row in RECTIFICATIONS}, field_name="code")
    for source, project, code, finding, measures, found, deadline, done in RECTIFICATIONS:
        if code not in units:
            continue
        found_on = today - timedelta(days=found)
        row = rectification_save(
            rectification=Rectification(
                source=source,
                source_title=f"{found_on.year}年{project}",
                found_on=found_on,
                unit=units[code],
                finding=finding,
                measures=measures,
                deadline=today + timedelta(days=deadline),
            )
        )
        demo_review(row)
        rectification_publish(rectification=row)
        if done is not None:
            rectification_complete(
                rectification=row, completed_on=today - timedelta(days=done), report="已按整改措施全部整改到位。"
            )
            demo_review(row)
            rectification_publish(rectification=row)
    log(f"督查审计整改：{Rectification.objects.count()} 项（按期、逾期完成，整改中，逾期未整改）")


def seed(log: callable) -> None:
    now = timezone.now()
    today = timezone.localdate()
    seed_guides(log, now)
    seed_tasks(log, today)
    seed_rectifications(log, today)
