"""Personal data in the admin: masked for staff by default, shown in clear for a stated reason (PIPL).

The rule, in one place: the editors of a record's own unit see its personal data in clear
(they enter and correct it); everybody else who may read the record (reviewers, supervisors,
superusers) sees it masked until they give a reason on the record's reveal page. The reason
is written to the audit log, and the reveal holds for that one record, in that session, for
REVEAL_SECONDS.
"""

import time
from collections.abc import Callable
from functools import partial

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.models import Event
from audit.services import audit_record
from organizations.models import Role
from organizations.scoping import user_unit_ids

REVEAL_SECONDS = 10 * 60
SESSION_KEY = "personal_data_revealed"
MASK = "*"
REASON_REQUIRED = "请填写查看完整个人信息的理由（将记入审计日志）。"
REVEALED = "已显示本条记录的完整个人信息，%(minutes)d 分钟内有效；查看理由已记入审计日志。"
REVEAL_LINK = "查看完整信息"


def mask_middle(value: str, head: int = 2, tail: int = 2) -> str:
    """Keep ``head`` characters at the start and ``tail`` at the end: 13800138000 → 138******00."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) <= head + tail:
        return MASK * len(value)
    return value[:head] + MASK * (len(value) - head - tail) + value[len(value) - tail :]


def masker(head: int, tail: int) -> Callable[[str], str]:
    return partial(mask_middle, head=head, tail=tail)


def _record_key(obj: Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def reveal_grant(request: HttpRequest, obj: Model) -> None:
    now = time.time()
    grants = {key: until for key, until in request.session.get(SESSION_KEY, {}).items() if until > now}
    grants[_record_key(obj)] = now + REVEAL_SECONDS
    request.session[SESSION_KEY] = grants


def revealed(request: HttpRequest, obj: Model) -> bool:
    return request.session.get(SESSION_KEY, {}).get(_record_key(obj), 0) > time.time()


def enters_personal_data(user: object, unit_id: int | None) -> bool:
    """Editors of the record's unit enter and correct its personal data, so they see it."""
    return unit_id is not None and unit_id in user_unit_ids(user, Role.EDITOR)


def personal_data_in_clear(request: HttpRequest, obj: Model | None, unit_id: int | None) -> bool:
    if obj is None:  # a new record: the editor is typing it
        return True
    return enters_personal_data(request.user, unit_id) or revealed(request, obj)


class RevealForm(forms.Form):
    reason = forms.CharField(
        label=_("查看理由"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": REASON_REQUIRED},
        help_text=_("例如：核对举报材料中的当事人身份。理由和您的账号将记入审计日志。"),
    )


class PersonalDataAdminMixin:
    """ModelAdmin mixin: ``personal_fields`` (field name → mask) are masked unless in clear.

    A mask takes the field's text and returns what a reader may see: part of an identifier,
    or free text with identifiers taken out.

    Masked fields are read-only (a save never writes a masked value back) and show a link to
    ``<id>/reveal/``, a reason form. Change form, history form and list columns all follow it.
    """

    personal_fields: dict[str, Callable[[str], str]] = {}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for field in self.personal_fields:
            setattr(self, self._masked_name(field), self._masked_display(field))

    @staticmethod
    def _masked_name(field: str) -> str:
        return f"masked_{field}"

    def _label(self, field: str) -> str:
        return self.opts.get_field(field).verbose_name

    def _unit_id(self, obj: Model) -> int | None:
        *path_to, last = getattr(self, "unit_field", "unit").split("__")
        for part in path_to:
            obj = getattr(obj, part)
        return getattr(obj, f"{last}_id")

    def personal_data_shown(self, request: HttpRequest, obj: Model | None) -> bool:
        return personal_data_in_clear(request, obj, None if obj is None else self._unit_id(obj))

    def _reveal_url(self, obj: Model) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_reveal", args=[obj.pk])

    def _masked_display(self, field: str) -> Callable[[Model], str]:
        def display(obj: Model) -> str:
            value = getattr(obj, field) or ""
            masked = self.personal_fields[field](value)
            if masked == value:  # nothing personal in it
                return linebreaksbr(value)
            return format_html('{} <a href="{}">{}</a>', linebreaksbr(masked), self._reveal_url(obj), REVEAL_LINK)

        display.short_description = self._label(field)
        return display

    def get_fieldsets(self, request: HttpRequest, obj: Model | None = None) -> list:
        fieldsets = super().get_fieldsets(request, obj)
        if self.personal_data_shown(request, obj):
            return fieldsets
        swap = {field: self._masked_name(field) for field in self.personal_fields}
        return [
            (name, {**options, "fields": [swap.get(field, field) for field in options["fields"]]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list:
        return [*super().get_readonly_fields(request, obj), *map(self._masked_name, self.personal_fields)]

    def get_list_display(self, request: HttpRequest) -> list:
        columns = super().get_list_display(request)
        return [self._list_column(request, name) if name in self.personal_fields else name for name in columns]

    def _list_column(self, request: HttpRequest, field: str) -> Callable[[Model], str]:
        masked = self._masked_display(field)

        def column(obj: Model) -> str:
            return getattr(obj, field) if self.personal_data_shown(request, obj) else masked(obj)

        column.short_description = self._label(field)
        return column

    def get_urls(self) -> list:
        name = f"{self.opts.app_label}_{self.opts.model_name}_reveal"
        view = self.admin_site.admin_view(self.reveal_view)
        return [path("<path:object_id>/reveal/", view, name=name), *super().get_urls()]

    def reveal_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        form = RevealForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            reveal_grant(request, obj)
            reason = form.cleaned_data["reason"].strip()
            audit_record(event=Event.REVEAL, user=request.user, obj=obj, request=request, detail=reason)
            self.message_user(request, REVEALED % {"minutes": REVEAL_SECONDS // 60}, messages.SUCCESS)
            change = f"admin:{self.opts.app_label}_{self.opts.model_name}_change"
            return HttpResponseRedirect(reverse(change, args=[obj.pk]))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "object": obj,
            "opts": self.opts,
            "minutes": REVEAL_SECONDS // 60,
        }
        return render(request, "admin/reveal.html", context)
