"""Findings, runs, probes and link checks are written by the self-inspection only: read-only here."""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from inspection.models import Finding, LinkCheck, Probe, Run
from organizations.scoping import UnitScopedAdminMixin


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class OpenFilter(admin.SimpleListFilter):
    title = _("状态")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("1", _("未整改")), ("0", _("已整改"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(resolved_at=None)
        if self.value() == "0":
            return queryset.exclude(resolved_at=None)
        return queryset


@admin.register(Finding)
class FindingAdmin(UnitScopedAdminMixin, ReadOnlyAdmin):
    list_display = ("title", "kind", "unit", "veto", "points", "opened_at", "resolved_at", "fix_link")
    list_filter = (OpenFilter, "kind", "veto", ("unit", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("unit",)
    search_fields = ("title", "evidence")
    date_hierarchy = "opened_at"

    @admin.display(description=_("整改入口"))
    def fix_link(self, finding: Finding) -> str:
        url = finding.admin_url or finding.url
        return format_html('<a href="{}">{}</a>', url, _("打开")) if url else ""


@admin.register(Run)
class RunAdmin(ReadOnlyAdmin):
    list_display = ("day", "passed", "score", "findings", "finished_at")


@admin.register(Probe)
class ProbeAdmin(ReadOnlyAdmin):
    list_display = ("at", "url", "source", "status", "elapsed_ms", "ok", "https", "hsts", "identity")
    list_filter = ("ok", "source")
    date_hierarchy = "at"


@admin.register(LinkCheck)
class LinkCheckAdmin(ReadOnlyAdmin):
    list_display = ("url", "scope", "status", "error", "broken", "checked_at")
    list_filter = ("broken", "scope")
    search_fields = ("url",)
