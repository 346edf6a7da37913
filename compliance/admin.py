from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from compliance.models import Alert, IndicatorWeight, Obligation, ObligationDue
from compliance.obligations import due_check, obligation_dues_ensure
from compliance.registry import indicators, rules
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


class RuleFilter(admin.SimpleListFilter):
    """By the rule's Chinese title (the registered rules), not its code."""

    title = _("规则")
    parameter_name = "rule"

    def lookups(self, request, model_admin):
        return [(rule.code, rule.title) for rule in rules()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(rule_code=self.value())
        return queryset


@admin.register(Alert)
class AlertAdmin(UnitScopedAdminMixin, admin.ModelAdmin):
    """Alerts are raised and resolved by the scans only: read-only here."""

    list_display = ("rule_title", "unit", "record_link", "due_date", "raised_at", "resolved_at")
    list_filter = (OpenFilter, RuleFilter, ("unit", admin.RelatedOnlyFieldListFilter), "unit__kind")
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


@admin.register(Obligation)
class ObligationAdmin(SimpleHistoryAdmin):
    """Supervisors define the year's work-plan obligations; saving expands them per unit and period."""

    list_display = ("title", "year", "frequency", "due_on", "basis")
    list_filter = ("year", "frequency")
    filter_horizontal = ("units",)

    def save_related(self, request: HttpRequest, form: object, formsets: object, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        created = obligation_dues_ensure(obligation=form.instance)
        self.message_user(request, _("已生成 %(n)d 项单位任务。") % {"n": created})


class DueForm(forms.ModelForm):
    evidence_url = forms.URLField(label=_("佐证链接"), required=False, assume_scheme="https")

    class Meta:
        model = ObligationDue
        fields = ["fulfilled_on", "evidence_url", "evidence_file", "note"]

    def _post_clean(self) -> None:
        super()._post_clean()
        try:
            due_check(self.instance)
        except ValidationError as error:
            self._update_errors(error)


@admin.register(ObligationDue)
class ObligationDueAdmin(UnitScopedAdminMixin, SimpleHistoryAdmin):
    """Units record fulfilment with a date and evidence."""

    form = DueForm
    list_display = ("obligation", "unit", "period", "due_on", "fulfilled_on")
    list_filter = ("obligation__year", "obligation", ("fulfilled_on", admin.EmptyFieldListFilter))
    list_select_related = ("obligation", "unit")
    readonly_fields = ("obligation", "unit", "period", "due_on")
    fields = ("obligation", "unit", "period", "due_on", "fulfilled_on", "evidence_url", "evidence_file", "note")

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ObligationDue | None = None) -> bool:
        return False


@admin.register(IndicatorWeight)
class IndicatorWeightAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "weight")
    list_editable = ("weight",)

    @admin.display(description=_("指标名称"))
    def title(self, weight: IndicatorWeight) -> str:
        found = next((i for i in indicators() if i.code == weight.code), None)
        return str(found.title) if found else weight.code

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "code":
            kwargs["widget"] = forms.Select(choices=[(i.code, str(i.title)) for i in indicators()])
        return super().formfield_for_dbfield(db_field, request, **kwargs)
