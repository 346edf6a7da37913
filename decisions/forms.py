from django import forms
from django.utils.translation import gettext_lazy as _

from decisions.rules import MAX_COMMENT_LENGTH


class CommentForm(forms.Form):
    body = forms.CharField(label=_("您的意见"), max_length=MAX_COMMENT_LENGTH, widget=forms.Textarea(attrs={"rows": 6}))
    name = forms.CharField(label=_("姓名（选填，不公开）"), max_length=50, required=False)
    contact = forms.CharField(label=_("联系方式（选填，不公开）"), max_length=100, required=False)
    # A field people never see: bots fill it in.
    website = forms.CharField(label=_("请勿填写此项"), required=False)
