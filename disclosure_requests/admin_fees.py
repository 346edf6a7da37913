"""The admin's 信息处理费 (Art 42): the notice and the payment inline on the application, saved
through ``fees``; the action that closes an application whose fee was not paid on time."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure_requests import fees
from disclosure_requests.models import Application, Fee

NOTICE_FIELDS = ["notice_on", "amount", "basis"]


class FeeForm(forms.ModelForm):
    class Meta:
        model = Fee
        fields = [*NOTICE_FIELDS, "paid_on"]
        widgets = {"basis": forms.Textarea(attrs={"rows": 2})}

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors or not self.has_changed():
            return cleaned
        try:
            if self.instance.pk is None:
                if cleaned.get("paid_on"):
                    raise ValidationError({"paid_on": _("请先发出收费通知，缴费后再登记缴费日期。")})
                fees.fee_notice_check(
                    application=self.application,
                    notice_on=cleaned["notice_on"],
                    amount=cleaned.get("amount"),
                    basis=cleaned.get("basis", ""),
                )
            elif "paid_on" in self.changed_data and cleaned.get("paid_on"):
                fees.fee_payment_check(fee=self.instance, paid_on=cleaned["paid_on"])
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class FeeInline(admin.StackedInline):
    model = Fee
    form = FeeForm
    max_num = 1
    can_delete = False
    verbose_name = gettext_lazy("信息处理费（仅对明显超过合理范围的申请收取，期间不计入答复期限）")
    verbose_name_plural = verbose_name

    def get_formset(self, request: HttpRequest, obj: Application | None = None, **kwargs: object):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.application = obj
        return formset

    def get_readonly_fields(self, request: HttpRequest, obj: Application | None = None) -> list:
        fee = getattr(obj, "fee", None) if obj is not None else None
        if fee is None or fee.pk is None:  # after a refused notice, obj.fee is the unsaved one
            return ["due_on"]
        if fee.paid_on is not None or not obj.is_open:
            return [*NOTICE_FIELDS, "due_on", "paid_on"]
        return [*NOTICE_FIELDS, "due_on"]

    def has_add_permission(self, request: HttpRequest, obj: Application | None = None) -> bool:
        return (
            obj is not None and obj.is_open and obj.received_on is not None and super().has_add_permission(request, obj)
        )


def save_fee_formset(request: HttpRequest, application: Application, formset) -> None:
    """The notice and the payment go through the services (the pause and the due date follow)."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for form in formset.forms:
        if not form.has_changed():
            continue
        data = form.cleaned_data
        if form.instance.pk is None:
            fees.fee_notice(application=application, notice_on=data["notice_on"], amount=data["amount"],
                            basis=data["basis"], by=request.user)  # fmt: skip
        elif "paid_on" in form.changed_data and data.get("paid_on"):
            fees.fee_record_payment(fee=Fee.objects.get(pk=form.instance.pk), paid_on=data["paid_on"], by=request.user)


@admin.action(description=gettext_lazy("逾期未缴纳信息处理费，不再处理（其他处理）"), permissions=["change"])
def close_unpaid_fee(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    """Staff decide, one application at a time (each saved whole or not at all)."""
    closed = []
    for application in queryset.select_related("unit"):
        try:
            fees.fee_close_unpaid(application=application, by=request.user)
        except ValidationError as error:
            modeladmin.message_user(request, f"{application.reference}：{'；'.join(error.messages)}", messages.ERROR)
        except PermissionDenied as error:
            modeladmin.message_user(request, f"{application.reference}：{error}", messages.ERROR)
        else:
            closed.append(application.reference)
    if closed:
        modeladmin.message_user(
            request, _("已按逾期未缴费办结：%(refs)s") % {"refs": "、".join(closed)}, messages.SUCCESS
        )
