"""Demo unit profiles and power lists, dated from the day the demo is loaded.

- Profiles of 县民政局 (two versions: the one in effect and the one before), 县市场监督管理局 with
  the reform history of 2019 (工商、质监、食药监 merged into it) and 下汤镇.
- Power lists of 县民政局, 县市场监督管理局, 县教育体育局 and 下汤镇, first published early last
  year. 县民政局 cites the library's repealed 临时救助 rules (when the library holds them): one
  item was adjusted two months ago, long after the 20 working days (the indicator's late case);
  another still cites them (an open alert to the unit).
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from administration.models import (
    ChangeKind,
    InternalBody,
    Leader,
    PowerAdjustment,
    PowerChange,
    UnitProfile,
    UnitReform,
)
from administration.powers_services import adjustment_publish, adjustment_save
from administration.profiles_services import profile_publish, reform_publish
from lushan_portal.legal_documents import ended_documents
from organizations.models import Unit
from publication_review.demo import demo_review

REPEALED_TITLE = "鲁山县临时救助实施细则"
SOCIAL_ORG_BASIS = "《社会团体登记管理条例》第三条、第九条；《民办非企业单位登记管理暂行条例》第三条"
CIVIL_FUNCTIONS = (
    "贯彻执行民政工作的法律法规和方针政策，拟订全县民政事业发展规划并组织实施。\n"
    "负责全县社会组织登记和监督管理，承担城乡最低生活保障、特困人员救助供养、临时救助等社会救助工作。\n"
    "负责养老服务、儿童福利、殡葬管理、婚姻登记和区划地名管理工作。"
)
CIVIL_BODIES = [
    ("办公室", "负责机关日常运转、文电、会务、政务公开和财务工作。"),
    ("社会救助股", "负责城乡最低生活保障、特困人员救助供养和临时救助工作。"),
    ("社会组织管理股", "负责社会团体、民办非企业单位的登记和监督管理。"),
    ("养老服务股", "负责养老服务体系建设和养老机构监督管理。"),
    ("社会事务股", "负责婚姻登记、殡葬管理和儿童福利工作。"),
]
CIVIL_LEADERS = [
    ("李建国", "党组书记、局长", "主持全面工作。"),
    ("王秀兰", "党组成员、副局长", "分管社会救助、社会事务工作。"),
    ("赵志强", "党组成员、副局长", "分管社会组织管理、养老服务工作。"),
]
HOURS = "周一至周五（法定节假日除外）上午8:30-12:00，下午15:00-18:00"


def _review_and(record: object, publish: callable) -> object:
    demo_review(record)
    return publish(record)


def profile(unit: Unit, day: date, functions: str, bodies: list, leaders: list, *, basis: str = "") -> UnitProfile:
    version = UnitProfile.objects.create(
        unit=unit,
        effective_on=day,
        functions=functions,
        basis=basis,
        address=unit.address,
        office_hours=HOURS,
        phone=unit.phone,
    )
    InternalBody.objects.bulk_create(
        InternalBody(profile=version, name=name, duties=duties, position=n) for n, (name, duties) in enumerate(bodies)
    )
    Leader.objects.bulk_create(
        Leader(profile=version, name=name, post=post, duties=duties, position=n)
        for n, (name, post, duties) in enumerate(leaders)
    )
    return _review_and(version, lambda record: profile_publish(profile=record))


def power(code: str, power_type: str, name: str, basis: str, **fields: str) -> dict[str, str]:
    return {
        "code": code,
        "power_type": power_type,
        "name": name,
        "basis": basis,
        "sub_items": fields.get("sub_items", ""),
        "implementing_body": fields.get("body", "本单位"),
        "responsibilities": fields.get(
            "responsibilities",
            "1.受理责任：公示依法应当提交的材料，一次性告知补正材料。\n2.审查责任：对申请材料进行审查。\n"
            "3.决定责任：作出决定并说明理由。\n4.送达责任：按时送达。\n5.事后监管责任：加强监督检查。",
        ),
        "accountability": fields.get(
            "accountability",
            "1.对符合法定条件的申请不予受理、不予办理的；\n2.不依法履行监督职责或者监督不力的；\n"
            "3.索取或者收受他人财物或者谋取其他利益的；\n4.其他违反法律法规规章规定的行为。",
        ),
    }


def adjust(unit: Unit, day: date, changes: list, *, reason: str, basis: str) -> PowerAdjustment:
    adjustment = adjustment_save(adjustment=PowerAdjustment(unit=unit, effective_on=day, reason=reason, basis=basis))
    PowerChange.objects.bulk_create(
        PowerChange(adjustment=adjustment, kind=kind, position=n, **values) for n, (kind, values) in enumerate(changes)
    )
    adjustment = _review_and(adjustment, lambda record: adjustment_publish(adjustment=record))
    published_at = timezone.make_aware(datetime.combine(day, time(10)))
    PowerAdjustment.objects.filter(pk=adjustment.pk).update(published_at=published_at)  # as if published that day
    return adjustment


def civil_affairs_list() -> list[dict[str, str]]:
    repealed = next((d for d in ended_documents() if d.title == REPEALED_TITLE), None)
    relief_basis = "《社会救助暂行办法》第四十七条；《河南省社会救助实施办法》"
    if repealed is not None:
        relief_basis += f"；《{repealed.title}》（{repealed.number}）"
    return [
        power(
            "XK-001",
            "licensing",
            "社会团体成立、变更、注销登记",
            SOCIAL_ORG_BASIS,
            sub_items="成立登记\n变更登记\n注销登记",
        ),
        power("XK-002", "licensing", "民办非企业单位成立、变更、注销登记", SOCIAL_ORG_BASIS),
        power("CF-001", "penalty", "对社会团体违法行为的处罚", "《社会团体登记管理条例》第三十条"),
        power("CF-002", "penalty", "对擅自设立殡葬设施的处罚", "《殡葬管理条例》第十八条", body=""),
        power("GF-001", "benefit", "临时救助金给付", relief_basis),
        power("GF-002", "benefit", "最低生活保障金给付", "《社会救助暂行办法》第九条至第十三条"),
        power("GF-003", "benefit", "特困人员救助供养金给付", "《社会救助暂行办法》第十四条至第二十条"),
        power("QR-001", "confirmation", "临时救助对象认定", relief_basis),
        power("QR-002", "confirmation", "最低生活保障对象认定", "《社会救助暂行办法》第十一条"),
        power(
            "JC-001", "inspection", "对社会组织的监督检查", "《社会团体登记管理条例》第二十四条", responsibilities=""
        ),
        power("JL-001", "reward", "对在民政工作中作出显著成绩的单位和个人给予表彰", "《社会救助暂行办法》第八条"),
        power("QT-001", "other", "地名命名、更名审核", "《地名管理条例》第十条"),
    ]


LISTS = {
    "market-regulation": [
        power(
            "XK-101",
            "licensing",
            "食品经营许可",
            "《中华人民共和国食品安全法》第三十五条",
            sub_items="新办\n变更\n延续\n注销",
        ),
        power("XK-102", "licensing", "特种设备使用登记", "《中华人民共和国特种设备安全法》第三十三条"),
        power("CF-101", "penalty", "对经营超过保质期食品的处罚", "《中华人民共和国食品安全法》第一百二十四条"),
        power("CF-102", "penalty", "对无照经营的处罚", "《无证无照经营查处办法》第十三条"),
        power("QZ-101", "coercion", "查封、扣押不符合食品安全标准的食品", "《中华人民共和国食品安全法》第一百一十条"),
        power("JC-101", "inspection", "食品生产经营监督检查", "《中华人民共和国食品安全法》第一百零九条"),
        power("QR-101", "confirmation", "企业名称自主申报确认", "《企业名称登记管理规定》第十五条"),
        power("CJ-101", "adjudication", "商标侵权赔偿数额争议调解", "《中华人民共和国商标法》第六十条"),
    ],
    "education": [
        power("XK-201", "licensing", "民办学校设立审批", "《中华人民共和国民办教育促进法》第十二条"),
        power("XK-202", "licensing", "教师资格认定", "《中华人民共和国教师法》第十三条；《教师资格条例》第十三条"),
        power("GF-201", "benefit", "家庭经济困难学生资助", "《中华人民共和国教育法》第三十八条"),
        power("JC-201", "inspection", "对民办学校办学行为的检查", "《中华人民共和国民办教育促进法》第四十一条"),
        power("JL-201", "reward", "优秀教师表彰", "《中华人民共和国教师法》第三十三条"),
    ],
    "xiatang": [
        power("QR-301", "confirmation", "农村宅基地使用申请审核", "《中华人民共和国土地管理法》第六十二条"),
        power("GF-301", "benefit", "特困人员救助供养申请受理", "《社会救助暂行办法》第十七条"),
        power("CF-301", "penalty", "对违反村庄规划建设的处罚", "《中华人民共和国城乡规划法》第六十五条"),
        power("JC-301", "inspection", "安全生产监督检查", "《中华人民共和国安全生产法》第九条"),
    ],
}


def seed_profiles(units: dict[str, Unit], year: int) -> None:
    civil = units["civil-affairs"]
    profile(civil, date(year - 3, 3, 1), CIVIL_FUNCTIONS.split("\n")[0], CIVIL_BODIES[:3], CIVIL_LEADERS[:2])
    profile(
        civil,
        date(year, 1, 1),
        CIVIL_FUNCTIONS,
        CIVIL_BODIES,
        CIVIL_LEADERS,
        basis="鲁山县民政局职能配置、内设机构和人员编制规定",
    )
    market = units["market-regulation"]
    profile(
        market,
        date(year - 1, 6, 1),
        "负责全县市场综合监督管理，统一登记市场主体，负责食品安全、特种设备安全和产品质量监督管理。",
        [("登记注册股", "负责市场主体登记注册。"), ("食品安全监督管理股", "负责食品生产经营监督管理。")],
        [("孙卫东", "局长", "主持全面工作。")],
    )
    for former in ("鲁山县工商行政管理局", "鲁山县质量技术监督局", "鲁山县食品药品监督管理局"):
        reform = UnitReform.objects.create(
            unit=market,
            kind="merged",
            former_name=former,
            happened_on=date(2019, 3, 28),
            successor=market,
            basis="鲁山县机构改革方案",
        )
        _review_and(reform, lambda record: reform_publish(reform=record))
    township = units["xiatang"]
    profile(
        township,
        date(year - 1, 1, 1),
        "贯彻执行党和国家的方针政策，统筹推进全镇经济社会发展、乡村振兴、社会治理和公共服务。",
        [("党政综合办公室", ""), ("便民服务中心", "集中办理群众和企业的服务事项。")],
        [],
    )


def seed_powers(units: dict[str, Unit], today: date) -> None:
    first_day = date(today.year - 1, 1, 6)
    civil = units["civil-affairs"]
    items = civil_affairs_list()
    adjust(
        civil, first_day, [(ChangeKind.ADDED, i) for i in items], reason="首次公布权责清单", basis="鲁编办〔2024〕12号"
    )
    for code, listed in LISTS.items():
        adjust(
            units[code],
            first_day,
            [(ChangeKind.ADDED, i) for i in listed],
            reason="首次公布权责清单",
            basis="鲁编办〔2024〕12号",
        )
    relief = next(i for i in items if i["code"] == "QR-001")
    new_basis = "《社会救助暂行办法》第四十七条；《河南省社会救助实施办法》；《鲁山县临时救助实施办法》"
    adjust(
        civil,
        today - timedelta(days=60),
        [(ChangeKind.CHANGED, relief | {"basis": new_basis})],
        reason="原《鲁山县临时救助实施细则》废止，实施依据改为新办法",
        basis=f"鲁民〔{today.year - 1}〕9号",
    )
    adjust(
        units["market-regulation"],
        today - timedelta(days=30),
        [
            (ChangeKind.REMOVED, {"code": "CJ-101"}),
            (ChangeKind.ADDED, power("JC-102", "inspection", "网络交易监督检查", "《网络交易监督管理办法》第三十六条")),
        ],
        reason="商标侵权纠纷调解不属行政裁决，取消；新增网络交易监督检查",
        basis="鲁编办〔2026〕3号",
    )


def seed(log: callable) -> None:
    units = {
        u.code: u for u in Unit.objects.filter(code__in=["civil-affairs", "market-regulation", "education", "xiatang"])
    }
    if len(units) < 4 or UnitProfile.objects.exists() or PowerAdjustment.objects.exists():
        return
    today = timezone.localdate()
    seed_profiles(units, today.year)
    seed_powers(units, today)
    versions, adjustments = UnitProfile.objects.count(), PowerAdjustment.objects.count()
    log(f"机构概况：{versions} 个版本；权责清单：{len(units)} 个单位，{adjustments} 次调整")
