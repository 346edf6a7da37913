"""Demo catalogs: four county departments' catalogs (rules.md §1 examples), townships that
adopted them, a domain a township does not handle, and publications: on time, late, overdue."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from catalog.models import Catalog, CatalogItem, CatalogStatus, Domain, Publication
from catalog.seed import seed_domains
from catalog.services import (
    catalog_items_replace,
    catalog_review,
    catalog_start,
    catalog_submit,
    publication_publish,
    publication_save,
)
from organizations.models import Unit

CHANNELS = "政府网站、公开查阅点、社区/企事业单位/村公示栏（电子屏）"
LIMIT_10 = "制定或获取信息之日起10个工作日内"
LIMIT_20 = "信息形成或者变更之日起20个工作日内"
ASSISTANCE = [
    (level1, level2, content, limit)
    for level1 in ("最低生活保障", "特困人员救助供养", "临时救助")
    for level2, content, limit in (
        ("政策文件", f"{level1}相关法律法规、规章和规范性文件", LIMIT_20),
        ("办事指南", "事项名称、申请条件、救助标准、申请材料、办理流程、办理时间和地点、联系方式", LIMIT_10),
        ("审核信息", "初审对象名单（姓名、家庭人口、拟保障金额）", LIMIT_10),
        ("审批信息", f"{level1}对象名单、保障金额", LIMIT_10),
    )
]
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
COUNTY_CATALOGS = {
    ("civil-affairs", "social-assistance"): ASSISTANCE,
    ("development-reform", "major-projects"): PROJECTS,
    ("finance", "budget"): BUDGET,
    ("education", "education"): EDUCATION,
}
ADOPTING_TOWNSHIPS = ["xiatang", "luyang"]


def items_from(rows: list[tuple[str, str, str, str]], responsible: str) -> list[CatalogItem]:
    from catalog.rules import parse_time_limits

    items = []
    for number, (level1, level2, content, limit) in enumerate(rows, start=1):
        items.append(
            CatalogItem(
                group_number=str(number),
                level1=level1,
                level2=level2,
                content=content,
                basis="《中华人民共和国政府信息公开条例》",
                time_limit_text=limit,
                time_limits=parse_time_limits(limit),
                responsible=responsible,
                channels=CHANNELS,
                audience_public=True,
                mode_proactive=True,
                level_county=True,
            )
        )
    return items


def publish_catalog(catalog: Catalog, reviewer: object) -> None:
    catalog_submit(catalog=catalog)
    catalog_review(catalog=catalog, by=reviewer, approve=True, comment="符合国家标准指引。")


def seed(log: callable) -> None:
    seed_domains()
    if Catalog.objects.exists():
        log(f"标准目录：已有 {Catalog.objects.count()} 份，未改动")
        return
    reviewer = get_user_model().objects.filter(is_superuser=True).first()
    units = {u.code: u for u in Unit.objects.all()}
    domains = {d.code: d for d in Domain.objects.all()}
    county = {}
    for (unit_code, domain_code), rows in COUNTY_CATALOGS.items():
        unit = units[unit_code]
        catalog = catalog_start(unit=unit, domain=domains[domain_code])
        catalog_items_replace(catalog=catalog, items=items_from(rows, unit.name))
        publish_catalog(catalog, reviewer)
        county[domain_code] = catalog
    for code in ADOPTING_TOWNSHIPS:
        adopted = catalog_start(
            unit=units[code], domain=domains["social-assistance"], based_on=county["social-assistance"]
        )
        publish_catalog(adopted, reviewer)
    not_applicable = catalog_start(unit=units["xiatang"], domain=domains["tax"])
    not_applicable.not_applicable = True
    not_applicable.not_applicable_note = "税收征管由县税务局负责，本镇不涉及税收管理领域公开事项。"
    not_applicable.save()
    publish_catalog(not_applicable, reviewer)
    seed_publications(county["social-assistance"])
    seed_pending_draft(units["xiatang"], domains["education"])
    log(f"标准目录：新建 {Catalog.objects.filter(status=CatalogStatus.PUBLISHED).count()} 份已发布目录")


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


def seed_publications(catalog: Catalog) -> None:
    today = timezone.localdate()
    items = {(i.level1, i.level2): i for i in catalog.items.all()}
    examples = [
        (("最低生活保障", "审批信息"), "城乡最低生活保障对象名单公示（{month}）", 40, 3),
        (("最低生活保障", "办事指南"), "最低生活保障申请办事指南", 60, 30),  # late
        (("临时救助", "审批信息"), "临时救助对象及金额公示（{month}）", 35, 5),
        (("特困人员救助供养", "政策文件"), "特困人员救助供养实施办法", 90, 10),
        (("最低生活保障", "审核信息"), "低保初审对象名单（{month}）", 30, None),  # overdue: not published
    ]
    for key, title, formed_days_ago, published_after in examples:
        formed = today - timedelta(days=formed_days_ago)
        publication = publication_save(
            publication=Publication(
                item=items[key],
                title=title.format(month=f"{formed.year}年{formed.month}月"),
                body=f"根据《社会救助暂行办法》，现将{key[0]}{key[1]}予以公开。低保、特困、临时救助咨询电话：0375-5051234。",
                formed_on=formed,
            )
        )
        if published_after is not None:
            publication.published_on = formed + timedelta(days=published_after)
            publication.save(update_fields=["published_on"])
            publication_publish(publication=publication)
