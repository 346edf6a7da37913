from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    LOGIN = "login", _("登录")
    LOGIN_FAILED = "login_failed", _("登录失败")
    LOGOUT = "logout", _("退出")
    LOCKOUT = "lockout", _("账号锁定")
    UNLOCK = "unlock", _("解除锁定")
    CREATE = "create", _("新增")
    CHANGE = "change", _("修改")
    DELETE = "delete", _("删除")
    PUBLISH = "publish", _("发布")
    WITHDRAW = "withdraw", _("撤回")
    IMPORT = "import", _("导入")
    EXPORT = "export", _("导出")
    ROLE = "role", _("角色或权限变更")
    REVEAL = "reveal", _("查看个人信息")


class AuditEvent(models.Model):
    """An append-only, hash-chained record of who did what (等保 2.0 安全审计).

    On PostgreSQL a trigger rejects UPDATE and DELETE (except rows past the retention floor).
    Each row's hash covers its fields and the previous row's hash; audit_verify checks it.
    """

    at = models.DateTimeField(_("时间"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("账号"), max_length=150, blank=True)
    units = models.CharField(_("单位"), max_length=300, blank=True)
    event = models.CharField(_("事件"), max_length=16, choices=Event.choices)
    object_type = models.CharField(_("对象类型"), max_length=100, blank=True)
    object_id = models.CharField(_("对象"), max_length=64, blank=True)
    object_repr = models.CharField(_("对象名称"), max_length=300, blank=True)
    result = models.CharField(_("结果"), max_length=16, default="success")
    ip = models.GenericIPAddressField(_("客户端地址"), null=True, blank=True)
    detail = models.TextField(_("说明"), blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")
        ordering = ["-id"]
        permissions = [("export_auditevent", _("导出审计日志"))]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username} {self.get_event_display()}"
