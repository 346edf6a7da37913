from django.contrib import admin
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from compliance.models import Alert
from organizations.scoping import UnitScopedAdminMixin


class OpenFilter(admin.SimpleListFilter):
    title = _("状态")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("1", _("未解除")), ("0", _("已解除"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(resolved_at=None)
        if self.value() == "0":
            return queryset.exclude(resolved_at=None)
        return queryset


@admin.register(Alert)
class AlertAdmin(UnitScopedAdminMixin, admin.ModelAdmin):
    """Alerts are raised and resolved by the scans only: read-only here."""

    list_display = ("rule_title", "unit", "record_link", "due_date", "raised_at", "resolved_at")
    list_filter = (OpenFilter, "rule_code", "unit__kind")
    list_select_related = ("unit", "content_type")
    date_hierarchy = "raised_at"

    @admin.display(description=_("记录"))
    def record_link(self, alert: Alert) -> str:
        label = f"{alert.content_type.name} #{alert.object_id}"
        try:
            url = reverse(
                f"admin:{alert.content_type.app_label}_{alert.content_type.model}_change", args=[alert.object_id]
            )
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)

    @admin.display(description=_("规则"))
    def rule_title(self, alert: Alert) -> str:
        return alert.rule_title

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Alert | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Alert | None = None) -> bool:
        return False
