"""Service guides in the admin: the unit's staff compile a guide (materials and steps inline), the
list shows which elements each one lacks, publishing opens the review form and is refused while an
element is missing; a published guide is corrected with a public note or withdrawn with a reason."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from administration.guides_selectors import complete_q, incomplete_q, missing_elements, with_completeness
from administration.guides_services import (
    ERROR_INCOMPLETE_CORRECTION,
    ERROR_NOTE_REQUIRED,
    guide_correct,
    guide_publish,
    guide_refusal,
    guide_save,
    guide_withdraw,
)
from administration.models import GuideMaterial, GuideStatus, GuideStep, LifeEvent, PowerItem, ServiceGuide
from lushan_portal.admin_tools import PublishWithdrawMixin
from organizations.scoping import UnitScopedAdminMixin, can_write_unit, user_unit_ids

GUIDE_FIELDS = [
    "unit",
    "code",
    "power_item",
    "name",
    "themes",
    "legal_basis",
    "conditions",
    "location",
    "hours",
    "legal_limit_days",
    "promised_limit_days",
    "fee_mode",
    "fee_basis",
    "fee_amount",
    "consult_phone",
    "complaint_phone",
    "delivery",
    "online_url",
]
STATE_FIELDS = ["status", "published_at", "corrected_at", "withdrawn_at", "withdrawal_reason", "created_by"]


class PublishedNeedsRows(BaseInlineFormSet):
    """A published guide keeps at least one material and one step (a correction cannot drop them)."""

    def clean(self) -> None:
        super().clean()
        if self.instance.pk is None or self.instance.status != GuideStatus.PUBLISHED:
            return
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if not kept:
            label = self.model._meta.verbose_name_plural
            raise forms.ValidationError(_(ERROR_INCOMPLETE_CORRECTION) % {"missing": label})


class MaterialInline(admin.TabularInline):
    model = GuideMaterial
    formset = PublishedNeedsRows
    extra = 0
    fields = ("order", "name", "form", "copies", "source", "shared", "note")


class StepInline(admin.TabularInline):
    model = GuideStep
    formset = PublishedNeedsRows
    extra = 0
    fields = ("order", "title", "description")


def _formfield(db_field: models.Field, **kwargs: object) -> forms.Field | None:
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")  # a link typed without a scheme is https
    return db_field.formfield(**kwargs)


class GuideForm(forms.ModelForm):
    class Meta:
        model = ServiceGuide
        fields = [*GUIDE_FIELDS, "correction_note"]
        formfield_callback = _formfield

    def clean(self) -> dict:
        data = super().clean()
        note_missing = not (data.get("correction_note") or "").strip() or "correction_note" not in self.changed_data
        if self._corrects_published() and note_missing:
            self.add_error("correction_note", _(ERROR_NOTE_REQUIRED))
        return data

    def _corrects_published(self) -> bool:
        guide = self.instance
        return guide.pk is not None and guide.status == GuideStatus.PUBLISHED and self.has_changed()

    def _post_clean(self) -> None:
        super()._post_clean()  # the instance now holds the submitted values
        if self._corrects_published():
            # Materials and steps are kept by their formsets (PublishedNeedsRows).
            missing = missing_elements(self.instance, has_materials=True, has_steps=True)
            if missing:
                self.add_error(None, _(ERROR_INCOMPLETE_CORRECTION) % {"missing": "、".join(missing)})


class CompletenessFilter(admin.SimpleListFilter):
    title = _("要素")
    parameter_name = "complete"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("no", _("缺少要素")), ("yes", _("要素齐全"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "no":
            return queryset.filter(incomplete_q())
        if self.value() == "yes":
            return queryset.filter(complete_q())
        return queryset


@admin.register(ServiceGuide)
class ServiceGuideAdmin(PublishWithdrawMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    form = GuideForm
    list_display = ("name_shown", "unit", "status", "missing_shown", "published_at")
    list_filter = (CompletenessFilter, "status", "themes")
    search_fields = ("name", "code", "unit__name")
    list_select_related = ("unit",)
    filter_horizontal = ("themes",)
    inlines = [MaterialInline, StepInline]
    readonly_fields = STATE_FIELDS
    change_form_template = "admin/administration/publishable_change_form.html"
    publish_service = staticmethod(lambda obj, by: guide_publish(guide=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: guide_withdraw(guide=obj, reason=reason, by=by))

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return with_completeness(super().get_queryset(request))

    def formfield_for_dbfield(self, db_field: models.Field, request: HttpRequest, **kwargs: object):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "power_item":  # the current items of the units the user writes for
            items = PowerItem.objects.filter(is_current=True).select_related("unit").order_by("unit", "position")
            if not request.user.is_superuser:
                items = items.filter(unit__in=user_unit_ids(request.user))
            kwargs["queryset"] = items
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("事项名称"), ordering="name")
    def name_shown(self, guide: ServiceGuide) -> str:
        return str(guide)

    @admin.display(description=_("缺少的要素"))
    def missing_shown(self, guide: ServiceGuide) -> str:
        return "、".join(missing_elements(guide)) or "—"

    def get_fields(self, request: HttpRequest, obj: ServiceGuide | None = None) -> list[str]:
        if obj is None:
            return GUIDE_FIELDS
        note = ["correction_note"] if obj.status == GuideStatus.PUBLISHED else []
        return [*GUIDE_FIELDS, *note, *STATE_FIELDS]

    def get_readonly_fields(self, request: HttpRequest, obj: ServiceGuide | None = None) -> tuple:
        fields = tuple(super().get_readonly_fields(request, obj))  # the state and the review panel
        if obj is not None and obj.status == GuideStatus.WITHDRAWN:
            return (*fields, *GUIDE_FIELDS, "correction_note")
        if obj is not None:
            return (*fields, "unit")  # a guide stays with its unit (scoping, reviews)
        return fields

    def has_change_permission(self, request: HttpRequest, obj: ServiceGuide | None = None) -> bool:
        if obj is not None and obj.status == GuideStatus.WITHDRAWN:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: ServiceGuide | None = None) -> bool:
        return False  # withdrawn with a reason, never deleted

    def save_model(self, request: HttpRequest, obj: ServiceGuide, form: forms.ModelForm, change: bool) -> None:
        if change and obj.status == GuideStatus.PUBLISHED:
            guide_correct(guide=obj, note=form.cleaned_data.get("correction_note", ""), by=request.user)
        else:
            guide_save(guide=obj, by=request.user)

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets: list, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):
            # A new history row: a review recorded before this change no longer covers the guide.
            form.instance.save()

    def render_change_form(self, request: HttpRequest, context: dict, *args: object, **kwargs: object) -> HttpResponse:
        guide = context.get("original")
        if guide is not None:
            context.update(publish_buttons(request, guide, "serviceguide"))
            if guide.status == GuideStatus.DRAFT:
                context["refusal"] = guide_refusal(guide)
        return super().render_change_form(request, context, *args, **kwargs)


def publish_buttons(request: HttpRequest, obj, model_name: str, *, unit_id: int | None = None) -> dict:
    """The object tools of a publishable record: 审查并发布 while a draft, 撤回 and the public page
    once published; only for those who write the record's unit (supervisors read)."""
    unit_id = unit_id if unit_id is not None else obj.unit_id
    if not can_write_unit(request.user, unit_id):
        return {}
    buttons = {}
    if obj.status == "draft":
        buttons["publish_url"] = reverse(f"admin:administration_{model_name}_publish", args=[obj.pk])
    elif obj.status == "published":
        buttons["withdraw_url"] = reverse(f"admin:administration_{model_name}_withdraw", args=[obj.pk])
        buttons["public_url"] = obj.get_absolute_url()
    return buttons


@admin.register(LifeEvent)
class LifeEventAdmin(SimpleHistoryAdmin):
    """The county's 全生命周期 themes (kept by the openness office; staff pick them on a guide)."""

    list_display = ("name", "audience", "code", "sort_order")
    list_filter = ("audience",)
    search_fields = ("name", "code")

    def has_delete_permission(self, request: HttpRequest, obj: LifeEvent | None = None) -> bool:
        return request.user.is_superuser and (obj is None or not obj.guides.exists())
