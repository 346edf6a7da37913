from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Model, Q
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from interpretation.admin_library import CleaningFilter, LibraryAdminMixin, SecrecyReviewInline
from interpretation.models import (
    DocumentAttachment,
    GalleryImage,
    Interpretation,
    PolicyDocument,
    ProcessStep,
    QuestionAnswer,
    Status,
)
from interpretation.services import (
    FILLABLE,
    document_prepare,
    document_publish,
    document_save,
    interpretation_prepare,
    interpretation_problems,
    interpretation_publish,
    interpretation_save,
    record_withdraw,
)
from lushan_portal.admin_tools import DraftOnlyMixin, PublishWithdrawMixin
from organizations.scoping import UnitScopedAdminMixin, user_unit_ids

SIGNED_CHOICES = [("", "未说明"), ("True", "是"), ("False", "否")]


class FillUnknownsMixin:
    """A published record whose date or 同步审签 is still unknown may receive it (补充), nothing else.

    Placed before DraftOnlyMixin: only the unknown fields are editable, inlines are not shown.
    """

    def _unknown_fields(self, obj: Model | None) -> list[str]:
        if obj is None or obj.status != Status.PUBLISHED:
            return []
        return [name for name in FILLABLE[type(obj)] if getattr(obj, name) is None]

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if self._unknown_fields(obj):
            return super(DraftOnlyMixin, self).has_change_permission(request, obj)
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        unknown = self._unknown_fields(obj)
        if not unknown:
            return [*super().get_readonly_fields(request, obj), "entered_at"]
        return [name for name in self.form._meta.fields or self._all_fields() if name not in unknown] + ["entered_at"]

    def _all_fields(self) -> list[str]:
        return [name for _, options in self.fieldsets for name in options["fields"] if name != "entered_at"]

    def get_inlines(self, request: HttpRequest, obj: Model | None) -> list:
        return [] if self._unknown_fields(obj) else super().get_inlines(request, obj)


class DocumentAttachmentInline(admin.TabularInline):
    model = DocumentAttachment
    extra = 1


class DocumentForm(forms.ModelForm):
    class Meta:
        model = PolicyDocument
        fields = [
            "unit", "kind", "title", "number", "body", "signed_on", "published_on",
            "disclosure", "disclosure_ground", "is_disclosure_rule",
            "executive_meeting", "concerns_public", "specialised",
        ]  # fmt: skip
        labels = {"published_on": "发布日期（首次发布的原始日期）"}

    def _post_clean(self) -> None:
        super()._post_clean()
        try:
            document_prepare(self.instance)
        except ValidationError as error:
            self._update_errors(error)


@admin.register(PolicyDocument)
class PolicyDocumentAdmin(
    LibraryAdminMixin, PublishWithdrawMixin, FillUnknownsMixin, DraftOnlyMixin, UnitScopedAdminMixin, SimpleHistoryAdmin
):
    form = DocumentForm
    list_display = (
        "title", "number", "unit", "kind", "status", "validity", "disclosure", "published_label", "entered_at",
        "interpretation_due", "cleaning_due",
    )  # fmt: skip
    list_filter = (
        "status", "kind", "validity", "disclosure", "is_disclosure_rule", CleaningFilter, "executive_meeting",
        "specialised",
    )  # fmt: skip
    search_fields = ("title", "number")
    list_select_related = ("unit",)
    readonly_fields = (
        "validity", "validity_changed_on", "changed_by_document", "changed_by_title", "validity_reason",
        "last_reviewed_on", "cleaning_due",
    )  # fmt: skip
    inlines = [DocumentAttachmentInline, SecrecyReviewInline]
    change_form_template = "admin/interpretation/change_form.html"
    publish_service = staticmethod(lambda obj, by: document_publish(document=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: record_withdraw(record=obj, reason=reason, by=by))

    @admin.display(description="发布日期", ordering="published_on")
    def published_label(self, obj: PolicyDocument) -> str:
        return obj.published_label

    def save_model(self, request: HttpRequest, obj: PolicyDocument, form: forms.ModelForm, change: bool) -> None:
        document_save(document=obj, by=request.user)


class ImageInline(admin.TabularInline):
    model = GalleryImage
    extra = 1


class StepInline(admin.TabularInline):
    model = ProcessStep
    extra = 1


class QuestionInline(admin.StackedInline):
    model = QuestionAnswer
    extra = 1


def https_urls(field: models.Field, **kwargs) -> forms.Field | None:
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")  # a link typed without a scheme is https
    return field.formfield(**kwargs)


class InterpretationForm(forms.ModelForm):
    class Meta:
        model = Interpretation
        formfield_callback = https_urls
        exclude = ["status", "withdrawal_reason"]  # noqa: DJ006 - the admin's fieldsets choose

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.instance.document_id and self.instance.unit_id:
            interpretation_prepare(self.instance)
            for field, message in interpretation_problems(self.instance).items():
                self.add_error(field if field in self.fields else None, message)


@admin.register(Interpretation)
class InterpretationAdmin(
    PublishWithdrawMixin, FillUnknownsMixin, DraftOnlyMixin, UnitScopedAdminMixin, SimpleHistoryAdmin
):
    form = InterpretationForm
    list_display = ("title", "document", "form", "unit", "status", "published_label", "entered_at")
    list_filter = ("status", "form")
    search_fields = ("title", "document__title")
    list_select_related = ("unit", "document")
    inlines = [ImageInline, StepInline, QuestionInline]
    change_form_template = "admin/interpretation/change_form.html"
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "document",
                    "unit",
                    "form",
                    "title",
                    "signed_with_document",
                    "published_on",
                    "source_url",
                    "entered_at",
                )
            },
        ),
        ("第一解读人", {"fields": ("first_interpreter_name", "first_interpreter_post")}),
        (
            "解读内容",
            {"fields": ("background", "objectives", "main_points", "scope", "standards", "notes", "differences")},
        ),
        ("专家解读", {"classes": ("collapse",), "fields": ("expert_name", "expert_title")}),
        ("视频动漫", {"classes": ("collapse",), "fields": ("video", "video_poster", "transcript")}),
        ("新闻发布会 / 在线访谈", {"classes": ("collapse",), "fields": ("event_time", "event_place", "event_record")}),
    )
    publish_service = staticmethod(lambda obj, by: interpretation_publish(interpretation=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: record_withdraw(record=obj, reason=reason, by=by))

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "source_url":
            kwargs["assume_scheme"] = "https"
        if db_field.name == "signed_with_document":
            return forms.TypedChoiceField(
                label="与文件同步组织、同步审签",
                choices=SIGNED_CHOICES,
                coerce=lambda value: value == "True",
                empty_value=None,
                required=False,
                help_text="未经核实时选“未说明”，公开页面照此显示",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "document":
            # Any unit's published document may be interpreted; drafts only by their own unit.
            documents = PolicyDocument.objects.exclude(status=Status.WITHDRAWN)
            if not request.user.is_superuser:
                documents = documents.filter(Q(status=Status.PUBLISHED) | Q(unit__in=user_unit_ids(request.user)))
            kwargs["queryset"] = documents.select_related("unit")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="发布日期", ordering="published_on")
    def published_label(self, obj: Interpretation) -> str:
        return obj.published_label

    def save_model(self, request: HttpRequest, obj: Interpretation, form: forms.ModelForm, change: bool) -> None:
        interpretation_save(interpretation=obj, by=request.user)
