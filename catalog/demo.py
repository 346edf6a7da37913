"""Demo catalogs and what is published under them.

County departments publish the catalogs of the domains they lead (rules.md §1 examples);
townships adopt them, publish notes for the domains they do not handle, and leave others to
compile (待编制), one returned by its reviewer and one waiting for review. Publications run
over the last half year: monthly 低保 lists (pasted from a spreadsheet as tab-separated rows,
so the page shows a table with the names masked), monthly figures with an .xlsx attachment,
and information of other domains, most on time, some late, one overdue (县民政局's 低保初审
对象名单, due about 16 days ago, which the dashboard tests rely on).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from catalog.deadlines import PUBLICATION_OVERDUE
from catalog.demo_publications import seed_publications
from catalog.models import Catalog, CatalogItem, CatalogStatus, Domain, Publication
from catalog.seed import seed_domains
from catalog.services import (
    catalog_items_replace,
    catalog_review,
    catalog_start,
    catalog_submit,
)
from compliance.demo import past_alert
from organizations.models import Unit

CHANNELS = "政府网站、公开查阅点、社区/企事业单位/村公示栏（电子屏）"
LIMIT_10 = "制定或获取信息之日起10个工作日内"
LIMIT_20 = "信息形成或者变更之日起20个工作日内"
LIMIT_DECISION = "自作出决定之日起7个工作日内"
ASSISTANCE = [
    (level1, level2, content, limit)
    for level1 in ("最低生活保障", "特困人员救助供养", "临时救助")
    for level2, content, limit in (
        ("政策文件", f"{level1}相关法律法规、规章和规范性文件", LIMIT_20),
        ("办事指南", "事项名称、申请条件、救助标准、申请材料、办理流程、办理时间和地点、联系方式", LIMIT_10),
        ("审核信息", "初审对象名单（姓名、家庭人口、拟保障金额）", LIMIT_10),
        ("审批信息", f"{level1}对象名单、保障金额", LIMIT_10),
    )
] + [("社会救助统计", "月度统计", "城乡低保、特困人员数量和资金支出情况（分乡镇、街道）", "每月10日前")]
PROJECTS = [
    ("重大建设项目", level2, content, LIMIT_20)
    for level2, content in (
        ("批准服务信息", "申报要求、申报材料清单、批准流程、办理时限、受理机构联系方式"),
        ("批准结果信息", "项目建议书审批、可行性研究报告审批、初步设计审批结果"),
        ("招标投标信息", "资格预审公告、招标公告、中标候选人公示、中标结果公示"),
        ("征收土地信息", "征地告知书、征收土地方案、补偿安置方案"),
        ("重大设计变更信息", "项目法人单位及监理单位、重大设计变更审批"),
        ("施工有关信息", "项目法人单位、施工单位、监理单位名称及资质"),
        ("质量安全监督信息", "质量安全监督机构及联系方式、质量安全行政处罚情况"),
        ("竣工有关信息", "竣工验收时间、工程质量验收结果"),
    )
]
BUDGET = [
    ("政府预决算", "政府预算", "一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算", "批准后20日内"),
    ("政府预决算", "政府决算", "政府决算报表和说明", "批准后20日内"),
    (
        "部门预决算",
        "部门预算",
        "部门收支总体情况、三公经费（因公出国（境）费、公务用车购置费、公务用车运行费、公务接待费）",
        "批复后20日内",
    ),
    ("部门预决算", "部门决算", "部门决算报表和说明、三公经费", "批复后20日内"),
]
EDUCATION = [
    ("政策文件", "法律法规和规范性文件", "义务教育相关法律法规、规范性文件", LIMIT_20),
    ("教育概况", "学校名录", "学校名称、地址、联系电话、办学性质", LIMIT_20),
    ("招生管理", "招生政策", "义务教育招生入学政策、招生计划、报名条件", LIMIT_20),
    ("招生管理", "招生范围", "学区划分、招生范围、录取结果", LIMIT_20),
    ("学生资助", "资助政策", "资助项目、资助标准、申请程序、受助学生名单", LIMIT_20),
    ("财务信息", "收费项目", "收费项目、标准、依据", LIMIT_20),
]
ELDERLY = [
    ("政策文件", "政策法规", "养老服务相关法律法规、规章和规范性文件", LIMIT_20),
    ("养老机构", "机构名录", "养老机构名称、地址、床位数、收费标准、联系方式", LIMIT_20),
    ("养老机构", "备案信息", "养老机构备案申请材料、备案结果", LIMIT_20),
    ("养老补贴", "高龄津贴", "补贴对象条件、补贴标准、申请程序、发放名单", LIMIT_10),
    ("养老补贴", "经济困难老年人补贴", "补贴对象、补贴标准、申请流程、审核结果", LIMIT_10),
    ("监督检查", "监督检查结果", "养老机构监督检查情况、整改情况", LIMIT_20),
]
EMPLOYMENT = [
    ("就业政策", "政策文件", "就业创业扶持政策、补贴标准", LIMIT_20),
    ("就业服务", "招聘信息", "用人单位招聘岗位、条件、薪酬待遇、联系方式", "实时公开"),
    ("职业培训", "培训计划", "培训项目、培训机构、补贴标准、报名方式", LIMIT_20),
    ("创业扶持", "创业担保贷款", "申请条件、贷款额度、贴息标准、办理流程", LIMIT_20),
    ("就业补贴", "补贴发放名单", "补贴类型、享受人员（单位）名单、补贴金额", LIMIT_20),
]
FARM = [
    ("耕地地力保护补贴", "补贴政策", "补贴对象、补贴依据、补贴标准", LIMIT_20),
    ("耕地地力保护补贴", "补贴发放", "补贴面积、补贴金额、发放时间（分乡镇汇总）", LIMIT_20),
    ("农机购置补贴", "补贴政策", "补贴机具种类范围、补贴额一览表", LIMIT_20),
    ("农机购置补贴", "补贴结果", "享受补贴的购机者、机具、补贴金额", LIMIT_20),
    ("实际种粮农民一次性补贴", "补贴发放", "补贴标准、补贴面积、补贴金额", LIMIT_20),
]
HEALTH = [
    ("医疗机构", "机构信息", "医疗机构名称、地址、诊疗科目、执业许可", LIMIT_20),
    ("公共卫生服务", "基本公共卫生服务项目", "服务项目、服务对象、服务内容、免费政策", LIMIT_20),
    ("家庭医生签约", "签约服务", "签约服务包、收费标准、签约团队、签约方式", LIMIT_20),
    ("传染病防控", "疫情信息", "法定传染病疫情概况", "实时公开"),
    ("监督执法", "行政处罚", "卫生健康行政处罚决定", LIMIT_DECISION),
]
SAFETY = [
    ("安全生产政策", "政策文件", "安全生产法律法规、规章和规范性文件", LIMIT_20),
    ("行政许可", "许可信息", "危险化学品经营许可、烟花爆竹经营许可结果", LIMIT_DECISION),
    ("行政处罚", "处罚信息", "安全生产行政处罚决定", LIMIT_DECISION),
    ("事故信息", "事故调查报告", "生产安全事故调查报告、责任追究情况", "批复后20日内"),
    ("隐患排查", "重大事故隐患", "重大事故隐患挂牌督办信息", LIMIT_20),
]
FOOD = [
    ("食品安全", "抽检信息", "食品安全监督抽检结果、不合格产品核查处置情况", LIMIT_20),
    ("食品安全", "许可信息", "食品经营许可、食品生产许可结果", LIMIT_DECISION),
    ("食品安全", "行政处罚", "食品安全行政处罚决定", LIMIT_DECISION),
    ("药品医疗器械", "许可信息", "药品零售企业许可、医疗器械经营备案", LIMIT_DECISION),
    ("药品医疗器械", "监督检查", "药品监督检查结果", LIMIT_20),
]
RURAL_HOUSING = [
    ("政策文件", "改造政策", "补助对象、补助标准、改造方式", LIMIT_20),
    ("申请审批", "对象认定", "申请条件、认定程序、审核结果公示", "公示期7日"),
    ("补助资金", "资金发放", "补助资金分配、拨付、发放结果", LIMIT_20),
    ("竣工验收", "验收结果", "改造竣工验收结果", LIMIT_20),
]
REGULATIONS = "《中华人民共和国政府信息公开条例》"
# (unit, domain) → (rows, 公开依据)
COUNTY_CATALOGS = {
    ("civil-affairs", "social-assistance"): (
        ASSISTANCE,
        "《社会救助暂行办法》《最低生活保障审核确认办法》" + REGULATIONS,
    ),
    ("civil-affairs", "elderly-care"): (
        ELDERLY,
        "《中华人民共和国老年人权益保障法》《养老机构管理办法》" + REGULATIONS,
    ),
    ("development-reform", "major-projects"): (PROJECTS, "《关于推进重大建设项目批准和实施领域政府信息公开的意见》"),
    ("finance", "budget"): (BUDGET, "《中华人民共和国预算法》《地方预决算公开操作规程》"),
    ("education", "education"): (EDUCATION, "《中华人民共和国义务教育法》" + REGULATIONS),
    ("human-resources", "employment"): (EMPLOYMENT, "《中华人民共和国就业促进法》《就业补助资金管理办法》"),
    ("agriculture", "farm-subsidies"): (FARM, "《农业相关转移支付资金管理办法》" + REGULATIONS),
    ("health", "health"): (HEALTH, "《基本医疗卫生与健康促进法》《医疗机构管理条例》" + REGULATIONS),
    ("emergency", "work-safety"): (SAFETY, "《中华人民共和国安全生产法》" + REGULATIONS),
    ("market-regulation", "food-drug"): (FOOD, "《中华人民共和国食品安全法》《中华人民共和国药品管理法》"),
    ("housing", "rural-housing"): (RURAL_HOUSING, "《农村危房改造补助资金管理办法》" + REGULATIONS),
}
# Townships and subdistricts: the county catalogs they adopted, and the domains they do not handle.
ADOPTED = {
    "xiatang": ["social-assistance", "elderly-care", "farm-subsidies", "employment"],
    "luyang": ["social-assistance", "elderly-care", "employment"],
    "yaoshan": ["social-assistance", "farm-subsidies"],
    "zhaocun": ["social-assistance"],
}
NOT_APPLICABLE = {
    "xiatang": {
        "tax": "税收征管由国家税务总局鲁山县税务局负责，本镇不涉及税收管理领域公开事项。",
        "public-resources": "本镇无公共资源交易平台，镇、村项目均由县公共资源交易中心统一进场交易并公开。",
        "housing-expropriation": "国有土地上房屋征收由县人民政府确定的房屋征收部门实施，本镇不涉及。",
    },
    "luyang": {
        "tax": "税收征管由国家税务总局鲁山县税务局负责，本街道不涉及。",
        "rural-housing": "本街道辖区均为城市社区，无农村危房改造任务。",
        "farm-subsidies": "本街道辖区无耕地承包经营户，不涉及涉农补贴发放。",
    },
}
SUBMITTED = ("yaoshan", "employment")  # waiting for the reviewer
RETURNED = ("zhaocun", "elderly-care", "公开时限未按本乡实际细化；请补充村级公示栏等公开渠道后重新提交。")


def items_from(rows: list[tuple[str, str, str, str]], responsible: str, basis: str) -> list[CatalogItem]:
    from catalog.rules import parse_time_limits

    return [
        CatalogItem(
            group_number=str(number),
            level1=level1,
            level2=level2,
            content=content,
            basis=basis,
            time_limit_text=limit,
            time_limits=parse_time_limits(limit),
            responsible=responsible,
            channels=CHANNELS,
            audience_public=True,
            mode_proactive=True,
            level_county=True,
        )
        for number, (level1, level2, content, limit) in enumerate(rows, start=1)
    ]


def publish_catalog(catalog: Catalog, reviewer: object, days_ago: int) -> None:
    catalog_submit(catalog=catalog)
    catalog_review(catalog=catalog, by=reviewer, approve=True, comment="符合国家标准指引，同意发布。")
    backdate_catalog(catalog, days_ago)


def backdate_catalog(catalog: Catalog, days_ago: int) -> None:
    """Demo history: the catalog went out ``days_ago`` days ago (the dashboard counts it from then)."""
    moment = timezone.now() - timedelta(days=days_ago)
    Catalog.objects.filter(pk=catalog.pk).update(submitted_at=moment - timedelta(days=3), published_at=moment)


def seed(log: callable) -> None:
    seed_domains()
    if Catalog.objects.exists():
        log(f"标准目录：已有 {Catalog.objects.count()} 份，未改动")
        return
    reviewer = get_user_model().objects.filter(is_superuser=True).first()
    units = {u.code: u for u in Unit.objects.all()}
    domains = {d.code: d for d in Domain.objects.all()}
    county = {}
    for n, ((unit_code, domain_code), (rows, basis)) in enumerate(COUNTY_CATALOGS.items()):
        unit = units[unit_code]
        catalog = catalog_start(unit=unit, domain=domains[domain_code])
        catalog_items_replace(catalog=catalog, items=items_from(rows, unit.name, basis))
        publish_catalog(catalog, reviewer, days_ago=300 - 5 * n)
        county[domain_code] = catalog
    new_budget_version(county["budget"], reviewer)
    for n, (code, adopted) in enumerate(ADOPTED.items()):
        for domain_code in adopted:
            catalog = catalog_start(unit=units[code], domain=domains[domain_code], based_on=county[domain_code])
            publish_catalog(catalog, reviewer, days_ago=240 - 10 * n)
    for code, notes in NOT_APPLICABLE.items():
        for domain_code, note in notes.items():
            catalog = catalog_start(unit=units[code], domain=domains[domain_code])
            catalog.not_applicable, catalog.not_applicable_note = True, note
            catalog.save()
            publish_catalog(catalog, reviewer, days_ago=230)
    unit_code, domain_code = SUBMITTED
    catalog_submit(
        catalog=catalog_start(unit=units[unit_code], domain=domains[domain_code], based_on=county[domain_code])
    )
    unit_code, domain_code, comment = RETURNED
    returned = catalog_start(unit=units[unit_code], domain=domains[domain_code], based_on=county[domain_code])
    catalog_submit(catalog=returned)
    catalog_review(catalog=returned, by=reviewer, approve=False, comment=comment)
    seed_pending_draft(units["xiatang"], domains["education"])
    total = seed_publications(county, units)
    for late in Publication.objects.filter(published_on_time=False):
        past_alert(
            rule_code=PUBLICATION_OVERDUE,
            record=late,
            unit_id=late.unit_id,
            due=late.due_on,
            resolved=late.published_on,
        )
    published = Catalog.objects.filter(status=CatalogStatus.PUBLISHED).count()
    log(f"标准目录：新建 {published} 份已发布目录，公开信息 {total} 条")


def new_budget_version(catalog: Catalog, reviewer: object) -> None:
    """Version 2 of the budget catalog (the 三公经费 item split out); version 1 stays readable as history."""
    draft = catalog_start(unit=catalog.unit, domain=catalog.domain, based_on=catalog)
    items = list(draft.items.all())
    items.append(
        CatalogItem(
            group_number=str(len(items) + 1),
            level1="部门预决算",
            level2="三公经费",
            content="因公出国（境）费、公务用车购置及运行费、公务接待费的预算、决算及增减变化原因",
            basis=items[0].basis,
            time_limit_text="批复后20日内",
            time_limits=items[0].time_limits,
            responsible=catalog.unit.name,
            channels=CHANNELS,
            audience_public=True,
            mode_proactive=True,
            level_county=True,
        )
    )
    catalog_items_replace(catalog=draft, items=[copy_item(item) for item in items])
    publish_catalog(draft, reviewer, days_ago=100)
    Catalog.objects.filter(pk=catalog.pk).update(superseded_at=timezone.now() - timedelta(days=100))


def copy_item(item: CatalogItem) -> CatalogItem:
    item.pk = None
    return item


def seed_pending_draft(unit: Unit, domain: Domain) -> None:
    """A draft imported from a file that lost its 公开层级 ticks: 待补充 until the editor fills it."""
    from catalog.rules import parse_time_limits

    limit = "信息形成或者变更之日起20个工作日内；其中行政许可、行政处罚决定7个工作日内"
    draft = catalog_start(unit=unit, domain=domain)
    item = CatalogItem(
        group_number="1",
        level1="学生资助",
        level2="资助名单",
        content="受助学生名单（公示期内）",
        time_limit_text=limit,
        time_limits=parse_time_limits(limit),
        responsible=unit.name,
        channels=CHANNELS,
        audience_public=True,
        mode_proactive=True,
    )
    catalog_items_replace(catalog=draft, items=[item])
