"""Admin pieces shared by the apps: a withdraw page and a publish button, both calling a service."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from audit.models import Event
from audit.services import audit_record
from organizations.scoping import can_write_unit, unit_of
from publication_review.admin import ReviewAdminMixin
from publication_review.forms import ReviewForm
from publication_review.selectors import latest_review
from publication_review.services import review_problem, review_record


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("撤回理由（将公开说明）"), widget=forms.Textarea(attrs={"rows": 4}))


class PublishWithdrawMixin(ReviewAdminMixin):
    """Adds <id>/publish/ (the review form, then publishing), <id>/review/ (a review alone) and
    <id>/withdraw/ (a reason form) to a ModelAdmin, and the record's reviews to its change page.

    The admin sets ``publish_service(obj, by)`` and ``withdraw_service(obj, reason, by)``; the
    publish service itself calls ``publication_review.services.require_review``. Publishing and
    withdrawing need the right to write the record's unit (supervisors read, never act), a review
    needs membership of it; each leaves an audit row (publishing names the review). A record's
    ``withdrawal_due`` (a deadline to withdraw) is shown.
    """

    publish_service: Callable[..., Model] | None = None
    withdraw_service: Callable[..., Model] | None = None

    def get_urls(self) -> list:
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        own = [
            path("<path:object_id>/publish/", self.admin_site.admin_view(self.publish_view), name=f"{name}_publish"),
            path("<path:object_id>/withdraw/", self.admin_site.admin_view(self.withdraw_view), name=f"{name}_withdraw"),
        ]
        return own + super().get_urls()

    def _change_url(self, obj: Model) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])

    def _writable(self, request: HttpRequest, object_id: str) -> Model:
        obj = self.get_object(request, object_id)
        if not can_write_unit(request.user, unit_of(obj, getattr(self, "unit_field", "unit"))):
            raise PermissionDenied
        return obj

    def publish_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Review before publication (条例第十七条): publish on the record's valid review, or record
        one (公开 / 部分公开 / 不予公开) and publish in the same transaction."""
        obj = self._writable(request, object_id)
        if self.publish_service is None:
            raise PermissionDenied
        unit_field = getattr(self, "unit_field", "unit")
        form = ReviewForm(request.POST or None) if "use_review" not in request.POST else ReviewForm()
        refused = ""
        if request.method == "POST" and ("use_review" in request.POST or form.is_valid()):
            try:
                with transaction.atomic():  # the publish service itself calls require_review
                    if "use_review" in request.POST:
                        type(self).publish_service(obj, by=request.user)
                        review = latest_review(obj)
                    else:
                        review = review_record(
                            record=obj,
                            reviewer=request.user,
                            unit_field=unit_field,
                            request=request,
                            **form.cleaned_data,
                        )
                        if review.allows_publication:
                            type(self).publish_service(obj, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                refused = "；".join(error.messages) if isinstance(error, ValidationError) else str(error)
                refused = refused or _("没有权限。")
            else:
                if not review.allows_publication:
                    self.message_user(request, _("已记录审查结论：不予公开，未发布。"), messages.WARNING)
                    return HttpResponseRedirect(self._change_url(obj))
                audit_record(event=Event.PUBLISH, user=request.user, obj=obj, request=request, detail=review.summary)
                self.message_user(request, _("已发布。"), messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(obj))
        problem = review_problem(obj, by=request.user, unit_field=unit_field)
        context = self.review_context(request, obj, form, publishing=True, problem=problem, refused=refused)
        return render(request, "admin/publication_review/review.html", context)

    def withdraw_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = self._writable(request, object_id)
        if self.withdraw_service is None:
            raise PermissionDenied
        form = WithdrawForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                type(self).withdraw_service(obj, reason=form.cleaned_data["reason"], by=request.user)
            except PermissionDenied:
                raise
            except ValidationError as error:
                form.add_error(None, error)
            else:
                audit_record(
                    event=Event.WITHDRAW,
                    user=request.user,
                    obj=obj,
                    request=request,
                    detail=form.cleaned_data["reason"],
                )
                self.message_user(request, _("已撤回，公开页面不再显示。"), messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(obj))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "object": obj,
            "opts": self.opts,
            "due": getattr(obj, "withdrawal_due", None),
        }
        return render(request, "admin/withdraw.html", context)


class DraftOnlyMixin:
    """Published and withdrawn records are read-only; they are withdrawn, never deleted."""

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if obj is not None and obj.status != "draft":
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class ApproveOrReturnForm(forms.Form):
    comment = forms.CharField(label=_("审核意见"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


def approve_or_return_view(
    model_admin,
    request: HttpRequest,
    obj: Model,
    *,
    can_review: Callable[..., bool],
    review: Callable[..., Model],
    template: str,
    context_name: str,
) -> HttpResponse:
    """The reviewer's page of a record with a draft → review → published workflow (a catalog, a 指南,
    an annual report): approve (publish) or return with a comment, audited, in the unit's scope.

    ``review(obj, by=, approve=, comment=)`` is the app's service; its refusals show on the form.
    """
    if not can_review(request.user, obj):
        raise PermissionDenied
    opts = model_admin.opts
    form = ApproveOrReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve, comment = "approve" in request.POST, form.cleaned_data["comment"]
        try:
            review(obj, by=request.user, approve=approve, comment=comment)
        except ValidationError as error:
            on_fields = hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields)
            form.add_error(None, error if on_fields else error.messages)
        else:
            audit_record(
                event=Event.PUBLISH if approve else Event.CHANGE,
                user=request.user,
                obj=obj,
                request=request,
                detail="审核通过并发布" if approve else f"退回：{comment}",
            )
            model_admin.message_user(request, _("已通过并发布。") if approve else _("已退回。"), messages.SUCCESS)
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    context = {
        **model_admin.admin_site.each_context(request),
        "form": form,
        context_name: obj,
        "opts": opts,
    }
    return render(request, template, context)
