from django import forms
from django.utils.translation import gettext_lazy as _

from publication_review.models import Outcome
from publication_review.services import outcome_errors


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(label=_("审查结论"), choices=Outcome.choices, widget=forms.RadioSelect)
    removed = forms.CharField(
        label=_("删除或隐去的内容（部分公开时必填）"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    legal_ground = forms.CharField(
        label=_("不予公开的法律依据（不予公开时必填）"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(label=_("审查意见"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict:
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if outcome:
            removed = (cleaned.get("removed") or "").strip()
            ground = (cleaned.get("legal_ground") or "").strip()
            for field, message in outcome_errors(outcome, removed, ground).items():
                self.add_error(field, message)
        return cleaned
