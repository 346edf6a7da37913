from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from catalog.models import (
    OPEN_STATUSES,
    PENDING,
    Attachment,
    Catalog,
    CatalogItem,
    CatalogReview,
    CatalogStatus,
    Domain,
    Publication,
    pending_q,
)
from catalog.public import masking_notes
from catalog.rules import parse_time_limits
from catalog.services import (
    ERROR_FUTURE_PUBLICATION,
    ERROR_OPEN_DRAFT,
    can_review,
    catalog_default_levels,
    catalog_import,
    catalog_review,
    catalog_start,
    catalog_submit,
    item_prepare,
    openness_office_code,
    publication_publish,
    publication_save,
    publication_withdraw,
)
from lushan_portal.admin_tools import DraftOnlyMixin, PublishWithdrawMixin, approve_or_return_view
from lushan_portal.masking import masking_warning
from lushan_portal.spreadsheets import ImportRejected, validate_upload_size
from organizations.models import Role, Unit, UnitKind
from organizations.scoping import UnitScopedAdminMixin, can_write_unit, is_supervisor, user_unit_ids

MASKING_NOTES_SHOWN = 5  # a 30-row list would otherwise fill the screen
MESSAGE_DEFAULTED = "已按本单位层级补充 %(n)d 个事项的公开层级（事项上标注为“按本单位层级默认”）。"


@admin.register(Domain)
class DomainAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "lead_unit", "sort_order", "is_active")
    list_editable = ("sort_order",)


LEVEL_FLAGS = {"level_county", "level_township"}


class CatalogItemForm(forms.ModelForm):
    """The time limit is edited as wording; its clauses are parsed from it."""

    class Meta:
        model = CatalogItem
        fields = [
            "group_number", "level1", "level2", "content", "basis", "time_limit_text", "responsible", "channels",
            "audience_public", "audience_specific", "mode_proactive", "mode_on_request", "level_county",
            "level_township",
        ]  # fmt: skip

    def clean(self) -> dict:
        cleaned = super().clean()
        try:
            self.instance.time_limits = parse_time_limits(cleaned.get("time_limit_text") or "")
        except ValueError as error:
            self.add_error("time_limit_text", str(error))
        return cleaned


def clauses_display(item: CatalogItem) -> str:
    """'20个工作日（通用）；7个工作日（行政许可、行政处罚决定）；公示期7个工作日'."""
    units = {"working_days": "个工作日", "calendar_days": "日", "continuous": ""}
    parts = []
    for clause in item.time_limits or []:
        amount = f"{clause['days']}{units[clause['unit']]}" if clause["days"] is not None else "实时/及时"
        parts.append(f"公示期{amount}" if clause["period"] else f"{amount}（{clause['applies_to'] or '通用'}）")
    return "；".join(parts)


class CatalogItemInline(admin.StackedInline):
    model = CatalogItem
    form = CatalogItemForm
    extra = 0
    fields = (
        "pending_display",
        ("group_number", "level1", "level2"),
        "content",
        "basis",
        ("time_limit_text", "time_limit_clauses"),
        ("responsible", "channels"),
        ("audience_public", "audience_specific", "mode_proactive", "mode_on_request", "level_county", "level_township"),
        "level_defaulted",
    )
    readonly_fields = ("pending_display", "time_limit_clauses", "level_defaulted")

    @admin.display(description=_("待补充"))
    def pending_display(self, item: CatalogItem) -> str:
        if item.pk is None or not item.pending_fields:
            return "—"
        return format_html('<span class="errornote">{}：{}</span>', PENDING, "、".join(item.pending_fields))

    @admin.display(description=_("时限条款"))
    def time_limit_clauses(self, item: CatalogItem) -> str:
        return clauses_display(item) if item.pk else "—"

    def _editable(self, request: HttpRequest, obj: Catalog | None) -> bool:
        return obj is None or (obj.is_editable and can_write_unit(request.user, obj.unit_id))

    def has_add_permission(self, request: HttpRequest, obj: Catalog | None = None) -> bool:
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Catalog | None = None) -> bool:
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Catalog | None = None) -> bool:
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


