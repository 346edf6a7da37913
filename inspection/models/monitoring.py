from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ProbeSource(models.TextChoices):
    BEAT = "beat", _("本机定时")
    COMMAND = "command", _("外部探测（manage.py probe）")


class Probe(models.Model):
    """One visit to the home page: how long it took, whether it opened, what it showed."""

    at = models.DateTimeField(_("时间"), db_index=True)
    url = models.CharField(_("地址"), max_length=500)
    source = models.CharField(_("来源"), max_length=10, choices=ProbeSource.choices, default=ProbeSource.BEAT)
    status = models.PositiveSmallIntegerField(_("状态码"), null=True, blank=True)
    elapsed_ms = models.PositiveIntegerField(_("响应时间（毫秒）"), null=True, blank=True)
    ok = models.BooleanField(_("按时打开"))
    error = models.CharField(_("错误"), max_length=300, blank=True)
    https = models.BooleanField(_("HTTPS"), default=False)
    hsts = models.BooleanField(_("HSTS"), default=False)
    identity = models.BooleanField(_("网站标识完整"), default=False)
    search_entry = models.BooleanField(_("有搜索入口"), default=False)
    feedback_entry = models.BooleanField(_("有“我为政府网站找错”入口"), default=False)
    ipv6 = models.BooleanField(_("IPv6 可访问"), null=True, blank=True)  # None: not measured

    class Meta:
        verbose_name = _("可用性探测")
        verbose_name_plural = _("可用性探测")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.url} {'✓' if self.ok else '✗'}"


class LinkScope(models.TextChoices):
    INTERNAL = "internal", _("站内")
    OUTBOUND = "outbound", _("外部")


class LinkCheck(models.Model):
    """A link the checker visited, its last answer, and the pages that carry it.

    ``sources``: [{"title", "url", "unit_id", "admin_url"}] of the pages (or published records) the
    link appears on, so a broken link is told to the owner of the page, not of the target.
    """

    url = models.CharField(_("链接"), max_length=1000, unique=True)
    scope = models.CharField(_("范围"), max_length=10, choices=LinkScope.choices)
    status = models.PositiveSmallIntegerField(_("状态码"), null=True, blank=True)
    error = models.CharField(_("错误"), max_length=300, blank=True)
    broken = models.BooleanField(_("失效"), default=False)
    sources = models.JSONField(_("所在页面"), default=list)
    checked_at = models.DateTimeField(_("检查时间"))

    class Meta:
        verbose_name = _("链接检查")
        verbose_name_plural = _("链接检查")
        ordering = ["url"]
        indexes = [models.Index(fields=["scope"], condition=Q(broken=True), name="linkcheck_broken_idx")]

    def __str__(self) -> str:
        return self.url
