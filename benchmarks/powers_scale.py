"""Power and responsibility lists at scale: 50,000 current items of the seeded units on PostgreSQL.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lushan_bench \\
        .venv/bin/python benchmarks/powers_scale.py [--items 50000 --repeat 20]

Loads the items (each with the published adjustment that added it) with COPY when missing, runs
ANALYZE, then times, through the Django test client as an anonymous visitor with the page cache
off (every request renders): the county-wide search by name (a common and a rare word), by legal
basis, by type, the county view with its counts by type, a unit's list and a diff between two
dates, and the API search: median, 95th percentile and the number of queries.
"""

import argparse
import random
import time
from datetime import date, timedelta

from harness import analyze, arguments, copy_rows, report, setup_django

OBJECTS = [
    "食品经营", "药品零售", "特种设备", "建筑施工", "道路运输", "出租汽车", "民办学校", "医疗机构", "社会团体",
    "民办非企业单位", "宅基地", "林木采伐", "取水", "河道采砂", "排污", "烟花爆竹", "危险化学品", "广告",
    "户外招牌", "城市道路挖掘", "占道经营", "建设工程规划", "施工图审查", "消防设计", "人防工程", "动物防疫",
    "农药经营", "种子生产", "兽药经营", "渔业捕捞", "生猪屠宰", "文化娱乐场所", "网吧", "旅行社", "演出",
    "卫生", "职业病防治", "放射诊疗", "献血", "殡葬设施", "养老机构", "婚姻登记", "地名", "劳务派遣",
    "人力资源服务", "社会保险", "最低生活保障", "临时救助", "特困供养", "计量器具",
]  # fmt: skip
ACTIONS = {
    "licensing": ["许可", "审批", "登记", "核准"],
    "penalty": ["违法行为的处罚", "违规经营的处罚", "未经许可从事活动的处罚"],
    "coercion": ["查封扣押", "强制拆除", "代履行"],
    "levy": ["费征收", "补偿费征收"],
    "benefit": ["资金给付", "补贴发放"],
    "inspection": ["监督检查", "专项检查", "年度检查"],
    "confirmation": ["资格确认", "对象认定"],
    "reward": ["表彰奖励"],
    "adjudication": ["权属争议裁决"],
    "other": ["备案", "年报公示"],
}
LAWS = [
    "中华人民共和国行政许可法", "中华人民共和国行政处罚法", "中华人民共和国行政强制法", "中华人民共和国食品安全法",
    "中华人民共和国药品管理法", "中华人民共和国特种设备安全法", "中华人民共和国建筑法", "中华人民共和国道路运输条例",
    "中华人民共和国土地管理法", "中华人民共和国森林法", "中华人民共和国水法", "中华人民共和国环境保护法",
    "中华人民共和国安全生产法", "中华人民共和国广告法", "中华人民共和国城乡规划法", "中华人民共和国消防法",
    "中华人民共和国动物防疫法", "中华人民共和国种子法", "中华人民共和国教育法", "中华人民共和国民办教育促进法",
    "社会团体登记管理条例", "社会救助暂行办法", "殡葬管理条例", "地名管理条例", "烟花爆竹安全管理条例",
    "危险化学品安全管理条例", "生猪屠宰管理条例", "娱乐场所管理条例", "旅行社条例", "营业性演出管理条例",
    "医疗机构管理条例", "养老机构管理办法", "劳务派遣暂行规定", "人力资源市场暂行条例", "计量法实施细则",
    "河南省实施《中华人民共和国森林法》办法", "河南省城市市容和环境卫生管理条例", "河南省社会救助实施办法",
    "平顶山市城市绿化条例", "鲁山县临时救助实施细则",
]  # fmt: skip
RARE = "鲁山县临时救助实施细则"  # cited by about one item in forty


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--items", type=int, default=50_000, help="current power items, spread over the seeded units")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per figure")