class ReviewInline(admin.TabularInline):
    model = CatalogReview
    extra = 0
    can_delete = False
    readonly_fields = ("reviewer", "decision", "comment", "reviewed_at")

    def has_add_permission(self, request: HttpRequest, obj: Catalog | None = None) -> bool:
        return False


class CatalogAddForm(forms.ModelForm):
    class Meta:
        model = Catalog
        fields = ["unit", "domain", "based_on", "not_applicable", "not_applicable_note"]

    def clean(self) -> dict:
        cleaned = super().clean()
        source = cleaned.get("based_on")
        if source and source.status != CatalogStatus.PUBLISHED:
            self.add_error("based_on", _("只能参照已发布的目录。"))
        if source and cleaned.get("domain") and source.domain_id != cleaned["domain"].pk:
            self.add_error("based_on", _("参照目录必须是同一领域。"))
        unit, domain = cleaned.get("unit"), cleaned.get("domain")
        if unit and domain and Catalog.objects.filter(unit=unit, domain=domain, status__in=OPEN_STATUSES).exists():
            self.add_error(None, ERROR_OPEN_DRAFT)
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel 或 CSV 文件"), validators=[validate_upload_size])


@admin.register(Catalog)
class CatalogAdmin(UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("unit", "domain", "version", "status", "pending_items", "submitted_at", "published_at")
    list_filter = ("status", "domain", "unit__kind")
    search_fields = ("unit__name", "domain__name")
    list_select_related = ("unit", "domain")
    inlines = [CatalogItemInline, ReviewInline]
    readonly_fields = ("version", "status", "submitted_at", "published_at", "superseded_at", "created_by")
    change_form_template = "admin/catalog/catalog/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        """Staff see their units' catalogs; reviewers also the ones they review."""
        pending = Count("items", filter=pending_q("items__"))
        catalogs = Catalog.objects.select_related("unit", "domain").annotate(pending_count=pending)
        user = request.user
        reviewer_units = user_unit_ids(user, Role.REVIEWER)
        if user.is_superuser or is_supervisor(user):
            return catalogs
        if Unit.objects.filter(code=openness_office_code(), pk__in=reviewer_units).exists():
            return catalogs
        return catalogs.filter(Q(unit__in=user_unit_ids(user)) | Q(domain__lead_unit__in=reviewer_units))

    @admin.display(description=_("待补充事项"), ordering="pending_count")
    def pending_items(self, catalog: Catalog) -> str:
        count = getattr(catalog, "pending_count", 0)
        return format_html('<strong class="errornote">{}</strong>', count) if count else "—"

    def get_form(self, request: HttpRequest, obj: Catalog | None = None, **kwargs: object):
        if obj is None:
            kwargs["form"] = CatalogAddForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Catalog | None = None) -> list[str]:
        if obj is None:
            return ["unit", "domain", "based_on", "not_applicable", "not_applicable_note"]
        return ["unit", "domain", "based_on", *self.readonly_fields, "not_applicable", "not_applicable_note"]

    def get_readonly_fields(self, request: HttpRequest, obj: Catalog | None = None) -> tuple[str, ...]:
        if obj is None:
            return ()
        fixed = ("unit", "domain", "based_on", *self.readonly_fields)
        if not obj.is_editable:
            return (*fixed, "not_applicable", "not_applicable_note")
        return fixed

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "based_on":
            kwargs["queryset"] = Catalog.objects.filter(
                status=CatalogStatus.PUBLISHED, unit__kind=UnitKind.COUNTY_DEPARTMENT
            ).select_related("unit", "domain")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request: HttpRequest, obj: Catalog | None = None) -> bool:
        if obj is not None and not obj.is_editable:
            return False
        return super().has_change_permission(request, obj)

    def has_view_permission(self, request: HttpRequest, obj: Catalog | None = None) -> bool:
        if obj is not None and can_review(request.user, obj):
            return True
        return super().has_view_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Catalog | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Catalog, form: forms.ModelForm, change: bool) -> None:
        if change:
            obj.save()
            return
        started = catalog_start(unit=obj.unit, domain=obj.domain, by=request.user, based_on=obj.based_on)
        started.not_applicable = obj.not_applicable
        started.not_applicable_note = obj.not_applicable_note
        started.save()
        obj.pk, obj.version = started.pk, started.version
        obj._state.adding = False

    def save_formset(self, request: HttpRequest, form: forms.ModelForm, formset, change: bool) -> None:
        if formset.model is CatalogItem:
            items = formset.save(commit=False)
            for item_form in formset.forms:  # a level the editor ticks is no longer the default
                if LEVEL_FLAGS & set(item_form.changed_data):
                    item_form.instance.level_defaulted = False
            for item in items:
                item_prepare(item)
                item.save()
            for deleted in formset.deleted_objects:
                deleted.delete()
            return
        super().save_formset(request, form, formset, change)

    def get_urls(self) -> list:
        def view(name: str, fn) -> path:
            return path(f"<path:object_id>/{name}/", self.admin_site.admin_view(fn), name=f"catalog_catalog_{name}")

        return [
            view("submit", self.submit_view),
            view("review", self.review_view),
            view("new-version", self.new_version_view),
            view("import", self.import_view),
            view("default-levels", self.default_levels_view),
            *super().get_urls(),
        ]

    def _redirect(self, catalog: Catalog) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:catalog_catalog_change", args=[catalog.pk]))

    def _run(self, request: HttpRequest, catalog: Catalog, action, success: str) -> HttpResponseRedirect:
        try:
            result = action()
        except (ValidationError, PermissionDenied) as error:
            messages_list = error.messages if isinstance(error, ValidationError) else [str(error)]
            self.message_user(request, "；".join(messages_list), messages.ERROR)
            return self._redirect(catalog)
        self.message_user(request, success, messages.SUCCESS)
        return self._redirect(result if isinstance(result, Catalog) else catalog)

    def submit_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        catalog = self.get_object(request, object_id)
        if request.method != "POST":
            raise PermissionDenied
        return self._run(request, catalog, lambda: catalog_submit(catalog=catalog, by=request.user), _("已提交审核。"))

    def default_levels_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        catalog = self.get_object(request, object_id)
        if request.method != "POST" or catalog is None:
            raise PermissionDenied
        try:
            count = catalog_default_levels(catalog=catalog, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, "；".join(getattr(error, "messages", [str(error)])), messages.ERROR)
            return self._redirect(catalog)
        self.message_user(request, _(MESSAGE_DEFAULTED) % {"n": count}, messages.SUCCESS)
        return self._redirect(catalog)

    def new_version_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        catalog = self.get_object(request, object_id)
        if request.method != "POST":
            raise PermissionDenied
        return self._run(
            request,
            catalog,
            lambda: catalog_start(unit=catalog.unit, domain=catalog.domain, by=request.user, based_on=catalog),
            _("已新建版本，请修改后提交审核。"),
        )

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return approve_or_return_view(
            self,
            request,
            self.get_object(request, object_id),
            can_review=can_review,
            review=lambda catalog, **decision: catalog_review(catalog=catalog, **decision),
            template="admin/catalog/catalog/review.html",
            context_name="catalog",
        )

    def import_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        catalog = self.get_object(request, object_id)
        if not self.has_change_permission(request, catalog):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        errors: list[str] = []
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                _catalog, parsed = catalog_import(
                    unit=catalog.unit,
                    domain=catalog.domain,
                    catalog=catalog,
                    name=upload.name,
                    content=upload.read(),
                    by=request.user,
                    request=request,
                )
            except ImportRejected as rejected:
                errors = rejected.errors
            else:
                self.message_user(request, _("已导入 %(n)d 个事项。") % {"n": len(parsed.items)}, messages.SUCCESS)
                for warning in parsed.warnings:
                    self.message_user(request, warning, messages.WARNING)
                return self._redirect(catalog)
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "errors": errors,
            "catalog": catalog,
            "opts": self.opts,
        }
        return render(request, "admin/catalog/catalog/import.html", context)

    def render_change_form(self, request: HttpRequest, context: dict, *args: object, **kwargs: object) -> HttpResponse:
        catalog = context.get("original")
        if catalog is not None:
            context["may_review"] = catalog.status == CatalogStatus.SUBMITTED and can_review(request.user, catalog)
            context["may_edit"] = catalog.is_editable and can_write_unit(request.user, catalog.unit_id)
            context["pending_count"] = catalog.items.filter(pending_q()).count()
            context["levels_pending"] = catalog.items.filter(level_county=False, level_township=False).exists()
            context["may_new_version"] = catalog.status == CatalogStatus.PUBLISHED and can_write_unit(
                request.user, catalog.unit_id
            )
        return super().render_change_form(request, context, *args, **kwargs)


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 1


