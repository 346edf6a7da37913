"""Demo publications of the last half year under the demo catalogs (see catalog/demo.py).

Lists of persons are pasted as staff paste them from a spreadsheet (tab-separated rows): the
public page shows them as tables with the names masked (catalog/public.py).
"""

from datetime import date, timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from catalog.models import Attachment, Catalog, CatalogItem, CatalogStatus, Publication
from catalog.services import publication_publish, publication_save
from organizations.demo import months_ago, person_name
from organizations.models import GRASSROOTS_KINDS, Unit
from publication_review.demo import demo_review

# 低保 per person and month by category (元); a household receives it for each member.
DIBAO_RATES = {"城市低保": 520, "农村低保一类": 380, "农村低保二类": 300, "农村低保三类": 230}
VILLAGES = [
    ("下汤镇", "下汤村"),
    ("下汤镇", "东坡村"),
    ("下汤镇", "林楼村"),
    ("尧山镇", "想马河村"),
    ("尧山镇", "西竹园村"),
    ("赵村乡", "中汤村"),
    ("赵村乡", "上汤村"),
    ("四棵树乡", "车场村"),
    ("团城乡", "大年沟村"),
    ("张良镇", "魏庄村"),
    ("琴台街道", "沙河社区"),
    ("鲁阳街道", "向阳社区"),
]
DIBAO_HEADER = ["序号", "乡镇（街道）", "村（社区）", "户主姓名", "保障人数", "保障类别", "月保障金额（元）"]
OFFICE = "鲁山县民政局社会救助股"
HOTLINE = "0375-5051234"


def month_label(day: date) -> str:
    return f"{day.year}年{day.month}月"


def tsv(header: list[str], rows: list[list[object]]) -> str:
    """A table as staff paste it from a spreadsheet: one line per row, cells separated by tabs."""
    return "\n".join("\t".join(str(cell) for cell in row) for row in [header, *rows])


def dibao_rows(count: int, first_person: int, villages: list[tuple[str, str]] = VILLAGES) -> list[list[object]]:
    categories = list(DIBAO_RATES)
    rows = []
    for n in range(count):
        town, village = villages[(n * 5) % len(villages)]
        category = "城市低保" if village.endswith("社区") else categories[1 + n % 3]
        persons = 1 + (n * 3) % 4
        rows.append(
            [n + 1, town, village, person_name(first_person + n), persons, category, persons * DIBAO_RATES[category]]
        )
    return rows


def dibao_list_body(month: date, published: date, rows: list[list[object]], *, issuer: str = "鲁山县民政局") -> str:
    end = published + timedelta(days=6)
    return "\n\n".join(
        [
            "根据《社会救助暂行办法》《河南省最低生活保障审核确认办法》和《鲁山县最低生活保障审核确认办法》，"
            f"经乡镇人民政府（街道办事处）入户调查、民主评议和审核，县民政局确认，现将{month_label(month)}"
            f"新纳入城乡最低生活保障的 {len(rows)} 户对象名单予以公示。",
            f"公示期为7天（{published:%Y年%m月%d日}至{end:%Y年%m月%d日}）。公示期间，对名单有异议的，"
            f"可向{OFFICE}或所在乡镇（街道）社会救助服务站反映，也可来信来访。反映情况须实事求是；"
            "以单位名义反映的须加盖公章，以个人名义反映的请署真实姓名，我们将为反映人保密。",
            tsv(DIBAO_HEADER, rows),
            f"监督电话：{HOTLINE}（{OFFICE}，工作日上午8:30—12:00，下午15:00—18:00）",
            f"{issuer}\n{published:%Y年%m月%d日}",
        ]
    )


def dibao_changes_body(month: date, first_person: int) -> str:
    header = ["序号", "乡镇（街道）", "村（社区）", "户主姓名", "保障人数", "调整类型", "月保障金额（元）"]
    rows = []
    for n in range(6):
        town, village = VILLAGES[(n * 7 + month.month) % len(VILLAGES)]
        persons = 1 + (n + month.month) % 4
        kind = ("新增", "新增", "新增", "停保（收入超过标准）", "停保（死亡）", "调整金额")[n]
        amount = 0 if kind.startswith("停保") else persons * DIBAO_RATES["农村低保二类"]
        rows.append([n + 1, town, village, person_name(first_person + n), persons, kind, amount])
    return "\n\n".join(
        [
            f"根据{month_label(month)}动态管理复核结果，现将城乡最低生活保障对象新增、停保和调整情况公示如下。"
            "停保对象自下月起停发低保金；对停保决定不服的，可自公示之日起60日内申请行政复议。",
            tsv(header, rows),
            f"监督电话：{HOTLINE}",
        ]
    )