def item_values(rng: random.Random, n: int) -> dict[str, str]:
    power_type = rng.choice(list(ACTIONS))
    name = f"{rng.choice(OBJECTS)}{rng.choice(ACTIONS[power_type])}"
    laws = rng.sample(LAWS, 2)
    return {
        "code": f"{power_type[:2].upper()}-{n:06d}",
        "power_type": power_type,
        "name": name,
        "sub_items": "\n".join(f"{name}（{k}）" for k in ("新办", "变更", "注销")[: rng.randint(0, 3)]),
        "basis": f"《{laws[0]}》第{rng.randint(1, 90)}条；《{laws[1]}》第{rng.randint(1, 60)}条",
        "implementing_body": "本单位",
        "responsibilities": "1.受理责任：公示应当提交的材料。\n2.审查责任：审查申请材料。\n3.决定责任：依法作出决定。",
        "accountability": "对符合法定条件的申请不予受理的；不依法履行监督职责的。",
    }


def load(items: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from administration.models import ITEM_FIELDS, PowerItem
    from administration.powers_services import search_document
    from organizations.models import Unit
    from organizations.seed import seed_units

    if PowerItem.objects.filter(is_current=True).count() >= items:
        print(f"{items:,} power items already loaded")
        return
    seed_units()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE administration_powerchange, administration_poweritem, administration_poweradjustment"
            " RESTART IDENTITY CASCADE"
        )
    units = list(Unit.objects.order_by("pk").values_list("id", flat=True))[:60]
    started = time.perf_counter()
    rng = random.Random(2026)
    day = date(2025, 1, 6)
    now = timezone.now().isoformat()
    adjustments = [[unit, day, "首次公布", "鲁编办〔2024〕12号", "", "published", now, now] for unit in units]
    copy_rows(
        "administration_poweradjustment",
        ["unit_id", "effective_on", "reason", "basis", "source_file", "status", "published_at", "created_at"],
        adjustments,
    )
    item_rows, change_rows = [], []
    for n in range(1, items + 1):
        unit_index = n % len(units)
        values = item_values(rng, n)
        if n % 40 == 0:
            values["basis"] += f"；《{RARE}》"
        fields = [values[name] for name in ITEM_FIELDS]
        item_rows.append([units[unit_index], *fields, True, day, day, n, search_document(values)])
        change_rows.append([unit_index + 1, "added", *fields, "", n, n, units[unit_index], day])
    copy_rows(
        "administration_poweritem",
        ["unit_id", *ITEM_FIELDS, "is_current", "added_on", "changed_on", "position", "search_document"],
        item_rows,
    )
    copy_rows(
        "administration_powerchange",
        ["adjustment_id", "kind", *ITEM_FIELDS, "note", "item_id", "position", "unit_id", "effective_on"],
        change_rows,
    )
    print(f"loaded {items:,} items of {len(units)} units in {time.perf_counter() - started:.1f} s")


def bench(repeat: int) -> None:
    from django.test import Client

    from administration.models import PowerItem

    client = Client()
    unit = PowerItem.objects.values_list("unit__code", flat=True).first()
    day = date(2025, 1, 6)
    pages = [
        ("search, common word (登记)", "/powers/?q=登记"),
        ("search, common word, page 5", "/powers/?q=登记&page=5"),
        ("search, rare basis (repealed rules)", f"/powers/?q={RARE}"),
        ("search, basis (食品安全法)", "/powers/?q=食品安全法"),
        ("search, no match", "/powers/?q=不存在的职权名称"),
        ("search, one character (证)", "/powers/?q=证"),
        ("by type (行政处罚)", "/powers/?type=penalty"),
        ("search + type + unit", f"/powers/?q=检查&type=inspection&unit={unit}"),
        ("county view (counts by type)", "/powers/"),
        ("a unit's list (~830 items)", f"/units/{unit}/powers/"),
        ("a unit's diff between two dates", f"/units/{unit}/powers/?from={day - timedelta(days=1)}&to={day}"),
        ("API search (登记)", "/api/power-items/?q=登记"),
    ]
    for label, url in pages:
        assert client.get(url).status_code == 200, url
        report(label, lambda url=url: client.get(url), repeat=repeat, width=38)


def main() -> None:
    args = arguments(__doc__, add_arguments)
    setup_django()
    load(args.items)
    analyze()
    bench(args.repeat)


if __name__ == "__main__":
    main()
