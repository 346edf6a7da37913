"""The application admin's reply pages: draft the reply and its letter (<id>/reply/), finalise it
(<id>/reply/finalise/), send it by e-mail or record the post or hand-over (<id>/reply/send/), and
the printable letter (<id>/reply/letter/); plus the repeat suggestions and the reconsideration and
litigation inline. Mixed into ApplicationAdmin (admin.py); every page goes through
``admin_site.admin_view`` (login and the second factor) and the same unit scope as the change page.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from audit.models import Event
from audit.services import audit_record
from disclosure_requests import letters, replies, reviews
from disclosure_requests.models import (
    Application,
    Reply,
    ReplyKind,
    ReplyReason,
    Review,
    SentRoute,
    SentStatus,
)
from disclosure_requests.repeats import repeat_suggestions
from organizations.scoping import can_write_unit

NO_REPEATS = "未发现可能的重复申请。"
REPEATS = "可能为重复申请（仅供参考，是否按重复申请处理由经办人判断）："
REVEAL_FIRST = "告知书含申请人的个人信息：请先在申请页面说明理由查看完整信息。"


class ReplyDraftForm(forms.Form):
    kind = forms.ChoiceField(label=_("办理结果"), choices=ReplyKind.choices)
    reason = forms.ChoiceField(
        label=_("具体情形"),
        choices=[("", "—"), *ReplyReason.choices],
        required=False,
        help_text=_("年度报告表三的具体情形；予以公开、部分公开无需选择。"),
    )
    legal_ground = forms.CharField(
        label=_("理由和法律依据"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("不予公开、无法提供、部分公开必填；留空时按具体情形填入条例的相应条款，请核对。"),
    )
    reconsideration_body = forms.CharField(label=_("行政复议机关"), required=False, max_length=200)
    litigation_court = forms.CharField(label=_("行政诉讼管辖法院"), required=False, max_length=200)
    right_agency = forms.CharField(
        label=_("负责公开该信息的机关"),
        required=False,
        max_length=200,
        help_text=_("本机关不掌握且能够确定负责机关的，写明名称和联系方式。"),
    )
    disclosed_url = forms.CharField(
        label=_("已公开信息的网址"),
        required=False,
        max_length=500,
        help_text=_("信息已主动公开的，写明获取的网址。"),
    )
    letter_text = forms.CharField(
        label=_("告知书内容"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 80}),
        help_text=_("首次保存时按办理结果的模板生成；可直接修改，落款单位和日期在定稿时加上。"),
    )
    regenerate = forms.BooleanField(label=_("按模板重新生成告知书（放弃对告知书的修改）"), required=False)


class FinaliseForm(forms.Form):
    replied_on = forms.DateField(label=_("答复日期"), widget=forms.DateInput(attrs={"type": "date"}))


class DeliveryForm(forms.Form):
    route = forms.ChoiceField(label=_("送达方式"), choices=SentRoute.choices)
    on = forms.DateField(
        label=_("寄出或送达日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("邮寄或当面送达时必填；电子邮件以发送时间为准。"),
    )
    tracking_number = forms.CharField(label=_("邮件单号"), required=False, max_length=64)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("route") in (SentRoute.POST, SentRoute.IN_PERSON) and not cleaned.get("on"):
            self.add_error("on", _("请填写寄出或送达日期。"))
        return cleaned


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    """The service's errors on their fields when the form has them, else above the form."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["kind", "body", "filed_on", "copy_received_on", "answered_on", "outcome", "decided_on", "note"]
        widgets = {"note": forms.TextInput}

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors or not self.has_changed():
            return cleaned
        probe = Review(pk=self.instance.pk, application_id=self.instance.application_id)
        for name in self.Meta.fields:
            setattr(probe, name, cleaned.get(name) or ("" if name in ("body", "note") else None))
        probe.outcome = cleaned.get("outcome") or probe.outcome
        try:
            reviews.review_check(probe)
        except ValidationError as error:
            _add_errors(self, error)
        else:
            self.instance.copy_received_on, self.instance.kind = probe.copy_received_on, probe.kind
            reviews.answer_due_fill(self.instance)
        return cleaned


