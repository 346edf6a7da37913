from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

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
    document_prepare,
    document_publish,
    document_save,
    interpretation_problems,
    interpretation_publish,
    interpretation_save,
    record_withdraw,
)
from lushan_portal.admin_tools import DraftOnlyMixin, PublishWithdrawMixin
from organizations.scoping import UnitScopedAdminMixin, user_unit_ids


class DocumentAttachmentInline(admin.TabularInline):
    model = DocumentAttachment
    extra = 1


class DocumentForm(forms.ModelForm):
    class Meta:
        model = PolicyDocument
        fields = [
            "unit", "kind", "title", "number", "body", "signed_on", "published_on",
            "executive_meeting", "concerns_public", "specialised",
        ]  # fmt: skip

    def _post_clean(self) -> None:
        super()._post_clean()
        try:
            document_prepare(self.instance)
        except ValidationError as error:
            self._update_errors(error)


@admin.register(PolicyDocument)
class PolicyDocumentAdmin(PublishWithdrawMixin, DraftOnlyMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    form = DocumentForm
    list_display = ("title", "number", "unit", "kind", "status", "published_on", "interpretation_due")
    list_filter = ("status", "kind", "executive_meeting", "specialised")
    search_fields = ("title", "number")
    list_select_related = ("unit",)
    inlines = [DocumentAttachmentInline]
    change_form_template = "admin/interpretation/change_form.html"
    publish_service = staticmethod(lambda obj, by: document_publish(document=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: record_withdraw(record=obj, reason=reason, by=by))

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


class InterpretationForm(forms.ModelForm):
    class Meta:
        model = Interpretation
        exclude = ["unit", "status", "withdrawal_reason"]  # noqa: DJ006 - the admin's fieldsets choose

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.instance.document_id:
            for field, message in interpretation_problems(self.instance).items():
                self.add_error(field if field in self.fields else None, message)


@admin.register(Interpretation)
class InterpretationAdmin(PublishWithdrawMixin, DraftOnlyMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    form = InterpretationForm
    list_display = ("title", "document", "form", "unit", "status", "published_on")
    list_filter = ("status", "form")
    search_fields = ("title", "document__title")
    list_select_related = ("unit", "document")
    inlines = [ImageInline, StepInline, QuestionInline]
    change_form_template = "admin/interpretation/change_form.html"
    fieldsets = (
        (None, {"fields": ("document", "form", "title", "signed_with_document", "published_on")}),
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

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "document":
            documents = PolicyDocument.objects.exclude(status=Status.WITHDRAWN)
            if not request.user.is_superuser:
                documents = documents.filter(unit__in=user_unit_ids(request.user))
            kwargs["queryset"] = documents
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Interpretation, form: forms.ModelForm, change: bool) -> None:
        interpretation_save(interpretation=obj, by=request.user)
