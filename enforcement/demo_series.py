"""The demo's monthly series of licences and penalties by seven units over the last half year."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from enforcement.demo import credit_code, id_number, make, published_days_after
from enforcement.models import LicenceCategory, PartyCategory
from enforcement.rules import NO_END_DATE
from organizations.demo import person_name
from organizations.models import Unit

# Invented businesses: "鲁山县" + a trade name + the kind of business the template names.
TRADE_NAMES = [
    "恒信",
    "瑞丰",
    "金阳",
    "华盛",
    "通达",
    "永安",
    "鸿运",
    "兴隆",
    "德润",
    "嘉禾",
    "盛源",
    "安泰",
    "福瑞",
    "天成",
]
SHOPS = ["小吃店", "便利店", "宾馆", "理发店", "烟花爆竹零售点", "农家乐", "超市"]


def legal_person(n: int, business: str) -> dict:
    return {
        "party_name": f"鲁山县{TRADE_NAMES[n % len(TRADE_NAMES)]}{business}",
        "party_category": PartyCategory.LEGAL_PERSON,
        "credit_code": credit_code(f"91410423MA{n + 4600000:07d}"),
        "legal_representative": person_name(200 + n),
    }


def individual_business(n: int, shop: str) -> dict:
    owner = person_name(220 + n)
    return {
        "party_name": f"鲁山县{owner}{shop}",
        "party_category": PartyCategory.INDIVIDUAL_BUSINESS,
        "credit_code": credit_code(f"92410423MA{n + 7300000:07d}"),
        "legal_representative": owner,
        "id_type": "身份证",
        "id_number": id_number(f"4104231{970 + n % 25}0{1 + n % 9}1{n % 9}{n % 10}02"),
    }


def natural_person(n: int) -> dict:
    return {
        "party_name": person_name(240 + n),
        "party_category": PartyCategory.NATURAL_PERSON,
        "id_type": "身份证",
        "id_number": id_number(f"4104231{975 + n % 20}1{n % 3}0{1 + n % 9}3{n % 10}1"),
        "party_address": f"鲁山县{['鲁阳街道', '琴台街道', '下汤镇', '张良镇'][n % 4]}人民路{10 + n}号",
    }


def penalty_fields(violation: str, facts: str, basis: str, categories: str, content: str, fine: str) -> dict:
    return {
        "violation_type": violation,
        "violation_facts": facts,
        "legal_basis": basis,
        "penalty_categories": categories,
        "penalty_content": content,
        "fine_amount": Decimal(fine) if fine else None,
    }


def licence_fields(
    document: str, certificate: str, number: str, content: str, decided_days_ago: int, years: int
) -> dict:
    start = timezone.localdate() - timedelta(days=decided_days_ago)
    return {
        "licence_document_name": document,
        "licence_category": LicenceCategory.ORDINARY,
        "licence_certificate_name": certificate,
        "licence_number": number,
        "licence_content": content,
        "valid_from": start,
        "valid_to": date(start.year + years, start.month, min(start.day, 28)) if years else NO_END_DATE,
    }


def series_entry(unit: str, variant: int, n: int, days_ago: int, year: int) -> tuple[str, str, dict]:
    """(kind, decision number, fields) of the n-th decision of a unit's monthly series."""
    if unit == "market-regulation":
        if variant == 0:
            party = legal_person(n, "商贸有限公司")
            facts = "当事人在经营场所销售的散装白酒经抽样检验，甲醇含量不符合食品安全国家标准。"
            return (
                "penalty",
                f"鲁市监罚〔{year}〕{200 + n}号",
                party
                | penalty_fields(
                    "销售不符合食品安全标准的食品",
                    facts,
                    "《中华人民共和国食品安全法》第一百二十四条第一款",
                    "没收违法所得、罚款",
                    "没收违法所得860元，罚款人民币50000元。",
                    "5",
                )
                | {"confiscated_amount": Decimal("0.086")},
            )
        party = individual_business(n, "小吃店")
        number = f"JY2410423{year}{n:04d}"
        return (
            "licence",
            number,
            party | licence_fields("食品经营许可决定书", "食品经营许可证", number, "热食类食品制售", days_ago, 5),
        )
    if unit == "urban-management":
        if variant == 0:
            party = legal_person(n, "广告传媒有限公司")
            return (
                "penalty",
                f"鲁城管罚〔{year}〕{60 + n}号",
                party
                | penalty_fields(
                    "未经批准擅自设置户外广告",
                    "当事人未经批准在向阳路与人民路交叉口设置大型户外广告牌一块。",
                    "《河南省城市市容和环境卫生管理条例》第四十七条",
                    "罚款",
                    "责令限期拆除，罚款人民币5000元。",
                    "0.5",
                ),
            )
        party = individual_business(n, "便利店")
        facts = f"当事人{party['legal_representative']}在人民路经营期间，多次将货物堆放于店外人行道，经劝阻拒不改正。"
        return (
            "penalty",
            f"鲁城管罚〔{year}〕{60 + n}号",
            party
            | penalty_fields(
                "占道经营",
                facts,
                "《城市市容和环境卫生管理条例》第三十六条",
                "警告、罚款",
                "警告；罚款人民币200元。",
                "0.02",
            ),
        )
    if unit == "public-security":
        party = natural_person(n)
        if variant == 0:
            facts = f"{party['party_name']}因琐事与他人发生争执，在鲁阳街道一饭店门前殴打他人，致对方轻微伤。"
            return (
                "penalty",
                f"鲁公（治）行罚决字〔{year}〕{300 + n}号",
                party
                | penalty_fields(
                    "殴打他人",
                    facts,
                    "《中华人民共和国治安管理处罚法》第四十三条第一款",
                    "行政拘留、罚款",
                    "行政拘留五日，并处罚款人民币500元。",
                    "0.05",
                ),
            )
        facts = f"{party['party_name']}在张良镇一民房内以“斗地主”方式赌博，赌资较大。"
        return (
            "penalty",
            f"鲁公（治）行罚决字〔{year}〕{300 + n}号",
            party
            | penalty_fields(
                "参与赌博", facts, "《中华人民共和国治安管理处罚法》第七十条", "罚款", "罚款人民币1000元。", "0.1"
            ),
        )
    if unit == "ecology-environment":
        party = legal_person(n, "建材有限公司")
        if variant == 0:
            return (
                "penalty",
                f"鲁环罚〔{year}〕{40 + n}号",
                party
                | penalty_fields(
                    "未批先建",
                    "当事人石子加工项目环境影响报告表未经批准，擅自开工建设并投入生产。",
                    "《中华人民共和国环境影响评价法》第三十一条第一款",
                    "罚款",
                    "责令停止建设，罚款人民币85000元。",
                    "8.5",
                ),
            )
        return (
            "penalty",
            f"鲁环罚〔{year}〕{40 + n}号",
            party
            | penalty_fields(
                "未按规定设置危险废物识别标志",
                "当事人危险废物贮存场所未设置危险废物识别标志。",
                "《中华人民共和国固体废物污染环境防治法》第一百一十二条",
                "罚款",
                "罚款人民币20000元。",
                "2",
            ),
        )
    if unit == "emergency":
        if variant == 0:
            party = individual_business(n, "烟花爆竹零售点")
            number = f"（豫鲁）YH{year}{n:03d}"
            return (
                "licence",
                f"鲁应急许〔{year}〕{n}号",
                party
                | licence_fields(
                    "烟花爆竹经营（零售）许可决定书",
                    "烟花爆竹经营（零售）许可证",
                    number,
                    "烟花爆竹零售（限量存放）",
                    days_ago,
                    1,
                ),
            )
        party = legal_person(n, "矿业有限公司")
        return (
            "penalty",
            f"鲁应急罚〔{year}〕{20 + n}号",
            party
            | penalty_fields(
                "未按规定对从业人员进行安全生产教育和培训",
                "当事人新招录的3名井下作业人员未经安全生产教育和培训即上岗作业。",
                "《中华人民共和国安全生产法》第九十七条第三项",
                "罚款",
                "责令限期改正，罚款人民币15000元。",
                "1.5",
            ),
        )
    if unit == "health":
        if variant == 0:
            party = individual_business(n, "宾馆")
            number = f"鲁卫公字〔{year}〕第{100 + n}号"
            return (
                "licence",
                number,
                party | licence_fields("公共场所卫生许可决定书", "公共场所卫生许可证", number, "住宿业", days_ago, 4),
            )
        party = individual_business(n, "理发店")
        return (
            "penalty",
            f"鲁卫公罚〔{year}〕{10 + n}号",
            party
            | penalty_fields(
                "未取得公共场所卫生许可证擅自营业",
                "当事人未取得公共场所卫生许可证，擅自从事理发经营活动。",
                "《公共场所卫生管理条例实施细则》第三十五条",
                "警告、罚款",
                "警告；罚款人民币1000元。",
                "0.1",
            ),
        )
    party = legal_person(n, "运输有限公司") if variant == 0 else natural_person(n)
    if variant == 0:
        number = f"豫交运管许可平字410423{year}{n:03d}号"
        return (
            "licence",
            number,
            party | licence_fields("道路运输经营许可决定书", "道路运输经营许可证", number, "普通货运", days_ago, 4),
        )
    facts = f"{party['party_name']}驾驶小型客车在县城至尧山景区之间招揽乘客，未取得道路运输经营许可。"
    return (
        "penalty",
        f"鲁交罚〔{year}〕{70 + n}号",
        party
        | penalty_fields(
            "未取得道路运输经营许可擅自从事道路客运经营",
            facts,
            "《中华人民共和国道路运输条例》第六十三条",
            "罚款",
            "罚款人民币10000元。",
            "1",
        ),
    )


SERIES = [
    "market-regulation",
    "urban-management",
    "public-security",
    "ecology-environment",
    "emergency",
    "health",
    "transport",
]
SERIES_MONTHS = 6
LATE_DELAY = 14  # calendar days: past the 7 working days
OVERDUE = {("health", 0)}  # decided last month and never published


def seed_series() -> int:
    """Each unit, each month: a licence or a penalty, published 2–5 days after the decision (every
    seventh late); last month's health penalty is still unpublished (overdue)."""
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=SERIES)}
    today = timezone.localdate()
    created = 0
    for month in range(SERIES_MONTHS):
        for position, code in enumerate(SERIES):
            n = month * len(SERIES) + position
            days_ago = 22 + 30 * month + 3 * position
            decided = today - timedelta(days=days_ago)
            variant = (month + position) % 2
            kind, number, fields = series_entry(code, variant, n, days_ago, decided.year)
            decision, new = make(units[code], kind, number, days_ago, **fields)
            created += new
            if not new or (code, month) in OVERDUE:
                continue
            published_days_after(decision, LATE_DELAY if n % 7 == 3 else 2 + n % 4)
    return created
