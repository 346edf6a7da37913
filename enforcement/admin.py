from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from enforcement.importer import ImportRejected, decisions_import
from enforcement.models import Decision, DecisionStatus
from enforcement.public import masking_findings
from enforcement.services import (
    ERROR_NOTE_REQUIRED,
    decision_correct,
    decision_prepare,
    decision_publish,
    decision_record_revocation,
    decision_save,
    decision_withdraw,
)
from lushan_portal.admin_tools import PublishWithdrawMixin
from lushan_portal.masking import describe, masking_warning, scrub_text
from lushan_portal.personal_data import PersonalDataAdminMixin, masker, personal_data_in_clear
from lushan_portal.spreadsheets import validate_upload_size
from organizations.models import Unit
from organizations.scoping import UnitScopedAdminMixin, can_write_unit, user_unit_ids

RECORD_FIELDS = [
    "revoked_on",
    "status",
    "publication_due",
    "first_published_at",
    "published_on_time",
    "corrected_at",
    "withdrawal_due",
    "withdrawn_at",
    "withdrawal_reason",
    "created_at",
    "created_by",
]
# On a published decision, recording the revocation date alone needs no correction note.
REVOCATION_ONLY = {"revoked_on"}


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        exclude = ["correction_note"]  # noqa: DJ006 - the admin's fieldsets choose the fields

    correction_note = forms.CharField(
        label=_("更正说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("修改已公开的决定时必填，将在公开页面显示。"),
    )

    def _post_clean(self) -> None:
        super()._post_clean()
        try:
            decision_prepare(self.instance)
        except ValidationError as error:
            self._update_errors(error)
        published = self.instance.status == DecisionStatus.PUBLISHED
        corrects = set(self.changed_data) - REVOCATION_ONLY - {"correction_note"}
        if published and corrects and not self.cleaned_data.get("correction_note", "").strip():
            self.add_error("correction_note", ERROR_NOTE_REQUIRED)


def decision_masking_warning(decision: Decision) -> str:
    """What the public will see masked in the decision's free text, as a warning; '' if nothing."""
    return masking_warning(describe(finding, label) for label, finding in masking_findings(decision))


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("执法单位"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_(
            "文件有“处罚机关/许可机关”列时可不选：各行记入所列机关的单位（只能是您可录入的单位）；文件没有该列时必选。"
        ),
    )
    file = forms.FileField(label=_("文件（.xlsx 或 .csv）"), validators=[validate_upload_size])
    draft = forms.BooleanField(label=_("只导入为草稿，不立即公开"), required=False)


@admin.register(Decision)
class DecisionAdmin(PersonalDataAdminMixin, PublishWithdrawMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    form = DecisionForm
    # Masked for readers outside the unit's editors (lushan_portal.personal_data); free text is scrubbed.
    personal_fields = {
        "id_number": masker(2, 2),
        "party_address": masker(3, 0),
        "party_phone": masker(3, 2),
        **dict.fromkeys(
            ("violation_facts", "legal_basis", "penalty_content", "coercion_content", "licence_content", "remarks"),
            scrub_text,
        ),
    }
    publish_service = staticmethod(lambda obj, by: decision_publish(decision=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: decision_withdraw(decision=obj, reason=reason, by=by))
    list_display = (
        "decision_number",
        "kind",
        "party_name",
        "unit",
        "decision_date",
        "status",
        "publication_due",
        "published_on_time",
    )
    list_filter = ("kind", "status", "published_on_time", "party_category", ("unit", admin.RelatedOnlyFieldListFilter))
    search_fields = ("decision_number", "party_name", "credit_code")
    list_select_related = ("unit",)
    date_hierarchy = "decision_date"
    readonly_fields = tuple(name for name in RECORD_FIELDS if name != "revoked_on")
    actions = ["publish_selected"]
    change_list_template = "admin/enforcement/decision/change_list.html"
    change_form_template = "admin/enforcement/decision/change_form.html"
    fieldsets = (
        (None, {"fields": ("unit", "kind", "decision_number", "decision_date")}),
        (
            _("行政相对人"),
            {
                "fields": (
                    "party_name",
                    "party_category",
                    "credit_code",
                    "legal_representative",
                    "id_type",
                    "id_number",
                    "party_address",
                    "party_phone",
                    "party_is_minor",
                )
            },
        ),
        (
            _("违法行为与依据（行政处罚、行政强制）"),
            {"classes": ("collapse",), "fields": ("violation_type", "violation_facts", "legal_basis")},
        ),
        (
            _("行政处罚"),
            {
                "classes": ("collapse",),
                "fields": (
                    "penalty_categories",
                    "penalty_content",
                    "fine_amount",
                    "confiscated_amount",
                    "suspended_licence",
                    "penalty_valid_until",
                ),
            },
        ),
        (_("行政强制"), {"classes": ("collapse",), "fields": ("coercion_categories", "coercion_content")}),
        (
            _("行政许可"),
            {
                "classes": ("collapse",),
                "fields": (
                    "licence_document_name",
                    "licence_category",
                    "licence_certificate_name",
                    "licence_number",
                    "licence_content",
                    "valid_from",
                    "valid_to",
                    "licence_valid",
                ),
            },
        ),
        (_("机关与公示"), {"fields": ("authority_name", "authority_credit_code", "publicity_until", "remarks")}),
        (_("公开记录"), {"fields": (*RECORD_FIELDS, "correction_note")}),
    )

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        initial = super().get_changeform_initial_data(request)
        units = user_unit_ids(request.user)
        if len(units) == 1:
            initial.setdefault("unit", next(iter(units)))
        return initial

    def has_change_permission(self, request: HttpRequest, obj: Decision | None = None) -> bool:
        if obj is not None and obj.status == DecisionStatus.WITHDRAWN:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Decision | None = None) -> bool:
        # Published records are withdrawn, never deleted; a draft may be.
        if obj is not None and obj.status != DecisionStatus.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request: HttpRequest, obj: Decision, form: DecisionForm, change: bool) -> None:
        if obj.status == DecisionStatus.PUBLISHED:
            note = form.cleaned_data.get("correction_note", "")
            if set(form.changed_data) - REVOCATION_ONLY - {"correction_note"}:
                decision_correct(decision=obj, note=note, by=request.user)
            else:
                decision_record_revocation(decision=obj, revoked_on=obj.revoked_on, by=request.user)
        else:
            decision_save(decision=obj, by=request.user)
        self._warn_masking(request, obj)

    def _warn_masking(self, request: HttpRequest, decision: Decision) -> None:
        # Publishing stays allowed: every public output is masked; the editor checks the result.
        if not personal_data_in_clear(request, decision, decision.unit_id):
            return
        if warning := decision_masking_warning(decision):
            self.message_user(request, f"{decision.decision_number}：{warning}", messages.WARNING)

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None):
        decision = self.get_object(request, object_id)
        # The warning quotes the text in clear: only for those who see personal data in clear.
        in_clear = decision is not None and personal_data_in_clear(request, decision, decision.unit_id)
        warning = decision_masking_warning(decision) if in_clear else ""
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "masking_warning": warning})

    def publish_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        response = super().publish_view(request, object_id)
        decision = self.get_object(request, object_id)
        if decision is not None and decision.status == DecisionStatus.PUBLISHED:
            self._warn_masking(request, decision)
        return response

    @admin.action(description=_("公开所选决定"))
    def publish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        published = 0
        for decision in queryset.filter(status=DecisionStatus.DRAFT):
            if can_write_unit(request.user, decision.unit_id):
                try:
                    decision_publish(decision=decision, by=request.user)
                except ValidationError as refused:
                    self.message_user(request, f"{decision}：{'；'.join(refused.messages)}", messages.ERROR)
                    continue
                self._warn_masking(request, decision)
                published += 1
        self.message_user(request, _("已公开 %(n)d 条决定。") % {"n": published}, messages.SUCCESS)

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view
        return [path("import/", wrap(self.import_view), name="enforcement_decision_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        units = (
            Unit.objects.all() if request.user.is_superuser else Unit.objects.filter(pk__in=user_unit_ids(request.user))
        )
        form.fields["unit"].queryset = units
        errors: list[str] = []
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = decisions_import(
                    unit=form.cleaned_data["unit"],
                    name=upload.name,
                    content=upload.read(),
                    publish=not form.cleaned_data["draft"],
                    by=request.user,
                    request=request,
                    may_write=lambda unit: can_write_unit(request.user, unit.pk),
                )
            except ImportRejected as rejected:
                errors = rejected.errors
            else:
                self.message_user(
                    request,
                    _("已导入 %(created)d 条决定，其中公开 %(published)d 条。")
                    % {"created": result.created, "published": result.published},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:enforcement_decision_changelist"))
        context = {**self.admin_site.each_context(request), "form": form, "errors": errors, "opts": self.opts}
        return render(request, "admin/enforcement/decision/import.html", context)