def township_figures(month: date, townships: list[Unit]) -> list[list[object]]:
    """Households, persons and spending per township for a month (reproducible invented figures)."""
    rows = []
    for n, unit in enumerate(townships):
        seed_value = (n + 3) * 37 + month.month * 11
        urban = 20 + seed_value % 60 if unit.kind != "township" else seed_value % 12
        rural = 180 + (seed_value * 7) % 420
        destitute = 15 + seed_value % 45
        persons = urban * 2 + int(rural * 1.9)
        spending = round((urban * 2 * 520 + rural * 1.9 * 300 + destitute * 780) / 10000, 2)
        rows.append([unit.short_name or unit.name, urban, rural, persons, destitute, spending])
    return rows


FIGURES_HEADER = [
    "乡镇（街道）",
    "城市低保（户）",
    "农村低保（户）",
    "低保人数（人）",
    "特困人员（人）",
    "资金支出（万元）",
]


def figures_workbook(title: str, rows: list[list[object]]) -> bytes:
    """The monthly figures as an .xlsx attachment, in the layout the table on the page has."""
    book = Workbook()
    sheet = book.active
    sheet.title = "分乡镇统计"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(FIGURES_HEADER))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(FIGURES_HEADER)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    totals = ["合计", *[round(sum(row[i] for row in rows), 2) for i in range(1, len(FIGURES_HEADER))]]
    sheet.append(totals)
    sheet.column_dimensions["A"].width = 16
    for letter in "BCDEF":
        sheet.column_dimensions[letter].width = 15
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def figures_body(month: date, rows: list[list[object]]) -> str:
    totals = [round(sum(row[i] for row in rows), 2) for i in range(1, len(FIGURES_HEADER))]
    return "\n\n".join(
        [
            f"{month_label(month)}，全县共有城市低保对象 {totals[0]} 户、农村低保对象 {totals[1]} 户，"
            f"合计 {totals[2]} 人；特困人员 {totals[3]} 人；当月支出低保金和特困人员供养金 {totals[4]} 万元。"
            "分乡镇（街道）情况如下，Excel 文件见附件。",
            tsv(FIGURES_HEADER, rows),
        ]
    )


def persons_body(intro: str, header: list[str], rows: list[list[object]], outro: str) -> str:
    return "\n\n".join([intro, tsv(header, rows), outro])


