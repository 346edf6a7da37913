"""The public application form (Art 29) and the status look-up."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from disclosure_requests import rules
from disclosure_requests.intake import check_applicant
from disclosure_requests.models import ApplicantType, Application, OrganizationKind
from organizations.models import Unit

ERROR_CONSENT = "请阅读个人信息告知并勾选同意后提交。"
ERROR_REQUIRED = {
    "unit": "请选择向哪个机关申请。",
    "applicant_type": "请选择申请人类型。",
    "name": "请填写申请人姓名或名称。",
    "description": "请描述所需政府信息的名称或内容。",
    "form_wanted": "请选择获取信息的方式。",
    "delivery": "请选择获取信息的途径。",
}
ERROR_TOO_LONG = "不能超过%(limit_value)d个字。"
TEXT_INPUTS = ("name", "id_number", "agent_name", "phone", "address")
FIELDSETS = [
    (_("受理机关"), ["unit"]),
    (_("申请人信息"), [
        "applicant_type", "organization_kind", "name", "id_type", "id_number", "id_image", "credit_code", "agent_name",
    ]),
    (_("联系方式（至少一项）"), ["phone", "email", "address", "postcode"]),
    (_("所需信息"), ["description", "document_number", "other_features", "form_wanted", "delivery"]),
]  # fmt: skip
SHORT_TEXTS = (*TEXT_INPUTS, "credit_code", "document_number")


class ApplicationForm(forms.ModelForm):
    email = forms.EmailField(
        label=_("电子邮箱"), required=False, max_length=rules.MAX_SHORT_TEXT_LENGTH,
        error_messages={"invalid": _("请填写有效的电子邮箱地址。")},
    )  # fmt: skip
    consent = forms.BooleanField(
        label=_("我已阅读上方的个人信息告知，同意按告知的用途处理我提交的个人信息。"),
        error_messages={"required": _(ERROR_CONSENT)},
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(label=_("请勿填写此项"), required=False)

    class Meta:
        model = Application
        fields = [
            "unit", "applicant_type", "organization_kind", "name", "id_type", "id_number", "id_image",
            "credit_code", "agent_name", "phone", "email", "address", "postcode",
            "description", "document_number", "other_features", "form_wanted", "delivery",
        ]  # fmt: skip
        widgets = {
            "applicant_type": forms.RadioSelect,
            "form_wanted": forms.RadioSelect,
            "delivery": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "other_features": forms.Textarea(attrs={"rows": 2}),
            **{name: forms.TextInput for name in TEXT_INPUTS},
        }
        labels = {"organization_kind": _("组织类别（法人或其他组织填写）")}
        help_texts = {
            "id_image": _("自然人请上传身份证件照片或扫描件（JPG、PNG 或 PDF，不超过 5 MB），加密保存。"),
            "credit_code": _("法人或其他组织填写。"),
            "agent_name": _("法人或其他组织填写经办的联系人或代理人。"),
            "phone": _("电话、通信地址、电子邮箱至少填写一项。"),
            "description": _("例如：某年某项目的批复文件、某村某年的低保名单。写得越具体，越便于查找。"),
            "document_number": _("知道文号的请填写，如“鲁政〔2025〕12号”。"),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(is_active=True).order_by("sort_order", "code")
        self.fields["unit"].label = _("向哪个机关申请")
        self.fields["organization_kind"].choices = [("", _("（自然人不填）")), *OrganizationKind.choices]
        self.fields["id_type"].choices = [("", _("（请选择）")), *self.fields["id_type"].choices[1:]]
        self.fields["applicant_type"].choices = ApplicantType.choices
        for name, message in ERROR_REQUIRED.items():
            self.fields[name].error_messages["required"] = _(message)
        limits = {name: rules.MAX_SHORT_TEXT_LENGTH for name in SHORT_TEXTS}
        limits.update(description=rules.MAX_DESCRIPTION_LENGTH, other_features=rules.MAX_DESCRIPTION_LENGTH)
        for name, limit in limits.items():
            self.fields[name].validators.append(MaxLengthValidator(limit, message=_(ERROR_TOO_LONG)))
            self.fields[name].widget.attrs["maxlength"] = limit

    def fieldsets(self) -> list[tuple[str, list]]:
        """The form's parts, each a fieldset with its legend."""
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        probe = Application(**{name: cleaned.get(name) or "" for name in (
            "applicant_type", "organization_kind", "name", "id_type", "id_number", "credit_code", "agent_name",
            "phone", "address", "email", "description", "form_wanted", "delivery",
        )})  # fmt: skip
        probe.id_image = cleaned.get("id_image")
        try:
            check_applicant(probe, image_required=True)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned


class StatusForm(forms.Form):
    reference = forms.CharField(label=_("申请编号"), max_length=20, error_messages={"required": _("请填写申请编号。")})
    code = forms.CharField(
        label=_("查询码"),
        max_length=20,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        error_messages={"required": _("请填写查询码。")},
    )
