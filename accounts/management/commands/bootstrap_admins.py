import secrets
import string

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from accounts.roles import ADMIN_ROLES, admin_role_grant
from accounts.usernames import validate_username

ALPHABET = string.ascii_letters + string.digits + "!@#%^*-_=+"
NAMES = {"system_admin": "sysadmin", "security_admin": "secadmin", "auditor": "auditadmin"}


def strong_password() -> str:
    while True:
        password = "".join(secrets.choice(ALPHABET) for _ in range(20))
        if (
            any(c.isupper() for c in password)
            and any(c.islower() for c in password)
            and any(c.isdigit() for c in password)
        ):
            return password


class Command(BaseCommand):
    help = "新系统初始化：创建系统管理员、安全管理员、审计管理员三个账号（三员分立），各自的初始密码只显示一次。"

    def add_arguments(self, parser: CommandParser) -> None:
        for role, name in NAMES.items():
            parser.add_argument(f"--{role.replace('_', '-')}", dest=role, default=name, help=f"账号名（默认 {name}）")

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        User = get_user_model()
        names = {role: str(options[role]) for role in ADMIN_ROLES}
        for name in names.values():
            try:
                validate_username(name)
            except ValidationError as error:
                raise CommandError(f"{name}：{error.messages[0]}") from error
        if len(set(names.values())) < len(names):
            raise CommandError("三员账号名不能重复。")
        if User.objects.filter(username__in=names.values()).exists():
            raise CommandError("三员账号已存在，不重复创建。")
        for role in ADMIN_ROLES:
            password = strong_password()
            user = User.objects.create_user(username=names[role], password=password, is_staff=True)
            admin_role_grant(user=user, role=role)  # by the server: the policy's separation rule only
            self.stdout.write(f"{names[role]}  {password}")
        self.stdout.write(self.style.WARNING("请立即登录并修改以上初始密码；本命令不会再次显示。"))
