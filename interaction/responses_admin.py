"""回应关切 in the admin: the openness office records concerns for any unit; the lead unit's staff
record and publish the responses; severity and clocks stay here, never on the public page."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from interaction.models import Concern, ReplyStatus, Response
from interaction.proposals_admin import reads_everything
from interaction.proposals_services import is_openness_office
from interaction.responses_services import (
    concern_prepare,
    concern_save,
    may_write_concern,
    response_correct,
    response_prepare,
    response_publish,
    response_save,
    response_withdraw,
)
from lushan_portal.admin_tools import PublishWithdrawMixin
from organizations.models import Unit
from organizations.scoping import UnitScopedAdminMixin, unit_of, user_unit_ids


class ConcernForm(forms.ModelForm):
    class Meta:
        model = Concern
        fields = ["topic", "description", "seen_where", "first_seen_at", "severity", "unit", "co_units"]

    def _post_clean(self) -> None:
        super()._post_clean()
        try:
            concern_prepare(self.instance)
        except ValidationError as error:
            self.add_error(None, error)


class ConcernScopedMixin(UnitScopedAdminMixin):
    """Read: the openness office and supervisors everything, units their own (lead or co-unit).
    Write: the openness office, or the lead unit."""

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        rows = super(UnitScopedAdminMixin, self).get_queryset(request)
        if reads_everything(request.user):
            return rows
        units = user_unit_ids(request.user)
        lead = self.unit_field
        concern = "pk" if lead == "unit" else lead.removesuffix("__unit")
        mine = Concern.objects.filter(Q(unit__in=units) | Q(co_units__in=units)).values("pk")
        return rows.filter(**{f"{concern}__in": mine})

    def _may_write(self, request: HttpRequest, obj: Model | None) -> bool:
        if obj is None:
            return is_openness_office(request.user) or bool(user_unit_ids(request.user))
        return may_write_concern(request.user, unit_of(obj, self.unit_field))


@admin.register(Concern)
class ConcernAdmin(ConcernScopedMixin, SimpleHistoryAdmin):
    form = ConcernForm
    list_display = ("topic", "severity", "first_seen_at", "first_response_due", "press_due", "unit")
    list_filter = ("severity", ("unit", admin.RelatedOnlyFieldListFilter))
    search_fields = ("topic", "seen_where")
    list_select_related = ("unit",)
    readonly_fields = ("first_response_due", "press_due")
    filter_horizontal = ("co_units",)
    fields = ("topic", "description", "seen_where", "first_seen_at", "severity", "unit", "co_units", *readonly_fields)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.related_model is Unit and is_openness_office(request.user):
            kwargs["queryset"] = Unit.objects.filter(is_active=True)  # the office names any unit
            return super(UnitScopedAdminMixin, self).formfield_for_foreignkey(db_field, request, **kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Concern, form: forms.ModelForm, change: bool) -> None:
        concern_save(concern=obj, by=request.user)


class ResponseForm(forms.ModelForm):
    class Meta:
        model = Response
        exclude = ["correction_note"]  # noqa: DJ006 - the admin's fields choose the fields

    link = forms.URLField(label=_("链接"), required=False, max_length=500, assume_scheme="https")
    correction_note = forms.CharField(
        label=_("更正说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("修改已公开的回应时必填，将在公开页面显示。"),
    )

    def _post_clean(self) -> None:
        super()._post_clean()
        try:
            response_prepare(self.instance)
        except ValidationError as error:
            self.add_error(None, error)
        published = self.instance.pk and self.instance.status == ReplyStatus.PUBLISHED
        if published and self.has_changed() and not self.cleaned_data.get("correction_note", "").strip():
            self.add_error("correction_note", _("修改已公开的回应须写明更正说明。"))


@admin.register(Response)
class ResponseAdmin(PublishWithdrawMixin, ConcernScopedMixin, SimpleHistoryAdmin):
    form = ResponseForm
    unit_field = "concern__unit"
    publish_service = staticmethod(lambda obj, by: response_publish(response=obj, by=by))
    withdraw_service = staticmethod(lambda obj, reason, by: response_withdraw(response=obj, reason=reason, by=by))
    change_form_template = "admin/interaction/response/change_form.html"
    list_display = ("title", "kind", "concern", "made_at", "status")
    list_filter = ("kind", "status")
    search_fields = ("title", "concern__topic")
    list_select_related = ("concern",)
    readonly_fields = ("status", "published_at", "corrected_at", "withdrawn_at", "withdrawal_reason")
    fields = ("concern", "kind", "title", "made_at", "link", "summary", "correction_note", *readonly_fields)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "concern" and not reads_everything(request.user):
            units = user_unit_ids(request.user)
            kwargs["queryset"] = Concern.objects.filter(unit__in=units)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Response, form: forms.ModelForm, change: bool) -> None:
        if change and obj.status == ReplyStatus.PUBLISHED:
            response_correct(response=obj, note=form.cleaned_data.get("correction_note", ""), by=request.user)
        else:
            response_save(response=obj, by=request.user)
