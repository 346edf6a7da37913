"""The public forms of the mailbox: a letter, the status look-up, the rating of a reply."""

from django import forms
from django.utils.translation import gettext_lazy as _

from interaction import mailbox_intake as intake
from interaction import rules
from interaction.models import Category, Rating

# 信访 and 举报 have their own statutory channels (《信访工作条例》, the discipline and supervision
# organs): the form offers them so that a writer who picks one is told where to go instead.
PETITION = "petition"
DENUNCIATION = "denunciation"
REDIRECTS = {
    PETITION: {
        "label": _("信访"),
        "why": _(
            "信访事项依照《信访工作条例》由信访工作机构登记、受理和办理，有法定的程序和时限，本信箱不能代为受理。"
        ),
        "channels": [
            (_("国家信访局网上信访平台"), "https://wsxf.gjxfj.gov.cn/"),
            (_("鲁山县信访局（来信、来访）"), ""),
        ],
    },
    DENUNCIATION: {
        "label": _("举报"),
        "why": _("举报须由有权机关依法处理，并为举报人保密，本信箱不受理举报。"),
        "channels": [
            (
                _("党员、干部和公职人员违纪违法：纪检监察机关举报电话 12388，或中央纪委国家监委网站"),
                "https://www.12388.gov.cn/",
            ),
            (_("违法犯罪线索：向公安机关报案（110）"), ""),
            (_("其他违法行为：向负有监管职责的主管部门举报，或拨打 12345 政务服务便民热线"), ""),
        ],
    },
}
CATEGORY_CHOICES = [
    *Category.choices,
    *((code, _("%(label)s（请通过法定渠道提出）") % {"label": item["label"]}) for code, item in REDIRECTS.items()),
]


def _too_long(length: int) -> str:
    return intake.ERROR_TOO_LONG % {"length": length}


class LetterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("留言类别"),
        choices=CATEGORY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _(intake.ERROR_CATEGORY), "invalid_choice": _(intake.ERROR_CATEGORY)},
    )
    subject = forms.CharField(
        label=_("标题"),
        max_length=rules.MAX_SUBJECT_LENGTH,
        error_messages={"required": _(intake.ERROR_SUBJECT), "max_length": _too_long(rules.MAX_SUBJECT_LENGTH)},
    )
    body = forms.CharField(
        label=_("留言内容"),
        max_length=rules.MAX_BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("请写清事情经过、所在地点和您的诉求。不超过%(length)d字。") % {"length": rules.MAX_BODY_LENGTH},
        error_messages={"required": _(intake.ERROR_BODY), "max_length": _too_long(rules.MAX_BODY_LENGTH)},
    )
    name = forms.CharField(
        label=_("姓名（不公开）"),
        max_length=rules.MAX_NAME_LENGTH,
        error_messages={"required": _(intake.ERROR_NAME), "max_length": _too_long(rules.MAX_NAME_LENGTH)},
    )
    contact = forms.CharField(
        label=_("联系电话或电子邮箱（不公开）"),
        max_length=rules.MAX_CONTACT_LENGTH,
        error_messages={"required": _(intake.ERROR_CONTACT), "max_length": _too_long(rules.MAX_CONTACT_LENGTH)},
    )
    consent_publication = forms.BooleanField(
        label=_("同意在本信箱页面公开我的留言和答复（姓名、联系方式等个人信息会隐去）"), required=False
    )
    privacy = forms.BooleanField(
        label=_("我已阅读个人信息告知"),
        error_messages={"required": _("请阅读个人信息告知并勾选后提交。")},
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(label=_("请勿填写此项"), required=False)

    def redirected(self) -> dict | None:
        """The statutory channel when the writer chose 信访 or 举报 (the letter is not stored)."""
        return REDIRECTS.get(self.data.get("category", ""))


class StatusForm(forms.Form):
    reference = forms.CharField(label=_("留言编号"), max_length=20)
    code = forms.CharField(label=_("查询码"), max_length=20, widget=forms.PasswordInput(render_value=True))


class RatingForm(forms.Form):
    rating = forms.ChoiceField(
        label=_("您对答复是否满意"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择满意或不满意。")},
    )
