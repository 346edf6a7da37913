"""The library's admin pages on a policy document: 保密审查 (editors and reviewers of the unit) and
效力状态与清理 (editors of the unit). Both go through the services, leave an audit row and refuse
others with 403, the same as the publish and withdraw pages."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import Event
from audit.services import audit_record
from interpretation.deadlines import cleaning_unknown
from interpretation.models import PolicyDocument, SecrecyOutcome, SecrecyReview, Status, Validity
from interpretation.services import (
    document_record_review,
    document_set_validity,
    may_check_secrecy,
    secrecy_review_record,
)
from organizations.scoping import can_write_unit

REVIEWED = "reviewed"  # 清理：确认继续有效
VALIDITY_ACTIONS = [
    (REVIEWED, _("清理：确认继续有效")),
    (Validity.AMENDED, _("已修改")),
    (Validity.REPEALED, _("已废止")),
    (Validity.EXPIRED, _("已失效")),
    (Validity.IN_FORCE, _("更正为有效")),
]


class SecrecyForm(forms.Form):
    checked_on = forms.DateField(label=_("审查日期"), widget=forms.DateInput(attrs={"type": "date"}))
    outcome = forms.ChoiceField(label=_("审查结论"), choices=SecrecyOutcome.choices, widget=forms.RadioSelect)
    note = forms.CharField(label=_("审查意见"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ValidityForm(forms.Form):
    action = forms.ChoiceField(label=_("结果"), choices=VALIDITY_ACTIONS, widget=forms.RadioSelect)
    changed_on = forms.DateField(
        label=_("日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("清理日期，或修改、废止、失效的日期；修改、废止、失效的日期不详时留空（显示“日期不详”）"),
    )
    changed_by_document = forms.ModelChoiceField(
        label=_("修改或废止本文件的文件（本平台收录）"), queryset=PolicyDocument.objects.none(), required=False
    )
    changed_by_title = forms.CharField(
        label=_("或：修改或废止本文件的文件的标题、文号（本平台未收录时）"), max_length=300, required=False
    )
    reason = forms.CharField(label=_("说明（公开显示）"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: object, document: PolicyDocument, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        others = PolicyDocument.objects.exclude(pk=document.pk).exclude(status=Status.WITHDRAWN)
        self.fields["changed_by_document"].queryset = others.select_related("unit")


class SecrecyReviewInline(admin.TabularInline):
    """The document's reviews, newest first; recorded on their own page, never edited."""

    model = SecrecyReview
    fields = ("checked_on", "outcome", "note", "checked_by", "recorded_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class CleaningFilter(admin.SimpleListFilter):
    title = _("规范性文件清理")
    parameter_name = "cleaning"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("overdue", _("超过期限未清理")), ("unknown", _("无法判断（日期不详）"))]

    def queryset(self, request: HttpRequest, queryset):
        if self.value() == "overdue":
            return queryset.filter(cleaning_due__lt=timezone.localdate())
        if self.value() == "unknown":
            return queryset.filter(pk__in=cleaning_unknown().values("pk"))
        return queryset


class LibraryAdminMixin:
    """<id>/secrecy/ and <id>/validity/ on the policy document admin."""

    def get_urls(self) -> list:
        own = [
            path("<path:object_id>/secrecy/", self.admin_site.admin_view(self.secrecy_view), name="policy_secrecy"),
            path("<path:object_id>/validity/", self.admin_site.admin_view(self.validity_view), name="policy_validity"),
        ]
        return own + super().get_urls()

    def _done(self, request: HttpRequest, document: PolicyDocument, text: str, detail: str) -> HttpResponse:
        audit_record(event=Event.CHANGE, user=request.user, obj=document, request=request, detail=detail)
        self.message_user(request, text, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:interpretation_policydocument_change", args=[document.pk]))

    def _page(self, request: HttpRequest, document: PolicyDocument, form: forms.Form, title: str) -> HttpResponse:
        context = {**self.admin_site.each_context(request), "form": form, "object": document, "opts": self.opts}
        context["title"] = title
        return render(request, "admin/interpretation/library_form.html", context)

    def secrecy_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        document = self.get_object(request, object_id)
        if not may_check_secrecy(request.user, document.unit_id):
            raise PermissionDenied
        form = SecrecyForm(request.POST or None, initial={"checked_on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                review = secrecy_review_record(document=document, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                detail = f"保密审查：{review.get_outcome_display()}"
                return self._done(request, document, _("已记录保密审查。"), detail)
        return self._page(request, document, form, _("保密审查：%(name)s") % {"name": document})

    def validity_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        document = self.get_object(request, object_id)
        may_change = request.user.has_perm("interpretation.change_policydocument")
        if not (may_change and can_write_unit(request.user, document.unit_id)):
            raise PermissionDenied
        form = ValidityForm(request.POST or None, document=document)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                if data["action"] == REVIEWED:
                    document_record_review(
                        document=document, reviewed_on=data["changed_on"], reason=data["reason"], by=request.user
                    )
                else:
                    document_set_validity(
                        document=document,
                        validity=data["action"],
                        changed_on=data["changed_on"],
                        changed_by_document=data["changed_by_document"],
                        changed_by_title=data["changed_by_title"],
                        reason=data["reason"],
                        by=request.user,
                    )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                detail = f"效力状态与清理：{dict(VALIDITY_ACTIONS)[data['action']]}：{data['reason']}"
                return self._done(request, document, _("已保存。"), detail)
        return self._page(request, document, form, _("效力状态与清理：%(name)s") % {"name": document})


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)