class ReviewInline(admin.TabularInline):
    """Table 四: reconsideration and litigation against the reply, once it is answered."""

    model = Review
    form = ReviewForm
    extra = 0
    can_delete = False
    fields = [
        "kind",
        "body",
        "filed_on",
        "copy_received_on",
        "answer_due",
        "answered_on",
        "outcome",
        "decided_on",
        "note",
    ]
    readonly_fields = ["answer_due"]
    verbose_name = _("行政复议或行政诉讼")

    def has_add_permission(self, request: HttpRequest, obj: Application | None = None) -> bool:
        return obj is not None and obj.closed_on is not None and super().has_add_permission(request, obj)


class ReplyAdminMixin:
    """Adds the reply pages, the reply's state with its buttons and the repeat suggestions."""

    reply_fields = ("reply_actions", "repeat_suggestions")

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view
        name = "disclosure_requests_application_reply"
        own = [
            path("<int:object_id>/reply/", wrap(self.reply_view), name=name),
            path("<int:object_id>/reply/finalise/", wrap(self.reply_finalise_view), name=f"{name}_finalise"),
            path("<int:object_id>/reply/send/", wrap(self.reply_send_view), name=f"{name}_send"),
            path("<int:object_id>/reply/letter/", wrap(self.reply_letter_view), name=f"{name}_letter"),
        ]
        return own + super().get_urls()

    def get_fieldsets(self, request: HttpRequest, obj: Application | None = None) -> list:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [*fieldsets, (_("答复和告知书"), {"fields": list(self.reply_fields)})]

    def get_readonly_fields(self, request: HttpRequest, obj: Application | None = None) -> list:
        return [*super().get_readonly_fields(request, obj), *self.reply_fields]

    # -- the change page ---------------------------------------------------------------------

    @admin.display(description=_("答复"))
    def reply_actions(self, application: Application) -> str:
        reply = Reply.objects.filter(application=application).first()
        url = reverse("admin:disclosure_requests_application_reply", args=[application.pk])
        letter = reverse("admin:disclosure_requests_application_reply_letter", args=[application.pk])
        if reply is None:
            if not application.is_open:
                return _("已办结，无答复记录")
            return format_html('<a class="button" href="{}">{}</a>', url, _("起草答复和告知书"))
        state = f"{reply} · {reply.get_sent_status_display()}"
        if reply.sent_status == SentStatus.SENT:
            state += f"（{reply.get_sent_route_display()} {reply.sent_on:%Y-%m-%d}）" if reply.sent_on else ""
        label = _("修改草稿、定稿") if reply.replied_on is None else _("发送或登记送达")
        return format_html(
            '{} <a class="button" href="{}">{}</a> <a href="{}">{}</a>', state, url, label, letter, _("打印告知书")
        )

    @admin.display(description=_("重复申请提示"))
    def repeat_suggestions(self, application: Application) -> str:
        found = repeat_suggestions(application)
        if not found:
            return _(NO_REPEATS)
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a>（{}，相似度 {}%，{}）</li>',
            (
                (
                    reverse("admin:disclosure_requests_application_change", args=[s.application.pk]),
                    s.application.reference,
                    f"{s.application.received_on:%Y-%m-%d}" if s.application.received_on else _("日期不详"),
                    s.percent,
                    s.application.get_status_display(),
                )
                for s in found
            ),
        )
        return format_html("{}<ul>{}</ul>", _(REPEATS), items)

    # -- the reply pages ---------------------------------------------------------------------

    def _reply_application(self, request: HttpRequest, object_id: int) -> Application:
        """The application when the user may reply to it: its unit's editors (404 outside scope)."""
        application = self.get_object(request, str(object_id))
        may = (
            self.has_change_permission(request, application)
            and request.user.has_perm("disclosure_requests.change_reply")
            and request.user.has_perm("disclosure_requests.add_reply")
            and can_write_unit(request.user, application.unit_id)
        )
        if not may:
            raise PermissionDenied
        return application

    def _reply_page(self, request: HttpRequest, application: Application, **forms_: forms.Form) -> HttpResponse:
        reply = Reply.objects.filter(application=application).first()
        draft_form = forms_.get("draft_form") or ReplyDraftForm(initial=self._draft_initial(application, reply))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": application,
            "application": application,
            "reply": reply,
            "draft_form": draft_form if application.is_open else None,
            "finalise_form": forms_.get("finalise_form") or FinaliseForm(initial={"replied_on": timezone.localdate()}),
            "send_form": forms_.get("send_form") or DeliveryForm(initial=self._delivery_initial(application)),
            "repeats": repeat_suggestions(application),
            "title": _("答复 %(reference)s") % {"reference": application.reference},
        }
        status = 400 if any(form.errors for form in forms_.values()) else 200
        return render(request, "admin/disclosure_requests/application/reply.html", context, status=status)

    @staticmethod
    def _draft_initial(application: Application, reply: Reply | None) -> dict:
        if reply is not None:
            fields = ("kind", "reason", *replies.DETAIL_FIELDS, "letter_text")
            return {field: getattr(reply, field) for field in fields}
        return {"reconsideration_body": letters.suggested_reconsideration_body(application.unit)}

    @staticmethod
    def _delivery_initial(application: Application) -> dict:
        route = {"email": SentRoute.EMAIL, "post": SentRoute.POST}.get(application.delivery, SentRoute.IN_PERSON)
        return {"route": route, "on": timezone.localdate()}

    def _done(self, request: HttpRequest, application: Application, text: str, detail: str) -> HttpResponseRedirect:
        audit_record(event=Event.CHANGE, user=request.user, obj=application, request=request, detail=detail)
        self.message_user(request, text, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:disclosure_requests_application_reply", args=[application.pk]))

    def reply_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        application = self._reply_application(request, object_id)
        if request.method != "POST":
            return self._reply_page(request, application)
        form = ReplyDraftForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            details = {field: data[field] for field in replies.DETAIL_FIELDS}
            if not details["legal_ground"]:
                details["legal_ground"] = letters.suggested_ground(data["reason"])
            try:
                replies.reply_draft(
                    application=application, kind=data["kind"], reason=data["reason"], by=request.user,
                    letter_text=None if self._follows_template(application, data) else data["letter_text"],
                    **details,
                )  # fmt: skip
            except ValidationError as error:
                _add_errors(form, error)
            else:
                return self._done(request, application, _("答复草稿已保存，请核对告知书后定稿。"), "答复草稿")
        return self._reply_page(request, application, draft_form=form)

    @staticmethod
    def _follows_template(application: Application, data: dict) -> bool:
        """Drafted afresh when asked, or when the letter was not edited (it follows the fields)."""
        stored = Reply.objects.filter(application=application).values_list("pk", flat=True).first()
        if data["regenerate"] or stored is None:
            return data["regenerate"] or not data["letter_text"].strip()
        return Reply.objects.get(pk=stored).letter_text.strip() == data["letter_text"].strip()

    def reply_finalise_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        application = self._reply_application(request, object_id)
        if request.method != "POST":
            raise PermissionDenied
        form = FinaliseForm(request.POST)
        if form.is_valid():
            try:
                replies.reply_finalise(application=application, replied_on=form.cleaned_data["replied_on"],
                                       by=request.user)  # fmt: skip
            except ValidationError as error:
                _add_errors(form, error)
            else:
                return self._done(request, application, _("答复已定稿，申请已办结；请发送告知书。"), "答复定稿")
        return self._reply_page(request, application, finalise_form=form)

    def reply_send_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        application = self._reply_application(request, object_id)
        if request.method != "POST":
            raise PermissionDenied
        form = DeliveryForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["route"] == SentRoute.EMAIL:
                    replies.reply_send_email(application=application, by=request.user)
                else:
                    replies.reply_record_delivery(
                        application=application, route=data["route"], on=data["on"], by=request.user,
                        tracking_number=data["tracking_number"],
                    )  # fmt: skip
            except ValidationError as error:
                _add_errors(form, error)
            else:
                route = SentRoute(data["route"]).label
                return self._done(
                    request, application, _("告知书已送达（%(route)s）。") % {"route": route}, f"告知书送达：{route}"
                )
        return self._reply_page(request, application, send_form=form)

    def reply_letter_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """The printable letter: for readers of the application who see its personal data in clear."""
        application = self.get_object(request, str(object_id))
        if not self.has_view_or_change_permission(request, application):
            raise PermissionDenied
        if not self.personal_data_shown(request, application):
            self.message_user(request, _(REVEAL_FIRST), messages.WARNING)
            return HttpResponseRedirect(reverse("admin:disclosure_requests_application_reveal", args=[application.pk]))
        reply = Reply.objects.select_related("application__unit").filter(application=application).first()
        if reply is None:
            raise PermissionDenied
        links = {str(_("返回申请")): reverse("admin:disclosure_requests_application_change", args=[application.pk])}
        response = HttpResponse(letters.letter_html(reply, screen_links=links))
        response["Cache-Control"] = "no-store, private"
        return response
