"""Lushan County's units as of 2020 (rules.md §8): seed data, corrected by an administrator.

Loading never overwrites a unit that already exists, so corrections made in the admin
survive a rerun. Every unit created here is marked ``is_seed`` until someone checks it.
"""

from organizations.models import Unit, UnitKind

COUNTY = ("county-gov", "鲁山县人民政府", "县政府")

# (code, name, short name); the work plan (seed §2–§5) names most of these.
DEPARTMENTS = [
    ("gov-office", "鲁山县人民政府办公室", "县政府办"),
    ("development-reform", "鲁山县发展和改革委员会", "县发改委"),
    ("education", "鲁山县教育体育局", "县教体局"),
    ("industry-it", "鲁山县科技和工业信息化局", "县科工信局"),
    ("public-security", "鲁山县公安局", "县公安局"),
    ("civil-affairs", "鲁山县民政局", "县民政局"),
    ("justice", "鲁山县司法局", "县司法局"),
    ("finance", "鲁山县财政局", "县财政局"),
    ("human-resources", "鲁山县人力资源和社会保障局", "县人社局"),
    ("natural-resources", "鲁山县自然资源局", "县自然资源局"),
    ("ecology-environment", "平顶山市生态环境局鲁山分局", "生态环境分局"),
    ("housing", "鲁山县住房和城乡建设局", "县住建局"),
    ("transport", "鲁山县交通运输局", "县交通局"),
    ("water", "鲁山县水利局", "县水利局"),
    ("agriculture", "鲁山县农业农村局", "县农业农村局"),
    ("commerce", "鲁山县商务局", "县商务局"),
    ("culture-tourism", "鲁山县文化广电和旅游局", "县文广旅局"),
    ("health", "鲁山县卫生健康委员会", "县卫健委"),
    ("veterans", "鲁山县退役军人事务局", "县退役军人局"),
    ("emergency", "鲁山县应急管理局", "县应急局"),
    ("audit", "鲁山县审计局", "县审计局"),
    ("market-regulation", "鲁山县市场监督管理局", "县市场监管局"),
    ("statistics", "鲁山县统计局", "县统计局"),
    ("medical-insurance", "鲁山县医疗保障局", "县医保局"),
    ("urban-management", "鲁山县城市管理局", "县城管局"),
    ("forestry", "鲁山县林业局", "县林业局"),
    ("poverty-alleviation", "鲁山县扶贫开发办公室", "县扶贫办"),
    ("petitions", "鲁山县信访局", "县信访局"),
    ("cyberspace", "中共鲁山县委网络安全和信息化委员会办公室", "县委网信办"),
    ("approval-service", "鲁山县行政审批服务中心", "县行政审批服务中心"),
    ("public-resources", "鲁山县公共资源交易中心", "县公共资源交易中心"),
    ("taxation", "国家税务总局鲁山县税务局", "县税务局"),
]

SUBDISTRICTS = [("luyang", "鲁阳街道"), ("qintai", "琴台街道"), ("huiyuan", "汇源街道"), ("lufeng", "露峰街道")]
TOWNS = [
    ("xiatang", "下汤镇"),
    ("liangwa", "梁洼镇"),
    ("zhangguanying", "张官营镇"),
    ("zhangliang", "张良镇"),
    ("yaoshan", "尧山镇"),
    ("wawu", "瓦屋镇"),
]
TOWNSHIPS = [
    ("xinji", "辛集乡"),
    ("zhangdian", "张店乡"),
    ("xiongbei", "熊背乡"),
    ("ranghe", "瀼河乡"),
    ("zhaocun", "赵村乡"),
    ("dongzhou", "董周乡"),
    ("cangtou", "仓头乡"),
    ("malou", "马楼乡"),
    ("tuancheng", "团城乡"),
    ("beizi", "背孜乡"),
    ("gunziying", "磙子营乡"),
    ("guanyinsi", "观音寺乡"),
    ("sikeshu", "四棵树乡"),
    ("kuqu", "昭平台库区乡"),
]
OTHERS = [("tumen", "土门办事处")]


def seed_rows() -> list[dict]:
    rows = [{"code": COUNTY[0], "name": COUNTY[1], "short_name": COUNTY[2], "kind": UnitKind.COUNTY_GOVERNMENT}]
    groups = [
        (UnitKind.COUNTY_DEPARTMENT, DEPARTMENTS),
        (UnitKind.SUBDISTRICT, [(code, f"鲁山县{name}办事处", name) for code, name in SUBDISTRICTS]),
        (UnitKind.TOWNSHIP, [(code, f"鲁山县{name}人民政府", name) for code, name in TOWNS + TOWNSHIPS]),
        (UnitKind.OTHER, [(code, f"鲁山县{name}", name) for code, name in OTHERS]),
    ]
    for kind, entries in groups:
        rows += [{"code": code, "name": name, "short_name": short, "kind": kind} for code, name, short in entries]
    return rows


def seed_units() -> int:
    """Create the seed units that do not exist yet; return how many were created."""
    existing = set(Unit.objects.values_list("code", flat=True))
    created = 0
    county = Unit.objects.filter(code=COUNTY[0]).first()
    for order, row in enumerate(seed_rows(), start=1):
        if row["code"] in existing:
            continue
        unit = Unit.objects.create(
            **row,
            parent=None if row["kind"] == UnitKind.COUNTY_GOVERNMENT else county,
            sort_order=order * 10,
            is_seed=True,
        )
        if row["kind"] == UnitKind.COUNTY_GOVERNMENT:
            county = unit
        created += 1
    return created
