"""Masking of personal data in every public output (rules.md §4). The one place it happens.

Natural persons, and the person behind a 个体工商户: no ID number, address, phone or bank
account; the name as surname plus asterisks. Free text is scrubbed too: the party's own
name and ID number, and anything shaped like an ID number, mobile number or bank card.
"""

import re

# Two-character surnames (复姓) that keep both characters.
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
        "端木",
        "轩辕",
        "西门",
        "南宫",
        "独孤",
        "呼延",
        "申屠",
        "闻人",
        "万俟",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "太叔",
        "仲孙",
        "钟离",
        "拓跋",
        "百里",
        "东郭",
        "第五",
    ]
)
MASK = "*"
ID_NUMBER_PATTERN = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)")
MOBILE_PATTERN = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
BANK_CARD_PATTERN = re.compile(r"(?<!\d)\d{16,19}(?!\d)")


def mask_person_name(name: str) -> str:
    """张三 → 张*, 张三丰 → 张**, 欧阳锋 → 欧阳*."""
    name = name.strip()
    if not name:
        return ""
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]
    return surname + MASK * max(len(name) - len(surname), 1)


def scrub_text(text: str, *, names: list[str] = ()) -> str:
    """Free text with the given names masked and identifier-shaped numbers removed."""
    for name in sorted(filter(None, (n.strip() for n in names)), key=len, reverse=True):
        text = text.replace(name, mask_person_name(name))
    text = ID_NUMBER_PATTERN.sub("[已隐去]", text)
    text = BANK_CARD_PATTERN.sub("[已隐去]", text)
    return MOBILE_PATTERN.sub("[已隐去]", text)