class Publisher:
    """Saves and publishes through the services staff use; ``after`` days from formation to publication."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.count = 0

    def __call__(
        self, item: CatalogItem, title: str, body: str, formed: date, after: int | None, **fields: object
    ) -> Publication:
        publication = publication_save(
            publication=Publication(item=item, title=title, body=body, formed_on=formed, **fields)
        )
        self.count += 1
        if after is not None:
            publication.published_on = min(formed + timedelta(days=after), self.today)
            # Entered today with its past date: a 补录, which the website self-inspection accepts.
            publication.backfilled = publication.published_on < self.today
            publication.save(update_fields=["published_on", "backfilled"])
            demo_review(publication)
            publication = publication_publish(publication=publication)
        return publication


def find_item(catalog: Catalog, level1: str, level2: str) -> CatalogItem:
    return catalog.items.get(level1=level1, level2=level2)


def seed_publications(county: dict[str, Catalog], units: dict[str, Unit]) -> int:
    today = timezone.localdate()
    publish = Publisher(today)
    seed_assistance(county["social-assistance"], publish, today)
    seed_other_domains(county, publish, today)
    seed_townships(units, publish, today)
    return publish.count


def seed_assistance(catalog: Catalog, publish: Publisher, today: date) -> None:
    approval = find_item(catalog, "最低生活保障", "审批信息")
    # The list of the month before last: 30 households, the table citizens notice first.
    formed = today - timedelta(days=40)
    published = formed + timedelta(days=3)
    publish(
        approval,
        f"城乡最低生活保障对象名单公示（{month_label(formed)}）",
        dibao_list_body(formed, published, dibao_rows(30, first_person=0)),
        formed,
        3,
    )
    # Monthly changes over the half year; the one four months ago went out late.
    for months in range(2, 7):
        month = months_ago(today, months, day=5)
        publish(
            approval,
            f"城乡最低生活保障对象动态调整名单（{month_label(month)}）",
            dibao_changes_body(month, first_person=40 + 6 * months),
            month,
            24 if months == 4 else 5,
        )
    # Monthly figures with the spreadsheet attached; two months ago they were late.
    statistics = find_item(catalog, "社会救助统计", "月度统计")
    townships = list(Unit.objects.filter(kind__in=GRASSROOTS_KINDS).order_by("sort_order", "code"))
    for months in range(1, 7):
        month = months_ago(today, months)
        formed = months_ago(today, months - 1, day=3)
        if formed > today:  # this month's figures are not formed yet
            continue
        title = f"鲁山县{month_label(month)}城乡低保、特困人员数量和资金支出情况"
        rows = township_figures(month, townships)
        publication = publish(statistics, title, figures_body(month, rows), formed, 16 if months == 2 else 5)
        Attachment.objects.create(
            publication=publication,
            title=f"{title}.xlsx",
            file=ContentFile(figures_workbook(title, rows), f"dibao-figures-{month:%Y-%m}.xlsx"),
        )
    guide = find_item(catalog, "最低生活保障", "办事指南")
    publish(guide, "最低生活保障申请办事指南", GUIDE, today - timedelta(days=60), 30)  # late
    publish(
        find_item(catalog, "临时救助", "审批信息"),
        f"临时救助对象及金额公示（{month_label(today - timedelta(days=35))}）",
        persons_body(
            "根据《鲁山县临时救助实施细则》，经审核审批，现将本月临时救助对象及救助金额公示如下。",
            ["序号", "乡镇（街道）", "姓名", "救助事由", "救助金额（元）"],
            [
                [n + 1, VILLAGES[n * 3 % len(VILLAGES)][0], person_name(90 + n), reason, amount]
                for n, (reason, amount) in enumerate(
                    [("因病支出型困难", 3000), ("火灾致房屋受损", 2000), ("意外事故", 1500), ("因病支出型困难", 2500)]
                )
            ],
            f"监督电话：{HOTLINE}",
        ),
        today - timedelta(days=35),
        5,
    )
    publish(
        find_item(catalog, "特困人员救助供养", "政策文件"),
        "鲁山县特困人员救助供养实施办法",
        "为保障特困人员基本生活，根据《社会救助暂行办法》《河南省特困人员救助供养办法》，"
        "县人民政府制定本办法。\n\n本办法自印发之日起施行，全文见县人民政府网站政策文件栏目。",
        today - timedelta(days=90),
        10,
    )
    # Overdue: formed 30 days ago, 10 working days allowed, still not published (about 16 days late).
    formed = today - timedelta(days=30)
    publish(
        find_item(catalog, "最低生活保障", "审核信息"),
        f"低保初审对象名单（{month_label(formed)}）",
        dibao_list_body(formed, formed + timedelta(days=5), dibao_rows(10, first_person=70)),
        formed,
        None,
    )


GUIDE = """一、申请条件
共同生活的家庭成员持有本县户籍，家庭月人均收入低于当地最低生活保障标准（城市每人每月620元，农村每人每年5160元），且家庭财产状况符合规定的，可以申请最低生活保障。

二、申请材料
（一）最低生活保障申请书；
（二）家庭成员身份证、户口簿；
（三）家庭经济状况核对授权书；
（四）残疾、患病等特殊情况的证明材料。

三、办理流程
申请人向户籍所在地乡镇人民政府（街道办事处）提出申请；乡镇（街道）在3个工作日内受理，组织入户调查、民主评议，并在村（居）务公开栏公示7天；县民政局自收到审核意见之日起10个工作日内确认。

四、办理地点和时间
各乡镇人民政府（街道办事处）社会救助服务站；法定工作日上午8:30—12:00，下午15:00—18:00。

