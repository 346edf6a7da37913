"""Power lists in the admin: the current items (read only), and the adjustments that change them,
compiled by hand (the changes inline) or imported from Excel, then reviewed and published."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from administration.models import PowerAdjustment, PowerChange, PowerItem
from administration.powers_services import adjustment_save, powers_import, publish_for_admin
from lushan_portal.admin_tools import PublishWithdrawMixin
from lushan_portal.spreadsheets import ImportRejected, validate_upload_size
from organizations.models import Unit
from organizations.scoping import UnitScopedAdminMixin, can_write_unit, user_unit_ids

ERROR_FUTURE = "调整日期不能晚于今天。"


@admin.register(PowerItem)
class PowerItemAdmin(UnitScopedAdminMixin, admin.ModelAdmin):
    """Read only: an item changes only through a published adjustment."""

    list_display = ("code", "name", "power_type", "unit", "is_current", "changed_on")
    list_filter = ("is_current", "power_type")
    search_fields = ("code", "name")
    list_select_related = ("unit",)
    readonly_fields = [f.name for f in PowerItem._meta.fields if not f.name.startswith("search_")]
    exclude = ("search_document", "search_vector")

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class ChangeInline(admin.StackedInline):
    model = PowerChange
    extra = 0
    fields = ("kind", "code", "power_type", "name", "sub_items", "basis", "implementing_body", "responsibilities",
              "accountability", "note")  # fmt: skip

    def _editable(self, request: HttpRequest, obj: PowerAdjustment | None) -> bool:
        return obj is None or (obj.is_editable and can_write_unit(request.user, obj.unit_id))

    def has_add_permission(self, request: HttpRequest, obj: PowerAdjustment | None = None) -> bool:
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: PowerAdjustment | None = None) -> bool:
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: PowerAdjustment | None = None) -> bool:
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("单位"), queryset=Unit.objects.none())
    effective_on = forms.DateField(label=_("调整日期"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("调整原因"), widget=forms.Textarea(attrs={"rows": 3}))
    basis = forms.CharField(label=_("调整依据"), widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(label=_("Excel 或 CSV 文件"), validators=[validate_upload_size])

    def clean_effective_on(self):
        day = self.cleaned_data["effective_on"]
        if day > timezone.localdate():
            raise ValidationError(ERROR_FUTURE)
        return day


@admin.register(PowerAdjustment)
class PowerAdjustmentAdmin(PublishWithdrawMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("unit", "effective_on", "status", "source_file", "published_at")
    list_filter = ("status", "unit")
    search_fields = ("unit__name", "reason", "basis")
    list_select_related = ("unit",)
    fields = ("unit", "effective_on", "reason", "basis", "source_file", "status", "published_at")
    readonly_fields = ("source_file", "status", "published_at")
    inlines = [ChangeInline]
    change_form_template = "admin/administration/change_form.html"
    change_list_template = "admin/administration/poweradjustment/change_list.html"
    publish_service = staticmethod(publish_for_admin)

    def get_urls(self) -> list:
        own = [path("import/", self.admin_site.admin_view(self.import_view), name="administration_powers_import")]
        return own + super().get_urls()

    def has_change_permission(self, request: HttpRequest, obj: PowerAdjustment | None = None) -> bool:
        if obj is not None and not obj.is_editable:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: PowerAdjustment | None = None) -> bool:
        if obj is not None and not obj.is_editable:
            return False  # published adjustments are history: corrected by another adjustment
        return super().has_delete_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: PowerAdjustment, form: forms.ModelForm, change: bool) -> None:
        try:
            adjustment_save(adjustment=obj, by=request.user)
        except ValidationError as error:
            raise PermissionDenied("；".join(error.messages)) from None

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets: list, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):
            form.instance.save()  # a review made before the changes were edited no longer counts

    def render_change_form(self, request: HttpRequest, context: dict, *args, obj: Model | None = None, **kwargs):
        context["can_withdraw"] = False
        context["public_url"] = reverse("administration:unit_powers", args=[obj.unit.code]) if obj else ""
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        units = (
            Unit.objects.all() if request.user.is_superuser else Unit.objects.filter(pk__in=user_unit_ids(request.user))
        )
        form.fields["unit"].queryset = units
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                adjustment, summary = powers_import(
                    unit=form.cleaned_data["unit"],
                    name=upload.name,
                    content=upload.read(),
                    effective_on=form.cleaned_data["effective_on"],
                    reason=form.cleaned_data["reason"],
                    basis=form.cleaned_data["basis"],
                    by=request.user,
                    request=request,
                )
            except ImportRejected as rejected:
                for error in rejected.errors:
                    form.add_error("file", error)
            else:
                self.message_user(
                    request, _("已导入为未发布的调整：%(summary)s。") % {"summary": summary}, messages.SUCCESS
                )
                for warning in summary.warnings:
                    self.message_user(request, warning, messages.WARNING)
                return HttpResponseRedirect(
                    reverse("admin:administration_poweradjustment_change", args=[adjustment.pk])
                )
        context = {**self.admin_site.each_context(request), "form": form, "opts": self.opts, "title": _("导入权责清单")}
        return render(request, "admin/administration/powers_import.html", context)
