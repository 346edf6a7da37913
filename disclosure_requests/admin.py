"""Staff register applications by channel and handle them: their unit's only (the service centre's
counter registers for any unit, then the application belongs to that unit). Personal data is
masked outside the unit's editors unless a reason is given; the identity image is shown to the
handling unit's staff only. Pauses and the extension are entered inline through the services;
nothing is deleted."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from disclosure_requests import excessive, intake, services
from disclosure_requests.admin_fees import FeeInline, close_unpaid_fee, save_fee_formset
from disclosure_requests.admin_replies import ReplyAdminMixin, ReviewInline
from disclosure_requests.models import Application, Channel, Extension, Fee, Pause, PauseKind, Reply
from lushan_portal.personal_data import PersonalDataAdminMixin, masker
from lushan_portal.private_files import read_private
from organizations.models import Unit
from organizations.scoping import UnitScopedAdminMixin, user_unit_ids

IMAGE_HIDDEN = "仅受理机关的工作人员可以查看证件图片。"
IMAGE_NONE = "未上传"
IMAGE_ERASED = "已按规定删除（%(day)s）"
FEE_ELSEWHERE = "信息处理费请在“信息处理费”栏登记收费通知和缴费。"
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".pdf": "application/pdf"}
APPLICANT_FIELDS = [
    "applicant_type", "organization_kind", "name", "id_type", "id_number", "credit_code", "agent_name",
    "agent_id_number", "phone", "email", "address", "postcode",
]  # fmt: skip
REQUEST_FIELDS = ["description", "document_number", "other_features", "form_wanted", "delivery"]
RECEIPT_FIELDS = ["channel", "unit", "arrived_on", "confirmed_on", "confirmation_record"]
ART35_FIELDS = {"reasonable_deadline", "reasonable_deadline_reason"}


class ApplicationForm(forms.ModelForm):
    """Registration checks (Art 29, Art 31 by channel) before anything is saved."""

    user = None  # set per request by ApplicationAdmin.get_form

    class Meta:
        model = Application
        fields = [*RECEIPT_FIELDS, *APPLICANT_FIELDS, "id_image", *REQUEST_FIELDS, "reasonable_deadline",
                  "reasonable_deadline_reason"]  # fmt: skip
        widgets = {
            name: forms.TextInput
            for name in ("name", "id_number", "agent_name", "agent_id_number", "phone", "email", "address")
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        names = {field.name for field in Application._meta.fields}
        probe = Application(**{name: value for name, value in cleaned.items() if name in names and name != "id_image"})
        current = self.instance
        try:
            if current.pk is None:
                intake.registering_unit(self.user, cleaned["unit"])
                intake.check_dates(probe.channel, probe.arrived_on, probe.confirmed_on, probe.confirmation_record)
                intake.check_applicant(probe, image_required=False)
            elif current.received_on is None and cleaned.get("confirmed_on"):
                intake.check_dates(current.channel, current.arrived_on, cleaned["confirmed_on"],
                                   cleaned.get("confirmation_record", ""))  # fmt: skip
            if current.pk is not None and ART35_FIELDS & set(self.changed_data):
                excessive.reasonable_deadline_check(
                    application=current, deadline=cleaned.get("reasonable_deadline"),
                    reason=cleaned.get("reasonable_deadline_reason", ""),
                )  # fmt: skip
        except PermissionDenied as error:
            self.add_error("unit", str(error))
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class PauseForm(forms.ModelForm):
    class Meta:
        model = Pause
        fields = ["kind", "start", "deadline", "addressee", "notice_text", "end", "outcome", "outcome_note"]
        widgets = {"notice_text": forms.Textarea(attrs={"rows": 2}), "outcome_note": forms.TextInput}

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors or not self.has_changed():
            return cleaned
        if PauseKind.FEE in (cleaned.get("kind"), self.instance.kind):
            self.add_error(None, _(FEE_ELSEWHERE))
            return cleaned
        try:
            if self.instance.pk is None:
                cleaned["deadline"] = services.pause_start_check(
                    application=self.application, kind=cleaned["kind"], start=cleaned["start"],
                    deadline=cleaned.get("deadline"),
                )  # fmt: skip
            if cleaned.get("end") or cleaned.get("outcome"):
                stored = Pause.objects.get(pk=self.instance.pk) if self.instance.pk else Pause(start=cleaned["start"])
                stored.kind = stored.kind or cleaned["kind"]
                services.pause_end_check(pause=stored, end=cleaned.get("end"), outcome=cleaned.get("outcome"))
        except ValidationError as error:
            self.add_error(None, error)
        except TypeError:  # an end without an outcome, or the reverse
            self.add_error("outcome", _("结束日期和结果须一并填写。"))
        return cleaned


class PauseInline(admin.TabularInline):
    model = Pause
    form = PauseForm
    extra = 0
    can_delete = False
    verbose_name = _("补正、征求意见、缴费或说明理由（期间不计入答复期限）")

    def get_formset(self, request: HttpRequest, obj: Application | None = None, **kwargs: object):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.application = obj
        return formset

    def get_readonly_fields(self, request: HttpRequest, obj: Application | None = None) -> list:
        return ["created_by"]

    def has_add_permission(self, request: HttpRequest, obj: Application | None = None) -> bool:
        return (
            obj is not None and obj.received_on is not None and obj.is_open and super().has_add_permission(request, obj)
        )


class ExtensionForm(forms.ModelForm):
    user = None

    class Meta:
        model = Extension
        fields = ["working_days", "reason", "approved_on", "notified_on", "notice_text"]

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors or self.instance.pk:
            return cleaned
        try:
            services.extension_check(
                application=self.application, by=self.user, approved_on=cleaned["approved_on"],
                reason=cleaned.get("reason", ""), working_days=cleaned["working_days"],
            )  # fmt: skip
        except (ValidationError, PermissionDenied) as error:
            self.add_error(None, error if isinstance(error, ValidationError) else str(error))
        return cleaned


class ExtensionInline(admin.StackedInline):
    model = Extension
    form = ExtensionForm
    max_num = 1
    can_delete = False
    verbose_name = _("延期答复（一次，不超过20个工作日，由审核员批准）")

    def get_formset(self, request: HttpRequest, obj: Application | None = None, **kwargs: object):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.application, formset.form.user = obj, request.user
        return formset

    def get_readonly_fields(self, request: HttpRequest, obj: Application | None = None) -> list:
        extension = getattr(obj, "extension", None) if obj is not None else None
        if extension is not None and extension.pk is not None:  # after a refused post: the unsaved one
            return ["working_days", "reason", "approved_on", "approved_by", "notified_on", "notice_text"]
        return []

    def has_add_permission(self, request: HttpRequest, obj: Application | None = None) -> bool:
        return (
            obj is not None and obj.is_open and obj.received_on is not None and super().has_add_permission(request, obj)
        )


class ReplyInline(admin.StackedInline):
    model = Reply
    can_delete = False
    max_num = 0
    fields = ["kind", "reason", "replied_on", "replied_by", "sent_route", "sent_status", "disclosed_url"]
    readonly_fields = fields
    verbose_name = _("答复")


@admin.register(Application)
class ApplicationAdmin(ReplyAdminMixin, PersonalDataAdminMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    form = ApplicationForm
    personal_fields = {
        "name": masker(1, 0),
        "id_number": masker(2, 2),
        "agent_name": masker(1, 0),
        "agent_id_number": masker(2, 2),
        "phone": masker(3, 2),
        "email": masker(2, 0),
        "address": masker(3, 0),
    }
    inlines = [PauseInline, ExtensionInline, FeeInline, ReplyInline, ReviewInline]
    actions = [close_unpaid_fee]
    list_display = (
        "reference", "unit", "applicant_column_display", "name", "channel", "received_display", "due_display",
        "status", "on_the_spot",
    )  # fmt: skip
    list_filter = ("status", "channel", "applicant_type", "on_the_spot")
    list_select_related = ("unit",)
    search_fields = ("reference",)
    date_hierarchy = "created_at"

    def get_fieldsets(self, request: HttpRequest, obj: Application | None = None) -> list:
        receipt = RECEIPT_FIELDS if obj is None else ["reference", *RECEIPT_FIELDS, "registered_at_unit", "received_on"]
        image = (
            "id_image" if obj is None else "id_image_link" if self._handling_unit(request, obj) else "id_image_hidden"
        )
        applicant = [*APPLICANT_FIELDS, image]
        fieldsets = [
            (_("收到申请（条例第三十一条）"), {"fields": receipt, "description": self._basis_help()}),
            (_("申请人"), {"fields": applicant}),
            (_("所需信息"), {"fields": REQUEST_FIELDS}),
        ]
        if obj is not None:
            fieldsets.append((_("办理和期限"), {"fields": [
                "status", "due_date", "due_explanation", "reasonable_deadline", "reasonable_deadline_reason",
                "on_the_spot", "closed_on",
            ]}))  # fmt: skip
        self.fieldsets = fieldsets  # the mixin swaps personal fields for their masked display
        return super().get_fieldsets(request, obj)

    @staticmethod
    def _basis_help() -> str:
        return " ".join(f"{label}：{Channel.basis(value)}" for value, label in Channel.choices)

    def get_readonly_fields(self, request: HttpRequest, obj: Application | None = None) -> list:
        readonly = ["reference", "registered_at_unit", "received_on", "status", "due_date", "due_explanation",
                    "on_the_spot", "closed_on", "id_image_link", "id_image_hidden"]  # fmt: skip
        if obj is not None:
            readonly += ["channel", "unit", "arrived_on"]
            if obj.received_on is not None:
                readonly += ["confirmed_on", "confirmation_record"]
            if not obj.is_open:
                readonly += APPLICANT_FIELDS + REQUEST_FIELDS + ["reasonable_deadline", "reasonable_deadline_reason"]
        return [*super().get_readonly_fields(request, obj), *readonly]

    def get_form(self, request: HttpRequest, obj: Application | None = None, change: bool = False, **kwargs: object):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs: object):
        # The service centre's counter registers for every unit (相对集中受理).
        if db_field.name == "unit" and intake.counter_unit_ids() & user_unit_ids(request.user):
            kwargs["queryset"] = Unit.objects.filter(is_active=True)
            return super(UnitScopedAdminMixin, self).formfield_for_foreignkey(db_field, request, **kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("申请人类别"))
    def applicant_column_display(self, application: Application) -> str:
        return application.get_organization_kind_display() or application.get_applicant_type_display()

    @admin.display(description=_("收到申请日期"), ordering="received_on")
    def received_display(self, application: Application) -> str:
        return f"{application.received_on:%Y-%m-%d}" if application.received_on else _("待确认")

    @admin.display(description=_("答复期限"), ordering="due_date")
    def due_display(self, application: Application) -> str:
        return f"{application.due_date:%Y-%m-%d}" if application.due_date else _("待定")

    @staticmethod
    def _no_image(application: Application) -> str:
        if application.id_image_erased_at:  # ID_IMAGE_RETENTION_DAYS after closing (retention.py)
            return _(IMAGE_ERASED) % {"day": f"{timezone.localtime(application.id_image_erased_at):%Y-%m-%d}"}
        return _(IMAGE_NONE)

    @admin.display(description=_("身份证件图片"))
    def id_image_link(self, application: Application) -> str:
        if not application.id_image:
            return self._no_image(application)
        url = reverse("admin:disclosure_requests_application_id_image", args=[application.pk])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("查看（加密保存）"))

    @admin.display(description=_("身份证件图片"))
    def id_image_hidden(self, application: Application) -> str:
        return _(IMAGE_HIDDEN) if application.id_image else self._no_image(application)

    @staticmethod
    def _handling_unit(request: HttpRequest, application: Application) -> bool:
        return application.unit_id in user_unit_ids(request.user)

    def get_urls(self) -> list:
        view = self.admin_site.admin_view(self.id_image_view)
        return [path("<int:object_id>/id-image/", view, name="disclosure_requests_application_id_image"),
                *super().get_urls()]  # fmt: skip

    def id_image_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """The decrypted image, for the handling unit's staff only (not supervisors, not by reason)."""
        application = self.get_object(request, str(object_id))
        if not self._handling_unit(request, application):
            raise PermissionDenied(_(IMAGE_HIDDEN))
        if not application.id_image:
            raise Http404
        suffix = "." + application.id_image.name.rsplit(".", 1)[-1].lower()
        response = HttpResponse(
            read_private(application.id_image), content_type=IMAGE_TYPES.get(suffix, "application/octet-stream")
        )
        response["Cache-Control"] = "no-store, private"
        response["Content-Disposition"] = "inline"
        return response

    def save_model(self, request: HttpRequest, obj: Application, form: forms.ModelForm, change: bool) -> None:
        if not change:
            intake.application_register(application=obj, by=request.user)
        elif obj.received_on is None and obj.confirmed_on:
            intake.application_confirm_receipt(
                application=obj, confirmed_on=obj.confirmed_on, record=obj.confirmation_record, by=request.user
            )
        else:
            services.due_date_recompute(obj)  # a reasonable deadline (Art 35) changes the due date

    def save_formset(self, request: HttpRequest, form: forms.ModelForm, formset, change: bool) -> None:
        application = form.instance
        if formset.model in (Pause, Extension):  # saved through the services, read by the change message
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        if formset.model is Pause:
            for pause_form in formset.forms:
                if not pause_form.has_changed():
                    continue
                data, pause = pause_form.cleaned_data, pause_form.instance
                if pause.pk is None:
                    pause = services.pause_start(
                        application=application, kind=data["kind"], start=data["start"], deadline=data.get("deadline"),
                        addressee=data.get("addressee", ""), notice_text=data.get("notice_text", ""), by=request.user,
                    )  # fmt: skip
                if data.get("end") and data.get("outcome"):
                    services.pause_end(pause=pause, end=data["end"], outcome=data["outcome"],
                                       note=data.get("outcome_note", ""), by=request.user)  # fmt: skip
            return
        if formset.model is Fee:
            save_fee_formset(request, application, formset)
            return
        if formset.model is Extension:
            for extension_form in formset.forms:
                if extension_form.has_changed() and extension_form.instance.pk is None:
                    data = extension_form.cleaned_data
                    services.extension_grant(
                        application=application, by=request.user, approved_on=data["approved_on"],
                        reason=data["reason"], notified_on=data.get("notified_on"),
                        notice_text=data.get("notice_text", ""), working_days=data["working_days"],
                    )  # fmt: skip
            return
        super().save_formset(request, form, formset, change)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("unit")

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False  # kept as the record of the request (and of table 三)

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions
