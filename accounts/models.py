from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PasswordHistory(models.Model):
    """Hashes of a user's past passwords: the last few cannot be reused; the newest dates the password."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("历史密码")
        verbose_name_plural = _("历史密码")
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.changed_at:%Y-%m-%d}"


class FieldKeyCheck(models.Model):
    """A value encrypted with FIELD_ENCRYPTION_KEY when the database was set up (accounts.keycheck):
    a process started with another key refuses to run instead of reading personal data as unreadable."""

    token = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("加密密钥校验")
        verbose_name_plural = _("加密密钥校验")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d}"