class PublicationForm(forms.ModelForm):
    class Meta:
        model = Publication
        fields = ["item", "title", "body", "formed_on", "info_kind", "published_on", "backfilled"]

    def clean_published_on(self):
        published_on = self.cleaned_data.get("published_on")
        if published_on and published_on > timezone.localdate():
            raise ValidationError(ERROR_FUTURE_PUBLICATION)
        return published_on


@admin.register(Publication)
class PublicationAdmin(PublishWithdrawMixin, DraftOnlyMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ("title", "unit", "domain", "formed_on", "due_on", "status", "published_on", "published_on_time")
    list_filter = ("status", "published_on_time", "domain")
    search_fields = ("title",)
    list_select_related = ("unit", "domain")
    form = PublicationForm
    fields = (
        "item", "title", "body", "formed_on", "info_kind", "published_on", "backfilled", "status", "due_on",
        "applied_limit", "withdrawal_reason",
    )  # fmt: skip
    readonly_fields = ("status", "due_on", "applied_limit", "withdrawal_reason")
    inlines = [AttachmentInline]
    actions = ["publish_selected"]
    change_form_template = "admin/catalog/publication/change_form.html"
    publish_service = staticmethod(lambda obj, by: publication_publish(publication=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: publication_withdraw(publication=obj, reason=reason, by=by))

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "item":
            items = CatalogItem.objects.filter(catalog__status=CatalogStatus.PUBLISHED).select_related(
                "catalog__unit", "catalog__domain"
            )
            if not request.user.is_superuser:
                items = items.filter(catalog__unit__in=user_unit_ids(request.user))
            kwargs["queryset"] = items
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("适用的公开时限"))
    def applied_limit(self, publication: Publication) -> str:
        return publication.time_limit["text"] if publication.time_limit else "—"

    def save_model(self, request: HttpRequest, obj: Publication, form: forms.ModelForm, change: bool) -> None:
        publication_save(publication=obj, by=request.user)
        if notes := masking_notes(obj.body):
            shown = notes[:MASKING_NOTES_SHOWN]
            if len(notes) > len(shown):
                shown.append(_("等共 %(n)d 处") % {"n": len(notes)})
            self.message_user(request, masking_warning(shown), messages.WARNING)

    @admin.action(description=_("发布所选信息"))
    def publish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = 0
        for publication in queryset.filter(status="draft"):
            if can_write_unit(request.user, publication.unit_id):
                try:
                    publication_publish(publication=publication, by=request.user)
                except ValidationError as refused:
                    self.message_user(request, f"{publication}：{'；'.join(refused.messages)}", messages.ERROR)
                    continue
                done += 1
        self.message_user(request, _("已发布 %(n)d 条。") % {"n": done}, messages.SUCCESS)
