"""建议提案 in the admin: the lead unit (主办) registers and replies, co-units (协办) read the
proposal and record their opinion, the openness office and supervisors read everything."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from interaction.models import Proposal, ProposalCoUnit, ReplyStatus
from interaction.proposals_services import (
    ERROR_NOT_OFFICE,
    co_unit_opinion_record,
    is_openness_office,
    proposal_correct,
    proposal_prepare,
    proposal_publish,
    proposal_require_publication,
    proposal_save,
    proposal_sync_co_units,
    proposal_withdraw,
)
from lushan_portal.admin_tools import PublishWithdrawMixin
from organizations.models import Unit
from organizations.scoping import UnitScopedAdminMixin, can_write_unit, is_supervisor, user_unit_ids


def reads_everything(user: object) -> bool:
    return getattr(user, "is_superuser", False) or is_supervisor(user) or is_openness_office(user)


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        exclude = ["correction_note"]  # noqa: DJ006 - the admin's fieldsets choose the fields

    correction_note = forms.CharField(
        label=_("更正说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("修改已公开的答复时必填，将在公开页面显示。"),
    )

    def _post_clean(self) -> None:
        super()._post_clean()
        try:
            proposal_prepare(self.instance)
        except ValidationError as error:
            self.add_error(None, error)
        published = self.instance.pk and self.instance.reply_status == ReplyStatus.PUBLISHED
        if published and self.has_changed() and not self.cleaned_data.get("correction_note", "").strip():
            self.add_error("correction_note", _("修改已公开的答复须写明更正说明。"))


class CoUnitInline(admin.TabularInline):
    model = ProposalCoUnit
    extra = 0
    fields = ("unit", "opinion_due", "opinion_sent_on", "opinion")
    readonly_fields = ("opinion_due", "opinion_sent_on", "opinion")
    verbose_name = _("协办单位")

    def _lead(self, request: HttpRequest, obj: Proposal | None) -> bool:
        return obj is None or can_write_unit(request.user, obj.unit_id)

    def has_add_permission(self, request: HttpRequest, obj: Proposal | None = None) -> bool:
        return super().has_add_permission(request, obj) and self._lead(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Proposal | None = None) -> bool:
        return super().has_change_permission(request, obj) and self._lead(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Proposal | None = None) -> bool:
        """The lead unit may take back a co-unit named by mistake (the history keeps it)."""
        return super().has_delete_permission(request, obj) and self._lead(request, obj)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.related_model is Unit:  # the lead unit names co-units among all units
            kwargs["queryset"] = Unit.objects.filter(is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Proposal)
class ProposalAdmin(PublishWithdrawMixin, UnitScopedAdminMixin, SimpleHistoryAdmin):
    form = ProposalForm
    inlines = [CoUnitInline]
    publish_service = staticmethod(lambda obj, by: proposal_publish(proposal=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: proposal_withdraw(proposal=obj, reason=reason, by=by))
    change_form_template = "admin/interaction/proposal/change_form.html"
    list_display = (
        "number",
        "kind",
        "title",
        "proposer",
        "unit",
        "assigned_on",
        "reply_due",
        "replied_on",
        "result_class",
        "reply_status",
    )
    list_filter = ("year", "kind", "result_class", "reply_status", ("unit", admin.RelatedOnlyFieldListFilter))
    search_fields = ("number", "title", "proposer")
    list_select_related = ("unit",)
    readonly_fields = (
        "reassignment_due",
        "reply_due",
        "new_reply_due",
        "reply_status",
        "published_at",
        "corrected_at",
        "withdrawn_at",
        "withdrawal_reason",
    )
    fieldsets = (
        (None, {"fields": ("year", "kind", "number", "title", "proposer", "session", "unit", "assigned_on")}),
        (_("期限"), {"fields": ("reassignment_due", "reassignment_requested_on", "reassignment_reason", "reply_due")}),
        (_("延期"), {"fields": ("extended_until", "extension_approved_by", "extension_reason")}),
        (_("答复"), {"fields": ("replied_on", "result_class", "reply_text")}),
        (
            _("公开"),
            {
                "fields": (
                    "public_interest",
                    "office_requires_publication",
                    "not_published_reason",
                    "reply_status",
                    "published_at",
                    "corrected_at",
                    "correction_note",
                    "withdrawn_at",
                    "withdrawal_reason",
                )
            },
        ),
        (
            _("提出人意见"),
            {"fields": ("satisfaction", "dissatisfied_on", "new_reply_due", "new_replied_on", "new_reply_text")},
        ),
    )

    actions = ["require_publication"]

    @admin.action(description=_("要求全文公开所选建议提案的答复（县政务公开主管部门）"))
    def require_publication(self, request: HttpRequest, queryset: QuerySet) -> None:
        """The openness office requires the full reply to be public (seed §2(二)); the lead unit then
        reviews and publishes it."""
        if not is_openness_office(request.user):
            self.message_user(request, _(ERROR_NOT_OFFICE), messages.ERROR)
            return
        for proposal in queryset:
            proposal_require_publication(proposal=proposal, by=request.user)
        self.message_user(request, _("已要求公开 %(n)d 件的答复全文。") % {"n": len(queryset)}, messages.SUCCESS)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        """The lead unit's and the co-units' staff read it; only the lead unit changes it."""
        proposals = super(UnitScopedAdminMixin, self).get_queryset(request)
        if reads_everything(request.user):
            return proposals
        units = user_unit_ids(request.user)
        mine = Proposal.objects.filter(Q(unit__in=units) | Q(co_units__unit__in=units)).values("pk")
        return proposals.filter(pk__in=mine)

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> tuple:
        fields = tuple(super().get_readonly_fields(request, obj))
        if not is_openness_office(request.user):
            fields = (*fields, "office_requires_publication")
        return fields

    def save_model(self, request: HttpRequest, obj: Proposal, form: forms.ModelForm, change: bool) -> None:
        if change and obj.reply_status == ReplyStatus.PUBLISHED:
            proposal_correct(proposal=obj, note=form.cleaned_data.get("correction_note", ""), by=request.user)
        else:
            proposal_save(proposal=obj, by=request.user)

    def save_formset(self, request: HttpRequest, form: forms.ModelForm, formset, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        proposal_sync_co_units(form.instance)


@admin.register(ProposalCoUnit)
class ProposalCoUnitAdmin(UnitScopedAdminMixin, SimpleHistoryAdmin):
    """A co-unit's staff record the opinion they sent to the lead unit."""

    list_display = ("proposal", "unit", "opinion_due", "opinion_sent_on")
    list_select_related = ("proposal", "unit")
    list_filter = (("unit", admin.RelatedOnlyFieldListFilter),)
    fields = ("proposal", "unit", "opinion_due", "opinion_sent_on", "opinion")
    readonly_fields = ("proposal", "unit", "opinion_due")

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False  # the lead unit names its co-units on the proposal

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: ProposalCoUnit, form: forms.ModelForm, change: bool) -> None:
        co_unit_opinion_record(co_unit=obj, sent_on=obj.opinion_sent_on, opinion=obj.opinion, by=request.user)
