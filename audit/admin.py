from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from accounts.roles import AUDITOR, has_admin_role
from audit.models import AuditEvent, Event
from audit.services import audit_record
from lushan_portal.spreadsheets import SafeCsvWriter


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Only the audit administrator (审计管理员) reads the log; nobody changes or deletes it."""

    list_display = ("at", "username", "units", "event", "object_repr", "result", "ip")
    list_filter = ("event", "result")
    search_fields = ("username", "object_repr", "detail", "ip")
    date_hierarchy = "at"
    actions = ["export_csv"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return has_admin_role(request.user, AUDITOR)

    def has_view_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return has_admin_role(request.user, AUDITOR)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    @admin.action(description=_("导出所选日志（CSV）"))
    def export_csv(self, request: HttpRequest, queryset) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="audit.csv"'
        response.write("\ufeff")
        writer = SafeCsvWriter(response)
        writer.writerow(["时间", "账号", "单位", "事件", "对象", "结果", "地址", "说明", "哈希"])
        for row in queryset.order_by("id"):
            writer.writerow([row.at.isoformat(), row.username, row.units, row.get_event_display(), row.object_repr,
                             row.result, row.ip or "", row.detail, row.hash])  # fmt: skip
        audit_record(event=Event.EXPORT, user=request.user, request=request, detail=f"审计日志 {queryset.count()} 条")
        return response

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions
