from django import forms
from django.utils.translation import gettext_lazy as _

from site_feedback import rules, services
from site_feedback.models import ReportKind


def _too_long(message: str, length: int) -> str:
    return message % {"length": length}


class ReportForm(forms.Form):
    page = forms.CharField(
        label=_("出错页面的网址"),
        max_length=rules.MAX_PAGE_LENGTH,
        help_text=_("从本站页面点击“我为政府网站找错”进入的，已自动填写该页网址。"),
        error_messages={
            "required": _(services.ERROR_PAGE_REQUIRED),
            "max_length": _too_long(services.ERROR_PAGE_TOO_LONG, rules.MAX_PAGE_LENGTH),
        },
    )
    kind = forms.ChoiceField(
        label=_("问题类型"),
        choices=ReportKind.choices,
        initial=ReportKind.OTHER,
        error_messages={"required": _(services.ERROR_KIND), "invalid_choice": _(services.ERROR_KIND)},
    )
    description = forms.CharField(
        label=_("问题描述"),
        max_length=rules.MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("请说明哪里有误，以及正确的内容（如知道）。不超过%(length)d字。")
        % {"length": rules.MAX_DESCRIPTION_LENGTH},
        error_messages={
            "required": _(services.ERROR_EMPTY),
            "max_length": _too_long(services.ERROR_TOO_LONG, rules.MAX_DESCRIPTION_LENGTH),
        },
    )
    contact = forms.CharField(
        label=_("联系方式（选填，不公开）"),
        max_length=rules.MAX_CONTACT_LENGTH,
        required=False,
        help_text=_("电话或电子邮箱。需要答复的请填写。"),
        error_messages={"max_length": _too_long(services.ERROR_CONTACT_TOO_LONG, rules.MAX_CONTACT_LENGTH)},
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(label=_("请勿填写此项"), required=False)
