"""Demo personas for the local demo (never in production), and invented names and dates the
other apps' demos share."""

from datetime import date

from django.contrib.auth import get_user_model

from organizations.models import Role, Unit
from organizations.seed import seed_units
from organizations.services import membership_grant, supervisor_grant

DEMO_PASSWORD = "demo-2026"

# (username, description, unit code or None, role)
PERSONAS = [
    ("admin", "系统管理员（超级用户）", None, "superuser"),
    ("editor-a", "县民政局信息员", "civil-affairs", Role.EDITOR),
    ("editor-b", "县教育体育局信息员", "education", Role.EDITOR),
    ("reviewer", "县民政局审核员", "civil-affairs", Role.REVIEWER),
    ("enforcer", "县市场监督管理局信息员（执法公示）", "market-regulation", Role.EDITOR),
    ("supervisor", "县政务公开办督查员", None, "supervisor"),
]


# Invented citizens for the demo's lists (低保, subsidies, penalties): common surnames and given
# names combined, so that no list names a real person on purpose. They are personal data all
# the same, and every public page masks them as it would real names.
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁宋谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN_NAMES = [
    "秀兰", "建军", "桂芳", "德全", "玉梅", "国庆", "凤英", "明亮", "春花", "长顺", "丽娟", "志刚", "素珍",
    "红旗", "玉兰", "建设", "淑芬", "天福", "翠英", "金山", "彩霞", "宝林", "桂英", "守义", "秋菊", "永胜",
    "玉珍", "海涛", "兰英", "广才", "书贵", "金凤", "新民", "小芳", "振华", "爱莲", "保国", "冬梅", "铁柱",
]  # fmt: skip


def person_name(n: int) -> str:
    """The n-th invented name; the same n always gives the same name (the demo is reproducible)."""
    return SURNAMES[n % len(SURNAMES)] + GIVEN_NAMES[(n * 7) % len(GIVEN_NAMES)]


def months_ago(today: date, months: int, day: int = 1) -> date:
    """The given day of the month ``months`` before today's month."""
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, day)


CHINESE_NUMBERS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (article numbers up to 99)."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CHINESE_NUMBERS[tens - 1] + "十")
    return head + (CHINESE_NUMBERS[units - 1] if units else "")


def articles(chapters: list[tuple[str, list[str]]]) -> str:
    """A regulation's text: 第一章 … with 第一条 … numbered across chapters (a chapter title '' for none)."""
    lines, number = [], 0
    for n, (title, paragraphs) in enumerate(chapters, start=1):
        if title:
            lines.append(f"第{chinese_number(n)}章　{title}")
        for paragraph in paragraphs:
            number += 1
            lines.append(f"第{chinese_number(number)}条　{paragraph}")
    return "\n".join(lines)


def seed(log: callable) -> None:
    created = seed_units()
    log(f"单位：新建 {created} 个（共 {Unit.objects.count()} 个）")
    User = get_user_model()
    for username, description, unit_code, role in PERSONAS:
        user, is_new = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        if is_new:
            user.set_password(DEMO_PASSWORD)
            user.is_superuser = role == "superuser"
            user.save()
        if role == "supervisor":
            supervisor_grant(user=user)
        elif unit_code:
            membership_grant(user=user, unit=Unit.objects.get(code=unit_code), role=role)
        log(f"  演示账号 {username} / {DEMO_PASSWORD}  {description}")
    log("  admin、reviewer、supervisor 首次登录须用手机身份验证器扫描二维码（双因素认证）。")