五、咨询电话
鲁山县民政局社会救助股：0375-5051234"""


def seed_other_domains(county: dict[str, Catalog], publish: Publisher, today: date) -> None:
    def ago(days: int) -> date:
        return today - timedelta(days=days)

    education = county["education"]
    publish(
        find_item(education, "招生管理", "招生政策"),
        f"鲁山县{today.year}年义务教育招生入学工作方案",
        "为做好义务教育招生入学工作，保障适龄儿童少年依法接受义务教育，根据《中华人民共和国义务教育法》，"
        "制定本方案。\n\n一、招生对象：年满6周岁的适龄儿童入小学一年级；小学毕业生入初中一年级。\n"
        "二、报名时间：7月10日至7月20日。\n三、报名方式：“鲁山教育”网上报名平台，或到划片学校现场报名。\n"
        "四、咨询电话：县教体局基础教育股 0375-5052216。",
        ago(150),
        5,
    )
    publish(
        find_item(education, "招生管理", "招生范围"),
        f"{today.year}年城区义务教育学校招生范围（学区划分）",
        "城区公办小学、初中按“就近入学、划片招生”原则确定招生范围，各校招生范围如下。",
        ago(120),
        30,  # late
    )
    publish(
        find_item(education, "教育概况", "学校名录"),
        "鲁山县中小学校名录",
        "全县共有公办小学186所、初中32所、九年一贯制学校9所。学校名称、地址、办学性质和联系电话见各校信息。",
        ago(200),
        3,
    )
    publish(
        find_item(education, "学生资助", "资助政策"),
        "义务教育阶段家庭经济困难学生生活补助政策",
        "补助标准：小学每生每年1000元，初中每生每年1250元；寄宿生另有补助。由学生本人或监护人向学校提出申请。",
        ago(60),
        4,
    )
    budget = county["budget"].unit.catalogs.get(domain__code="budget", status=CatalogStatus.PUBLISHED)
    publish(
        find_item(budget, "政府预决算", "政府预算"),
        f"鲁山县{today.year}年政府预算公开",
        f"经鲁山县第十七届人民代表大会第五次会议审查批准，现将{today.year}年一般公共预算、政府性基金预算、"
        "国有资本经营预算和社会保险基金预算公开。",
        ago(260),
        12,
    )
    publish(
        find_item(budget, "部门预决算", "三公经费"),
        f"鲁山县财政局{today.year}年部门预算及“三公”经费预算",
        "本部门“三公”经费预算合计18.6万元，比上年减少2.1万元，主要是公务接待费压减。",
        ago(95),
        25,  # late (批复后20日内)
    )
    publish(
        find_item(budget, "政府预决算", "政府决算"),
        f"鲁山县{today.year - 1}年政府决算公开",
        "经县人民代表大会常务委员会批准，现将上年政府决算报表和说明公开。",
        ago(90),
        10,
    )
    projects = county["major-projects"]
    for days, after, title in (
        (170, 5, "关于鲁山县城区供水管网改造工程可行性研究报告的批复"),
        (110, 9, "关于鲁山县沙河综合治理工程初步设计的批复"),
        (50, 35, "关于鲁山县职业教育中心实训楼项目建议书的批复"),  # late
    ):
        publish(
            find_item(projects, "重大建设项目", "批准结果信息"),
            title,
            "项目建设地点、建设规模、总投资和资金来源等批复内容见正文。",
            ago(days),
            after,
        )
    health = county["health"]
    publish(
        find_item(health, "公共卫生服务", "基本公共卫生服务项目"),
        f"{today.year}年国家基本公共卫生服务项目清单",
        "项目包括居民健康档案管理、健康教育、预防接种、0～6岁儿童健康管理、孕产妇健康管理、老年人健康管理、"
        "高血压和2型糖尿病患者健康管理等，城乡居民免费享受。",
        ago(130),
        6,
    )
    publish(
        find_item(health, "家庭医生签约", "签约服务"),
        "家庭医生签约服务包和收费标准",
        "基础服务包免费；个性化服务包按医保政策报销后个人支付部分见附表。",
        ago(75),
        5,
    )
    food = county["food-drug"]
    publish(
        find_item(food, "食品安全", "抽检信息"),
        f"{today.year}年第二季度食品安全监督抽检信息",
        "本季度共抽检食品样品320批次，合格317批次，不合格3批次，不合格产品已依法核查处置。",
        ago(100),
        10,
    )
    publish(
        find_item(food, "食品安全", "抽检信息"),
        f"{today.year}年第三季度食品安全监督抽检信息",
        "本季度共抽检食品样品356批次，合格352批次，不合格4批次，不合格产品已依法核查处置。",
        ago(45),
        35,  # late
    )
    publish(
        find_item(county["work-safety"], "隐患排查", "重大事故隐患"),
        "重大事故隐患挂牌督办通知",
        "对鲁山县某建材有限公司粉尘涉爆作业场所重大事故隐患实施挂牌督办，限期30日内整改完毕。",
        ago(80),
        7,
    )
    employment = county["employment"]
    publish(
        find_item(employment, "职业培训", "培训计划"),
        f"{today.year}年职业技能培训计划",
        "全年计划开展电工、焊工、育婴员、中式烹调师等职业技能培训3000人次，培训合格者按规定享受培训补贴。",
        ago(140),
        8,
    )
    publish(
        find_item(employment, "就业补贴", "补贴发放名单"),
        f"{today.year}年第二批一次性创业补贴发放名单",
        persons_body(
            "经审核，以下人员符合一次性创业补贴申领条件，现予公示，公示期5个工作日。",
            ["序号", "姓名", "创业项目", "所在乡镇（街道）", "补贴金额（元）"],
            [
                [n + 1, person_name(100 + n), project, VILLAGES[n * 2 % len(VILLAGES)][0], 5000]
                for n, project in enumerate(["农家乐", "电商服务", "食用菌种植", "汽车维修", "民宿", "特色小吃"])
            ],
            "异议请向县人社局就业促进股反映，电话：0375-5058821。",
        ),
        ago(55),
        12,
    )
    publish(
        find_item(county["farm-subsidies"], "耕地地力保护补贴", "补贴发放"),
        f"{today.year}年耕地地力保护补贴发放情况（分乡镇）",
        "全县补贴面积63.2万亩，每亩补贴标准108.6元，补贴资金已通过惠民惠农财政补贴资金“一卡通”发放到户。",
        ago(190),
        9,
    )
    publish(
        find_item(county["rural-housing"], "申请审批", "对象认定"),
        f"{today.year}年农村危房改造对象认定结果公示",
        persons_body(
            "经农户申请、村级评议、乡镇审核、县级审批，以下农户列入本年度农村危房改造计划，现予公示。",
            ["序号", "乡镇", "村", "户主", "改造方式", "补助标准（元）"],
            [
                [
                    n + 1,
                    *VILLAGES[n % 10],
                    person_name(110 + n),
                    "加固改造" if n % 2 else "拆除重建",
                    20000 + 5000 * (n % 2),
                ]
                for n in range(8)
            ],
            "公示期7日，监督电话：0375-5053345（县住建局村镇股）。",
        ),
        ago(95),
        3,
    )
    elderly = county["elderly-care"]
    publish(
        find_item(elderly, "养老补贴", "高龄津贴"),
        f"{today.year}年第三季度高龄津贴发放名单",
        persons_body(
            "根据《鲁山县高龄津贴发放管理办法》，现将本季度新增高龄津贴发放对象公示如下。",
            ["序号", "乡镇（街道）", "姓名", "年龄", "月补贴标准（元）"],
            [
                [n + 1, VILLAGES[n * 5 % len(VILLAGES)][0], person_name(60 + n), 80 + n * 2, 100 if n < 7 else 200]
                for n in range(10)
            ],
            f"监督电话：{HOTLINE}",
        ),
        ago(65),
        6,
    )


def seed_townships(units: dict[str, Unit], publish: Publisher, today: date) -> None:
    xiatang = Catalog.objects.get(
        unit=units["xiatang"], domain__code="social-assistance", status=CatalogStatus.PUBLISHED
    )
    formed = today - timedelta(days=50)
    publish(
        find_item(xiatang, "最低生活保障", "审核信息"),
        f"下汤镇最低生活保障初审对象名单（{month_label(formed)}）",
        dibao_list_body(
            formed, formed + timedelta(days=4), dibao_rows(8, 20, VILLAGES[:3]), issuer="鲁山县下汤镇人民政府"
        ),
        formed,
        4,
    )
    luyang = Catalog.objects.get(unit=units["luyang"], domain__code="social-assistance", status=CatalogStatus.PUBLISHED)
    formed = today - timedelta(days=70)
    publish(
        find_item(luyang, "最低生活保障", "审核信息"),
        f"鲁阳街道最低生活保障初审对象名单（{month_label(formed)}）",
        dibao_list_body(
            formed, formed + timedelta(days=20), dibao_rows(6, 30, VILLAGES[10:]), issuer="鲁山县鲁阳街道办事处"
        ),
        formed,
        20,  # late
    )
    farm = Catalog.objects.get(unit=units["xiatang"], domain__code="farm-subsidies", status=CatalogStatus.PUBLISHED)
    publish(
        find_item(farm, "耕地地力保护补贴", "补贴发放"),
        f"下汤镇{today.year}年耕地地力保护补贴发放情况",
        "全镇补贴面积2.16万亩，涉及农户5320户，补贴资金234.6万元，已于当月发放到户。",
        today - timedelta(days=180),
        10,
    )
