"""Demo personas for the local demo (never in production)."""

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
